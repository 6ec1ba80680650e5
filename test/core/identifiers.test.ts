/**
 * What users type: provider names, qualities, sizes and dates.
 */
import fc from "fast-check";
import {
  bundledBook as book,
  daysSince,
  findProvider,
  normalizeName,
  parseDate,
  parseQuality,
  parseSize,
} from "../../src/core";
import { failure, value } from "./expect-result";

describe("findProvider: ids, names and common names, ignoring case, spaces and punctuation", () => {
  it.each([
    ["openai", "openai"],
    ["OpenAI", "openai"],
    [" Open AI ", "openai"],
    ["OPENAI-BATCH", "openai-batch"],
    ["OpenAI Batch", "openai-batch"],
    ["openai_batch", "openai-batch"],
    ["Azure OpenAI", "azure"],
    ["azure", "azure"],
    ["Pixazo", "pixazo"],
    ["Replicate BYOK", "replicate-byok"],
    ["replicate (BYOK)", "replicate-byok"],
    ["Replicate", "replicate"],
    ["fal.ai", "fal"],
    ["FAL", "fal"],
    ["Atlas Cloud", "atlas"],
    ["atlascloud", "atlas"],
    ["Prospolabs", "prospolabs"],
    ["Vercel AI Gateway", "vercel"],
    ["vercel", "vercel"],
    ["atlas/flux-2-pro", "atlas/flux-2-pro"],
    ["Flux 2 Pro", "atlas/flux-2-pro"],
    ["Nano Banana 2", "atlas/nano-banana-2"],
    ["atlas/imagen-4-ultra", "atlas/imagen-4-ultra"],
    ["Z-Image Turbo", "atlas/z-image-turbo"],
  ])("%p is %p", (typed, id) => {
    expect(value(findProvider(book, typed)).id).toBe(id);
  });

  it("lists the providers in book order with the frozen ids", () => {
    expect(book.providers.map((p) => p.id)).toEqual([
      "openai",
      "openai-batch",
      "azure",
      "pixazo",
      "replicate-byok",
      "replicate",
      "fal",
      "atlas",
      "prospolabs",
      "vercel",
      "atlas/nano-banana-2",
      "atlas/imagen-4-ultra",
      "atlas/flux-2-pro",
      "atlas/z-image-turbo",
    ]);
  });

  it("says what each provider bills by", () => {
    const billing = Object.fromEntries(book.providers.map((p) => [p.id, p.billing]));
    expect(billing["openai"]).toEqual(["image", "tokens"]);
    expect(billing["vercel"]).toEqual(["tokens"]);
    expect(billing["replicate"]).toEqual([]);
    expect(billing["atlas"]).toEqual(["image"]);
  });

  it("an unknown name is UNKNOWN_PROVIDER", () => {
    failure(findProvider(book, "open ai batch api v2"), "UNKNOWN_PROVIDER");
    failure(findProvider(book, 7), "UNKNOWN_PROVIDER");
  });
});

describe("normalizeName: the one matching rule for provider names", () => {
  // The rule as documented, written independently of the code's one-pass ASCII loop: ASCII capitals
  // lowered, then everything that is not a letter, digit or mark (any script) dropped.
  const rule = (text: string): string =>
    text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[^\p{L}\p{N}\p{M}]/gu, "");

  it.each([
    ["Azure OpenAI", "azureopenai"],
    ["azure-openai", "azureopenai"],
    ["azure\u00a0openai", "azureopenai"], // a no-break space is punctuation too
    ["  O.p_e-n A/I  ", "openai"],
    ["openai", "openai"],
    ["GPT-Image-2", "gptimage2"],
    ["openaié", "openaié"], // non-ASCII letters are kept, never folded
    ["OpenAI批量", "openai批量"],
    ["ÖpenAI", "Öpenai"], // only ASCII capitals are lowered
    ["", ""],
    ["!!!", ""],
    ["Open-AI ".repeat(32), "openai".repeat(32)], // 256 characters: the one-pass loop
    ["Open-AI ".repeat(32) + "X", "openai".repeat(32) + "x"], // 257: the general rule
    ["Open AI ".repeat(10_000), "openai".repeat(10_000)], // far too long for one argument list
  ])("%p becomes %p", (typed, key) => {
    expect(normalizeName(typed)).toBe(key);
  });

  it("agrees with the rule for any text, ASCII or not", () => {
    const asciiChar = fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c));
    const ascii = fc.string({ unit: asciiChar });
    // Around the length where the one-pass loop hands over to the general rule.
    const nearLimit = fc.string({ unit: asciiChar, minLength: 250, maxLength: 262 });
    fc.assert(
      fc.property(fc.oneof(ascii, nearLimit, fc.string({ unit: "grapheme" })), (text) => {
        expect(normalizeName(text)).toBe(rule(text));
      }),
    );
  });
});

