/**
 * A scaled offer's price (Batch = 50% of OpenAI's) is factor x the other provider's price, computed
 * once when a book is compiled. scaleMicros has a fast path for the usual whole micro-dollars and
 * short factors; both paths must give the number nearest the exact decimal product, checked here
 * against the BigInt oracle in oracle.ts (which shares no code with src/).
 */
import fc from "fast-check";
import { scaleMicros } from "../../src/core/money";
import { clean } from "../../src/core/numbers";
import { dec, mul, numberText, text } from "./oracle";

/** The number nearest to (micros' 15-digit decimal) x (factor's 15-digit decimal). */
function exactScaled(micros: number, factor: number): number {
  const shown = (x: number): string => numberText(Number(x.toPrecision(15)));
  return Number(text(mul(dec(shown(micros)), dec(shown(factor)))));
}

test("worked by hand: half of 211,000 micro-dollars, 0.4 of 53,000, 1.1 of 7,000 and 0.5 of 8,265", () => {
  expect(scaleMicros(211_000, 0.5)).toBe(105_500);
  expect(scaleMicros(53_000, 0.4)).toBe(21_200); // 53000 * 0.4 is 21200.000000000004 in floating point
  expect(scaleMicros(7_000, 1.1)).toBe(7_700); // 7000 * 1.1 is 7700.000000000001
  expect(scaleMicros(8_265, 0.5)).toBe(4_132.5);
});

test("whole micro-dollars times a factor of up to 6 decimals: the number nearest the exact product", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10_000_000_000 }),
      fc.integer({ min: 1, max: 3_000_000 }),
      fc.integer({ min: 0, max: 6 }),
      (micros, numerator, decimals) => {
        const factor = numerator / 10 ** decimals;
        expect(scaleMicros(micros, factor)).toBe(exactScaled(micros, factor));
      },
    ),
    { numRuns: 5_000 },
  );
});

test("half micro-dollars, long factors and products past 1e15 take the exact path and agree too", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n + 0.5),
        fc.integer({ min: 100_000_000_000, max: 999_999_999_999_999 }),
      ),
      fc.oneof(
        fc.double({ min: 0.000001, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 999_999_999 }).map((n) => n / 1e9),
      ),
      (micros, factor) => {
        expect(scaleMicros(micros, factor)).toBe(exactScaled(micros, factor));
      },
    ),
    { numRuns: 5_000 },
  );
});

test("whole micro-dollars below 1e15 divided by 1e6 are already the 15-digit number clean() gives (the tiers' price shortcut)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (micros) => {
      expect(micros / 1e6).toBe(clean(micros / 1e6));
      expect(micros / 1e6).toBe(Number(text({ n: BigInt(micros), scale: 6 })));
    }),
    { numRuns: 5_000 },
  );
  // And the shortcut is needed only there: a half micro-dollar's quotient is cleaned as before.
  expect(clean(8_265.5 / 1e6)).toBe(0.0082655);
});

test("a negative amount (never a price, but the function takes any number) is exact too", () => {
  // A negative whole number past 1e15 is "below 1e15" too: only the exact path reads it as its
  // 15-digit decimal (-1.23456789012346e17), as it does the positive one.
  const big = -Number("123456789012345678");
  expect(scaleMicros(big, 0.3)).toBe(exactScaledSigned(big, 0.3));
  expect(scaleMicros(-123_456_789, 1.1)).toBe(-135_802_467.9);
});

/** As exactScaled, for a negative first factor. */
function exactScaledSigned(micros: number, factor: number): number {
  return -exactScaled(-micros, factor);
}
