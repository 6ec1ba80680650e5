/**
 * Loading the pricing core and choosing the providers the IMG.COST workloads use, shared by the
 * throughput, range and spreadsheet measurements.
 */
import type * as Core from "../../src/core/index";
import { tryLoad } from "./paths";
import { QUALITIES, SIZES } from "./workload";

export type CoreModule = typeof Core;

export async function loadCore(): Promise<
  { ok: true; module: CoreModule } | { ok: false; why: string }
> {
  return tryLoad("src/core/index", () => import("../../src/core/index"));
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
