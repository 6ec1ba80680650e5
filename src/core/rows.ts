/**
 * The price book as flat rows: what IMG.PRICES returns, what the task pane's table and the prices
 * sheet show. One row per published price (and one per price the source says is not published).
 */
import {
  contextOf,
  imagePricesOn,
  internals,
  isCompiledBook,
  lookupProvider,
  NOT_A_BOOK,
} from "./book";
import { resolveTokens } from "./resolve";
import {
  TOKEN_METERS,
  type CompiledBook,
  type CompiledProvider,
  type NotOffered,
  type OtherReading,
  type PriceStatus,
  type ProviderInfo,
  type ResolvedImage,
  type SetMeta,
  type Tier,
} from "./types";
import { QUALITIES, type Quality } from "./identifiers";
import { dateLabel, readAsOf } from "./dates";
import { isFailure, type Result } from "./result";

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
  /** The date the page was read (the same as readDate; kept for existing callers). */
  checked: string;
  effective: string;
  /** "site: title". */
  source: string;
  notes: string;
  /** published, derived, bound, disputed or not published: see docs/price-truth.md. */
  status: PriceStatus;
  /** The readings the book does not use (a disputed price's other figures), each with where it is said. */
  otherReadings: readonly OtherReading[];
  /** The date the page gives, or null when it gives none. */
  pageDate: string | null;
  /** The date the page was read. */
  readDate: string;
  /** "2026-05-04 (read 2026-11-21)" or "undated (read 2026-11-21)". */
  dateLabel: string;
  /** The price as it reads: "0.211", "0.03 to 0.05", "0.054 or more", "not offered", "not published". */
  priceText: string;
  /** True when the page gives only a starting price ("0.054+"). */
  atLeast: boolean;
  /** The provider's other price form (per image or by token) that describes the same billing. */
  sameBillingAs: "image" | "tokens" | null;
}

/** "0.008 (Atlas Cloud: GPT Image 2 on ..., FAQ: '...')": a reading as one line of text. */
export function readingText(r: OtherReading): string {
  const what = [r.value === null ? null : String(r.value), r.text].filter((x) => x !== null);
  return `${what.join(" ")} (${r.source}; ${r.part})`;
}

function priceTextOf(t: Tier): string {
  if (t.atLeast) return `${t.price} or more`;
  if (t.minPrice !== null && t.minPrice !== t.price) return `${t.minPrice} to ${t.price}`;
  return String(t.price);
}

type Base = Omit<
  PriceRow,
  | "quality"
  | "size"
  | "price"
  | "listPrice"
  | "minPrice"
  | "unit"
  | "status"
  | "otherReadings"
  | "priceText"
  | "atLeast"
>;

function base(info: ProviderInfo, meta: SetMeta | null): Base {
  const readDate = meta?.checked ?? info.checked;
  const pageDate = (meta ?? info).source.dated;
  return {
    providerId: info.id,
    providerName: info.name,
    model: info.model,
    checked: readDate,
    effective: meta?.effective ?? "",
    source: `${(meta ?? info).source.site}: ${(meta ?? info).source.title}`,
    notes: [...(meta?.notes ?? info.notes), ...info.terms].join(" "),
    pageDate,
    readDate,
    dateLabel: dateLabel(pageDate, readDate),
    sameBillingAs: meta?.sameBillingAs ?? null,
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
    status: t.status,
    otherReadings: t.otherReadings,
    priceText: priceTextOf(t),
    atLeast: t.atLeast,
  };
}

