/**
 * Each wrong number reported against exactness, as a named test with the value worked out by hand,
 * and what happens past the exact range. Prices come from the bundled book (pixazo-pricing-breakdown: OpenAI high
 * square 0.211; atlas-cloud-guide: Imagen 4 Ultra on Atlas Cloud 0.054).
 */
import {
  afford,
  bundledBook as book,
  bundledBookJson,
  cost,
  describe as describeValue,
  findProvider,
  loadBook,
  bookTextTooLarge,
  MAX_BOOK_CHARS,
  price,
  rank,
  readDecimalText,
  tokenCost,
} from "../../src/core";
import { failure, value } from "./expect-result";

describe("1. AFFORD never counts an image the budget cannot pay for", () => {
  it('=IMG.AFFORD(323521906.346999,"openai","high","square") is 1533279176', () => {
    // 1533279177 x 0.211 = 323521906.347 (1533279176 x 0.211 = 323521906.136, + 0.211), so the
    // budget is $0.000001 short of 1533279177 images: 1533279176 fit (it was 1533279177).
    expect(value(afford(book, 323521906.346999, "openai", "high", "square"))).toBe(1533279176);
    // ...and with the missing micro-dollar, exactly 1533279177.
    expect(value(afford(book, 323521906.347, "openai", "high", "square"))).toBe(1533279177);
  });

  it('=IMG.AFFORD(66562258382.09,"atlas/imagen-4-ultra","low","square",1.05) is 1173937537602', () => {
    // 0.054 x 1.05 = 0.0567 per image. 1173937537603 x 0.0567 = 66562258382.0901 (1173937537603 x
    // 567 = 665622583820901, / 10000), $0.0001 over the budget; 1173937537602 x 0.0567 =
    // 66562258382.0334 fits.
    expect(value(afford(book, 66562258382.09, "atlas/imagen-4-ultra", "low", "square", 1.05))).toBe(
      1173937537602,
    );
  });

  it("a count too large for a number to hold exactly is TOO_LARGE, not a nearby count", () => {
    // 1e15 / 0.0025 (OpenAI Batch low portrait, half of 0.005) = 4e17: a number holds 4e17 exactly.
    expect(value(afford(book, 1e15, "openai-batch", "low", "portrait"))).toBe(4e17);
    // 999999999999999 / 0.0025 = 399999999999999600: above 2^53 a number cannot hold it.
    expect(
      failure(afford(book, 999999999999999, "openai-batch", "low", "portrait"), "TOO_LARGE"),
    ).toMatch(/too large to count exactly/);
  });

  it("a count beyond the largest number is TOO_LARGE, not a thrown error", () => {
    // 1e306 / 0.0025 = 4e308, past the largest double (about 1.8e308): found by the property test
    // with a random seed, where converting the count back to a number gave Infinity and threw.
    expect(failure(afford(book, 1e306, "openai-batch", "low", "portrait"), "TOO_LARGE")).toMatch(
      /more than 1e308, is too large to count exactly/,
    );
  });
});