describe("parseQuality", () => {
  it.each([
    ["low", "low"],
    ["Medium", "medium"],
    [" HIGH ", "high"],
    ["auto", "high"],
    ["Auto", "high"],
  ])("%p reads as %p", (typed, quality) => {
    expect(value(parseQuality(typed))).toBe(quality);
  });

  it("does not read inherited object keys as qualities", () => {
    failure(parseQuality("constructor"), "BAD_QUALITY");
    failure(parseQuality("__proto__"), "BAD_QUALITY");
  });
});

describe("parseSize", () => {
  it.each([
    ["1024x1024", "1024x1024"],
    ["1024×1024", "1024x1024"],
    ["1024 X 1024", "1024x1024"],
    ["1024*1024", "1024x1024"],
    ["  1536x1024  ", "1536x1024"],
    ["square", "1024x1024"],
    ["Portrait", "1024x1536"],
    ["LANDSCAPE", "1536x1024"],
    ["16x4096", "16x4096"],
    ["4096x4096", "4096x4096"],
  ])("%p is %p", (typed, key) => {
    expect(value(parseSize(typed)).key).toBe(key);
  });

  it("gives width and height as numbers", () => {
    const size = value(parseSize("1024x1536"));
    expect([size.width, size.height]).toEqual([1024, 1536]);
  });

  it("interns sizes: the same key is the same object, however it was typed", () => {
    expect(value(parseSize("1024x1024"))).toBe(value(parseSize("square")));
    expect(value(parseSize("1024 X 1024"))).toBe(value(parseSize("1024×1024")));
  });
});

describe("parseDate: ISO dates and Excel serials", () => {
  it.each([
    ["2026-05-04", "2026-05-04"],
    [" 2026-04-28 ", "2026-04-28"],
    ["2024-02-29", "2024-02-29"],
  ])("%p is %p", (typed, iso) => {
    expect(value(parseDate(typed))).toBe(iso);
  });

  it("reads Excel serials the way Excel does, 1900 leap-year bug included", () => {
    expect(value(parseDate(1))).toBe("1900-01-01");
    expect(value(parseDate(59))).toBe("1900-02-28");
    failure(parseDate(60), "BAD_DATE"); // Excel's fictitious 1900-02-29
    expect(value(parseDate(61))).toBe("1900-03-01");
    // 45292 is 2024-01-01; + 366 (2024) + 365 (2025) = 46023 = 2026-01-01; + 31 + 28 + 31 + 27 = 46140
    expect(value(parseDate(45292))).toBe("2024-01-01");
    expect(value(parseDate(46140))).toBe("2026-04-28");
    expect(value(parseDate(46140.75))).toBe("2026-04-28"); // a time of day is dropped
    expect(value(parseDate(2958465))).toBe("9999-12-31");
  });

  it("rejects dates that do not exist", () => {
    failure(parseDate("2025-02-29"), "BAD_DATE");
    failure(parseDate("2026-13-01"), "BAD_DATE");
    failure(parseDate("2026-4-28"), "BAD_DATE");
  });
});

describe("daysSince", () => {
  it("counts whole days, across a leap day", () => {
    expect(daysSince("2026-04-28", "2026-05-28")).toBe(30);
    expect(daysSince("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysSince("2026-05-04", "2026-11-21T10:00:00Z")).toBe(201); // 27 + 30 + 31 + 31 + 30 + 31 + 21
  });

  it("is NaN when a date is not a date", () => {
    expect(daysSince("never", "2026-05-04")).toBeNaN();
  });
});
