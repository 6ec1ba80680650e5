/**
 * Every error code, with what its message must tell the user: the bad value and what is accepted.
 */
import {
  afford,
  bundledBook as book,
  cost,
  findProvider,
  isNotAvailable,
  loadBook,
  parseDate,
  price,
  priceRows,
  quote,
  rank,
  tokenCost,
  type CompiledBook,
} from "../../src/core";
import { failure, value } from "./expect-result";
import { ALL_ERROR_CODES } from "../support/error-codes";

const TOKENS = { textInput: 100, imageInput: 100, imageOutput: 100 };

describe("EMPTY: a required argument left empty", () => {
  it.each([
    ["provider", () => cost(book, "", "low", "square", 1), "Provider is empty"],
    ["provider (spaces)", () => cost(book, "   ", "low", "square", 1), "Provider is empty"],
    ["provider (missing)", () => cost(book, null, "low", "square", 1), "Provider is empty"],
    ["quality", () => cost(book, "openai", "", "square", 1), "Quality is empty"],
    ["quality (missing)", () => cost(book, "openai", null, "square", 1), "Quality is empty"],
    ["size", () => cost(book, "openai", "low", " ", 1), "Size is empty"],
    ["volume", () => cost(book, "openai", "low", "square", null), "Volume is empty"],
    ["volume (text)", () => cost(book, "openai", "low", "square", ""), "Volume is empty"],
    ["budget", () => afford(book, undefined, "openai", "low", "square"), "Budget is empty"],
    [
      "token count",
      () => tokenCost(book, "openai", { textInput: 1, imageInput: null, imageOutput: 1 }),
      "Image input tokens is empty",
    ],
    ["date", () => parseDate(""), "Date is empty"],
  ])("%s", (_what, call, says) => {
    expect(failure(call(), "EMPTY")).toContain(says);
  });

  it("lists what is accepted", () => {
    expect(failure(cost(book, "", "low", "square", 1), "EMPTY")).toContain("openai, openai-batch");
    expect(failure(cost(book, "openai", "", "square", 1), "EMPTY")).toContain(
      "low, medium, high, auto",
    );
  });
});

describe("BAD_NUMBER: not a finite number", () => {
  it.each([
    ["NaN", NaN, "NaN is not a finite number"],
    ["Infinity", Infinity, "Infinity is not a finite number"],
    ["-Infinity", -Infinity, "-Infinity is not a finite number"],
    ["numeric text", "1000", '"1000" is text, not a number'],
    ["a boolean", true, "TRUE is not a number"],
    ["an object", { n: 1 }, "an object is not a number"],
  ])("volume %s", (_what, volume, says) => {
    const message = failure(cost(book, "openai", "low", "square", volume), "BAD_NUMBER");
    expect(message).toContain(`Volume ${says}`);
    expect(message).toContain("Accepted: a number of 0 or more");
  });

  it("retry multiplier and token counts too", () => {
    expect(failure(cost(book, "openai", "low", "square", 1, NaN), "BAD_NUMBER")).toContain(
      "Retry multiplier NaN",
    );
    expect(failure(cost(book, "openai", "low", "square", 1, "1.2"), "BAD_NUMBER")).toContain(
      'Retry multiplier "1.2"',
    );
    expect(
      failure(tokenCost(book, "openai", { ...TOKENS, imageOutput: Infinity }), "BAD_NUMBER"),
    ).toContain("Image output tokens Infinity");
  });
});

describe("NEGATIVE and RETRY_BELOW_ONE", () => {
  it("volume, budget and tokens below 0", () => {
    expect(failure(cost(book, "openai", "low", "square", -1), "NEGATIVE")).toContain(
      "Volume -1 is below 0",
    );
    expect(failure(afford(book, -5, "openai", "low", "square"), "NEGATIVE")).toContain(
      "Budget -5 is below 0",
    );
    expect(failure(tokenCost(book, "openai", { ...TOKENS, textInput: -10 }), "NEGATIVE")).toContain(
      "Text input tokens -10 is below 0",
    );
  });

  it("a retry multiplier below 1", () => {
    for (const retry of [0.99, 0, -2]) {
      const message = failure(cost(book, "openai", "low", "square", 10, retry), "RETRY_BELOW_ONE");
      expect(message).toContain(`Retry multiplier ${retry} is below 1`);
      expect(message).toContain("1 or more");
    }
  });
});

