/**
 * Ranking every GPT Image 2 provider for one quality and size, cheapest first.
 */
import { imagePricesOn, internals, isCompiledBook, lookupTier, NOT_A_BOOK } from "./book";
import type { CompiledBook, OtherReading, PriceStatus, ProviderInfo, Tier } from "./types";
import { parseQuality, parseSize, QUALITY_INDEX } from "./identifiers";
import { readAsOf } from "./dates";
import { clean, readOptionalAmount, readRetry } from "./numbers";
import { totalCost } from "./money";
import { isFailure, type Result } from "./result";
import { bookNoPriceOnDate, costOf, totalTooLarge } from "./messages";

/** One priced provider in a ranking. */
export interface RankRow {
  provider: ProviderInfo;
  price: number;
  total: number;
  /** Its price over the cheapest one's (the cheapest is 1; a free price is 0, measured against the cheapest paid one). */
  multiple: number;
  minPrice?: number;
  /** published, derived, bound or disputed: see docs/price-truth.md. */
  status: PriceStatus;
  /** The readings not used (a disputed price's other figures). */
  otherReadings: readonly OtherReading[];
}

/** Providers cheapest first (ties in book order) and those left out with the reason. */
export interface Ranking {
  rows: RankRow[];
  leftOut: { provider: ProviderInfo; reason: string }[];
}

/**
 * Every GPT Image 2 provider priced for `quality` and `size`, cheapest first (ties in book order), each
 * with its total for `volume` (missing: 1) x `retry` and its multiple of the cheapest. Providers with no
 * price there are listed in leftOut with the reason; comparison models are neither ranked nor listed.
 */
export function rank(
  book: CompiledBook,
  quality: unknown,
  size: unknown,
  volume?: unknown,
  retry?: unknown,
  asOf?: unknown,
): Result<Ranking> {
  if (!isCompiledBook(book)) return NOT_A_BOOK;
  const q = parseQuality(quality);
  if (!q.ok) return q;
  const s = parseSize(size);
  if (!s.ok) return s;
  const n = readOptionalAmount(volume, "Volume", 1);
  if (typeof n !== "number") return n;
  const r = readRetry(retry);
  if (typeof r !== "number") return r;
  const date = readAsOf(asOf);
  if (isFailure(date)) return date;
  const priced: { provider: ProviderInfo; tier: Tier }[] = [];
  const leftOut: Ranking["leftOut"] = [];
  let earliest: string | null = null; // of the prices not yet in effect on `date`
  let anyInEffect = false;
  for (const p of internals(book).providers) {
    const info = p.info;
    if (info.comparisonOnly) continue;
    const tier = lookupTier(p, imagePricesOn(book, p, date), QUALITY_INDEX[q.value], s.value);
    if (isFailure(tier)) leftOut.push({ provider: info, reason: tier.message });
    else priced.push({ provider: info, tier });
    const first = p.imageSets[0]?.effective;
    if (date !== null && first !== undefined && first > date) {
      if (earliest === null || first < earliest) earliest = first;
    } else if (first !== undefined) anyInEffect = true;
  }
  if (date !== null && !anyInEffect && earliest !== null) {
    return bookNoPriceOnDate(date, earliest);
  }
  priced.sort((a, b) => a.tier.micros - b.tier.micros); // stable: ties stay in book order
  const cheapest = priced.find((x) => x.tier.micros > 0)?.tier.micros ?? 0;
  const rows: RankRow[] = [];
  for (const { provider, tier } of priced) {
    const total = totalCost(n, r, tier.micros);
    if (total === null) return totalTooLarge(`${costOf(n, r)} at ${provider.name}`);
    const row: RankRow = {
      provider,
      price: tier.price,
      total,
      multiple: cheapest === 0 ? 1 : clean(tier.micros / cheapest),
      status: tier.status,
      otherReadings: tier.otherReadings,
    };
    if (tier.minPrice !== null) row.minPrice = tier.minPrice;
    rows.push(row);
  }
  return { ok: true, value: { rows, leftOut } };
}
