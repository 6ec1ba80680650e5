/**
 * The spilled tables and text answers of IMG.CHEAPEST, IMG.PRICES, IMG.PROVIDERS, IMG.SOURCE and
 * IMG.BOOK, built from what the core returns. No prices are computed here: only laid out.
 */
import {
  dateLabel,
  readingText,
  type BookOrigin,
  type CompiledBook,
  type OtherReading,
  type PriceRow,
  type ProviderInfo,
  type RankRow,
  type Ranking,
  type SourceInfo,
  unitWords,
} from "../core";

// Columns are only ever appended: formulas such as INDEX(IMG.CHEAPEST(...), 2, 3) keep working.
export const CHEAPEST_HEADER = [
  "provider",
  "price per image",
  "total",
  "multiple of cheapest",
  "status",
  "other readings",
] as const;
export const PRICES_HEADER = [
  "provider",
  "model",
  "quality",
  "size",
  "price",
  "list price",
  "unit",
  "read",
  "source",
  "lowest price",
  "status",
  "other readings",
  "page date",
] as const;

/** The readings a price does not use, one after another: "5 (LLM Reference: ...; ...)". */
export function readingsText(readings: readonly OtherReading[]): string {
  return readings.map(readingText).join(" | ");
}
export const PROVIDERS_HEADER = ["provider", "name", "model", "prices"] as const;

/**
 * The CHEAPEST table: header, the `top` cheapest rows, then one footer row that says how many
 * providers were left out and which, and how many priced providers `top` did not show.
 * `wanted` is what was asked for, as the footer names it: "high 1024x768".
 */
export function cheapestTable(ranking: Ranking, top: number | null, wanted: string): unknown[][] {
  const shown = top === null ? ranking.rows.length : Math.min(top, ranking.rows.length);
  const table: unknown[][] = new Array<unknown[]>(shown + 2);
  table[0] = [...CHEAPEST_HEADER];
  for (let i = 0; i < shown; i++) {
    const row = ranking.rows[i] as RankRow;
    table[i + 1] = [
      row.provider.id,
      row.price,
      row.total,
      row.multiple,
      row.status,
      readingsText(row.otherReadings),
    ];
  }
  const footer: unknown[] = new Array<unknown>(CHEAPEST_HEADER.length).fill("");
  footer[0] = cheapestFooter(ranking, shown, wanted);
  table[shown + 1] = footer;
  return table;
}

function cheapestFooter(ranking: Ranking, shown: number, wanted: string): string {
  const left = ranking.leftOut;
  let text =
    left.length === 0
      ? `Left out: none (every provider publishes a price for ${wanted})`
      : `Left out (no published price for ${wanted}): ${left.map((l) => l.provider.id).join(", ")}`;
  if (shown < ranking.rows.length) {
    text += `; showing the cheapest ${shown} of ${ranking.rows.length} priced providers`;
  }
  return text;
}

/** The PRICES table: a header and one row per price in the book; blanks where a source gives none. */
export function pricesTable(rows: readonly PriceRow[]): unknown[][] {
  const table: unknown[][] = new Array<unknown[]>(rows.length + 1);
  table[0] = [...PRICES_HEADER];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PriceRow;
    const unit = unitWords(row.unit, row.meter);
    table[i + 1] = [
      row.providerId,
      row.model,
      row.quality,
      row.size,
      row.price ?? "",
      row.listPrice ?? "",
      unit,
      row.readDate,
      row.source,
      row.minPrice ?? "",
      row.status,
      readingsText(row.otherReadings),
      row.pageDate ?? "undated",
    ];
  }
  return table;
}

function billingText(provider: ProviderInfo): string {
  if (provider.comparisonOnly) return "comparison only (not GPT Image 2)";
  if (provider.billing.length === 0) return "none published";
  return provider.billing.map((kind) => (kind === "image" ? "per image" : "per token")).join(", ");
}

/** The PROVIDERS table: a header and one row per provider, in book order. */
export function providersTable(book: CompiledBook): unknown[][] {
  const table: unknown[][] = [[...PROVIDERS_HEADER]];
  for (const provider of book.providers) {
    table.push([provider.id, provider.name, provider.model, billingText(provider)]);
  }
  return table;
}

/**
 * "site: title, dated 2026-05-04 (read 2026-11-21), https://...", or "..., undated (read 2026-11-21)"
 * for a page that gives no date: the page's own date and the date it was read, never one for the other.
 */
export function sourceText(source: SourceInfo, readDate: string): string {
  let text = `${source.site}: ${source.title}, `;
  text +=
    source.dated === null
      ? dateLabel(null, readDate)
      : `dated ${dateLabel(source.dated, readDate)}`;
  if (source.url !== undefined) text += `, ${source.url}`;
  return text;
}

function originText(origin: BookOrigin): string {
  switch (origin.kind) {
    case "bundled":
      return "the book bundled with the add-in";
    case "url":
      return `${origin.url}, fetched ${origin.fetchedAt}`;
    case "workbook":
      return "the book stored in this workbook";
    case "sheet":
      return `the prices sheet "${origin.sheetName}"`;
  }
}

/** "Price book 2026-05-10.1, published 2026-05-10, from the book bundled with the add-in" */
export function bookText(book: CompiledBook): string {
  return `Price book ${book.bookVersion}, published ${book.published}, from ${originText(book.origin)}`;
}

const MS_PER_DAY = 86_400_000;
/** Excel's serial number of 1970-01-01 (serial 1 is 1900-01-01 in Excel's 1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;

/** The Excel date serial of an ISO date "YYYY-MM-DD", or null if it is not one. */
export function isoDateToSerial(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match === null) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(ms) ? ms / MS_PER_DAY + UNIX_EPOCH_SERIAL : null;
}
