/**
 * Every price the five sources publish, checked against the pages by hand. Each expectation is
 * copied from the seed page named in its comment (or worked out from it), never from the code.
 */
import {
  bundledBook as book,
  freshness,
  price,
  priceRows,
  quote,
  rank,
  tokenCost,
} from "../../src/core";
import { failure, value } from "./expect-result";

describe("OpenAI standard rates (pixazo-pricing-breakdown, Pixazo: 'GPT Image 2 - OpenAI Standard Rates (Per Image)')", () => {
  // pixazo-pricing-breakdown: Low $0.006 / 1024x1024 | $0.005 / 1024x1536 or 1536x1024
  // pixazo-pricing-breakdown: Medium $0.053 / 1024x1024 | $0.041 / portrait & landscape
  // pixazo-pricing-breakdown: High $0.211 / 1024x1024 | $0.165 / portrait & landscape
  const table: [string, string, number][] = [
    ["low", "1024x1024", 0.006],
    ["low", "1024x1536", 0.005],
    ["low", "1536x1024", 0.005],
    ["medium", "1024x1024", 0.053],
    ["medium", "1024x1536", 0.041],
    ["medium", "1536x1024", 0.041],
    ["high", "1024x1024", 0.211],
    ["high", "1024x1536", 0.165],
    ["high", "1536x1024", 0.165],
  ];
  it.each(table)("openai %s %s = %p", (quality, size, expected) => {
    expect(value(price(book, "openai", quality, size))).toBe(expected);
  });

  // pixazo-pricing-breakdown: Pixazo, Replicate with BYOK and Azure bill "at OpenAI's rates" / "standard OpenAI rates".
  it.each(["azure", "pixazo", "replicate-byok"])(
    "%s charges OpenAI's rates at every tier",
    (id) => {
      for (const [quality, size, expected] of table) {
        expect(value(price(book, id, quality, size))).toBe(expected);
      }
    },
  );

  it("portrait and landscape cost less than square at every tier, as the source says", () => {
    for (const quality of ["low", "medium", "high"]) {
      const square = value(price(book, "openai", quality, "square"));
      expect(value(price(book, "openai", quality, "portrait"))).toBeLessThan(square);
      expect(value(price(book, "openai", quality, "landscape"))).toBeLessThan(square);
    }
  });

  it("names Pixazo's undated page as the source, transcribed on 2026-11-21", () => {
    const q = value(quote(book, "openai", "high", "1024x1024"));
    expect(q.source.site).toBe("Pixazo");
    expect(q.source.dated).toBeNull();
    expect(q.checked).toBe("2026-11-21");
    // llm-reference-openai-api: "released April 21, 2026" is used as the date undated prices apply from.
    expect(q.effective).toBe("2026-04-21");
    expect(q.notes.join(" ")).toContain("gives no date");
  });
});

describe("OpenAI Batch API (pixazo-pricing-breakdown: '50% off standard rates')", () => {
  // Exactly half of each standard tier: 0.006/2 = 0.003, 0.005/2 = 0.0025, 0.053/2 = 0.0265,
  // 0.041/2 = 0.0205, 0.211/2 = 0.1055, 0.165/2 = 0.0825.
  it.each([
    ["low", "1024x1024", 0.003],
    ["low", "1024x1536", 0.0025],
    ["medium", "1024x1024", 0.0265],
    ["medium", "1536x1024", 0.0205],
    ["high", "1024x1024", 0.1055],
    ["high", "1024x1536", 0.0825],
  ])("openai-batch %s %s = %p", (quality, size, expected) => {
    expect(value(price(book, "openai-batch", quality, size))).toBe(expected);
  });

  it("notes the source's rounded list (0.003 / 0.027 / 0.105) and its FAQ's 0.002 for Low portrait", () => {
    const notes = value(quote(book, "openai-batch", "medium", "square")).notes.join(" ");
    expect(notes).toContain("0.027");
    expect(notes).toContain("0.105");
    expect(notes).toContain("0.002");
  });
});

describe("Prospolabs (prospolabs-model-page: 'Low $0.0072/image (retail $0.012), Medium $0.028 (retail $0.047), High $0.077 (retail $0.128)')", () => {
  it.each([
    ["low", 0.0072, 0.012],
    ["medium", 0.028, 0.047],
    ["high", 0.077, 0.128],
  ])("%s = %p, retail %p, at any valid size", (quality, billed, retail) => {
    for (const size of ["1024x1024", "2048x2048", "16x4096", "3840x2160"]) {
      const q = value(quote(book, "prospolabs", quality, size));
      expect(q.price).toBe(billed);
      expect(q.listPrice).toBe(retail);
    }
  });
});

