/**
 * COST, LISTCOST-free PRICE, TOKENCOST and AFFORD against the independent exact oracle (oracle.ts)
 * at every magnitude from 0 to 1e15, with budgets that are exact multiples of the price and a
 * micro-dollar short of one. Seeds are fixed so every run checks the same cases; each property runs
 * a few hundred cases so the suite stays fast.
 */
import fc from "fast-check";
import {
  afford,
  bundledBook as book,
  cost,
  price,
  rank,
  tokenCost,
  type Result,
} from "../../src/core";
import {
  bookMeters,
  bookPrice,
  dec,
  expectedCount,
  expectedTotal,
  mul,
  numberText,
  text,
  tokenExact,
  TOO_LARGE,
  type Expected,
} from "./oracle";

const RUNS = { numRuns: 400 };

/** What a result came out as, in the oracle's terms. */
function outcome(result: Result<number>): Expected | string {
  if (result.ok) return result.value;
  return result.code === "TOO_LARGE" ? TOO_LARGE : `${result.code}: ${result.message}`;
}

/**
 * A plain decimal of at most 15 significant digits (what a spreadsheet number holds, so the number
 * shows as exactly this text) with its integer part from 0 up to `maxDigits` digits.
 */
const decimalText = (maxDigits: number, maxDecimals: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: maxDigits }),
      fc.integer({ min: 0, max: maxDecimals }),
      fc.bigInt({ min: BigInt(0), max: BigInt("999999999999999") }),
    )
    .map(([digits, decimals, raw]) => {
      const room = Math.min(decimals, 15 - Math.min(digits, 15));
      const scale = BigInt(10) ** BigInt(Math.max(digits, 1) + room);
      const n = raw % scale;
      return text({ n, scale: room });
    });

/** Whole numbers 0 to 1e15, spread over every magnitude. */
const wholeText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 15 }),
      fc.bigInt({ min: BigInt(0), max: BigInt(10) ** BigInt(15) }),
    )
    .map(([digits, raw]) => (raw % BigInt(10) ** BigInt(digits)).toString()),
  fc.constantFrom("0", "1000000000000000", "999999999999999", "70000000000000"),
);

const retryText = fc.oneof(
  fc.constantFrom("1", "1.05", "1.2", "1.5", "2"),
  decimalText(1, 3).map((t) => {
    const r = Number(t);
    return r >= 1 ? t : `1${t.includes(".") ? t.slice(t.indexOf(".")) : ""}`;
  }),
);

/** Every (provider, quality, size) the oracle prices, image by image. */
const PRICED: [string, string, string][] = [];
for (const p of book.providers) {
  for (const q of ["low", "medium", "high"]) {
    for (const s of ["square", "portrait", "landscape", "1024x768", "3840x2160", "2048x2048"]) {
      if (bookPrice(p.id, q, s) !== null) PRICED.push([p.id, q, s]);
    }
  }
}
const priced = fc.constantFrom(...PRICED);

describe("the oracle reads the book", () => {
  it("prices every published offer and agrees with the sources on three of them", () => {
    expect(PRICED.length).toBeGreaterThan(40);
    // pixazo-pricing-breakdown: OpenAI high square 0.211; Batch medium square is half of 0.053 = 0.0265
    expect(text(bookPrice("openai", "high", "square") ?? dec("0"))).toBe("0.211");
    expect(text(bookPrice("openai-batch", "medium", "square") ?? dec("0"))).toBe("0.0265");
    // prospolabs-model-page: Prospolabs low 0.0072
    expect(text(bookPrice("prospolabs", "low", "square") ?? dec("0"))).toBe("0.0072");
  });
});

describe("PRICE is the book's decimal, sub-cent digits and all", () => {
  it.each(PRICED)("%s %s %s", (p, q, s) => {
    const wanted = text(bookPrice(p, q, s) ?? dec("0"));
    const got = price(book, p, q, s);
    expect(got.ok && numberText(got.value)).toBe(wanted);
  });
});

