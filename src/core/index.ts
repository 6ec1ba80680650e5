/**
 * The pricing core: everything outside src/core imports only from here. It is pure TypeScript with no
 * Office dependency. Every function returns a {@link Result} and never throws on user input.
 *
 * - Loading: {@link bundledBook} (shipped, compiled at load), {@link loadBook} / {@link parseBook}
 *   for feeds (strict schema + cross-checks; the only path that pulls zod in), {@link compileBook}.
 * - Identifiers: {@link parseQuality}, {@link parseSize}, {@link findProvider}, {@link parseDate}.
 * - Math: {@link quote}, {@link price}, {@link cost}, {@link afford}, {@link tokenCost}, {@link rank},
 *   {@link priceRows}, {@link daysSince}.
 *
 * Money: prices are validated to at most 6 decimals and held as integer micro-dollars; results divide
 * once at the end and clean float noise, so they equal the decimal a person works out by hand.
 */
export { fail, isNotAvailable, type ErrorCode, type Failure, type Result } from "./result";
export {
  compileBook,
  type BookOrigin,
  type CompiledBook,
  type ProviderInfo,
  type SourceInfo,
} from "./book";
export { parseBook, loadBook } from "./load";
export { PriceBookSchema, priceBookJsonSchema, type PriceBookJson } from "./schema";
export { bundledBook, bundledBookJson } from "./bundled";
export { crossCheck, type BookProblem } from "./check";
export {
  parseQuality,
  parseSize,
  normalizeName,
  QUALITIES,
  type Quality,
  type Size,
} from "./identifiers";
export { parseDate, daysSince } from "./dates";
export { findProvider } from "./find";
export {
  quote,
  price,
  cost,
  listCost,
  afford,
  tokenCost,
  rank,
  type Quote,
  type TokenCounts,
  type RankRow,
  type Ranking,
} from "./math";
export { priceRows, type PriceRow } from "./rows";
