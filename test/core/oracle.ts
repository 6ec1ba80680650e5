/**
 * An exact-decimal oracle for the money functions, written apart from src/: it reads the price book's
 * JSON text itself (keeping every price as the decimal string the file gives, "0.211", never a
 * binary number), resolves a price with its own small walk over the book, and does all arithmetic
 * on BigInt. It shares no code with src/core, so a mistake there cannot hide here.
 *
 * What a result must be (docs/exactness.md), restated independently:
 * - a total: the exact decimal when it has at most 15 significant digits; otherwise the decimal
 *   rounded half up to the cent if that is at most $70,000,000,000,000; otherwise "TOO_LARGE";
 * - a count of images: floor(budget / (price x retry)) when a number holds it exactly, else "TOO_LARGE".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** n / 10^scale, scale >= 0. */
export interface Dec {
  n: bigint;
  scale: number;
}

const TEN = BigInt(10);

/** A plain decimal string ("0.0265", "12", "-0" not accepted) as an exact Dec. */
export function dec(text: string): Dec {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (m === null) throw new Error(`oracle: not a plain decimal: ${text}`);
  const fraction = m[2] ?? "";
  return { n: BigInt(`${m[1]}${fraction}`), scale: fraction.length };
}

export function mul(a: Dec, b: Dec): Dec {
  return { n: a.n * b.n, scale: a.scale + b.scale };
}

export function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return {
    n: a.n * TEN ** BigInt(scale - a.scale) + b.n * TEN ** BigInt(scale - b.scale),
    scale,
  };
}

/** The larger of two decimals. */
export function higher(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  const an = a.n * TEN ** BigInt(scale - a.scale);
  const bn = b.n * TEN ** BigInt(scale - b.scale);
  return an >= bn ? a : b;
}

