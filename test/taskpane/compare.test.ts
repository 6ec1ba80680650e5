/** The Compare tab's ranking, worked out by hand from the sources, and the formula it inserts. */
import { bundledBook } from "../../src/core";
import { compare, type CompareInput } from "../../src/taskpane/compare";
import { setPaneLocale } from "../../src/taskpane/locale";
import { bookProblems, pathText } from "../../src/taskpane/refresh/bookProblems";
import { bundledCopy, openaiTier } from "./fixtures";

beforeAll(() => setPaneLocale("en-US"));
afterAll(() => setPaneLocale(null));

const input = (over: Partial<CompareInput> = {}): CompareInput => ({
  quality: "medium",
  size: "1024x1024",
  volume: "1000",
  retry: "1",
  ...over,
});

describe("compare", () => {
  it("ranks GPT Image 2 providers cheapest first with totals and multiples of the cheapest", () => {
    const out = compare(bundledBook, input(), "2026-11-22");
    if (!out.ok) throw new Error(out.message);
    const top = out.rows.slice(0, 3).map((r) => [r.provider.id, r.price, r.total, r.multiple]);
    // atlas-cloud-guide: Atlas 0.008 x 1,000 = 8; pixazo-pricing-breakdown: OpenAI Batch 0.0265 x 1,000 = 26.5 (0.0265 / 0.008
    // = 3.3125x); prospolabs-model-page: Prospolabs 0.028 x 1,000 = 28 (3.5x).
    expect(top).toEqual([
      ["atlas", 0.008, 8, 1],
      ["openai-batch", 0.0265, 26.5, 3.3125],
      ["prospolabs", 0.028, 28, 3.5],
    ]);
    expect(out.formula).toBe('=IMG.CHEAPEST("medium","1024x1024",1000,1)');
  });

  it("keeps the comparison models out of the ranking and lists them apart", () => {
    const out = compare(bundledBook, input(), "2026-11-22");
    if (!out.ok) throw new Error(out.message);
    const others = bundledBook.providers.filter((p) => p.comparisonOnly).map((p) => p.id);
    expect(others.length).toBeGreaterThan(0);
    expect(out.rows.filter((r) => r.provider.comparisonOnly)).toEqual([]);
    expect(out.otherModels.map((m) => m.provider.id).sort()).toEqual([...others].sort());
  });

  it("applies the retry multiplier to every total", () => {
    const out = compare(bundledBook, input({ retry: "1.25", volume: "2000" }), "2026-11-22");
    if (!out.ok) throw new Error(out.message);
    // 2,000 x 1.25 x 0.008 = 20
    expect(out.rows[0]?.total).toBe(20);
    expect(out.formula).toBe('=IMG.CHEAPEST("medium","1024x1024",2000,1.25)');
  });

  it.each([
    [{ volume: "1.5" }, "Images must be a whole number"],
    [{ retry: "0.9" }, "Retry multiplier 0.9 is below 1"],
    [{ quality: "ultra" }, "ultra"],
  ])("refuses %p", (over, message) => {
    const out = compare(bundledBook, input(over), "2026-11-22");
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain(message);
  });
});

describe("an invalid feed's problems in a user's words", () => {
  it("names the field with its provider and what was expected", () => {
    const book = bundledCopy();
    (openaiTier(book, "medium", "1024x1024") as { price: unknown }).price = true;
    expect(bookProblems(book)).toEqual([
      // providers[0] is openai; medium 1024x1024 is its fourth tier (low has three sizes).
      'providers[0] ("openai").image[0].pricing.tiers[3].price: expected a number, found true',
    ]);
  });

  it("names unknown fields and missing ones", () => {
    const book = bundledCopy() as unknown as Record<string, unknown>;
    book["colour"] = "blue";
    delete book["published"];
    expect(bookProblems(book)).toEqual(
      expect.arrayContaining([
        `the feed's top level: has field a price book does not have: "colour"; remove it`,
        "published: expected text, found nothing (the field is missing)",
      ]),
    );
  });

  it("writes paths people can follow", () => {
    expect(pathText({ providers: [{ id: "fal" }] }, ["providers", 0, "name"])).toBe(
      'providers[0] ("fal").name',
    );
  });
});
