/**
 * The IMG custom functions. Each one reads the active price book when Excel calls it, hands the
 * arguments to the pricing core, and turns the core's answer into cell values or Excel errors.
 *
 * Rules that keep them predictable in Excel:
 * - ids and parameter order are frozen: renaming one breaks every workbook that uses it;
 * - all are synchronous, so no input can leave a cell on #BUSY!;
 * - COST, PRICE, TOKENCOST and AFFORD take ranges for any argument (see broadcast.ts) and always
 *   return a matrix; Excel shows a 1x1 matrix as a plain value;
 * - nothing here touches window or document at load time, and Office only to see whether it is
 *   there (startRuntime), so the bundle loads in Node.
 *
 * The webpack metadata plugin reads the JSDoc below into functions.json and appends the
 * CustomFunctions.associate calls; there are none to write by hand.
 */
import {
  afford as coreAfford,
  costValue as coreCost,
  findProvider,
  parseQuality,
  parseSize,
  price as corePrice,
  priceRows,
  rank,
  tokenCost as coreTokenCost,
  type CompiledBook,
  type ProviderInfo,
} from "../core";
import { getActiveBook } from "../shared/activeBook";
import { startRuntime } from "../shared/startup";
import { broadcast, readScalars, type CellCompute } from "./broadcast";
import { readDateNotADate, toExcelError, topNotAccepted, unexpectedError } from "./errors";
import type { Param } from "./params";
import { SIGNATURES } from "./signatures";
import {
  bookText,
  cheapestTable,
  isoDateToSerial,
  pricesTable,
  providersTable,
  sourceText,
} from "./tables";

// In Excel, apply the book stored in the workbook as soon as the runtime starts (see startup.ts).
void startRuntime();

/**
 * COST, PRICE, TOKENCOST and AFFORD: `compute` (given the active book) for each row of the
 * arguments; a defect becomes one #VALUE! cell that says so rather than a stray exception.
 */
function perRow(
  functionName: string,
  declared: readonly Param[],
  args: readonly unknown[],
  compute: (book: CompiledBook) => CellCompute,
): any[][] {
  try {
    return broadcast(functionName, declared, args, compute(getActiveBook()));
  } catch (error) {
    return [[unexpectedError(functionName, error)]];
  }
}

/**
 * Total cost in USD of generating a number of images: volume x retry x price per image. Takes ranges: one result per row.
 * @customfunction COST
 * @helpurl https://localhost:3000/help.html#imgcost
 * @param provider Provider id or name, e.g. "openai", "atlas", "prospolabs" (see IMG.PROVIDERS()).
 * @param quality low, medium, high or auto. auto prices as high, the most auto can cost.
 * @param size WIDTHxHEIGHT such as "1024x1024", or square, portrait, landscape.
 * @param volume Number of images you plan to keep (0 or more; blank counts as 0).
 * @param [retry] Retry multiplier for discarded attempts, 1 or more (1.2 = one in six regenerated). Blank or 0: 1.
 * @param [asOf] Prices in effect on this date: an Excel date such as DATE(2026,6,1) or text "2026-06-01". Blank: the newest prices.
 * @returns Total USD, or one total per row for ranges.
 */
export function cost(
  provider: any[][],
  quality: any[][],
  size: any[][],
  volume: any[][],
  retry?: any[][],
  asOf?: any[][],
): any[][] {
  return perRow(
    "IMG.COST",
    SIGNATURES.COST,
    [provider, quality, size, volume, retry ?? null, asOf ?? null],
    (book) => (v) => coreCost(book, v[0], v[1], v[2], v[3], v[4], v[5]),
  );
}

/**
 * Price in USD of one image from a provider at a quality and size. Takes ranges: one result per row.
 * @customfunction PRICE
 * @helpurl https://localhost:3000/help.html#imgprice
 * @param provider Provider id or name, e.g. "openai", "atlas", "prospolabs" (see IMG.PROVIDERS()).
 * @param quality low, medium, high or auto. auto prices as high, the most auto can cost.
 * @param size WIDTHxHEIGHT such as "1024x1024", or square, portrait, landscape.
 * @param [asOf] Prices in effect on this date: an Excel date such as DATE(2026,6,1) or text "2026-06-01". Blank: the newest prices.
 * @returns USD per image (a disputed price gives its budget-safe reading; IMG.PRICES shows the other), or one price per row for ranges.
 */
export function price(provider: any[][], quality: any[][], size: any[][], asOf?: any[][]): any[][] {
  return perRow(
    "IMG.PRICE",
    SIGNATURES.PRICE,
    [provider, quality, size, asOf ?? null],
    (book) => (v) => corePrice(book, v[0], v[1], v[2], v[3]),
  );
}

