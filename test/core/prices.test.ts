/**
 * Every price the five sources publish, checked against the pages by hand. Each expectation is
 * copied from the seed page named in its comment (or worked out from it), never from the code.
 */
import { bundledBook as book, price, quote, tokenCost } from "../../src/core";
import { failure, value } from "./expect-result";

describe("OpenAI standard rates (seed 001, Pixazo: 'GPT Image 2 - OpenAI Standard Rates (Per Image)')", () => {
  // seed 001: Low $0.006 / 1024x1024 | $0.005 / 1024x1536 or 1536x1024
  // seed 001: Medium $0.053 / 1024x1024 | $0.041 / portrait & landscape
  // seed 001: High $0.211 / 1024x1024 | $0.165 / portrait & landscape
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

  // seed 001: Pixazo, Replicate with BYOK and Azure bill "at OpenAI's rates" / "standard OpenAI rates".
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
    // seed 003: "released April 21, 2026" is used as the date undated prices apply from.
    expect(q.effective).toBe("2026-04-21");
    expect(q.notes.join(" ")).toContain("gives no date");
  });
});

describe("OpenAI Batch API (seed 001: '50% off standard rates')", () => {
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

describe("Prospolabs (seed 002: 'Low $0.0072/image (retail $0.012), Medium $0.028 (retail $0.047), High $0.077 (retail $0.128)')", () => {
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

describe("Atlas Cloud (seed 000: 'USD0.008 / image', 'List price USD0.01 / image (20% off)')", () => {
  // seed 000 "at a glance": 1K 1024x1024, 1024x1536, 1536x1024; 2K 2048x2048, 2048x1152; 3840x2160, 2160x3840.
  const sizes = [
    "1024x1024",
    "1024x1536",
    "1536x1024",
    "2048x2048",
    "2048x1152",
    "3840x2160",
    "2160x3840",
  ];
  it("is 0.008 (list 0.01) at every quality and every listed size", () => {
    for (const quality of ["low", "medium", "high", "auto"]) {
      for (const size of sizes) {
        const q = value(quote(book, "atlas", quality, size));
        expect(q.price).toBe(0.008);
        expect(q.listPrice).toBe(0.01);
      }
    }
  });

  it("does not price the parameter reference's 3072x3072 (the reading chosen is the 'at a glance' table)", () => {
    const message = failure(price(book, "atlas", "low", "3072x3072"), "SIZE_NOT_PRICED");
    for (const size of sizes) expect(message).toContain(size);
    const notes = value(quote(book, "atlas", "low", "square")).notes.join(" ");
    expect(notes).toContain("3072x3072");
    expect(notes).toContain("caps at 1536");
  });

  it("is dated by the page's 'Last Updated: May 4, 2026'", () => {
    const q = value(quote(book, "atlas", "low", "square"));
    expect(q.source.dated).toBe("2026-05-04");
    expect(q.effective).toBe("2026-05-04");
  });
});

describe("Atlas Cloud comparison models (seed 000 comparison table)", () => {
  it("Nano Banana 2 0.08, Imagen 4 Ultra 0.054 (a starting price), Z-Image Turbo 0.01", () => {
    expect(value(price(book, "atlas/nano-banana-2", "high", "square"))).toBe(0.08);
    expect(value(price(book, "atlas/imagen-4-ultra", "high", "square"))).toBe(0.054);
    expect(value(price(book, "atlas/z-image-turbo", "high", "square"))).toBe(0.01);
    // seed 000 writes "USD0.054+".
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

describe("fal.ai (seed 001: 'Low quality (~1024x768): $0.01', 'High quality (native 4K): $0.41')", () => {
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

describe("Replicate without your own key (seed 001: 'not publicly listed per-image')", () => {
  it("is not published, and says so", () => {
    const message = failure(price(book, "replicate", "low", "square"), "NOT_PUBLISHED");
    expect(message).toContain("not publicly listed per-image");
  });
});

describe("token meters", () => {
  // seed 004 (checked 2026-04-28): text input 5.00, cached text 1.25, image input 8.00, cached image 2.00,
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

  it("OpenAI's token prices name seed 004's check date", () => {
    const rows = book.json.providers.find((p) => p.id === "openai")?.tokens ?? [];
    expect(rows.map((r) => r.checked)).toEqual(["2026-04-28"]);
  });

  // seed 003 (refreshed 2026-05-10): Vercel AI Gateway input $5.00, output $30.00 per 1M.
  it("Vercel AI Gateway: one input meter 5.00 for text and image input, output 30.00", () => {
    expect(
      value(tokenCost(book, "vercel", { textInput: 1_000_000, imageInput: 0, imageOutput: 0 })),
    ).toBe(5);
    expect(
      value(tokenCost(book, "vercel", { textInput: 0, imageInput: 1_000_000, imageOutput: 0 })),
    ).toBe(5);
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