describe("2. COST keeps the cent, or says it cannot", () => {
  it('=IMG.COST("openai","high","square",99999999999999) is 21099999999999.79', () => {
    // 99999999999999 x 0.211 = 21099999999999.789 exactly (21100000000000 - 0.211). A number
    // cannot hold all 17 digits, so it is rounded half up to the cent: .789 -> .79 (it was ...999.8).
    expect(value(cost(book, "openai", "high", "square", 99999999999999))).toBe(21099999999999.79);
  });

  it("a total of 16 or 17 digits is rounded half up to the cent, as a cell would show it", () => {
    // 9999999999999 x 0.211 = 2109999999999.789: 16 significant digits -> 2109999999999.79
    expect(value(cost(book, "openai", "high", "square", 9999999999999))).toBe(2109999999999.79);
  });

  it("an argument stands for what its cell shows (15 significant digits), not float noise", () => {
    // 0.1 + 0.2 is 0.30000000000000004 as a number; Excel shows and keeps 0.3.
    // 0.3 x 0.211 = 0.0633 (the noise would make it 0.0633000000000000084..., rounded to 0.06).
    expect(value(cost(book, "openai", "high", "square", 0.1 + 0.2))).toBe(0.0633);
    // A budget of 0.1 + 0.2 dollars at 0.003 (Batch low square, half of 0.006): 0.3 / 0.003 = 100
    expect(value(afford(book, 0.1 + 0.2, "openai-batch", "low", "square"))).toBe(100);
  });

  it("a total of at most 15 digits is given exactly, sub-cent digits and all", () => {
    // 9999999999 x 0.211 = 2109999999.789 (13 digits: a number holds it)
    expect(value(cost(book, "openai", "high", "square", 9999999999))).toBe(2109999999.789);
    // 3 x 0.0265 (OpenAI Batch medium square, half of 0.053) = 0.0795
    expect(value(cost(book, "openai-batch", "medium", "square", 3))).toBe(0.0795);
  });

  it("above $70,000,000,000,000 a total that needs the cent is TOO_LARGE, with why", () => {
    // 999999999999999 x 0.211 = 210999999999999.789: past 2^46 a number is 1/32 apart, so not even
    // the cent (…999.79) can be held.
    const message = failure(cost(book, "openai", "high", "square", 999999999999999), "TOO_LARGE");
    expect(message).toBe(
      "The cost of 999999999999999 images is too large to compute to the cent. Accepted: totals up to $70,000,000,000,000 (7e13), or larger ones of at most 15 significant digits.",
    );
    // 1e15 x 0.211 = 211000000000000 exactly: a whole number a number holds, so it is given.
    expect(value(cost(book, "openai", "high", "square", 1e15))).toBe(211000000000000);
  });

  it("COST of 1e308 images is TOO_LARGE, never Infinity", () => {
    // 1e308 x 1.5 x 0.211 = 3.165e307 exactly: held. 1e308 x 10 x 0.211 = 2.11e308: over the
    // largest number (about 1.8e308). Atlas's list price 0.01 x 1e308 x 1000 = 1e309: over it too.
    expect(value(cost(book, "openai", "high", "square", 1e308, 1.5))).toBe(3.165e307);
    expect(failure(cost(book, "openai", "high", "square", 1e308, 10), "TOO_LARGE")).toMatch(
      /^The cost of 1e\+308 images with retry multiplier 10 is too large to compute to the cent/,
    );
    expect(failure(rank(book, "high", "square", 1e308, 10), "TOO_LARGE")).toMatch(
      /too large to compute to the cent/,
    );
  });

  it("PRICE gives sub-cent prices exactly, not rounded to the cent", () => {
    // pixazo-pricing-breakdown: Batch is half of OpenAI's 0.053 = 0.0265; prospolabs-model-page: Prospolabs low 0.0072
    expect(value(price(book, "openai-batch", "medium", "square"))).toBe(0.0265);
    expect(value(price(book, "prospolabs", "low", "square"))).toBe(0.0072);
  });
});

describe("3. text becomes a number only as a plain decimal", () => {
  it.each([
    "0x10",
    "0b1",
    "0o7",
    "1e3",
    "Infinity",
    "-Infinity",
    "NaN",
    "1,200",
    "",
    " ",
    "1.2.3",
    "١٢",
    "1_000",
    "+",
  ])("%j is not a number", (typed) => {
    expect(readDecimalText(typed)).toBeNull();
  });

  it.each([
    ["1200", 1200],
    [" 0.0265 ", 0.0265],
    [".5", 0.5],
    ["5.", 5],
    ["-1", -1],
    ["+2", 2],
    ["007", 7],
  ])("%j is %d", (typed, expected) => {
    expect(readDecimalText(typed)).toBe(expected);
  });

  it("a decimal too large for a number is refused, not Infinity", () => {
    expect(readDecimalText(`1${"0".repeat(309)}`)).toBeNull();
  });

  it("a comma separator only where the caller accepts the locale's, and then not the point", () => {
    expect(readDecimalText("0,0265", ",")).toBe(0.0265);
    expect(readDecimalText("0.0265", ",")).toBeNull();
    expect(readDecimalText("0,0265")).toBeNull();
  });
});