describe("BAD_QUALITY", () => {
  it.each(["ultra", "hd", "standard", "med"])(
    "%p names the value and lists low, medium, high, auto",
    (q) => {
      const message = failure(price(book, "openai", q, "square"), "BAD_QUALITY");
      expect(message).toContain(`"${q}"`);
      expect(message).toContain("low, medium, high, auto");
    },
  );

  it("a number is not a quality", () => {
    expect(failure(price(book, "openai", 3, "square"), "BAD_QUALITY")).toContain("Quality 3");
  });
});

describe("BAD_SIZE names the rule broken", () => {
  it.each([
    ["1000x1000", "multiples of 16"],
    ["0x1024", "0 pixels"],
    ["8192x1024", "over 4096"],
    ["1024x4112", "over 4096"],
    ["big", "is not a size"],
    ["1024x", "is not a size"],
    ["1024x1024x3", "is not a size"],
    ["-1024x1024", "is not a size"],
    ["1024.5x1024", "is not a size"],
  ])("%p: %s", (size, rule) => {
    const message = failure(price(book, "prospolabs", "low", size), "BAD_SIZE");
    expect(message).toContain(`"${size}"`);
    expect(message).toContain(rule);
  });

  it("a number is not a size", () => {
    expect(failure(price(book, "openai", "low", 1024), "BAD_SIZE")).toContain(
      "Size 1024 is not a size",
    );
  });
});

describe("BAD_DATE", () => {
  it.each([
    ["2026-02-30", '"2026-02-30" is not a date'],
    ["May 4, 2026", '"May 4, 2026" is not a date'],
    ["46140", '"46140" is not a date'],
    [0, "outside Excel's dates"],
    [3_000_000, "outside Excel's dates"],
    [60, "1900-02-29"],
    [true, "TRUE is not a date"],
  ])("as of %p", (asOf, says) => {
    const message = failure(cost(book, "openai", "low", "square", 1, 1, asOf), "BAD_DATE");
    expect(message).toContain(says);
    expect(message).toContain("Accepted: a date such as 2026-05-04");
  });
});

describe("BAD_ARGUMENT", () => {
  it("token counts that are not a set of counts", () => {
    const message = failure(tokenCost(book, "openai", 42 as never), "BAD_ARGUMENT");
    expect(message).toContain("Token counts 42");
  });
});

describe("UNKNOWN_PROVIDER lists the providers", () => {
  it("names the value and every provider id", () => {
    const message = failure(price(book, "midjourney", "low", "square"), "UNKNOWN_PROVIDER");
    expect(message).toContain('"midjourney"');
    for (const p of book.providers) expect(message).toContain(p.id);
  });

  it("cuts a long value to about 40 characters", () => {
    const long = "x".repeat(500);
    const message = failure(price(book, long, "low", "square"), "UNKNOWN_PROVIDER");
    expect(message).toContain(`"${"x".repeat(40)}..."`);
    expect(message).not.toContain("x".repeat(41));
  });
});