/** A size read as not offered: no price, the reason first in its notes, the readings not used. */
function notOfferedRow(info: ProviderInfo, meta: SetMeta | null, n: NotOffered): PriceRow {
  const row = base(info, meta);
  return {
    ...row,
    quality: "any",
    size: n.size,
    price: null,
    listPrice: null,
    minPrice: null,
    unit: "image",
    status: n.status,
    otherReadings: n.otherReadings,
    priceText: "not offered",
    atLeast: false,
    notes: [n.failure.message, row.notes].filter((x) => x !== "").join(" "),
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
    status: "not published",
    otherReadings: [],
    priceText: "not published",
    atLeast: false,
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
  const refused = [...(resolved.notOffered?.values() ?? [])].map((n) =>
    notOfferedRow(info, meta, n),
  );
  const [a0, a1, a2] = resolved.any;
  if (a0 && a0 === a1 && a1 === a2) {
    const size = resolved.maxEdge === null ? "any" : `up to ${resolved.maxEdge} on each edge`;
    return [tierRow(info, meta, "any", size, a0), ...refused];
  }
  const [m0, m1, m2] = resolved.bySize;
  if (m0 && m0 === m1 && m1 === m2)
    return [...[...m0].map(([key, t]) => tierRow(info, meta, "any", key, t)), ...refused];
  const rows: PriceRow[] = [];
  QUALITIES.forEach((quality, q) => {
    const any = resolved.any[q];
    const map = resolved.bySize[q];
    const reason = resolved.unpublished[q];
    if (any) rows.push(tierRow(info, meta, quality, "any", any));
    else if (map) for (const [key, t] of map) rows.push(tierRow(info, meta, quality, key, t));
    else if (reason) rows.push(unpricedRow(info, meta, quality, `Not published: ${reason}`));
  });
  return [...rows, ...refused];
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
    const standing = resolved.statuses[i];
    const price = micros / 1e6;
    rows.push({
      ...base(p.info, meta),
      quality: "any",
      size: "any",
      price,
      listPrice: null,
      minPrice: null,
      unit: "1M tokens",
      meter: resolved.sharedInput && meter === "textInput" ? "input" : meter,
      status: standing?.status ?? "published",
      otherReadings: standing?.otherReadings ?? [],
      priceText: String(price),
      atLeast: false,
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

/** One price set of a provider's history, as the pane lists it. */
export interface PriceSetEntry {
  billing: "image" | "tokens";
  /** The prices apply from this date ... */
  effective: string;
  /** ... until the day before this one (the next set's effective date), or null for the newest. */
  until: string | null;
  pageDate: string | null;
  readDate: string;
  dateLabel: string;
  /** "site: title". */
  source: string;
  notes: readonly string[];
  /** The rows of this set, as priceRows gives them on its effective date. */
  rows: PriceRow[];
}

/**
 * The dates a provider's image prices can change: its own sets' effective dates, and those of the
 * providers it is billed from (sameAs, scaled) once its own first set applies.
 */
function imageChangeDates(
  book: CompiledBook,
  p: CompiledProvider,
  seen: Set<string> = new Set(),
): string[] {
  if (seen.has(p.info.id)) return [];
  seen.add(p.info.id);
  const own = p.imageSets.map((s) => s.effective);
  const first = own[0];
  if (first === undefined) return [];
  const dates = new Set(own);
  const byId = internals(book).byId;
  for (const set of p.imageSets) {
    const pr = set.pricing;
    const target =
      pr.kind === "sameAs"
        ? byId.get(pr.provider)
        : pr.kind === "scaled"
          ? byId.get(pr.of)
          : undefined;
    if (target === undefined) continue;
    for (const d of imageChangeDates(book, target, seen)) if (d > first) dates.add(d);
  }
  return [...dates].sort();
}

/**
 * A provider's price history: each date its image prices and its token meters took their values,
 * oldest first within each billing, with the dates they applied and the rows in effect then. An offer
 * billed at another provider's rates changes when that provider's do, so those dates are listed too.
 */
export function priceHistory(book: CompiledBook, provider: unknown): Result<PriceSetEntry[]> {
  if (!isCompiledBook(book)) return NOT_A_BOOK;
  const p = lookupProvider(book, provider);
  if (isFailure(p)) return p;
  const sources = internals(book).sources;
  const entries: PriceSetEntry[] = [];
  for (const billing of ["image", "tokens"] as const) {
    const sets = billing === "image" ? p.imageSets : p.tokenSets;
    const dates = billing === "image" ? imageChangeDates(book, p) : sets.map((s) => s.effective);
    dates.forEach((date, k) => {
      let set = sets[0];
      for (const s of sets) if (s.effective <= date) set = s;
      if (set === undefined) return;
      const source = sources.get(set.source);
      const pageDate = source?.dated ?? null;
      const rows =
        billing === "image" ? imageRows(p, imagePricesOn(book, p, date)) : tokenRows(book, p, date);
      entries.push({
        billing,
        effective: date,
        until: dates[k + 1] ?? null,
        pageDate,
        readDate: set.checked,
        dateLabel: dateLabel(pageDate, set.checked),
        source: source === undefined ? set.source : `${source.site}: ${source.title}`,
        notes: set.notes,
        rows,
      });
    });
  }
  return { ok: true, value: entries };
}