describe("Atlas Cloud (atlas-cloud-guide: 'USD0.008 / image', 'List price USD0.01 / image (20% off)')", () => {
  // atlas-cloud-guide "at a glance": 1K 1024x1024, 1024x1536, 1536x1024; 2K 2048x2048, 2048x1152; 3840x2160, 2160x3840.
  const sizes = ["1024x1024", "1024x1536", "1536x1024"];
  // The only sizes every part of the page names: the table's "1K: 1024x1024, 1024x1536, 1536x1024",
  // the parameter reference's first three and the FAQ's "Three: 1024x1024, 1024x1536, 1536x1024".
  it("is 0.008 (list 0.01) at every quality at the three sizes every part of the page agrees on", () => {
    for (const quality of ["low", "medium", "high", "auto"]) {
      for (const size of sizes) {
        const q = value(quote(book, "atlas", quality, size));
        expect(q.price).toBe(0.008);
        expect(q.listPrice).toBe(0.01);
        expect(q.status).toBe("published");
      }
    }
  });

  // The "at a glance" table: "2K: 2048x2048, 2048x1152 3K: 3840x2160, 2160x3840"; the parameter
  // reference: "2048x2048, and 3072x3072"; the FAQ: "No 4K option" and "caps at 1536 on the long
  // edge". Disputed, so read the budget-safe way: not offered.
  it.each(["2048x2048", "2048x1152", "3072x3072", "3840x2160", "2160x3840"])(
    "does not offer %s: #N/A quoting both statements of the page",
    (size) => {
      for (const quality of ["low", "high"]) {
        const message = failure(price(book, "atlas", quality, size), "SIZE_NOT_PRICED");
        expect(message).toContain(`does not offer ${size}`);
        expect(message).toContain("No 4K option");
        expect(message).toContain("caps at 1536 on the long edge");
        expect(message).toContain(size === "3072x3072" ? "parameter reference" : "at a glance");
      }
    },
  );

  it("keeps the page's other reading of the sizes it does not offer", () => {
    const rows = value(priceRows(book, "atlas")).filter((r) => r.price === null);
    expect(rows.map((r) => [r.size, r.status, r.priceText])).toEqual([
      ["2048x2048", "disputed", "not offered"],
      ["2048x1152", "disputed", "not offered"],
      ["3072x3072", "disputed", "not offered"],
      ["3840x2160", "disputed", "not offered"],
      ["2160x3840", "disputed", "not offered"],
    ]);
    // 2048x2048 is in both the table and the parameter reference: two other readings, each 0.008.
    const square2k = rows[0]?.otherReadings ?? [];
    expect(square2k.map((r) => r.value)).toEqual([0.008, 0.008]);
    expect(square2k.map((r) => r.source)).toEqual([
      "Atlas Cloud: GPT Image 2 on Atlas Cloud: OpenAI's Cheapest Image API",
      "Atlas Cloud: GPT Image 2 on Atlas Cloud: OpenAI's Cheapest Image API",
    ]);
    expect(square2k[0]?.part).toContain("at a Glance");
    expect(square2k[1]?.part).toContain("Parameter reference");
  });

  it("carries its $1 signup credit as a term that changes a budget", () => {
    // atlas-cloud-guide: "Free signup creditUSD1.00 (~125 images)"
    const atlas = book.providers.find((p) => p.id === "atlas");
    expect(atlas?.terms.join(" ")).toContain("USD1.00 free signup credit");
  });

  it("is dated by the page's 'Last Updated: May 4, 2026'", () => {
    const q = value(quote(book, "atlas", "low", "square"));
    expect(q.source.dated).toBe("2026-05-04");
    expect(q.effective).toBe("2026-05-04");
  });
});