describe("4. names, echoes and messages", () => {
  it.each(["openaié", "openai批量", "Ｏｐｅｎａｉ", "OPENAİ", "\u212Aling", "openai\u0301"])(
    "provider %j is unknown (#N/A), not folded to openai",
    (typed) => {
      const found = findProvider(book, typed);
      expect(found.ok ? found.value.id : found.code).toBe("UNKNOWN_PROVIDER");
      expect(failure(cost(book, typed, "high", "square", 1), "UNKNOWN_PROVIDER")).toContain(
        `"${typed}"`,
      );
    },
  );

  it("spaces and punctuation still do not matter, in any script's spaces", () => {
    // "Azure OpenAI" is the name of provider azure; a no-break space is what a pasted name often has.
    for (const typed of ["Azure OpenAI", "azure-openai", "Azure\u00a0OpenAI", "AZURE  OPENAI"]) {
      const found = findProvider(book, typed);
      expect(found.ok && found.value.id).toBe("azure");
    }
  });

  it("a 32,767-character argument is echoed cut to 40 characters", () => {
    const huge = "x".repeat(32_767);
    const shown = `"${"x".repeat(40)}..."`;
    expect(describeValue(huge)).toBe(shown);
    const messages = [
      failure(cost(book, huge, "high", "square", 1), "UNKNOWN_PROVIDER"),
      failure(cost(book, "openai", huge, "square", 1), "BAD_QUALITY"),
      failure(cost(book, "openai", "high", huge, 1), "BAD_SIZE"),
      failure(cost(book, "openai", "high", "square", huge), "BAD_NUMBER"),
      failure(cost(book, "openai", "high", "square", 1, huge), "BAD_NUMBER"),
      failure(cost(book, "openai", "high", "square", 1, 1, huge), "BAD_DATE"),
      failure(afford(book, huge, "openai", "high", "square"), "BAD_NUMBER"),
    ];
    for (const message of messages) {
      expect(message).toContain(shown);
      expect(message.length).toBeLessThan(600);
    }
  });

  it("TOKENCOST's overflow message is one grammatical sentence", () => {
    // (it said "Token counts this large make the result is too large to compute")
    // OpenAI: text input $5, image input $8, image output $30 per 1M tokens.
    // 1.11111111111111e21 x 5 / 1e6 = 5,555,555,555,555,550; 1.3e22 x 8 / 1e6 = 104,000,000,000,000,000;
    // 1.23456789012347e23 x 30 / 1e6 = 3,703,703,670,370,410,000. Sum: 3,813,259,226,925,965,550,
    // 19 digits: past $7e13 and not a number a spreadsheet holds (they are 512 apart there).
    expect(
      failure(
        tokenCost(book, "openai", {
          textInput: 1.11111111111111e21,
          imageInput: 1.3e22,
          imageOutput: 1.23456789012347e23,
        }),
        "TOO_LARGE",
      ),
    ).toBe(
      "The cost of these token counts is too large to compute to the cent. Accepted: totals up to $70,000,000,000,000 (7e13), or larger ones of at most 15 significant digits.",
    );
  });
});

describe("5. a price book has a size limit", () => {
  it("is 2 MB of JSON text", () => {
    expect(MAX_BOOK_CHARS).toBe(2 * 1024 * 1024);
    expect(bookTextTooLarge("x".repeat(MAX_BOOK_CHARS))).toBeNull();
    expect(bookTextTooLarge("x".repeat(MAX_BOOK_CHARS + 1))?.message).toMatch(
      /^The price book was rejected: it is 2\.0 MB, over the limit of 2 MB/,
    );
  });

  it("a parsed book over the limit is refused before the schema runs", () => {
    // The bundled book with one 3 MB note: a valid shape, but far larger than any price book.
    const big = structuredClone(bundledBookJson);
    big.providers[0]?.image[0]?.notes.push("n".repeat(3 * 1024 * 1024));
    expect(failure(loadBook(big), "BAD_BOOK")).toMatch(/over the limit of 2 MB/);
  });

  it("the bundled book is far under it", () => {
    expect(JSON.stringify(bundledBookJson).length).toBeLessThan(MAX_BOOK_CHARS / 50);
    expect(loadBook(bundledBookJson).ok).toBe(true);
  });
});
