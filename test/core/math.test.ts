/**
 * The cost math on the sources' own examples. Every expected number is worked out by hand in the
 * comment beside it.
 */
import {
  afford,
  bundledBook as book,
  compileBook,
  cost,
  quote,
  rank,
  tokenCost,
  type PriceBookJson,
} from "../../src/core";
import { failure, value } from "./expect-result";

describe("cost: the sources' worked examples, exact to the decimal", () => {
  it('IMG.COST("openai","high","1024x1024",1000,1.2) = 253.2 exactly', () => {
    // pixazo-pricing-breakdown high square 0.211: 1000 x 1.2 x 0.211 = 253.2
    expect(value(cost(book, "openai", "high", "1024x1024", 1000, 1.2))).toBe(253.2);
  });

  it("10,000 x 0.0072 === 72", () => {
    // prospolabs-model-page Low 0.0072: 10,000 x 0.0072 = 72
    expect(value(cost(book, "prospolabs", "low", "1024x1024", 10_000))).toBe(72);
  });

  it("gives the decimal a person works out where naive floating point does not", () => {
    // 100 x 0.211 = 21.1 (naive 100 * 0.211 is 21.099999999999998)
    expect(value(cost(book, "openai", "high", "square", 100))).toBe(21.1);
    // 3 x 0.006 = 0.018 (naive 0.018000000000000002)
    expect(value(cost(book, "openai", "low", "square", 3))).toBe(0.018);
    // 100 x 0.041 = 4.1 (naive 4.1000000000000005)
    expect(value(cost(book, "openai", "medium", "portrait", 100))).toBe(4.1);
    // 1,234 x 0.1055 = 130.187 (naive 130.18699999999998)
    expect(value(cost(book, "openai-batch", "high", "square", 1234))).toBe(130.187);
  });

  it("prospolabs-model-page: a 10,000-image Medium batch is 280 at Prospolabs and 470 at retail, a 190 saving", () => {
    // 10,000 x 0.028 = 280; 10,000 x 0.047 = 470; 470 - 280 = 190
    const billed = value(cost(book, "prospolabs", "medium", "1024x1024", 10_000));
    expect(billed).toBe(280);
    // The retail price beside the billed one, which a plan multiplies by its volume.
    expect(value(quote(book, "prospolabs", "medium", "1024x1024")).listPrice).toBe(0.047);
  });

  it("atlas-cloud-guide's volume table at Atlas Cloud (0.008 per image)", () => {
    // 100 images/day: 100 x 0.008 = 0.80 a day; x 30 days = 3,000 images = 24 a month
    expect(value(cost(book, "atlas", "medium", "1024x1024", 100))).toBe(0.8);
    expect(value(cost(book, "atlas", "medium", "1024x1024", 100 * 30))).toBe(24);
    // 1,000 images/day: 1,000 x 0.008 = 8.00 a day; 30,000 a month = 240
    expect(value(cost(book, "atlas", "low", "1024x1536", 1_000))).toBe(8);
    expect(value(cost(book, "atlas", "low", "1024x1536", 30_000))).toBe(240);
    // 10,000 images/day: 80.00 a day; 300,000 a month = 2,400
    expect(value(cost(book, "atlas", "high", "1536x1024", 10_000))).toBe(80);
    expect(value(cost(book, "atlas", "high", "1536x1024", 10_000 * 30))).toBe(2400);
  });

  it("atlas-cloud-guide: the edit example's two calls cost 0.016; list price 0.01 would make it 0.02", () => {
    // 2 x 0.008 = 0.016; 2 x 0.01 = 0.02
    expect(value(cost(book, "atlas", "medium", "1024x1024", 2))).toBe(0.016);
    expect(value(quote(book, "atlas", "medium", "1024x1024")).listPrice).toBe(0.01);
  });

  it("pixazo-pricing-breakdown's per-1,000-image use cases", () => {
    // Low portrait 0.005 x 1,000 = 5; Medium square 0.053 x 1,000 = 53; High portrait 0.165 x 1,000 = 165
    expect(value(cost(book, "openai", "low", "portrait", 1000))).toBe(5);
    expect(value(cost(book, "openai", "medium", "square", 1000))).toBe(53);
    expect(value(cost(book, "openai", "high", "portrait", 1000))).toBe(165);
    // Batch Medium square: the source says 27 (from its rounded 0.027); exactly half of 53 is 26.5.
    expect(value(cost(book, "openai-batch", "medium", "square", 1000))).toBe(26.5);
  });

  it("chatgptimages-api-pricing's planning formula: requests x outputs x price x retry", () => {
    // 2,500 listings x 2 images x 1.5 retries x 0.041 (medium portrait) = 7,500 x 0.041 = 307.5
    expect(value(cost(book, "openai", "medium", "1024x1536", 2500 * 2, 1.5))).toBe(307.5);
    // 1,234 x 1.1 x 0.077 = 1,357.4 x 0.077 = 104.5198
    expect(value(cost(book, "prospolabs", "high", "2048x2048", 1234, 1.1))).toBe(104.5198);
  });

  it("a missing retry multiplier is 1 and a volume of 0 costs 0", () => {
    // 7 x 0.211 = 1.477
    expect(value(cost(book, "openai", "high", "square", 7, null))).toBe(1.477);
    expect(value(cost(book, "openai", "high", "square", 7, undefined))).toBe(1.477);
    expect(value(cost(book, "openai", "high", "square", 0))).toBe(0);
  });

  it("a range is budgeted at its upper bound (Flux 2 Pro 0.03 to 0.05)", () => {
    // 1,000 x 0.05 = 50
    expect(value(cost(book, "atlas/flux-2-pro", "high", "square", 1000))).toBe(50);
  });

  it("auto prices as high", () => {
    expect(value(cost(book, "openai", "auto", "square", 1000))).toBe(211); // 1,000 x 0.211
  });
});