describe("Atlas Cloud comparison models (atlas-cloud-guide comparison table)", () => {
  it("Nano Banana 2 0.08, Imagen 4 Ultra 0.054 (a starting price), Z-Image Turbo 0.01", () => {
    expect(value(price(book, "atlas/nano-banana-2", "high", "square"))).toBe(0.08);
    expect(value(price(book, "atlas/imagen-4-ultra", "high", "square"))).toBe(0.054);
    expect(value(price(book, "atlas/z-image-turbo", "high", "square"))).toBe(0.01);
    // atlas-cloud-guide writes "USD0.054+".
    expect(value(quote(book, "atlas/imagen-4-ultra", "low", "square")).notes.join(" ")).toContain(
      "0.054+",
    );
  });

  it("Flux 2 Pro is the range 0.03 to 0.05, budgeted at the upper bound", () => {
    const q = value(quote(book, "atlas/flux-2-pro", "medium", "square"));
    expect(q.price).toBe(0.05);
    expect(q.minPrice).toBe(0.03);
  });

  it("are marked as comparison models", () => {
    const ids = book.providers.filter((p) => p.comparisonOnly).map((p) => p.id);
    expect(ids).toEqual([
      "atlas/nano-banana-2",
      "atlas/imagen-4-ultra",
      "atlas/flux-2-pro",
      "atlas/z-image-turbo",
    ]);
  });
});

describe("fal.ai (pixazo-pricing-breakdown: 'Low quality (~1024x768): $0.01', 'High quality (native 4K): $0.41')", () => {
  it("prices its two published points", () => {
    expect(value(price(book, "fal", "low", "1024x768"))).toBe(0.01);
    expect(value(price(book, "fal", "high", "3840x2160"))).toBe(0.41);
    expect(value(price(book, "fal", "high", "2160x3840"))).toBe(0.41);
  });

  it("publishes no medium price: it 'scales between these bounds by resolution'", () => {
    const message = failure(price(book, "fal", "medium", "1024x1024"), "NOT_PUBLISHED");
    expect(message).toContain("scales between these bounds by resolution");
  });

  it("prices no size between the points", () => {
    const message = failure(price(book, "fal", "low", "1024x1024"), "SIZE_NOT_PRICED");
    expect(message).toContain("1024x768");
    expect(message).toContain("about 1024x768");
  });
});

describe("Replicate without your own key (pixazo-pricing-breakdown: 'not publicly listed per-image')", () => {
  it("is not published, and says so", () => {
    const message = failure(price(book, "replicate", "low", "square"), "NOT_PUBLISHED");
    expect(message).toContain("not publicly listed per-image");
  });
});

describe("token meters", () => {
  // chatgptimages-api-pricing (checked 2026-04-28): text input 5.00, cached text 1.25, image input 8.00, cached image 2.00,
  // image output 30.00 USD per 1M tokens. One million of each meter costs the meter itself.
  it.each([
    ["textInput", 5],
    ["cachedTextInput", 1.25],
    ["imageInput", 8],
    ["cachedImageInput", 2],
    ["imageOutput", 30],
  ])("OpenAI %s = %p per 1M tokens", (meter, perMillion) => {
    const tokens = { textInput: 0, imageInput: 0, imageOutput: 0, [meter]: 1_000_000 };
    expect(value(tokenCost(book, "openai", tokens))).toBe(perMillion);
  });

  it("OpenAI's token prices take effect on chatgptimages-api-pricing's check date and were read on 2026-11-21", () => {
    const rows = book.json.providers.find((p) => p.id === "openai")?.tokens ?? [];
    expect(rows.map((r) => [r.effective, r.checked])).toEqual([["2026-04-28", "2026-11-21"]]);
  });

  // llm-reference-openai-api (refreshed 2026-05-10): Vercel AI Gateway "Input (per 1M) $5.00", "Output $30.00"; the
  // same page: OpenAI "Image input $8.00". Image input is disputed and read at the higher 8.00.
  it("Vercel AI Gateway: text input 5.00, image input 8.00 (disputed), output 30.00", () => {
    expect(
      value(tokenCost(book, "vercel", { textInput: 1_000_000, imageInput: 0, imageOutput: 0 })),
    ).toBe(5);
    expect(
      value(tokenCost(book, "vercel", { textInput: 0, imageInput: 1_000_000, imageOutput: 0 })),
    ).toBe(8);
    const rows = value(priceRows(book, "vercel"));
    expect(rows.map((r) => [r.meter, r.price, r.status])).toEqual([
      ["textInput", 5, "published"],
      ["imageInput", 8, "disputed"],
      ["imageOutput", 30, "published"],
    ]);
    expect(rows[1]?.otherReadings.map((r) => [r.value, r.source])).toEqual([
      [5, "LLM Reference: GPT Image 2 on OpenAI API"],
    ]);
    expect(
      value(tokenCost(book, "vercel", { textInput: 0, imageInput: 0, imageOutput: 1_000_000 })),
    ).toBe(30);
  });

  it("Vercel AI Gateway publishes no cached meter", () => {
    const message = failure(
      tokenCost(book, "vercel", {
        textInput: 0,
        imageInput: 0,
        imageOutput: 0,
        cachedImageInput: 10,
      }),
      "NO_TOKEN_METERS",
    );
    expect(message).toContain("cached image input");
  });

  it("per image, Vercel AI Gateway points to token pricing", () => {
    const message = failure(price(book, "vercel", "low", "square"), "NOT_PUBLISHED");
    expect(message).toContain("bills by token");
    expect(message).toContain("IMG.TOKENCOST");
  });
});

