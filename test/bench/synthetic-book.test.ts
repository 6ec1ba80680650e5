import { bundledBook, loadBook, price } from "../../src/core";
import { syntheticBook, syntheticProviders } from "../../scripts/bench/synthetic-book";

const MB = 1024 * 1024;

describe("the synthetic 1 MB price book of the refresh measurement", () => {
  const base = bundledBook.json;
  const { book, text, copies } = syntheticBook(base, MB);
  const loaded = loadBook(JSON.parse(text));

  it("is at least 1 MB as serialised, and not much more", () => {
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeGreaterThanOrEqual(MB);
    // one copy of the 14 bundled providers is about 16 KB pretty-printed, so within 5% of 1 MB
    expect(bytes).toBeLessThan(1.05 * MB);
  });

  it("is accepted by the core's own loading path (schema and cross-checks)", () => {
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.providers.length).toBe(base.providers.length * (copies + 1));
    expect(book.providers.length).toBe(base.providers.length * (copies + 1));
  });

  it("prices each copy a little differently, and rates stay tied to their own copy", () => {
    if (!loaded.ok) throw new Error(loaded.message);
    const b = loaded.value;
    // pixazo-pricing-breakdown: OpenAI high square 0.211; copy 1 scales by 1 + (1 - 5) / 100 = 0.96 -> 0.20256
    expect(price(b, "openai-synth-1", "high", "1024x1024")).toEqual({ ok: true, value: 0.20256 });
    // pixazo-pricing-breakdown: Batch is 50% off, of the same copy: 0.20256 x 0.5 = 0.10128
    expect(price(b, "openai-batch-synth-1", "high", "1024x1024")).toEqual({
      ok: true,
      value: 0.10128,
    });
    // pixazo-pricing-breakdown: Azure bills at OpenAI's rates; copy 3 scales by 1 + (3 - 5) / 100 = 0.98 -> 0.211 x 0.98 = 0.20678
    expect(price(b, "azure-synth-3", "high", "1024x1024")).toEqual({ ok: true, value: 0.20678 });
    // the bundled providers are untouched: pixazo-pricing-breakdown, 0.211
    expect(price(b, "openai", "high", "1024x1024")).toEqual({ ok: true, value: 0.211 });
  });

  it("gives every copy its own ids, names and aliases", () => {
    const copy = syntheticProviders(base, 2);
    expect(copy.map((p) => p.id)).toEqual(base.providers.map((p) => `${p.id}-synth-2`));
    const ids = book.providers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const aliases = book.providers.flatMap((p) => p.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});