describe("afford: whole images a budget buys", () => {
  it("atlas-cloud-guide: 24 buys 3,000 images at 0.008", () => {
    expect(value(afford(book, 24, "atlas", "low", "1024x1024"))).toBe(3000); // 24 / 0.008 = 3,000
  });

  it("counts exactly where naive division falls one image short", () => {
    // 3.3 / 0.165 = 20 (naive Math.floor(3.3 / 0.165) is 19)
    expect(value(afford(book, 3.3, "openai", "high", "portrait"))).toBe(20);
  });

  it("atlas-cloud-guide: the USD1 signup credit covers about 125 images", () => {
    expect(value(afford(book, 1, "atlas", "low", "1024x1024"))).toBe(125); // 1 / 0.008 = 125
  });

  it("rounds down to whole images and divides by the retry multiplier", () => {
    expect(value(afford(book, 1, "openai", "medium", "square"))).toBe(18); // 1 / 0.053 = 18.87
    // 253.2 / (0.211 x 1.2) = 253.2 / 0.2532 = 1,000
    expect(value(afford(book, 253.2, "openai", "high", "square", 1.2))).toBe(1000);
    // 280 / 0.028 = 10,000 (prospolabs-model-page's Medium batch, backwards)
    expect(value(afford(book, 280, "prospolabs", "medium", "square"))).toBe(10_000);
    expect(value(afford(book, 0, "openai", "low", "square"))).toBe(0);
  });

  it("budgets a range at its upper bound", () => {
    expect(value(afford(book, 1, "atlas/flux-2-pro", "low", "square"))).toBe(20); // 1 / 0.05 = 20
  });

  it("a free price buys any number of images: BAD_ARGUMENT says so", () => {
    const free: PriceBookJson = {
      schemaVersion: 1,
      bookVersion: "t",
      published: "2026-01-01",
      currency: "USD",
      sources: [{ id: "s", title: "t", site: "x", dated: null }],
      providers: [
        {
          id: "free",
          name: "Free",
          aliases: [],
          model: "m",
          image: [
            {
              effective: "2026-01-01",
              checked: "2026-01-01",
              source: "s",
              notes: [],
              pricing: { kind: "flat", status: "published", price: 0 },
            },
          ],
          tokens: [],
        },
      ],
    };
    const message = failure(afford(compileBook(free), 10, "free", "low", "square"), "BAD_ARGUMENT");
    expect(message).toContain("price is 0");
    expect(message).toContain("any number of images");
  });
});