describe("comparison models on Atlas Cloud (atlas-cloud-guide's comparison table)", () => {
  // "Atlas Cloud price ... USD0.054+" and "Sizes ... up to 2048" for Imagen 4 Ultra.
  it("Imagen 4 Ultra: 0.054 is a lower bound, and nothing above 2048 on either edge is priced", () => {
    const q = value(quote(book, "imagen 4 ultra", "high", "2048x2048"));
    expect([q.price, q.status]).toEqual([0.054, "bound"]);
    const row = value(priceRows(book, "atlas/imagen-4-ultra"))[0];
    expect(row?.priceText).toBe("0.054 or more");
    expect(row?.atLeast).toBe(true);
    expect(row?.size).toBe("up to 2048 on each edge");
    for (const size of ["2064x1024", "1024x2064", "3840x2160"]) {
      const message = failure(price(book, "imagen 4 ultra", "low", size), "SIZE_NOT_PRICED");
      expect(message).toContain("up to 2048");
      expect(message).toContain(size);
    }
  });

  // "Flux 2 Pro sits at USD0.03 to USD0.05"; the table: "USD0.03-0.05".
  it("Flux 2 Pro: the range keeps both ends; budgets use the upper one", () => {
    expect(value(price(book, "flux 2 pro", "low", "square"))).toBe(0.05);
    const row = value(priceRows(book, "atlas/flux-2-pro"))[0];
    expect([row?.price, row?.minPrice, row?.status, row?.priceText]).toEqual([
      0.05,
      0.03,
      "bound",
      "0.03 to 0.05",
    ]);
  });
});