/**
 * Cost in USD from a provider's token meters (per 1M tokens); cached tokens are billed at their own cached meters. Takes ranges.
 * @customfunction TOKENCOST
 * @helpurl https://localhost:3000/help.html#imgtokencost
 * @param provider Provider that bills by token, e.g. "openai" or "vercel".
 * @param textInputTokens Uncached text (prompt) input tokens.
 * @param imageInputTokens Uncached image input tokens (reference images for edits).
 * @param imageOutputTokens Image output tokens.
 * @param [cachedTextTokens] Cached text input tokens, billed at the cached text meter. Default 0.
 * @param [cachedImageTokens] Cached image input tokens, billed at the cached image meter. Default 0.
 * @param [asOf] Prices in effect on this date: an Excel date such as DATE(2026,6,1) or text "2026-06-01". Blank: the newest prices.
 * @returns Total USD, or one total per row for ranges.
 */
export function tokencost(
  provider: any[][],
  textInputTokens: any[][],
  imageInputTokens: any[][],
  imageOutputTokens: any[][],
  cachedTextTokens?: any[][],
  cachedImageTokens?: any[][],
  asOf?: any[][],
): any[][] {
  const args = [
    provider,
    textInputTokens,
    imageInputTokens,
    imageOutputTokens,
    cachedTextTokens ?? null,
    cachedImageTokens ?? null,
    asOf ?? null,
  ];
  return perRow(
    "IMG.TOKENCOST",
    SIGNATURES.TOKENCOST,
    args,
    (book) => (v) =>
      coreTokenCost(
        book,
        v[0],
        {
          textInput: v[1],
          imageInput: v[2],
          imageOutput: v[3],
          cachedTextInput: v[4],
          cachedImageInput: v[5],
        },
        v[6],
      ),
  );
}

/**
 * How many whole images a budget in USD buys: budget / (price per image x retry), rounded down. Takes ranges.
 * @customfunction AFFORD
 * @helpurl https://localhost:3000/help.html#imgafford
 * @param budget Budget in USD (0 or more; blank counts as 0).
 * @param provider Provider id or name, e.g. "openai", "atlas", "prospolabs" (see IMG.PROVIDERS()).
 * @param quality low, medium, high or auto. auto prices as high, the most auto can cost.
 * @param size WIDTHxHEIGHT such as "1024x1024", or square, portrait, landscape.
 * @param [retry] Retry multiplier for discarded attempts, 1 or more. Blank or 0: 1.
 * @param [asOf] Prices in effect on this date: an Excel date such as DATE(2026,6,1) or text "2026-06-01". Blank: the newest prices.
 * @returns Whole images, or one count per row for ranges.
 */
export function afford(
  budget: any[][],
  provider: any[][],
  quality: any[][],
  size: any[][],
  retry?: any[][],
  asOf?: any[][],
): any[][] {
  return perRow(
    "IMG.AFFORD",
    SIGNATURES.AFFORD,
    [budget, provider, quality, size, retry ?? null, asOf ?? null],
    (book) => (v) => coreAfford(book, v[0], v[1], v[2], v[3], v[4], v[5]),
  );
}

/** `top` after its blank rule: null (all), or a whole number of 1 or more. */
function readTop(top: unknown): number | CustomFunctions.Error | null {
  if (top === null) return null;
  if (typeof top === "number" && Number.isInteger(top) && top >= 1) return top;
  return topNotAccepted(top);
}

/**
 * Ranks the GPT Image 2 providers by price for a quality and size, cheapest first; a footer row names those left out.
 * @customfunction CHEAPEST
 * @helpurl https://localhost:3000/help.html#imgcheapest
 * @param quality low, medium, high or auto. auto prices as high, the most auto can cost.
 * @param size WIDTHxHEIGHT such as "1024x1024", or square, portrait, landscape.
 * @param [volume] Number of images for the total column. Blank or 0: 1.
 * @param [retry] Retry multiplier, 1 or more. Blank or 0: 1.
 * @param [top] Show only this many of the cheapest providers. Blank or 0: all.
 * @param [asOf] Prices in effect on this date: an Excel date such as DATE(2026,6,1) or text "2026-06-01". Blank: the newest prices.
 * @returns A table: provider, price per image, total, multiple of cheapest, status, other readings; then a footer row.
 */