describe("#N/A codes: no such price", () => {
  it("NOT_PUBLISHED: Replicate without a key, Vercel per image, fal.ai medium", () => {
    failure(price(book, "replicate", "high", "square"), "NOT_PUBLISHED");
    failure(price(book, "vercel", "high", "square"), "NOT_PUBLISHED");
    failure(price(book, "fal", "medium", "3840x2160"), "NOT_PUBLISHED");
  });

  it("SIZE_NOT_PRICED lists the sizes the provider publishes for that quality", () => {
    const message = failure(price(book, "openai", "medium", "2048x2048"), "SIZE_NOT_PRICED");
    expect(message).toContain("2048x2048");
    expect(message).toContain("1024x1024, 1024x1536, 1536x1024");
    const fal = failure(price(book, "fal", "high", "1024x1024"), "SIZE_NOT_PRICED");
    expect(fal).toContain("3840x2160 (native 4K), 2160x3840 (native 4K)");
  });

  it("NO_TOKEN_METERS: a per-image provider, or a meter the provider does not publish", () => {
    expect(failure(tokenCost(book, "prospolabs", TOKENS), "NO_TOKEN_METERS")).toContain(
      "bills per image",
    );
    const message = failure(
      tokenCost(book, "vercel", { ...TOKENS, cachedTextInput: 250 }),
      "NO_TOKEN_METERS",
    );
    expect(message).toContain("250 cached text input tokens");
    // A count of 0 on a missing meter is fine: nothing is priced at it.
    expect(tokenCost(book, "vercel", { ...TOKENS, cachedTextInput: 0 }).ok).toBe(true);
  });

  it("NO_PRICE_ON_DATE: before any price took effect", () => {
    const message = failure(
      price(book, "openai", "low", "square", "2026-01-01"),
      "NO_PRICE_ON_DATE",
    );
    expect(message).toContain("2026-01-01");
    expect(message).toContain("2026-04-21");
  });
});

describe("BAD_BOOK", () => {
  it("a rejected book", () => {
    const result = loadBook({ schemaVersion: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe("BAD_BOOK");
  });

  it("calls without a loaded book fail cleanly", () => {
    const none = undefined as unknown as CompiledBook;
    for (const result of [
      price(none, "openai", "low", "square"),
      cost(none, "openai", "low", "square", 1),
      afford(none, 1, "openai", "low", "square"),
      quote(none, "openai", "low", "square"),
      tokenCost(none, "openai", TOKENS),
      rank(none, "low", "square"),
      priceRows(none),
      findProvider(none, "openai"),
    ]) {
      expect(failure(result, "BAD_BOOK")).toContain("No price book is loaded");
    }
  });
});

describe("isNotAvailable", () => {
  it("is true exactly for the #N/A codes", () => {
    expect(ALL_ERROR_CODES.filter(isNotAvailable)).toEqual([
      "UNKNOWN_PROVIDER",
      "NOT_PUBLISHED",
      "SIZE_NOT_PRICED",
      "NO_TOKEN_METERS",
      "NO_PRICE_ON_DATE",
    ]);
  });
});

describe("arguments are checked in the order they are given", () => {
  it("the first bad argument is the one reported", () => {
    failure(cost(book, "nope", "ultra", "big", -1, 0), "UNKNOWN_PROVIDER");
    failure(cost(book, "openai", "ultra", "big", -1, 0), "BAD_QUALITY");
    failure(cost(book, "openai", "low", "big", -1, 0), "BAD_SIZE");
    failure(cost(book, "openai", "low", "square", -1, 0), "NEGATIVE");
    failure(cost(book, "openai", "low", "square", 1, 0), "RETRY_BELOW_ONE");
    // input errors come before "no such price"
    failure(cost(book, "replicate", "low", "square", -1), "NEGATIVE");
  });
});

describe("a points offer without a stated reason", () => {
  it("says plainly that the source publishes no price for the other qualities", () => {
    const points = value(
      loadBook({
        schemaVersion: 1,
        bookVersion: "t",
        published: "2026-01-01",
        currency: "USD",
        sources: [{ id: "s", title: "t", site: "x", dated: null }],
        providers: [
          {
            id: "p",
            name: "Points Co",
            aliases: [],
            model: "m",
            image: [
              {
                effective: "2026-01-01",
                checked: "2026-01-01",
                source: "s",
                notes: [],
                pricing: {
                  kind: "points",
                  status: "published",
                  points: [{ quality: "low", size: "1024x1024", price: 0.01, label: "1K" }],
                },
              },
            ],
            tokens: [],
          },
        ],
      }),
    );
    expect(failure(price(points, "p", "medium", "square"), "NOT_PUBLISHED")).toContain(
      "Points Co publishes no medium price: the source publishes no medium price",
    );
  });
});
