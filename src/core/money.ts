/**
 * All money arithmetic: totals (COST, LISTCOST, TOKENCOST, RANK's totals) and whole images a budget
 * buys (AFFORD), exact at every magnitude. docs/exactness.md states the rules; in short:
 *
 * - A number argument stands for its decimal to 15 significant digits, what Excel keeps and shows
 *   (the 1201.2 a person typed, not the binary double nearest to it). Prices are whole micro-dollars.
 * - A total is the exact decimal volume x retry x price. It is returned as is when it has at most 15
 *   significant digits; otherwise it is rounded half up to the cent, which a number holds exactly up
 *   to {@link MAX_CENTS_USD}; above that it is TOO_LARGE, never a nearby wrong number.
 * - AFFORD is the exact floor of budget / (price x retry); a count a number cannot hold is TOO_LARGE.
 *
 * Each function has a fast path in plain numbers, taken only where it is provably exact (every
 * integer below 2^53 is exact, and a correctly rounded division of two exact integers gives the
 * number nearest the true quotient); everything else goes through BigInt.
 */
import type { Failure } from "./result";
import { countTooLarge } from "./messages";

/** c x 10^e, c >= 0, normalized so c has no trailing zero (0 is 0n x 10^0). */
interface Decimal {
  readonly c: bigint;
  readonly e: number;
}

/**
 * The largest total rounded to the cent that is still returned: below 2^46 (70,368,744,177,664) a
 * number's spacing is at most 1/128, under a cent, so every cent reads back as itself. Above 7e13
 * a number cannot hold every cent (from 2^46 its spacing is 1/64).
 */
export const MAX_CENTS_USD = 70_000_000_000_000;

const TEN = 10n;
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p); // 10^0..10^22 are exact numbers

function normalize(c: bigint, e: number): Decimal {
  if (c === 0n) return { c: 0n, e: 0 };
  while (c % TEN === 0n) {
    c /= TEN;
    e += 1;
  }
  return { c, e };
}

/**
 * The decimal a finite number >= 0 stands for: its value to 15 significant digits, which is what
 * Excel keeps of what is typed and shows in a cell. So 0.1 + 0.2 (0.30000000000000004) counts as the
 * 0.3 Excel shows, not as 17 digits of float noise.
 */
export function decimalOf(x: number): Decimal {
  const text = x.toPrecision(15); // "1201.20000000000", "1.00000000000000e+21"
  const ePos = text.indexOf("e");
  const mantissa = ePos < 0 ? text : text.slice(0, ePos);
  let exponent = ePos < 0 ? 0 : Number(text.slice(ePos + 1));
  const dot = mantissa.indexOf(".");
  let digits = mantissa;
  if (dot >= 0) {
    digits = mantissa.slice(0, dot) + mantissa.slice(dot + 1);
    exponent -= mantissa.length - dot - 1;
  }
  return normalize(BigInt(digits), exponent);
}

function decimalText(d: Decimal): string {
  return `${d.c.toString()}e${d.e}`;
}

const MAX_DIGITS = 10n ** 15n;
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * `d` as a number when it has at most 15 significant digits (every such decimal reads back from its
 * number as itself, and it is what a cell shows), else null.
 */
function held(d: Decimal): number | null {
  if (d.c >= MAX_DIGITS) return null;
  const x = Number(decimalText(d)); // correctly rounded
  if (!Number.isFinite(x) || (x < SMALLEST_NORMAL && d.c !== 0n)) return null;
  return x;
}

/** `d` rounded half up to whole cents, as a number, or null above MAX_CENTS_USD. */
function toCent(d: Decimal): number | null {
  let cents: bigint;
  const shift = d.e + 2; // d = c x 10^(shift) cents
  if (shift >= 0) cents = d.c * TEN ** BigInt(shift);
  else {
    const unit = TEN ** BigInt(-shift);
    cents = (d.c + unit / 2n) / unit; // unit is even (a power of ten above 1): exact half up
  }
  if (cents > BigInt(MAX_CENTS_USD) * 100n) return null;
  return Number(cents) / 100; // cents < 2^53: exact, and one correctly rounded division
}

/** The exact total `d` as a number: exact, else rounded half up to the cent, else null (too large). */
function totalOf(d: Decimal): number | null {
  const exact = held(d);
  return exact !== null ? exact : toCent(d);
}

/**
 * How many decimals (0 to 6) a number's decimal has when x >= 0 and x x 10^k is a whole number below
 * 1e15, or -1. Below 1e15 two decimals of at most 15 digits never share a number, so (x x 10^k) / 10^k === x
 * proves that the whole number over 10^k is x's 15-digit decimal ({@link decimalOf}). Returns a
 * count, not an object, so the fast paths allocate nothing.
 */
function decimalsOf(x: number): number {
  // The proof holds for 0 <= x only (a negative product is "below 1e15" at any size): anything else
  // takes the exact path.
  if (!(x >= 0)) return -1;
  for (let k = 0; k <= 6; k++) {
    const m = x * (POW10[k] as number);
    if (m >= 1e15) return -1;
    if (Number.isInteger(m) && m / (POW10[k] as number) === x) return k;
  }
  return -1;
}

/** A price in micro-dollars as USD: whole micro-dollars exactly (even past 15 digits). */
const micro6 = (micros: number): Decimal => {
  if (Number.isInteger(micros)) return normalize(BigInt(micros), -6);
  const d = decimalOf(micros);
  return { c: d.c, e: d.e - 6 };
};

