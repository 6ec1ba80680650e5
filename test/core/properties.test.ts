/**
 * Properties over arbitrary inputs: the core never throws, every result is an error from the closed
 * set or a finite number >= 0, and cost is linear in volume and in the retry multiplier.
 */
import fc from "fast-check";
import {
  afford,
  bundledBook as book,
  bundledBookJson,
  cost,
  findProvider,
  loadBook,
  parseDate,
  parseQuality,
  parseSize,
  price,
  priceRows,
  quote,
  rank,
  tokenCost,
  type Result,
} from "../../src/core";
import { ALL_ERROR_CODES } from "../support/error-codes";

const CODES = new Set<string>(ALL_ERROR_CODES);

/** A failure from the closed set with a message, or (for money) a finite number >= 0. */
function wellFormed(result: Result<unknown>, money: boolean): boolean {
  if (!result.ok)
    return (
      CODES.has(result.code) && typeof result.message === "string" && result.message.length > 0
    );
  if (!money) return true;
  return typeof result.value === "number" && Number.isFinite(result.value) && result.value >= 0;
}

// Realistic values mixed with anything at all, so both the success and the failure paths are exercised.
const providerArg = fc.oneof(
  fc.constantFrom(...book.providers.map((p) => p.id), "OpenAI", "fal.ai", ""),
  fc.anything(),
);
const qualityArg = fc.oneof(
  fc.constantFrom("low", "medium", "high", "auto", "HIGH", ""),
  fc.anything(),
);
const sizeArg = fc.oneof(
  fc.constantFrom(
    "1024x1024",
    "square",
    "portrait",
    "3840x2160",
    "1024x768",
    "2048 X 1152",
    "1000x1000",
  ),
  fc.anything(),
);
const numberArg = fc.oneof(fc.double(), fc.integer(), fc.anything());
const dateArg = fc.oneof(
  fc.constantFrom(undefined, null, "2026-05-04", 46140, 60, "2026-02-30"),
  fc.anything(),
);

