/**
 * The price table (IMG.PRICES, the task pane's table, the prices sheet).
 */
import { bundledBook as book, priceRows, type PriceRow } from "../../src/core";
import { failure, value } from "./expect-result";

const rowsOf = (provider: string): PriceRow[] => value(priceRows(book, provider));

describe("priceRows", () => {
  it("OpenAI: the nine tiers of pixazo-pricing-breakdown, then chatgptimages-api-pricing's five token meters", () => {
    const rows = rowsOf("openai");
    expect(rows.filter((r) => r.unit === "image").map((r) => [r.quality, r.size, r.price])).toEqual(
      [
        ["low", "1024x1024", 0.006],
        ["low", "1024x1536", 0.005],
        ["low", "1536x1024", 0.005],
        ["medium", "1024x1024", 0.053],
        ["medium", "1024x1536", 0.041],
        ["medium", "1536x1024", 0.041],
        ["high", "1024x1024", 0.211],
        ["high", "1024x1536", 0.165],
        ["high", "1536x1024", 0.165],
      ],
    );
    expect(rows.filter((r) => r.unit === "1M tokens").map((r) => [r.meter, r.price])).toEqual([
      ["textInput", 5],
      ["cachedTextInput", 1.25],
      ["imageInput", 8],
      ["cachedImageInput", 2],
      ["imageOutput", 30],
    ]);
    const tier = rows[0] as PriceRow;
    expect(tier.source).toBe(
      "Pixazo: GPT Image 2 API Pricing: Complete Breakdown & The Cheapest Way to Access GPT Image 2",
    );
    expect([tier.checked, tier.effective]).toEqual(["2026-11-21", "2026-04-21"]);
    expect(rows[9]?.source).toBe("ChatGPTImages: GPT Image 2 API Pricing");
  });

  it("OpenAI Batch: the halves, with the rounding disagreement in the notes", () => {
    const rows = rowsOf("OpenAI Batch");
    expect(rows.map((r) => r.price)).toEqual([
      0.003, 0.0025, 0.0025, 0.0265, 0.0205, 0.0205, 0.1055, 0.0825, 0.0825,
    ]);
    expect(rows[0]?.notes).toContain("0.027");
  });

  it("Prospolabs: one row per quality for any size, with retail", () => {
    expect(rowsOf("prospolabs").map((r) => [r.quality, r.size, r.price, r.listPrice])).toEqual([
      ["low", "any", 0.0072, 0.012],
      ["medium", "any", 0.028, 0.047],
      ["high", "any", 0.077, 0.128],
    ]);
  });

  it("Atlas Cloud: 0.008 (list 0.01) at the three agreed sizes, then the five it is read not to offer", () => {
    const rows = rowsOf("atlas");
    expect(rows.map((r) => [r.size, r.price, r.listPrice, r.status])).toEqual([
      ["1024x1024", 0.008, 0.01, "published"],
      ["1024x1536", 0.008, 0.01, "published"],
      ["1536x1024", 0.008, 0.01, "published"],
      ["2048x2048", null, null, "disputed"],
      ["2048x1152", null, null, "disputed"],
      ["3072x3072", null, null, "disputed"],
      ["3840x2160", null, null, "disputed"],
      ["2160x3840", null, null, "disputed"],
    ]);
    expect(rows.every((r) => r.quality === "any")).toBe(true);
    expect(rows[7]?.notes).toContain('"GPT Image 2 caps at 1536 on the long edge."');
  });

  it("Flux 2 Pro shows its range", () => {
    expect(rowsOf("atlas/flux-2-pro").map((r) => [r.quality, r.size, r.minPrice, r.price])).toEqual(
      [["any", "any", 0.03, 0.05]],
    );
  });

  it("fal.ai: its two points in the source's words, and medium with no number", () => {
    expect(rowsOf("fal").map((r) => [r.quality, r.size, r.price])).toEqual([
      ["low", "1024x768 (about 1024x768)", 0.01],
      ["medium", "any", null],
      ["high", "3840x2160 (native 4K)", 0.41],
      ["high", "2160x3840 (native 4K)", 0.41],
    ]);
    expect(rowsOf("fal")[1]?.notes).toContain("scales between these bounds by resolution");
  });

  it("Replicate without a key: one row with no number and the reason", () => {
    const rows = rowsOf("replicate");
    expect(rows.map((r) => [r.quality, r.size, r.price])).toEqual([["any", "any", null]]);
    expect(rows[0]?.notes).toContain("not publicly listed per-image");
  });

  it("Vercel AI Gateway: text input, image input (disputed, 5 kept as the other reading), output", () => {
    const rows = rowsOf("vercel");
    expect(rows.map((r) => [r.unit, r.meter, r.price, r.status])).toEqual([
      ["1M tokens", "textInput", 5, "published"],
      ["1M tokens", "imageInput", 8, "disputed"],
      ["1M tokens", "imageOutput", 30, "published"],
    ]);
    expect(rows[1]?.otherReadings[0]?.part).toContain("Input (per 1M) $5.00");
  });

  it("every provider, in book order, when no provider is given", () => {
    const all = value(priceRows(book));
    const order = [...new Set(all.map((r) => r.providerId))];
    expect(order).toEqual(book.providers.map((p) => p.id));
    expect(all.length).toBe(book.providers.reduce((n, p) => n + rowsOf(p.id).length, 0));
  });

  it("an unknown provider is UNKNOWN_PROVIDER", () => {
    failure(priceRows(book, "dall-e"), "UNKNOWN_PROVIDER");
  });
});
