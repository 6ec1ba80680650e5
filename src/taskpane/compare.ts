/**
 * Compare: every GPT Image 2 provider for one quality, size, volume and retry, cheapest first, with
 * the comparison models (other image models) listed apart. The ranking is the core's `rank`, the
 * one IMG.CHEAPEST returns, so "Insert as table" writes the same answer as a live formula.
 */
import type { CompiledBook, PriceRow, ProviderInfo } from "../core";
import { cost, parseQuality, parseSize, priceRows, quote, rank } from "../core";
import { cheapestFormula } from "./formula";
import { readImages, readRetryInput } from "./inputs";
import { priceStatus, type PriceStatus } from "./priceStatus";

export interface CompareInput {
  quality: string;
  size: string;
  volume: string;
  retry: string;
}

export interface CompareRow {
  provider: ProviderInfo;
  price: number;
  minPrice?: number;
  total: number;
  /** Price over the cheapest one's. */
  multiple: number;
  status: PriceStatus;
}

export interface OtherModelRow {
  provider: ProviderInfo;
  price: number | null;
  total: number | null;
  reason: string | null;
  status: PriceStatus;
}

export type Comparison =
  | {
      ok: true;
      rows: CompareRow[];
      leftOut: { provider: ProviderInfo; reason: string }[];
      otherModels: OtherModelRow[];
      formula: string;
    }
  | { ok: false; message: string };

/** The price row that prices (quality, size) for a provider: the one a status is read from. */
export function rowFor(
  book: CompiledBook,
  providerId: string,
  quality: string,
  size: string,
): PriceRow | null {
  const rows = priceRows(book, providerId);
  if (!rows.ok) return null;
  const image = rows.value.filter((r) => r.unit === "image");
  const q = parseQuality(quality);
  const s = parseSize(size);
  const qual = q.ok ? q.value : quality;
  const key = s.ok ? s.value.key : size;
  const fits = (r: PriceRow) =>
    (r.quality === qual || r.quality === "any") && (r.size === key || r.size.startsWith(`${key} `));
  return (
    image.find(fits) ??
    image.find((r) => (r.quality === qual || r.quality === "any") && r.size === "any") ??
    image[0] ??
    null
  );
}

export function compare(book: CompiledBook, input: CompareInput, today: string): Comparison {
  const volume = readImages(input.volume);
  if (!volume.ok) return volume;
  const retry = readRetryInput(input.retry);
  if (!retry.ok) return retry;
  const ranked = rank(book, input.quality, input.size, volume.value, retry.value);
  if (!ranked.ok) return { ok: false, message: ranked.message };
  const status = (p: ProviderInfo) =>
    priceStatus(p, today, rowFor(book, p.id, input.quality, input.size));
  const rows = ranked.value.rows.map((r): CompareRow => {
    const row: CompareRow = {
      provider: r.provider,
      price: r.price,
      total: r.total,
      multiple: r.multiple,
      status: status(r.provider),
    };
    if (r.minPrice !== undefined) row.minPrice = r.minPrice;
    return row;
  });
  const otherModels = book.providers
    .filter((p) => p.comparisonOnly)
    .map((p): OtherModelRow => {
      const q = quote(book, p.id, input.quality, input.size);
      const total = cost(book, p.id, input.quality, input.size, volume.value, retry.value);
      return {
        provider: p,
        price: q.ok ? q.value.price : null,
        total: total.ok ? total.value : null,
        reason: q.ok ? null : q.message,
        status: status(p),
      };
    })
    .sort((a, b) => (a.price ?? Infinity) - (b.price ?? Infinity));
  return {
    ok: true,
    rows,
    leftOut: ranked.value.leftOut,
    otherModels,
    formula: cheapestFormula(input.quality, input.size, volume.value, retry.value),
  };
}