describe("never throws, always a well-formed result", () => {
  it("cost, price, quote, afford", () => {
    fc.assert(
      fc.property(
        providerArg,
        qualityArg,
        sizeArg,
        numberArg,
        numberArg,
        dateArg,
        (p, q, s, n, r, d) => {
          expect(wellFormed(cost(book, p, q, s, n, r, d), true)).toBe(true);
          expect(wellFormed(price(book, p, q, s, d), true)).toBe(true);
          expect(wellFormed(afford(book, n, p, q, s, r, d), true)).toBe(true);
          const quoted = quote(book, p, q, s, d);
          expect(wellFormed(quoted, false)).toBe(true);
          if (quoted.ok)
            expect(Number.isFinite(quoted.value.price) && quoted.value.price >= 0).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("tokenCost, rank, priceRows, findProvider and the parsers", () => {
    fc.assert(
      fc.property(
        providerArg,
        qualityArg,
        sizeArg,
        numberArg,
        numberArg,
        fc.anything(),
        dateArg,
        (p, q, s, n, r, any, d) => {
          expect(
            wellFormed(
              tokenCost(book, p, { textInput: n, imageInput: r, imageOutput: n }, d),
              true,
            ),
          ).toBe(true);
          expect(wellFormed(tokenCost(book, p, any as never, d), true)).toBe(true);
          const ranked = rank(book, q, s, n, r, d);
          expect(wellFormed(ranked, false)).toBe(true);
          if (ranked.ok) {
            for (const row of ranked.value.rows)
              expect(Number.isFinite(row.total) && row.total >= 0).toBe(true);
          }
          expect(wellFormed(priceRows(book, p, d), false)).toBe(true);
          expect(wellFormed(findProvider(book, p), false)).toBe(true);
          expect(wellFormed(parseQuality(any), false)).toBe(true);
          expect(wellFormed(parseSize(any), false)).toBe(true);
          expect(wellFormed(parseDate(any), false)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("arbitrary text for provider, quality and size", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (p, q, s) => {
        expect(wellFormed(cost(book, p, q, s, 1), true)).toBe(true);
      }),
    );
  });
});

/** Every (provider, quality, size) with a published price: the ground the linearity properties stand on. */
const PRICED: [string, string, string][] = [];
for (const p of book.providers) {
  for (const q of ["low", "medium", "high"]) {
    for (const s of ["1024x1024", "1024x1536", "1536x1024", "1024x768", "3840x2160", "2048x2048"]) {
      if (price(book, p.id, q, s).ok) PRICED.push([p.id, q, s]);
    }
  }
}
const priced = fc.constantFrom(...PRICED);
/**
 * Equal up to the rounding money.ts allows: a total with more digits than a number holds is rounded
 * half up to the cent (at most half a cent off), and k x such a total carries k times that.
 */
const closeToCents = (a: number, b: number, k: number): boolean =>
  Math.abs(a - b) <= 0.005 * (k + 1) + 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
const valueOf = (r: Result<number>): number => (r.ok ? r.value : NaN);

describe("cost is linear", () => {
  it("has published prices to test on", () => {
    expect(PRICED.length).toBeGreaterThan(40);
  });

  it("in volume: cost(k x volume) = k x cost(volume)", () => {
    fc.assert(
      fc.property(
        priced,
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        ([p, q, s], volume, k, retry) => {
          const one = valueOf(cost(book, p, q, s, volume, retry));
          const many = valueOf(cost(book, p, q, s, k * volume, retry));
          expect(closeToCents(many, k * one, k)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("in retry: cost(volume, k x retry) = k x cost(volume, retry)", () => {
    fc.assert(
      fc.property(
        priced,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        ([p, q, s], volume, retry, k) => {
          const base = valueOf(cost(book, p, q, s, volume, retry));
          const scaled = valueOf(cost(book, p, q, s, volume, k * retry));
          expect(closeToCents(scaled, k * base, k)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("whole volumes give exactly the decimal a person would write", () => {
    // The oracle: volume x price in micro-dollars as a BigInt, written out as a decimal string.
    fc.assert(
      fc.property(priced, fc.integer({ min: 0, max: 100_000_000 }), ([p, q, s], volume) => {
        const micros = BigInt(Math.round(valueOf(price(book, p, q, s)) * 1e6));
        const total = BigInt(volume) * micros;
        const decimal = `${total / 1_000_000n}.${(total % 1_000_000n).toString().padStart(6, "0")}`;
        expect(valueOf(cost(book, p, q, s, volume))).toBe(Number(decimal));
      }),
      { numRuns: 3000 },
    );
  });

  it("afford never buys more than the budget", () => {
    fc.assert(
      fc.property(
        priced,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        ([p, q, s], dollars, cents) => {
          const budget = Number(`${dollars}.${String(cents).padStart(2, "0")}`); // the typed decimal, e.g. 2.47
          const images = valueOf(afford(book, budget, p, q, s));
          expect(Number.isInteger(images)).toBe(true);
          expect(valueOf(cost(book, p, q, s, images))).toBeLessThanOrEqual(budget);
          expect(valueOf(cost(book, p, q, s, images + 1))).toBeGreaterThan(budget);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("loading never throws", () => {
  it("on anything at all", () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const loaded = loadBook(junk);
        expect(loaded.ok || loaded.code === "BAD_BOOK").toBe(true);
      }),
    );
  });

  it("on the bundled book with one value anywhere replaced by anything", () => {
    // Every path to a value in the book, so a replacement can land on any key at any depth.
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
      else if (typeof node === "object" && node !== null) {
        for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
      }
    };
    walk(bundledBookJson, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.anything(),
        (path, replacement) => {
          const copy = JSON.parse(JSON.stringify(bundledBookJson)) as Record<
            string | number,
            unknown
          >;
          let node: Record<string | number, unknown> = copy;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
          node[path[path.length - 1] as string | number] = replacement;
          const loaded = loadBook(copy);
          expect(loaded.ok || loaded.code === "BAD_BOOK").toBe(true);
          if (loaded.ok) {
            // Whatever was accepted must still price without throwing.
            expect(() => cost(loaded.value, "openai", "high", "square", 10, 1.2)).not.toThrow();
            expect(() => priceRows(loaded.value)).not.toThrow();
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