describe("tokenCost: tokens x meter / 1,000,000", () => {
  it("sums every meter (chatgptimages-api-pricing's five OpenAI meters)", () => {
    // 1,000 x 5 / 1M = 0.005; 500 x 8 / 1M = 0.004; 4,160 x 30 / 1M = 0.1248;
    // 2,000 x 1.25 / 1M = 0.0025; 100 x 2 / 1M = 0.0002; total 0.1365
    const tokens = {
      textInput: 1000,
      imageInput: 500,
      imageOutput: 4160,
      cachedTextInput: 2000,
      cachedImageInput: 100,
    };
    expect(value(tokenCost(book, "openai", tokens))).toBe(0.1365);
  });

  it("cached counts may be left out", () => {
    // 1,000,000 x 5 / 1M + 0 + 0 = 5
    expect(
      value(tokenCost(book, "openai", { textInput: 1_000_000, imageInput: 0, imageOutput: 0 })),
    ).toBe(5);
  });

  it("Vercel AI Gateway: text input 5, image input at the disputed reading's safe 8, output 30", () => {
    // 1,000 x 5 / 1M = 0.005; 1,000 x 8 / 1M = 0.008; 1,000 x 30 / 1M = 0.03; total 0.043
    expect(
      value(tokenCost(book, "vercel", { textInput: 1000, imageInput: 1000, imageOutput: 1000 })),
    ).toBe(0.043);
  });

  it("a provider that bills per image has no token meters", () => {
    const message = failure(
      tokenCost(book, "azure", { textInput: 1, imageInput: 1, imageOutput: 1 }),
      "NO_TOKEN_METERS",
    );
    expect(message).toContain("Azure OpenAI bills per image, not by token");
  });
});

describe("rank: cheapest first, with each one's multiple of the cheapest", () => {
  it("medium square for 1,000 images", () => {
    const ranking = value(rank(book, "medium", "square", 1000));
    // atlas 0.008 -> 8; openai-batch 0.0265 -> 26.5; prospolabs 0.028 -> 28; then openai, azure, pixazo,
    // replicate-byok at 0.053 -> 53 (ties in book order). Multiples of 8: 3.3125, 3.5, 6.625.
    expect(ranking.rows.map((r) => [r.provider.id, r.price, r.total, r.multiple])).toEqual([
      ["atlas", 0.008, 8, 1],
      ["openai-batch", 0.0265, 26.5, 3.3125],
      ["prospolabs", 0.028, 28, 3.5],
      ["openai", 0.053, 53, 6.625],
      ["azure", 0.053, 53, 6.625],
      ["pixazo", 0.053, 53, 6.625],
      ["replicate-byok", 0.053, 53, 6.625],
    ]);
    expect(ranking.leftOut.map((x) => x.provider.id)).toEqual(["replicate", "fal", "vercel"]);
    expect(ranking.leftOut.find((x) => x.provider.id === "fal")?.reason).toContain(
      "scales between these bounds",
    );
  });

  it("never ranks nor lists the comparison models", () => {
    const ranking = value(rank(book, "high", "square"));
    const ids = [...ranking.rows, ...ranking.leftOut].map((x) => x.provider.id);
    expect(ids.some((id) => id.startsWith("atlas/"))).toBe(false);
  });

  it("high at native 4K: only Prospolabs and fal.ai publish a price (Atlas: 'No 4K option')", () => {
    const ranking = value(rank(book, "high", "3840x2160", 10, 1.5));
    // prospolabs 0.077 x 15 = 1.155; fal 0.41 x 15 = 6.15; multiple 0.41 / 0.077 = 410 / 77 = 5.3246...
    expect(ranking.rows.map((r) => [r.provider.id, r.total])).toEqual([
      ["prospolabs", 1.155],
      ["fal", 6.15],
    ]);
    expect(ranking.rows[1]?.multiple).toBeCloseTo(410 / 77, 12);
    const reasons = Object.fromEntries(ranking.leftOut.map((x) => [x.provider.id, x.reason]));
    expect(reasons["openai"]).toContain("1024x1024, 1024x1536, 1536x1024");
    expect(reasons["atlas"]).toContain("No 4K option");
  });

  it("a missing volume ranks one image", () => {
    const ranking = value(rank(book, "low", "portrait"));
    // the cheapest low portrait is openai-batch at 0.0025 (half of OpenAI's 0.005); 1 x 0.0025 = 0.0025
    expect(ranking.rows[0]?.provider.id).toBe("openai-batch");
    expect(ranking.rows[0]?.total).toBe(0.0025);
  });
});