export function cheapest(
  quality: any,
  size: any,
  volume?: any,
  retry?: any,
  top?: any,
  asOf?: any,
): any[][] {
  try {
    const read = readScalars("IMG.CHEAPEST", SIGNATURES.CHEAPEST, [
      quality,
      size,
      volume,
      retry,
      top,
      asOf,
    ]);
    if (!Array.isArray(read)) return [[read]];
    const [q0, s0, volume0, retry0, top0, asOf0] = read;
    const limit = readTop(top0);
    if (limit !== null && typeof limit === "object") return [[limit]];
    const ranking = rank(getActiveBook(), q0, s0, volume0, retry0, asOf0);
    if (!ranking.ok) return [[toExcelError(ranking)]];
    // rank() accepted both, so both parse; the footer names them as priced ("auto" as high).
    const q = parseQuality(q0);
    const s = parseSize(s0);
    const wanted = q.ok && s.ok ? `${q.value} ${s.value.key}` : "this quality and size";
    return cheapestTable(ranking.value, limit, wanted);
  } catch (error) {
    return [[unexpectedError("IMG.CHEAPEST", error)]];
  }
}

/**
 * Spills the active price book: every price with its quality, size, unit, the date its page was read, source, lowest price, status (published, derived, bound, disputed, not published), the readings not used, and the page's own date.
 * @customfunction PRICES
 * @helpurl https://localhost:3000/help.html#imgprices
 * @param [provider] Only this provider's prices. Default all providers.
 * @returns A table with a header row.
 */
export function prices(provider?: any): any[][] {
  try {
    const read = readScalars("IMG.PRICES", SIGNATURES.PRICES, [provider]);
    if (!Array.isArray(read)) return [[read]];
    const rows = priceRows(getActiveBook(), read[0]);
    if (!rows.ok) return [[toExcelError(rows)]];
    return pricesTable(rows.value);
  } catch (error) {
    return [[unexpectedError("IMG.PRICES", error)]];
  }
}

/**
 * Spills the providers in the active price book: id (what the functions take), name, model and how each bills.
 * @customfunction PROVIDERS
 * @helpurl https://localhost:3000/help.html#imgproviders
 * @returns A table with a header row.
 */
export function providers(): any[][] {
  try {
    return providersTable(getActiveBook());
  } catch (error) {
    return [[unexpectedError("IMG.PROVIDERS", error)]];
  }
}

/**
 * ASOF and SOURCE: `answer` for the provider in the active book, or the error its cell shows (an
 * error value given as the provider, an unknown provider, or a defect).
 */
function aboutProvider<T>(
  functionName: "IMG.ASOF" | "IMG.SOURCE",
  provider: unknown,
  answer: (info: ProviderInfo) => T,
): T | CustomFunctions.Error {
  try {
    const declared = functionName === "IMG.ASOF" ? SIGNATURES.ASOF : SIGNATURES.SOURCE;
    const read = readScalars(functionName, declared, [provider]);
    if (!Array.isArray(read)) return read;
    const found = findProvider(getActiveBook(), read[0]);
    return found.ok ? answer(found.value) : toExcelError(found);
  } catch (error) {
    return unexpectedError(functionName, error);
  }
}

/**
 * The date the book read the page a provider's price comes from, as an Excel date in the 1900 date system (format the cell as a date; 1904 date system workbooks are not supported: subtract 1462). The page's own date, or "undated", is in IMG.SOURCE.
 * @customfunction ASOF
 * @helpurl https://localhost:3000/help.html#imgasof
 * @param provider Provider id or name, e.g. "openai".
 * @returns An Excel date serial number (1900 date system): the date the page was read.
 */
export function asof(provider: any): number {
  const answer = aboutProvider(
    "IMG.ASOF",
    provider,
    (info) => isoDateToSerial(info.checked) ?? readDateNotADate(info.id, info.checked),
  );
  // Excel shows a thrown CustomFunctions.Error as that error with its message.
  if (typeof answer !== "number") throw answer;
  return answer;
}

/**
 * Where a provider's price comes from: site, page title, the page's own date (or "undated") and the date it was read, and its address.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help.html#imgsource
 * @param provider Provider id or name, e.g. "openai".
 * @returns The source, as text.
 */
export function source(provider: any): string {
  const answer = aboutProvider("IMG.SOURCE", provider, (info) =>
    sourceText(info.source, info.checked),
  );
  if (typeof answer !== "string") throw answer;
  return answer;
}

/**
 * The active price book: its version, publication date and where it came from (bundled, a feed, this workbook, a sheet).
 * @customfunction BOOK
 * @helpurl https://localhost:3000/help.html#imgbook
 * @returns The price book, as text.
 */
export function book(): string {
  try {
    return bookText(getActiveBook());
  } catch (error) {
    throw unexpectedError("IMG.BOOK", error);
  }
}
