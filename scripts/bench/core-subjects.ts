/**
 * Loading the pricing core and choosing the providers the IMG.COST workloads use, shared by the
 * throughput, range and spreadsheet measurements.
 */
import type * as Core from "../../src/core/index";
import { tryLoad } from "./paths";
import { loadShippedCore } from "./shipped-core";
import { QUALITIES, SIZES } from "./workload";

export type CoreModule = typeof Core;

/**
 * The core to measure. `shipped` (the default): bundled by webpack as dist/ bundles it, see
 * shipped-core.ts. Otherwise src/core as the TypeScript runner loads it, to compare with code that
 * also runs from source.
 */
export async function loadCore(
  shipped = true,
): Promise<{ ok: true; module: CoreModule; via: string } | { ok: false; why: string }> {
  const loaded = await tryLoad("src/core/index", () =>
    shipped ? Promise.resolve(loadShippedCore<CoreModule>()) : import("../../src/core/index"),
  );
  if (!loaded.ok) return loaded;
  const via = shipped ? "core bundled by webpack (production)" : "src/core";
  return { ok: true, module: loaded.module, via };
}

/**
 * Providers a planner would type that price every quality and size of the workload: "openai" first,
 * then other GPT Image 2 offers, each by id and by its first alias (people type both). At most `max`.
 */
export function typedProviders(core: CoreModule, book: Core.CompiledBook, max = 4): string[] {
  const pricesAll = (name: string): boolean =>
    QUALITIES.every((q) => SIZES.every((s) => core.price(book, name, q, s).ok));
  const names: string[] = [];
  const ordered = [...book.providers].sort(
    (a, b) => Number(b.id === "openai") - Number(a.id === "openai"),
  );
  for (const p of ordered) {
    if (p.comparisonOnly) continue;
    for (const name of [p.id, p.aliases[0]]) {
      if (name !== undefined && !names.includes(name) && pricesAll(name)) names.push(name);
    }
    if (names.length >= max) break;
  }
  if (!names.includes("openai")) {
    throw new Error(
      `the bundled book does not price "openai" for every quality (${QUALITIES.join(", ")}) ` +
        `and size (${SIZES.join(", ")}); the IMG.COST workload needs it`,
    );
  }
  return names.slice(0, max);
}
