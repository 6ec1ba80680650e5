/**
 * The pricing core. Everything outside src/core imports only from this file; these names and shapes
 * are what the custom functions, the task pane, the worksheet templates and the bench are written
 * against, so keep them (add, do not rename). It is pure TypeScript with no Office dependency. Every
 * function returns a {@link Result} (`{ ok: true, value }` or a {@link Failure} with a code from the
 * closed {@link ErrorCode} set and a message naming the bad value and what is accepted) and never
 * throws on user input. {@link isNotAvailable} tells #N/A codes from #VALUE! ones.
 *
 * - Loading: {@link bundledBook} (data/prices/gpt-image-2.json, compiled once at load);
 *   {@link loadBook} / {@link parseBook} for feeds, the workbook's stored book and the prices sheet
 *   (strict schema + cross-checks, every problem listed with its path; the only path that pulls zod
 *   in); {@link compileBook} for data already known to be valid.
 * - Identifiers users type: {@link findProvider} (id, name or alias, ignoring case, spaces and
 *   punctuation), {@link parseQuality} (low, medium, high; auto prices as high), {@link parseSize}
 *   ("1024x1024", "1024×1024", "1024 X 1024", "1024*1024", square, portrait, landscape; interned),
 *   {@link parseDate} (ISO date or Excel serial).
 * - Math (money as plain numbers in USD, exact to the decimal): {@link quote}, {@link price},
 *   {@link cost}, {@link afford}, {@link tokenCost}, {@link rank}; every one takes an
 *   optional "as of" date (ISO or Excel serial) and otherwise uses the newest prices.
 * - Tables: {@link priceRows} for IMG.PRICES, the task pane's table and the prices sheet (each row
 *   with its status, other readings, page date and read date); {@link priceHistory} for a provider's
 *   price sets and when each applied; {@link freshness} for the stale flag (the page's own date, the
 *   same rule for every source; an undated page is never fresh). Diff and sanity checks for a refresh live in
 *   src/taskpane/refresh/ (pure, built on priceRows).
 *
 * Money: prices are validated to at most 6 decimals and held as integer micro-dollars; totals are the
 * exact decimal a person works out by hand (100 x 0.211 is 21.1, not 21.099999999999998), rounded half
 * up to the cent only where a number cannot hold every digit, and TOO_LARGE where it cannot hold the
 * cent (money.ts, docs/exactness.md). Text becomes a number only through {@link readDecimalText}.
 */
export {
  cut,
  describe,
  fail,
  isNotAvailable,
  type ErrorCode,
  type Failure,
  type Result,
} from "./result";
export { readDecimalText, PLAIN_DECIMAL } from "./numbers";
export { MAX_CENTS_USD } from "./money";
export { compileBook } from "./book";
export type {
  BookOrigin,
  CompiledBook,
  OtherReading,
  PriceStatus,
  ProviderInfo,
  SourceInfo,
} from "./types";
export { parseBook, loadBook, bookTextTooLarge, MAX_BOOK_CHARS } from "./load";
export { PriceBookSchema, priceBookJsonSchema, type PriceBookJson } from "./schema";
export { PRICE_STATUSES } from "./statuses";
export { bundledBook, bundledBookJson } from "./bundled";
export { crossCheck, type BookProblem } from "./check";
export { keepHistory, type HistoryMerge } from "./history";
export {
  parseQuality,
  parseSize,
  normalizeName,
  QUALITIES,
  type Quality,
  type Size,
} from "./identifiers";
export {
  parseDate,
  daysSince,
  dateLabel,
  freshness,
  STALE_AFTER_DAYS,
  type Freshness,
} from "./dates";
export { findProvider } from "./find";
export { quote, price, cost, costValue, afford, type Quote } from "./math";
export { tokenCost, type TokenCounts } from "./tokens";
export { METER_KEYS, meterKey, meterWords, unitWords, type MeterKey } from "./meters";
export { rank, type RankRow, type Ranking } from "./rank";
export { priceRows, priceHistory, readingText, type PriceRow, type PriceSetEntry } from "./rows";
