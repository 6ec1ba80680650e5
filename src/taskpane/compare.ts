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
  /** The lower end when the source gives a range (Flux 2 Pro: 0.03 to 0.05). */
  minPrice?: number;
  /** The price is a minimum ("0.054+", Imagen 4 Ultra). */
  atLeast: boolean;
  total: number | null;
  reason: string | null;
  status: PriceStatus;
}

export type Comparison =
  | {
      ok: true;
      rows: CompareRow[];
      /** `status` when the book records a dispute over this very quality and size (Atlas at 2048). */
      leftOut: { provider: ProviderInfo; reason: string; status?: PriceStatus }[];
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
  const leftOut = ranked.value.leftOut.map((l) => {
    const row = rowFor(book, l.provider.id, input.quality, input.size);
    const s = parseSize(input.size);
    const exact = row !== null && s.ok && row.size === s.value.key;
    return exact && row.status === "disputed"
      ? { ...l, status: priceStatus(l.provider, today, row) }
      : l;
  });
  const otherModels = book.providers
    .filter((p) => p.comparisonOnly)
    .map((p): OtherModelRow => {
      const q = quote(book, p.id, input.quality, input.size);
      const total = cost(book, p.id, input.quality, input.size, volume.value, retry.value);
      const row: OtherModelRow = {
        provider: p,
        price: q.ok ? q.value.price : null,
        atLeast: rowFor(book, p.id, input.quality, input.size)?.atLeast === true,
        total: total.ok ? total.value : null,
        reason: q.ok ? null : q.message,
        status: status(p),
      };
      if (q.ok && q.value.minPrice !== undefined) row.minPrice = q.value.minPrice;
      return row;
    })
    .sort((a, b) => (a.price ?? Infinity) - (b.price ?? Infinity));
  return {
    ok: true,
    rows,
    leftOut,
    otherModels,
    formula: cheapestFormula(input.quality, input.size, volume.value, retry.value),
  };
}