function product(...parts: Decimal[]): Decimal {
  let c = 1n;
  let e = 0;
  for (const p of parts) {
    c *= p.c;
    e += p.e;
  }
  return normalize(c, e);
}

/**
 * USD for `units` x `retry` images at `micros` micro-dollars each (volume, retry >= 0 finite;
 * micros a whole or scaled price >= 0): the exact decimal, else rounded half up to the cent, else
 * null: too large to give to the cent (messages.ts's totalTooLarge says so).
 */
export function totalCost(volume: number, retry: number, micros: number): number | null {
  if (Number.isInteger(micros)) {
    const vk = decimalsOf(volume);
    const rk = retry === 1 ? 0 : decimalsOf(retry);
    if (vk >= 0 && rk >= 0) {
      // Each factor is an exact whole number; so is the product when below 1e15.
      const whole = volume * (POW10[vk] as number) * (retry * (POW10[rk] as number)) * micros;
      if (whole < 1e15) return whole / (POW10[vk + rk + 6] as number);
    }
  }
  return totalOf(product(decimalOf(volume), decimalOf(retry), micro6(micros)));
}

/**
 * USD for token counts: the sum of counts[i] x meters[i] micro-dollars per 1M tokens (meters and
 * counts line up; a null meter has a count of 0). Exact, else to the cent, else null (too large).
 */
export function tokenTotal(
  counts: readonly number[],
  meters: readonly (number | null | undefined)[],
): number | null {
  let fast = 0;
  let exactSoFar = true;
  for (let i = 0; i < counts.length && exactSoFar; i++) {
    const n = counts[i] ?? 0;
    const m = meters[i] ?? 0;
    if (n === 0) continue;
    if (!Number.isInteger(n) || !Number.isInteger(m)) exactSoFar = false;
    else fast += n * m;
    if (!(fast < 1e15)) exactSoFar = false; // every term and partial sum stays an exact integer
  }
  if (exactSoFar) return fast / 1e12;
  let sum: Decimal = { c: 0n, e: 0 };
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] ?? 0;
    const m = meters[i] ?? 0;
    if (n === 0 || m === 0) continue;
    sum = add(sum, product(decimalOf(n), micro6(m), { c: 1n, e: -6 }));
  }
  return totalOf(sum);
}

function add(a: Decimal, b: Decimal): Decimal {
  if (a.c === 0n) return b;
  const e = Math.min(a.e, b.e);
  return normalize(a.c * TEN ** BigInt(a.e - e) + b.c * TEN ** BigInt(b.e - e), e);
}

/** 2^53: the first whole number above which numbers skip integers. */
const SAFE_LIMIT = 2n ** 53n;

/**
 * Whole images `budget` USD buys at `micros` micro-dollars each times `retry`: exactly
 * floor(budget / (price x retry)), or TOO_LARGE when that count is not an exact number. micros > 0.
 */
export function imagesFor(budget: number, retry: number, micros: number): number | Failure {
  if (Number.isInteger(micros)) {
    const bk = decimalsOf(budget);
    const rk = retry === 1 ? 0 : decimalsOf(retry);
    if (bk >= 0 && rk >= 0) {
      // budget / (price x retry) = (budget 10^bk) x 10^(rk + 6) / (10^bk x (retry 10^rk) x micros)
      const num = budget * (POW10[bk] as number) * (POW10[rk + 6] as number);
      const den = (POW10[bk] as number) * (retry * (POW10[rk] as number)) * micros;
      // Both exact integers below 2^53; % on numbers is exact, so num - num % den is an exact
      // multiple of den and the division gives the exact quotient.
      if (Number.isSafeInteger(num) && Number.isSafeInteger(den)) return (num - (num % den)) / den;
    }
  }
  const b = decimalOf(budget);
  const r = decimalOf(retry);
  const p = micro6(micros);
  // floor((b.c 10^b.e) / (r.c 10^r.e x p.c 10^p.e)) = floor(b.c 10^s / (r.c p.c)), s = b.e - r.e - p.e
  const s = b.e - r.e - p.e;
  let num = b.c;
  let den = r.c * p.c;
  if (s >= 0) num *= TEN ** BigInt(s);
  else den *= TEN ** BigInt(-s);
  const count = num / den;
  const n = Number(count);
  // A count past the largest double is Infinity as a number, which BigInt() refuses: test finiteness first.
  if (count <= SAFE_LIMIT || (Number.isFinite(n) && BigInt(n) === count)) return n;
  return countTooLarge(Number.isFinite(n) ? `about ${n.toPrecision(3)}` : "more than 1e308");
}

/**
 * A price times a scaled price's factor (e.g. 0.5 for 50% off) in micro-dollars: the exact decimal
 * product, as the number nearest to it (a whole number whenever the product is whole).
 */
export function scaleMicros(micros: number, factor: number): number {
  const mk = decimalsOf(micros);
  const fk = mk < 0 ? -1 : decimalsOf(factor);
  if (fk >= 0) {
    // Both are whole numbers over powers of ten; their product is exact below 1e15, and one division
    // by 10^(mk + fk) gives the number nearest the exact decimal, as the BigInt path below does.
    const whole = micros * (POW10[mk] as number) * (factor * (POW10[fk] as number));
    if (whole < 1e15) return whole / (POW10[mk + fk] as number);
  }
  const d = product(decimalOf(micros), decimalOf(factor));
  return Number(decimalText(d));
}
