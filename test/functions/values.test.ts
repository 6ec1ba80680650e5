/**
 * What a user would check first: the IMG functions, called as Excel calls them on the built bundle,
 * give the numbers one works out by hand from the source pages (/work/shared/seeds, summarised in
 * data/prices/gpt-image-2.json with the page each price came from).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LoadedFunctions } from "../support/functions-harness";
import { BUILD_TIMEOUT_MS, cell, expectExcelError, loadExcelFunctions, only } from "./excel";

let fns: LoadedFunctions;
beforeAll(async () => {
  fns = await loadExcelFunctions();
}, BUILD_TIMEOUT_MS);

const bookJson = JSON.parse(
  readFileSync(join(__dirname, "../../data/prices/gpt-image-2.json"), "utf8"),
) as {
  bookVersion: string;
  published: string;
  providers: { id: string; name: string }[];
};

describe("IMG.COST", () => {
  test.each([
    // pixazo-pricing-breakdown (OpenAI standard, high square 0.211): 1,000 x 1.2 x 0.211 = 253.2
    ["openai", "high", "1024x1024", 1000, 1.2, 253.2],
    // prospolabs-model-page (Prospolabs medium 0.028): 10,000 x 0.028 = 280, the page's own example
    ["prospolabs", "medium", "1024x1024", 10000, null, 280],
    // atlas-cloud-guide (Atlas 0.008 flat): 100 images a day for 30 days = 3,000 x 0.008 = 24, the page's monthly cost
    ["atlas", "low", "1024x1024", 3000, null, 24],
    // pixazo-pricing-breakdown: "E-commerce product images (Low, portrait): $5 per 1,000 images" -> 1,000 x 0.005 = 5
    ["openai", "low", "portrait", 1000, null, 5],
    // pixazo-pricing-breakdown: "Premium campaign assets (High, portrait): $165 per 1,000 images"
    ["pixazo", "high", "1024x1536", 1000, null, 165],
    // pixazo-pricing-breakdown: Batch is 50% off; medium square 0.053 / 2 = 0.0265; 1,000 x 0.0265 = 26.5
    ["openai-batch", "medium", "square", 1000, null, 26.5],
    // pixazo-pricing-breakdown/chatgptimages-api-pricing: auto prices as high (the most auto can cost): 1,000 x 0.211 = 211
    ["openai", "auto", "1024x1024", 1000, null, 211],
    // atlas-cloud-guide: Atlas is flat at every quality: 2 x 0.008 = 0.016, the page's two-call example
    // (both calls at "size": "1024x1024")
    ["atlas", "high", "1024x1024", 2, null, 0.016],
  ])("COST(%s, %s, %s, %d, %s) = %d", (provider, quality, size, volume, retry, expected) => {
    const result = fns.call(
      "COST",
      cell(provider),
      cell(quality),
      cell(size),
      cell(volume),
      retry === null ? null : cell(retry),
    );
    expect(only(result)).toBe(expected);
  });

  test("an omitted retry counts as 1, the same as writing 1", () => {
    // pixazo-pricing-breakdown: 1,000 x 0.211 = 211
    const omitted = fns.call(
      "COST",
      cell("openai"),
      cell("high"),
      cell("square"),
      cell(1000),
      null,
    );
    const one = fns.call("COST", cell("openai"), cell("high"), cell("square"), cell(1000), cell(1));
    expect(only(omitted)).toBe(211);
    expect(only(one)).toBe(211);
  });

  test("takes plain values as well as 1x1 ranges, and provider names and aliases", () => {
    // pixazo-pricing-breakdown: Azure at OpenAI's rates, medium landscape 0.041: 100 x 0.041 = 4.1
    expect(only(fns.call("COST", "Azure OpenAI", "Medium", "1536 x 1024", 100, null))).toBe(4.1);
  });
});

describe("IMG.PRICE", () => {
  test.each([
    ["openai", "high", "1024x1536", 0.165], // pixazo-pricing-breakdown: high portrait & landscape 0.165
    ["openai", "low", "1024x1024", 0.006], // pixazo-pricing-breakdown: low square 0.006
    ["prospolabs", "high", "square", 0.077], // prospolabs-model-page: High 0.077
    ["atlas", "medium", "1536x1024", 0.008], // atlas-cloud-guide: flat 0.008
    ["fal", "low", "1024x768", 0.01], // pixazo-pricing-breakdown: fal low at about 1024x768, 0.01
    ["fal", "high", "3840x2160", 0.41], // pixazo-pricing-breakdown: fal high at native 4K, 0.41
  ])("PRICE(%s, %s, %s) = %d", (provider, quality, size, expected) => {
    expect(only(fns.call("PRICE", cell(provider), cell(quality), cell(size)))).toBe(expected);
  });
});

describe("IMG.AFFORD", () => {
  test("AFFORD(24, atlas, low, square) = 24 / 0.008 = 3000 (atlas-cloud-guide)", () => {
    expect(
      only(fns.call("AFFORD", cell(24), cell("atlas"), cell("low"), cell("square"), null)),
    ).toBe(3000);
  });

  test("rounds down to whole images and applies retry", () => {
    // pixazo-pricing-breakdown: 100 / (0.211 x 1.2) = 100 / 0.2532 = 394.94... -> 394 whole images
    expect(
      only(
        fns.call("AFFORD", cell(100), cell("openai"), cell("high"), cell("1024x1024"), cell(1.2)),
      ),
    ).toBe(394);
    // prospolabs-model-page: 280 / 0.028 = 10,000 exactly, no float shortfall to 9,999
    expect(
      only(fns.call("AFFORD", cell(280), cell("prospolabs"), cell("medium"), cell("square"), null)),
    ).toBe(10000);
  });
});

describe("IMG.TOKENCOST", () => {
  test("TOKENCOST(openai, 1M, 1M, 1M) = 5 + 8 + 30 = 43 (chatgptimages-api-pricing meters)", () => {
    expect(
      only(fns.call("TOKENCOST", cell("openai"), cell(1e6), cell(1e6), cell(1e6), null, null)),
    ).toBe(43);
  });

  test("cached tokens are billed at their own meters", () => {
    // chatgptimages-api-pricing: 1M image output x 30 + 1M cached text x 1.25 + 1M cached image x 2.00 = 33.25
    const result = fns.call(
      "TOKENCOST",
      cell("openai"),
      cell(0),
      cell(0),
      cell(1e6),
      cell(1e6),
      cell(1e6),
    );
    expect(only(result)).toBe(33.25);
    // chatgptimages-api-pricing: 2,000 text x 5 + 500,000 image out x 30 per 1M = 0.01 + 15 = 15.01
    expect(only(fns.call("TOKENCOST", "openai", 2000, 0, 500000, null, null))).toBe(15.01);
  });

  test("Vercel AI Gateway: input 5.00, output 30.00 per 1M (llm-reference-openai-api)", () => {
    // 1M input x 5 + 1M output x 30 = 35
    expect(
      only(fns.call("TOKENCOST", cell("vercel"), cell(1e6), cell(0), cell(1e6), null, null)),
    ).toBe(35);
    // image input is disputed (Vercel "Input $5.00" vs OpenAI "Image input $8.00"): the safe 8
    expect(
      only(fns.call("TOKENCOST", cell("vercel"), cell(0), cell(1e6), cell(0), null, null)),
    ).toBe(8);
  });
});

describe("IMG.CHEAPEST", () => {
  const HEADER = [
    "provider",
    "price per image",
    "total",
    "multiple of cheapest",
    "status",
    "other readings",
  ];

  test("ranks cheapest first with totals and multiples, then says who was left out", () => {
    const table = fns.call("CHEAPEST", "low", "1024x1024", 1000, null, null) as unknown[][];
    // Low square prices from the seeds: OpenAI Batch 0.006 / 2 = 0.003; OpenAI, Azure, Pixazo,
    // Replicate BYOK 0.006 (pixazo-pricing-breakdown); Prospolabs 0.0072 (prospolabs-model-page); Atlas 0.008 (atlas-cloud-guide).
    // Totals are x 1,000; multiples are over 0.003. Ties keep the book's order.
    // Status: Batch is derived ("50% off"), Azure ("aligned with OpenAI standard rates") and
    // Replicate BYOK ("standard OpenAI rates") are derived; the others are stated on their pages.
    expect(table).toEqual([
      HEADER,
      ["openai-batch", 0.003, 3, 1, "derived", ""],
      ["openai", 0.006, 6, 2, "published", ""],
      ["azure", 0.006, 6, 2, "derived", ""],
      ["pixazo", 0.006, 6, 2, "published", ""],
      ["replicate-byok", 0.006, 6, 2, "derived", ""],
      ["prospolabs", 0.0072, 7.2, 2.4, "published", ""],
      ["atlas", 0.008, 8, expect.closeTo(8 / 3, 12), "published", ""],
      // Replicate lists no price (pixazo-pricing-breakdown), fal prices low only at about 1024x768, Vercel bills by token.
      [
        "Left out (no published price for low 1024x1024): replicate, fal, vercel",
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
  });

  test("top keeps the cheapest rows and the footer says how many were not shown", () => {
    const table = fns.call("CHEAPEST", "high", "square", 1000, 1.2, 2) as unknown[][];
    // High square: Atlas 0.008 (atlas-cloud-guide), Prospolabs 0.077 (prospolabs-model-page); totals 1,000 x 1.2 x price
    // = 9.6 and 92.4; 0.077 / 0.008 = 9.625. Seven providers price high square.
    expect(table).toEqual([
      HEADER,
      ["atlas", 0.008, 9.6, 1, "published", ""],
      ["prospolabs", 0.077, 92.4, 9.625, "published", ""],
      [
        "Left out (no published price for high 1024x1024): replicate, fal, vercel; showing the cheapest 2 of 7 priced providers",
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
  });

  test("blank cells for volume, retry and top count as left out", () => {
    const omitted = fns.call("CHEAPEST", "medium", "portrait", null, null, null);
    const blank = fns.call("CHEAPEST", "medium", "portrait", "", "", "");
    expect(blank).toEqual(omitted);
    // atlas-cloud-guide: Atlas 0.008 flat is the cheapest medium portrait; one image totals 0.008
    expect((blank as unknown[][])[1]).toEqual(["atlas", 0.008, 0.008, 1, "published", ""]);
  });

  test("an omitted volume totals one image, and auto ranks as high", () => {
    const table = fns.call("CHEAPEST", "auto", "1024x768", null, null, null) as unknown[][];
    // Only Prospolabs prices any size per quality (prospolabs-model-page: high 0.077); the OpenAI-rate providers
    // list only 1024x1024, 1024x1536 and 1536x1024, Atlas lists its sizes, fal has high only at 4K.
    expect(table).toEqual([
      HEADER,
      ["prospolabs", 0.077, 0.077, 1, "published", ""],
      [
        "Left out (no published price for high 1024x768): " +
          "openai, openai-batch, azure, pixazo, replicate-byok, replicate, fal, atlas, vercel",
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
  });

  test("at 3840x2160 Atlas is left out ('No 4K option'), and asOf ranks that day's prices", () => {
    const table = fns.call("CHEAPEST", "high", "3840x2160", 100, null, null, null) as unknown[][];
    // prospolabs-model-page Prospolabs high 0.077 x 100 = 7.7; pixazo-pricing-breakdown fal.ai "native 4K" 0.41 x 100 = 41
    expect(table.slice(1, 3).map((r) => [r[0], r[2]])).toEqual([
      ["prospolabs", 7.7],
      ["fal", 41],
    ]);
    expect(String(table[3]?.[0])).toContain("atlas");
    // DATE(2026,3,1) = 46082: before GPT Image 2's release (2026-04-21), nothing is in effect
    expectExcelError(
      only(fns.call("CHEAPEST", "high", "square", 1, null, null, 46082)),
      "#N/A",
      "2026-04-21",
    );
  });
});

describe("asOf, the last argument of COST, PRICE, TOKENCOST, AFFORD and CHEAPEST", () => {
  // Serials: 46143 is 2026-05-01 (see ASOF below); DATE(2026,6,1) = 46143 + 31 = 46174;
  // DATE(2026,3,1) = 46174 - 31 (May) - 30 (April) - 31 (March) = 46082.
  test('=IMG.COST("openai","high","1024x1024",1000,1,DATE(2026,6,1)) is 211; DATE(2026,3,1) is #N/A', () => {
    // pixazo-pricing-breakdown: High $0.211 / 1024x1024, in effect from the 2026-04-21 release: 1,000 x 0.211 = 211
    const args = [cell("openai"), cell("high"), cell("1024x1024"), cell(1000), cell(1)];
    expect(only(fns.call("COST", ...args, cell(46174)))).toBe(211);
    expect(only(fns.call("COST", ...args, cell("2026-06-01")))).toBe(211);
    expectExcelError(
      only(fns.call("COST", ...args, cell(46082))),
      "#N/A",
      "2026-03-01",
      "2026-04-21",
    );
  });

  test("PRICE, AFFORD and TOKENCOST take it too", () => {
    // pixazo-pricing-breakdown: 0.211; 21.1 / 0.211 = 100 images; chatgptimages-api-pricing: 1M image output x 30 = 30
    expect(only(fns.call("PRICE", cell("openai"), cell("high"), cell("square"), cell(46174)))).toBe(
      0.211,
    );
    expect(
      only(
        fns.call(
          "AFFORD",
          cell(21.1),
          cell("openai"),
          cell("high"),
          cell("square"),
          null,
          cell(46174),
        ),
      ),
    ).toBe(100);
    expect(
      only(
        fns.call("TOKENCOST", cell("openai"), cell(0), cell(0), cell(1e6), null, null, cell(46174)),
      ),
    ).toBe(30);
    // chatgptimages-api-pricing checked its meters on 2026-04-28; on 2026-04-22 none were in effect yet
    expectExcelError(
      only(
        fns.call(
          "TOKENCOST",
          cell("openai"),
          cell(0),
          cell(0),
          cell(1e6),
          null,
          null,
          cell("2026-04-22"),
        ),
      ),
      "#N/A",
      "2026-04-28",
    );
  });

  test("a date that is not one is #VALUE!", () => {
    expectExcelError(
      only(fns.call("PRICE", cell("openai"), cell("high"), cell("square"), cell("June"))),
      "#VALUE!",
      '"June"',
    );
  });
});

describe("IMG.PRICES", () => {
  const HEADER = [
    "provider",
    "model",
    "quality",
    "size",
    "price",
    "list price",
    "unit",
    "read",
    "source",
    "lowest price",
    "status",
    "other readings",
    "page date",
  ];

  test("one provider: its three quality tiers with list prices (prospolabs-model-page)", () => {
    const table = fns.call("PRICES", "prospolabs") as unknown[][];
    expect(table[0]).toEqual(HEADER);
    const rows = table.slice(1).map((r) => [r[0], r[2], r[4], r[5], r[6]]);
    expect(rows).toEqual([
      ["prospolabs", "low", 0.0072, 0.012, "per image"],
      ["prospolabs", "medium", 0.028, 0.047, "per image"],
      ["prospolabs", "high", 0.077, 0.128, "per image"],
    ]);
    for (const r of table.slice(1)) expect(String(r[8])).toContain("Prospolabs");
    // prospolabs-model-page gives no date; the book read it on 2026-11-21
    for (const r of table.slice(1))
      expect([r[7], r[10], r[12]]).toEqual(["2026-11-21", "published", "undated"]);
  });

  test("a disputed price shows its other reading; a range shows both ends", () => {
    const vercel = fns.call("PRICES", "vercel") as unknown[][];
    // llm-reference-openai-api: Vercel "Input (per 1M) $5.00"; OpenAI image input "$8.00" on the same page
    const imageInput = vercel.find((r) => r[6] === "per 1M tokens (image input)");
    expect([imageInput?.[4], imageInput?.[10]]).toEqual([8, "disputed"]);
    expect(String(imageInput?.[11])).toContain("5 (LLM Reference: GPT Image 2 on OpenAI API;");
    expect(imageInput?.[12]).toBe("2026-05-10");
    // atlas-cloud-guide: Flux 2 Pro "USD0.03-0.05"
    const flux = (fns.call("PRICES", "flux 2 pro") as unknown[][])[1];
    expect([flux?.[4], flux?.[9], flux?.[10]]).toEqual([0.05, 0.03, "bound"]);
  });

  test("the whole book: every row as wide as the header, token meters labelled per 1M tokens", () => {
    const table = fns.call("PRICES", null) as unknown[][];
    expect(table[0]).toEqual(HEADER);
    for (const r of table) expect(r).toHaveLength(HEADER.length);
    const providers = new Set(table.slice(1).map((r) => r[0]));
    for (const { id } of bookJson.providers) expect(providers.has(id)).toBe(true);
    // chatgptimages-api-pricing: OpenAI's image output meter is 30.00 per 1M tokens.
    const imageOutput = table.find(
      (r) => r[0] === "openai" && r[6] === "per 1M tokens (image output)",
    );
    expect(imageOutput?.[4]).toBe(30);
  });
});

describe("IMG.PROVIDERS, IMG.ASOF, IMG.SOURCE, IMG.BOOK", () => {
  test("PROVIDERS spills a header and every provider id and name, in book order", () => {
    const table = fns.call("PROVIDERS") as unknown[][];
    expect(table[0]).toEqual(["provider", "name", "model", "prices"]);
    expect(table.slice(1).map((r) => [r[0], r[1]])).toEqual(
      bookJson.providers.map((p) => [p.id, p.name]),
    );
    expect(table.find((r) => r[0] === "atlas/flux-2-pro")?.[3]).toBe(
      "comparison only (not GPT Image 2)",
    );
  });

  test("ASOF gives the date the page was read, the same for dated and undated pages", () => {
    // Every page was read on 2026-11-21. Serial of 2000-01-01 is 36526; 2000..2025 is 26 years with
    // 7 leap days = 9,497 days -> 2026-01-01 = 46023; + 31 + 28 + 31 + 30 = 120 -> May 1 = 46143;
    // + 31 + 30 + 31 + 31 + 30 + 31 = 184 -> Nov 1 = 46327; Nov 21 = 46347.
    expect(fns.call("ASOF", "atlas")).toBe(46347); // dated "May 4, 2026"
    expect(fns.call("ASOF", "pixazo")).toBe(46347); // undated
    expect(fns.call("ASOF", "Vercel")).toBe(46347); // dated "2026-05-10"
  });

  test("SOURCE names the site, the page, its own date (or undated) and the date it was read", () => {
    expect(fns.call("SOURCE", "atlas")).toBe(
      "Atlas Cloud: GPT Image 2 on Atlas Cloud: OpenAI's Cheapest Image API, dated 2026-05-04 (read 2026-11-21)",
    );
    expect(fns.call("SOURCE", "pixazo")).toBe(
      "Pixazo: GPT Image 2 API Pricing: Complete Breakdown & The Cheapest Way to Access GPT Image 2, undated (read 2026-11-21)",
    );
  });

  test("BOOK names the active book's version, date and origin", () => {
    const text = fns.call("BOOK");
    expect(text).toBe(
      `Price book ${bookJson.bookVersion}, published ${bookJson.published}, from the book bundled with the add-in`,
    );
  });

  test("ASOF and SOURCE of an unknown provider are #N/A naming it", () => {
    expectExcelError(fns.call("ASOF", "dalle"), "#N/A", '"dalle"', "openai");
    expectExcelError(fns.call("SOURCE", "dalle"), "#N/A", '"dalle"');
  });
});