describe("COST against the oracle, 0 to 1e15 images", () => {
  it("whole volumes at every magnitude", () => {
    fc.assert(
      fc.property(priced, wholeText, retryText, ([p, q, s], volume, retry) => {
        const exact = mul(mul(dec(volume), dec(retry)), bookPrice(p, q, s) ?? dec("0"));
        expect(outcome(cost(book, p, q, s, Number(volume), Number(retry)))).toBe(
          expectedTotal(exact),
        );
      }),
      { ...RUNS, seed: 15_001 },
    );
  });

  it("decimal volumes at every magnitude", () => {
    fc.assert(
      fc.property(priced, decimalText(15, 6), retryText, ([p, q, s], volume, retry) => {
        const exact = mul(mul(dec(volume), dec(retry)), bookPrice(p, q, s) ?? dec("0"));
        expect(outcome(cost(book, p, q, s, Number(volume), Number(retry)))).toBe(
          expectedTotal(exact),
        );
      }),
      { ...RUNS, seed: 15_002 },
    );
  });

  it("any number argument counts as its 15 significant digits", () => {
    fc.assert(
      fc.property(priced, fc.double({ min: 0, max: 1e15, noNaN: true }), ([p, q, s], volume) => {
        const shown = Number(volume.toPrecision(15));
        expect(outcome(cost(book, p, q, s, volume))).toBe(
          expectedTotal(mul(dec(numberText(shown)), bookPrice(p, q, s) ?? dec("0"))),
        );
      }),
      { ...RUNS, seed: 15_007 },
    );
  });

  it("RANK's totals are COST's", () => {
    fc.assert(
      fc.property(wholeText, retryText, (volume, retry) => {
        const ranked = rank(book, "high", "square", Number(volume), Number(retry));
        const expectations = PRICED.filter(([, q, s]) => q === "high" && s === "square")
          .filter(([p]) => !book.providers.find((x) => x.id === p)?.comparisonOnly)
          .map(([p]) =>
            expectedTotal(
              mul(mul(dec(volume), dec(retry)), bookPrice(p, "high", "square") ?? dec("0")),
            ),
          );
        if (expectations.includes(TOO_LARGE)) {
          expect(ranked.ok ? "ok" : ranked.code).toBe(TOO_LARGE);
        } else {
          expect(ranked.ok && ranked.value.rows.map((r) => r.total).sort((a, b) => a - b)).toEqual(
            [...(expectations as number[])].sort((a, b) => a - b),
          );
        }
      }),
      { numRuns: 100, seed: 15_003 },
    );
  });
});

describe("TOKENCOST against the oracle, 0 to 1e15 tokens", () => {
  it("OpenAI's five meters and Vercel's two", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("openai", "vercel"),
        fc.array(fc.oneof(wholeText, decimalText(12, 3)), { minLength: 5, maxLength: 5 }),
        (p, counts) => {
          const meters = bookMeters(p);
          const used = counts.map((c, i) => (meters[i] === null ? "0" : c));
          const result = tokenCost(book, p, {
            textInput: Number(used[0]),
            cachedTextInput: Number(used[1]),
            imageInput: Number(used[2]),
            cachedImageInput: Number(used[3]),
            imageOutput: Number(used[4]),
          });
          expect(outcome(result)).toBe(expectedTotal(tokenExact(used.map(dec), meters)));
        },
      ),
      { ...RUNS, seed: 15_004 },
    );
  });
});

describe("AFFORD against the oracle", () => {
  it("any budget from 0 to 1e15", () => {
    fc.assert(
      fc.property(priced, decimalText(15, 6), retryText, ([p, q, s], budget, retry) => {
        const each = bookPrice(p, q, s) ?? dec("0");
        fc.pre(each.n > BigInt(0));
        expect(outcome(afford(book, Number(budget), p, q, s, Number(retry)))).toBe(
          expectedCount(dec(budget), each, dec(retry)),
        );
      }),
      { ...RUNS, seed: 15_005 },
    );
  });

  it("a budget of exactly k images buys k; a micro-dollar less buys k - 1", () => {
    fc.assert(
      fc.property(priced, wholeText, retryText, ([p, q, s], k, retry) => {
        const each = bookPrice(p, q, s) ?? dec("0");
        fc.pre(each.n > BigInt(0) && BigInt(k) > BigInt(0));
        const budget = mul(mul(dec(k), each), dec(retry));
        const shown = text(budget);
        // Only budgets a number holds as typed (at most 15 significant digits) can be typed at all.
        fc.pre(shown.replace(".", "").replace(/^0+/, "").length <= 15);
        // budget - 0.000001, at the finer of the two scales
        const scale = Math.max(6, budget.scale);
        const short = text({
          n:
            budget.n * BigInt(10) ** BigInt(scale - budget.scale) - BigInt(10) ** BigInt(scale - 6),
          scale,
        });
        fc.pre(short.replace(".", "").replace(/^0+/, "").length <= 15);
        const exactly = afford(book, Number(shown), p, q, s, Number(retry));
        const less = afford(book, Number(short), p, q, s, Number(retry));
        expect(outcome(exactly)).toBe(expectedCount(budget, each, dec(retry)));
        expect(outcome(less)).toBe(expectedCount(dec(short), each, dec(retry)));
        if (exactly.ok) expect(exactly.value).toBe(Number(k));
        if (exactly.ok && less.ok) expect(less.value).toBe(Number(k) - 1);
      }),
      { ...RUNS, seed: 15_006 },
    );
  });
});