describe("every price carries a status; a disputed one keeps its other reading", () => {
  const rows = value(priceRows(book));

  it("each row has a status, a read date and, when disputed, another reading", () => {
    for (const row of rows) {
      expect(["published", "derived", "bound", "disputed", "not published"]).toContain(row.status);
      expect(row.readDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (row.status === "disputed") expect(row.otherReadings.length).toBeGreaterThan(0);
    }
  });

  it("says which kind of price each offer's first row is", () => {
    const first = new Map<string, string>();
    for (const row of rows) if (!first.has(row.providerId)) first.set(row.providerId, row.status);
    expect(Object.fromEntries(first)).toEqual({
      openai: "published", // pixazo-pricing-breakdown lists the nine rates
      "openai-batch": "derived", // "50% off standard rates"
      azure: "derived", // "Pricing aligned with OpenAI standard rates"
      pixazo: "published", // "Pixazo GPT Image 2 Rates: Low quality: $0.006 / square ..."
      "replicate-byok": "derived", // "pay at standard OpenAI rates"
      replicate: "not published", // "not publicly listed per-image"
      fal: "published", // "Low quality (~1024x768): $0.01 per image"
      atlas: "published", // 1024x1024 at "USD0.008 / image"
      prospolabs: "published", // "Low $0.0072/image"
      vercel: "published", // text input "$5.00"
      "atlas/nano-banana-2": "published", // "USD0.08"
      "atlas/imagen-4-ultra": "bound", // "USD0.054+"
      "atlas/flux-2-pro": "bound", // "USD0.03-0.05"
      "atlas/z-image-turbo": "published", // "USD0.01"
    });
  });

  it("fal.ai's medium is not published (it 'scales between these bounds by resolution')", () => {
    const medium = rows.find((r) => r.providerId === "fal" && r.quality === "medium");
    expect([medium?.price, medium?.status]).toEqual([null, "not published"]);
  });

  it("links OpenAI's per-image rates and token meters as one billing", () => {
    const openai = rows.filter((r) => r.providerId === "openai");
    expect(new Set(openai.filter((r) => r.unit === "image").map((r) => r.sameBillingAs))).toEqual(
      new Set(["tokens"]),
    );
    expect(
      new Set(openai.filter((r) => r.unit === "1M tokens").map((r) => r.sameBillingAs)),
    ).toEqual(new Set(["image"]));
    expect(openai[0]?.notes).toContain("two forms of one bill");
  });

  it("keeps Prospolabs' refund of failed runs as a term ('failed runs are auto-refunded')", () => {
    const prospolabs = book.providers.find((p) => p.id === "prospolabs");
    expect(prospolabs?.terms.join(" ")).toContain("refunded");
  });

  it("records the remaining disagreements in the notes, each with the reading chosen", () => {
    const notes = (id: string): string =>
      rows
        .filter((r) => r.providerId === id)
        .map((r) => r.notes)
        .join(" ");
    expect(notes("openai")).toContain("'Input tokens'"); // llm-reference-openai-api's label of $8
    expect(notes("openai")).toContain("API access May 2026");
    expect(notes("openai")).toContain("Batch: Not sourced");
    expect(notes("prospolabs")).toContain("0.0072 is above OpenAI's low square 0.006");
    expect(notes("atlas")).toContain("1.25x"); // "roughly 4x cheaper": 0.01 / 0.008 = 1.25
    expect(notes("replicate-byok")).toContain("$0.006–$0.211");
    expect(notes("atlas")).toContain("Quality 'auto'");
    expect(notes("prospolabs")).toContain("Quality 'auto'");
  });
});

describe("Atlas Cloud leaves the 4K ranking (atlas-cloud-guide: 'No 4K option')", () => {
  it("high at 3840x2160: Prospolabs first, then fal.ai; Atlas is left out with the page's words", () => {
    const ranking = value(rank(book, "high", "3840x2160", 100));
    // Prospolabs High $0.077 x 100 = 7.7; fal.ai "native 4K" $0.41 x 100 = 41; 0.41 / 0.077 = 5.3246...
    expect(ranking.rows.map((r) => [r.provider.id, r.total])).toEqual([
      ["prospolabs", 7.7],
      ["fal", 41],
    ]);
    const atlas = ranking.leftOut.find((l) => l.provider.id === "atlas");
    expect(atlas?.reason).toContain("No 4K option");
  });
});

describe("honest dates: the page's own date and the date it was read", () => {
  const rows = value(priceRows(book));
  const row = (id: string) => rows.find((r) => r.providerId === id);

  it("every page was read on 2026-11-21; dated pages keep their own date", () => {
    expect(new Set(rows.map((r) => r.readDate))).toEqual(new Set(["2026-11-21"]));
    // atlas-cloud-guide "Last Updated: May 4, 2026"; llm-reference-openai-api "Last refreshed 2026-05-10"
    expect(row("atlas")?.dateLabel).toBe("2026-05-04 (read 2026-11-21)");
    expect(row("vercel")?.dateLabel).toBe("2026-05-10 (read 2026-11-21)");
    // pixazo-pricing-breakdown (Pixazo) and prospolabs-model-page (Prospolabs) give no date
    expect(row("pixazo")?.dateLabel).toBe("undated (read 2026-11-21)");
    expect(row("prospolabs")?.pageDate).toBeNull();
  });

  it("staleness is the page's age for every source; an undated page is never fresh", () => {
    // 2026-05-04 to 2026-05-20 is 16 days: fresh under 30; to 2026-11-30 it is 210 days: stale.
    expect(freshness("2026-05-04", "2026-05-20", "2026-05-20")).toMatchObject({
      ageDays: 16,
      stale: false,
    });
    expect(freshness("2026-05-04", "2026-11-21", "2026-11-30")).toMatchObject({
      ageDays: 210,
      stale: true,
    });
    // read the day before, yet undated: not fresh
    expect(freshness(null, "2026-11-29", "2026-11-30")).toEqual({
      pageDate: null,
      readDate: "2026-11-29",
      label: "undated (read 2026-11-29)",
      ageDays: null,
      stale: true,
    });
  });
});
