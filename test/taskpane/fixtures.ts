/** Price books for the pane's tests: the bundled one, copied and changed the way a feed might be. */
import { bundledBookJson, loadBook, type CompiledBook, type PriceBookJson } from "../../src/core";

export type Json = PriceBookJson;

export function bundledCopy(): Json {
  return structuredClone(bundledBookJson);
}

export function provider(book: Json, id: string): Json["providers"][number] {
  const found = book.providers.find((p) => p.id === id);
  if (found === undefined) throw new Error(`fixture: no provider ${id}`);
  return found;
}

/** OpenAI's table tier for (quality, size) in a book copy. */
export function openaiTier(book: Json, quality: string, size: string): { price: number } {
  const set = provider(book, "openai").image[0];
  if (set === undefined || set.pricing.kind !== "table")
    throw new Error("fixture: openai is not a table");
  const tier = set.pricing.tiers.find((t) => t.quality === quality && t.size === size);
  if (tier === undefined) throw new Error(`fixture: no openai tier ${quality} ${size}`);
  return tier;
}

export function compiled(
  json: unknown,
  origin: Parameters<typeof loadBook>[1] = { kind: "bundled" },
): CompiledBook {
  const loaded = loadBook(json, origin);
  if (!loaded.ok) throw new Error(`fixture: book rejected: ${loaded.message}`);
  return loaded.value;
}
