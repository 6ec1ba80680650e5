/**
 * The price book as flat rows: what IMG.PRICES returns, what the task pane's table and the prices
 * sheet show. One row per published price (and one per price the source says is not published).
 */
import { contextOf, internals, isCompiledBook, lookupProvider, NOT_A_BOOK } from "./book";
import { resolveTokens } from "./resolve";
import {
  TOKEN_METERS,
  type CompiledBook,
  type CompiledProvider,
  type ProviderInfo,
  type ResolvedImage,
  type SetMeta,
  type Tier,
} from "./types";
import { QUALITIES, type Quality } from "./identifiers";
import { readAsOf } from "./dates";
import type { Result } from "./result";
import { imagePricesOn, isFailure } from "./math";

/** One row of the price table. */
export interface PriceRow {
  providerId: string;
  providerName: string;
  model: string;
  quality: Quality | "any";
  /** "1024x1024", "any", or a size with the source's wording: "1024x768 (about 1024x768)". */
  size: string;
  /** USD per image or per 1M tokens; null when the source publishes no number. */
  price: number | null;
  listPrice: number | null;
  minPrice: number | null;
  unit: "image" | "1M tokens";
  /** For token rows: textInput, cachedTextInput, imageInput, cachedImageInput, imageOutput, or input (text and image). */
  meter?: string;
  checked: string;
  effective: string;
  /** "site: title". */
  source: string;
  notes: string;
}

function base(
  info: ProviderInfo,
  meta: SetMeta | null,
): Omit<PriceRow, "quality" | "size" | "price" | "listPrice" | "minPrice" | "unit"> {
  return {
    providerId: info.id,
    providerName: info.name,
    model: info.model,
    checked: meta?.checked ?? info.checked,
    effective: meta?.effective ?? "",
    source: `${(meta ?? info).source.site}: ${(meta ?? info).source.title}`,
    notes: (meta?.notes ?? info.notes).join(" "),
  };
}

function tierRow(
  info: ProviderInfo,
  meta: SetMeta | null,
  quality: Quality | "any",
  size: string,
  t: Tier,
): PriceRow {
  return {
    ...base(info, meta),
    quality,
    size: t.sizeLabel === null ? size : `${size} (${t.sizeLabel})`,
    price: t.price,
    listPrice: t.listPrice,
    minPrice: t.minPrice,
    unit: "image",
  };
}

/** A row saying why no price is given, the reason first in its notes. */
function unpricedRow(
  info: ProviderInfo,
  meta: SetMeta | null,
  quality: Quality | "any",
  reason: string,
): PriceRow {
  const row = base(info, meta);
  return {
    ...row,
    quality,
    size: "any",
    price: null,
    listPrice: null,
    minPrice: null,
    unit: "image",
    notes: [reason, row.notes].filter((x) => x !== "").join(" "),
  };
}

function imageRows(p: CompiledProvider, resolved: ResolvedImage): PriceRow[] {
  const info = p.info;
  if (resolved.failure !== null) {
    if (p.imageSets.length === 0) return []; // token-only: its token rows say how it bills
    return [unpricedRow(info, resolved.meta, "any", resolved.failure.message)];
  }
  const meta = resolved.meta;
  const [a0, a1, a2] = resolved.any;
  if (a0 && a0 === a1 && a1 === a2) return [tierRow(info, meta, "any", "any", a0)];
  const [m0, m1, m2] = resolved.bySize;
  if (m0 && m0 === m1 && m1 === m2)
    return [...m0].map(([key, t]) => tierRow(info, meta, "any", key, t));
  const rows: PriceRow[] = [];
  QUALITIES.forEach((quality, q) => {
    const any = resolved.any[q];
    const map = resolved.bySize[q];
    const reason = resolved.unpublished[q];
    if (any) rows.push(tierRow(info, meta, quality, "any", any));
    else if (map) for (const [key, t] of map) rows.push(tierRow(info, meta, quality, key, t));
    else if (reason) rows.push(unpricedRow(info, meta, quality, `Not published: ${reason}`));
  });
  return rows;
}

function tokenRows(book: CompiledBook, p: CompiledProvider, asOf: string | null): PriceRow[] {
  if (p.tokenSets.length === 0) return [];
  const resolved = resolveTokens(contextOf(book), p, asOf);
  if (resolved.failure !== null || resolved.meta === null) return [];
  const meta = resolved.meta;
  const rows: PriceRow[] = [];
  TOKEN_METERS.forEach((meter, i) => {
    const micros = resolved.micros[i];
    if (micros === null || micros === undefined) return;
    if (resolved.sharedInput && meter === "imageInput") return; // shown once, as "input"
    rows.push({
      ...base(p.info, meta),
      quality: "any",
      size: "any",
      price: micros / 1e6,
      listPrice: null,
      minPrice: null,
      unit: "1M tokens",
      meter: resolved.sharedInput && meter === "textInput" ? "input" : meter,
    });
  });
  return rows;
}

/**
 * The price table: every provider (or just `provider`), in book order, newest prices or those in
 * effect on `asOf`. Image rows first, then token meters.
 */
export function priceRows(
  book: CompiledBook,
  provider?: unknown,
  asOf?: unknown,
): Result<PriceRow[]> {
  if (!isCompiledBook(book)) return NOT_A_BOOK;
  const date = readAsOf(asOf);
  if (isFailure(date)) return date;
  let providers = internals(book).providers;
  if (provider !== undefined && provider !== null && provider !== "") {
    const found = lookupProvider(book, provider);
    if (isFailure(found)) return found;
    providers = [found];
  }
  const rows: PriceRow[] = [];
  for (const p of providers) {
    rows.push(...imageRows(p, imagePricesOn(book, p, date)), ...tokenRows(book, p, date));
  }
  return { ok: true, value: rows };
}