/** Canonical text: no trailing zeros after the point, no point when whole ("21.1", "0.0265", "3000"). */
export function text(d: Dec): string {
  const digits = d.n.toString().padStart(d.scale + 1, "0");
  if (d.scale === 0) return digits;
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/** The decimal a number shows as, in canonical text (expands "1e+21" and "5e-7"). */
export function numberText(x: number): string {
  const shown = String(x);
  const m = /^([0-9]+)(?:\.([0-9]+))?(?:e([+-][0-9]+))?$/.exec(shown);
  if (m === null) throw new Error(`oracle: unexpected number form ${shown}`);
  const digits = `${m[1]}${m[2] ?? ""}`;
  const exponent = Number(m[3] ?? "0") - (m[2] ?? "").length;
  if (exponent >= 0) return text({ n: BigInt(digits) * TEN ** BigInt(exponent), scale: 0 });
  return text({ n: BigInt(digits), scale: -exponent });
}

export const TOO_LARGE = "TOO_LARGE";
export type Expected = number | typeof TOO_LARGE;

const CENT_LIMIT = BigInt(70_000_000_000_000) * BigInt(100);

/** The number a total `exact` must come out as. */
export function expectedTotal(exact: Dec): Expected {
  const wanted = text(exact);
  // Significant digits: the digits of n without its trailing zeros.
  const significant = exact.n.toString().replace(/0+$/, "").length;
  // ...and a number holds it: finite, and not so tiny that it has fewer than 15 digits of precision
  // (below 2^-1022, about 2.2e-308, where such a total is rounded to the cent: 0).
  const nearest = Number(wanted);
  if (
    significant <= 15 &&
    Number.isFinite(nearest) &&
    (nearest >= 2 ** -1022 || exact.n === BigInt(0))
  )
    return nearest;
  // Half up to the cent: add half a cent, then drop everything below the cent.
  const toCents = exact.scale >= 2 ? TEN ** BigInt(exact.scale - 2) : BigInt(1);
  const cents =
    exact.scale >= 2
      ? (exact.n + toCents / BigInt(2)) / toCents
      : exact.n * TEN ** BigInt(2 - exact.scale);
  if (cents > CENT_LIMIT) return TOO_LARGE;
  return Number(text({ n: cents, scale: 2 }));
}

/** The count AFFORD must give for budget / (price x retry). */
export function expectedCount(budget: Dec, price: Dec, retry: Dec): Expected {
  const per = mul(price, retry);
  // budget.n / 10^b.scale / (per.n / 10^per.scale) = budget.n x 10^per.scale / (per.n x 10^b.scale)
  const count = (budget.n * TEN ** BigInt(per.scale)) / (per.n * TEN ** BigInt(budget.scale));
  const asNumber = Number(count);
  return BigInt(asNumber) === count ? asNumber : TOO_LARGE;
}

// ---- the book, read from its text with numbers kept as strings ----------------------------------

type Raw = string | boolean | null | RawNumber | Raw[] | { [key: string]: Raw };

/** A JSON number exactly as the file writes it. */
export class RawNumber {
  constructor(readonly source: string) {}
}

/** A small JSON reader that keeps numbers as their source text. */
function readJson(source: string): Raw {
  let at = 0;
  const space = (): void => {
    while (/\s/.test(source.charAt(at))) at++;
  };
  const value = (): Raw => {
    space();
    const c = source.charAt(at);
    if (c === "{") {
      at++;
      const out: { [key: string]: Raw } = {};
      space();
      if (source.charAt(at) === "}") {
        at++;
        return out;
      }
      for (;;) {
        space();
        const key = value();
        if (typeof key !== "string") throw new Error("oracle: object key");
        space();
        at++; // :
        out[key] = value();
        space();
        if (source.charAt(at++) === "}") return out;
      }
    }
    if (c === "[") {
      at++;
      const out: Raw[] = [];
      space();
      if (source.charAt(at) === "]") {
        at++;
        return out;
      }
      for (;;) {
        out.push(value());
        space();
        if (source.charAt(at++) === "]") return out;
      }
    }
    if (c === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = at;
      const m = end.exec(source);
      if (m === null) throw new Error("oracle: string");
      at = end.lastIndex;
      return JSON.parse(m[0]) as string;
    }
    const literal = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null/y;
    literal.lastIndex = at;
    const m = literal.exec(source);
    if (m === null) throw new Error(`oracle: unexpected ${c} at ${at}`);
    at = literal.lastIndex;
    if (m[0] === "true") return true;
    if (m[0] === "false") return false;
    if (m[0] === "null") return null;
    return new RawNumber(m[0]);
  };
  return value();
}

type Obj = { [key: string]: Raw };
const obj = (r: Raw | undefined): Obj => r as Obj;
const list = (r: Raw | undefined): Raw[] => (r ?? []) as Raw[];
const num = (r: Raw | undefined): Dec | null => (r instanceof RawNumber ? dec(r.source) : null);

const BOOK: Obj = obj(
  readJson(readFileSync(join(__dirname, "../../data/prices/gpt-image-2.json"), "utf8")),
);

function provider(id: string): Obj {
  const found = list(BOOK.providers).find((p) => obj(p).id === id);
  if (found === undefined) throw new Error(`oracle: no provider ${id}`);
  return obj(found);
}

function newest(sets: Raw[]): Obj {
  return obj(
    [...sets].sort((a, b) => String(obj(a).effective).localeCompare(String(obj(b).effective)))[
      sets.length - 1
    ],
  );
}

const NAMED: Record<string, string> = {
  square: "1024x1024",
  portrait: "1024x1536",
  landscape: "1536x1024",
};

/** The billed price per image as the book's decimal, or null where the book gives none. */
export function bookPrice(id: string, quality: string, size: string): Dec | null {
  const key = NAMED[size] ?? size;
  const sets = list(provider(id).image);
  if (sets.length === 0) return null;
  const pricing = obj(newest(sets).pricing);
  // A flat price may cover sizes only up to an edge ("up to 2048").
  const [width, height] = key.split("x").map(Number);
  if (pricing.maxEdge instanceof RawNumber) {
    const edge = Number(pricing.maxEdge.source);
    if ((width ?? 0) > edge || (height ?? 0) > edge) return null;
  }
  switch (pricing.kind) {
    case "table":
    case "points": {
      const rows = list(pricing.kind === "table" ? pricing.tiers : pricing.points);
      const hit = rows.find((t) => obj(t).quality === quality && obj(t).size === key);
      return hit === undefined ? null : num(obj(hit).price);
    }
    case "perQuality":
      return num(obj(pricing[quality]).price);
    case "flat": {
      const sizes = pricing.sizes;
      if (Array.isArray(sizes) && !sizes.includes(key)) return null;
      return num(pricing.price);
    }
    case "sameAs":
      return bookPrice(String(pricing.provider), quality, size);
    case "scaled": {
      const base = bookPrice(String(pricing.of), quality, size);
      const factor = num(pricing.factor);
      if (base === null || factor === null) return null;
      const rule = mul(base, factor);
      // A tier where the page gives its own figure: the book's price there, or the rule's if higher.
      const own = list(pricing.overrides).find(
        (o) => obj(o).quality === quality && obj(o).size === key,
      );
      const figure = own === undefined ? null : num(obj(own).price);
      return figure === null ? rule : higher(rule, figure);
    }
    default:
      return null;
  }
}

/** USD per 1M tokens on each meter, in the order text, cached text, image, cached image, output. */
export function bookMeters(id: string): (Dec | null)[] {
  const meters = obj(newest(list(provider(id).tokens)).meters);
  return [
    num(meters.textInput ?? meters.input),
    num(meters.cachedTextInput),
    num(meters.imageInput ?? meters.input),
    num(meters.cachedImageInput),
    num(meters.imageOutput),
  ];
}

/** Token counts x meters / 1,000,000, exactly. */
export function tokenExact(counts: Dec[], meters: (Dec | null)[]): Dec {
  let sum: Dec = { n: BigInt(0), scale: 0 };
  counts.forEach((count, i) => {
    const meter = meters[i];
    if (meter !== null && meter !== undefined) sum = add(sum, mul(count, meter));
  });
  return { n: sum.n, scale: sum.scale + 6 };
}
