/**
 * Per-image money on a compiled book: quote, price, cost, afford. Prices are integer
 * micro-dollars; the arithmetic is money.ts's, exact at every magnitude (docs/exactness.md), so
 * 100 x 0.211 is 21.1, not 21.099999999999998. Arguments are checked in the order they are given.
 */
import { imagePricesOn, lookupProvider, lookupTier } from "./book";
import type {
  CompiledBook,
  OtherReading,
  PriceStatus,
  ProviderInfo,
  SourceInfo,
  Tier,
} from "./types";
import { parseQuality, parseSize, QUALITY_INDEX, type Quality, type Size } from "./identifiers";
import { readAsOf } from "./dates";
import { readAmount, readRetry } from "./numbers";
import { imagesFor, totalCost } from "./money";
import { isFailure, type Failure, type Result } from "./result";
import { costOf, freePrice, noPerImagePrice, totalTooLarge } from "./messages";

// Local aliases of the imports the hot path (price, cost) calls. Where modules are compiled one by one to
// CommonJS (tsx, ts-jest), each read of an imported binding is a getter call; reading a local const is
// not. Bundled builds (webpack scope hoisting) are unaffected either way.
const findCompiled = lookupProvider;
const tierOf = lookupTier;
const readQuality = parseQuality;
const readSize = parseSize;
const readCount = readAmount;
const readRetryMultiplier = readRetry;
const total = totalCost;

/** One published price per image, with where it came from. */
export interface Quote {
  provider: ProviderInfo;
  quality: Quality;
  size: Size;
  /** Billed USD per image (the upper bound for a range). */
  price: number;
  /** The lower bound when the source gives a range (Flux 2 Pro). */
  minPrice?: number;
  /** The list or retail price beside the billed one. */
  listPrice?: number;
  /** published, derived, bound or disputed, and the readings not used (see docs/price-truth.md). */
  status: PriceStatus;
  otherReadings: readonly OtherReading[];
  source: SourceInfo;
  checked: string;
  effective: string;
  notes: readonly string[];
}

/**
 * The price per image of `provider` at `quality` and `size`, with its source, dates and notes.
 * `asOf` (ISO date or Excel serial; missing: newest) picks the newest price set in effect on that date.
 */
export function quote(
  book: CompiledBook,
  provider: unknown,
  quality: unknown,
  size: unknown,
  asOf?: unknown,
): Result<Quote> {
  const p = lookupProvider(book, provider);
  if (isFailure(p)) return p;
  const q = parseQuality(quality);
  if (!q.ok) return q;
  const s = parseSize(size);
  if (!s.ok) return s;
  const date = readAsOf(asOf);
  if (isFailure(date)) return date;
  const resolved = imagePricesOn(book, p, date);
  const tier = lookupTier(p, resolved, QUALITY_INDEX[q.value], s.value);
  if (isFailure(tier)) return tier;
  const meta = resolved.meta;
  if (meta === null) return noPerImagePrice(p.info.name);
  const value: Quote = {
    provider: p.info,
    quality: q.value,
    size: s.value,
    price: tier.price,
    status: tier.status,
    otherReadings: tier.otherReadings,
    source: meta.source,
    checked: meta.checked,
    effective: meta.effective,
    notes: meta.notes,
  };
  if (tier.minPrice !== null) value.minPrice = tier.minPrice;
  if (tier.listPrice !== null) value.listPrice = tier.listPrice;
  return { ok: true, value };
}

/** The tier for provider / quality / size / asOf, or the first failure in argument order. */
function tierFor(
  book: CompiledBook,
  provider: unknown,
  quality: unknown,
  size: unknown,
  asOf: unknown,
): Tier | Failure {
  const p = findCompiled(book, provider);
  if (isFailure(p)) return p;
  const q = readQuality(quality);
  if (!q.ok) return q;
  const s = readSize(size);
  if (!s.ok) return s;
  if (asOf === undefined || asOf === null)
    return tierOf(p, p.newestImage, QUALITY_INDEX[q.value], s.value);
  const date = readAsOf(asOf);
  if (isFailure(date)) return date;
  return tierOf(p, imagePricesOn(book, p, date), QUALITY_INDEX[q.value], s.value);
}

/** Billed USD per image (the upper bound for a range). The success result is shared: do not mutate it. */
export function price(
  book: CompiledBook,
  provider: unknown,
  quality: unknown,
  size: unknown,
  asOf?: unknown,
): Result<number> {
  const tier = tierFor(book, provider, quality, size, asOf);
  return isFailure(tier) ? tier : tier.priceResult;
}

/**
 * USD for `volume` images with a retry multiplier (missing: 1): volume x retry x price per image.
 * A range (Flux 2 Pro) is budgeted at its upper bound.
 */
export function cost(
  book: CompiledBook,
  provider: unknown,
  quality: unknown,
  size: unknown,
  volume: unknown,
  retry?: unknown,
  asOf?: unknown,
): Result<number> {
  const value = costValue(book, provider, quality, size, volume, retry, asOf);
  return typeof value === "number" ? { ok: true, value } : value;
}

/**
 * {@link cost} as the number itself or the failure, for the functions' row loop: a column of a
 * million rows then allocates nothing per row beyond the row Excel gets back (no result object, no
 * closure), which cut the garbage collections of a 1M-row call (the bench's range curve).
 */
export function costValue(
  book: CompiledBook,
  provider: unknown,
  quality: unknown,
  size: unknown,
  volume: unknown,
  retry?: unknown,
  asOf?: unknown,
): number | Failure {
  const p = findCompiled(book, provider);
  if (isFailure(p)) return p;
  const q = readQuality(quality);
  if (!q.ok) return q;
  const s = readSize(size);
  if (!s.ok) return s;
  const n = readCount(volume, "Volume");
  if (typeof n !== "number") return n;
  const r = readRetryMultiplier(retry);
  if (typeof r !== "number") return r;
  let resolved = p.newestImage;
  if (asOf !== undefined && asOf !== null) {
    const date = readAsOf(asOf);
    if (isFailure(date)) return date;
    resolved = imagePricesOn(book, p, date);
  }
  const tier = tierOf(p, resolved, QUALITY_INDEX[q.value], s.value);
  if (isFailure(tier)) return tier;
  const usd = total(n, r, tier.micros);
  return usd !== null ? usd : totalTooLarge(costOf(n, r));
}

/**
 * Whole images a budget (USD) buys: floor(budget / (price x retry)). A range is budgeted at its upper
 * bound. A free price is BAD_ARGUMENT (any number of images).
 */
export function afford(
  book: CompiledBook,
  budget: unknown,
  provider: unknown,
  quality: unknown,
  size: unknown,
  retry?: unknown,
  asOf?: unknown,
): Result<number> {
  const b = readAmount(budget, "Budget");
  if (typeof b !== "number") return b;
  const p = lookupProvider(book, provider);
  if (isFailure(p)) return p;
  const q = parseQuality(quality);
  if (!q.ok) return q;
  const s = parseSize(size);
  if (!s.ok) return s;
  const r = readRetry(retry);
  if (typeof r !== "number") return r;
  const date = readAsOf(asOf);
  if (isFailure(date)) return date;
  const dated = lookupTier(p, imagePricesOn(book, p, date), QUALITY_INDEX[q.value], s.value);
  if (isFailure(dated)) return dated;
  if (dated.micros === 0) {
    return freePrice(b);
  }
  const count = imagesFor(b, r, dated.micros);
  return typeof count === "number" ? { ok: true, value: count } : count;
}
