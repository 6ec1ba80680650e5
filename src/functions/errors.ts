/**
 * The functions' own messages (range shapes, top, a book's read date), and turning core failures
 * (whose words are in src/core/messages.ts) into the Excel errors a cell shows. #VALUE! and #N/A
 * are the only Excel errors that carry a message, so every failure becomes one of them: #N/A when
 * the input is fine but no price exists for it, #VALUE! when the input itself is wrong.
 */
import { describe, type ErrorCode, type Failure } from "../core";

function excelCodeFor(code: ErrorCode): CustomFunctions.ErrorCode {
  // One case per code with no default: adding a code to the core fails the typecheck here until
  // someone decides which Excel error it becomes.
  switch (code) {
    case "UNKNOWN_PROVIDER":
    case "NOT_PUBLISHED":
    case "SIZE_NOT_PRICED":
    case "NO_TOKEN_METERS":
    case "NO_PRICE_ON_DATE":
      return CustomFunctions.ErrorCode.notAvailable;
    case "EMPTY":
    case "BAD_NUMBER":
    case "NEGATIVE":
    case "RETRY_BELOW_ONE":
    case "BAD_QUALITY":
    case "BAD_SIZE":
    case "BAD_DATE":
    case "BAD_ARGUMENT":
    case "BAD_BOOK":
    case "TOO_LARGE": // not #NUM!: Excel shows no custom message on #NUM! (docs/exactness.md)
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

/** The Excel error for a core failure, carrying the core's message. */
export function toExcelError(failure: Failure): CustomFunctions.Error {
  return new CustomFunctions.Error(excelCodeFor(failure.code), failure.message);
}

/** A #VALUE! error for input the functions layer itself rejects (range shapes, `top`). */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * True for an error value arriving as an argument (an error cell inside a range). Recognised by
 * shape, not by class, because the value is created by Excel's runtime, not by this bundle.
 */
export function isErrorValue(value: unknown): value is CustomFunctions.Error {
  if (value === null || typeof value !== "object") return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.charAt(0) === "#";
}

/**
 * Errors Excel can show as a function's result. #NAME? and #REF! may arrive as inputs but cannot be
 * returned ("supported as a custom function input error, but not as a custom function output
 * error": learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), and only #VALUE!
 * and #N/A carry a message.
 */
const RETURNABLE: ReadonlySet<string> = new Set(["#DIV/0!", "#NUM!", "#NULL!", "#VALUE!", "#N/A"]);
const WITH_MESSAGE: ReadonlySet<string> = new Set(["#VALUE!", "#N/A"]);

const NOT_RETURNABLE_MEANING: Readonly<Record<string, string>> = {
  "#REF!": "a reference to cells that no longer exist",
  "#NAME?": "a name or function Excel does not know",
};

/**
 * The error a cell shows for an error value that arrived as an argument: #DIV/0!, #NUM!, #NULL!,
 * #VALUE! and #N/A come back as themselves (#VALUE! and #N/A with their message); #REF!, #NAME? or
 * any other error Excel cannot take back become #VALUE! with a message naming the original.
 */
export function passOnError(error: CustomFunctions.Error, where: string): CustomFunctions.Error {
  const code = String(error.code);
  if (RETURNABLE.has(code)) {
    const message = (error as { message?: unknown }).message;
    return WITH_MESSAGE.has(code) && typeof message === "string" && message !== ""
      ? new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message)
      : new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
  }
  const meaning = NOT_RETURNABLE_MEANING[code];
  return valueError(
    `${where} holds ${code}${meaning === undefined ? "" : ` (${meaning})`}. Excel cannot show ${code} ` +
      `as an add-in function's result, so this cell shows #VALUE!. Fix the cell it comes from.`,
  );
}

function describeShape(rows: number, columns: number): string {
  const rowText = rows === 1 ? "1 row" : `${rows} rows`;
  const columnText = columns === 1 ? "1 column" : `${columns} columns`;
  return `${rowText} x ${columnText}`;
}

/** A range argument with no cells. */
export function emptyRange(functionName: string, param: string): CustomFunctions.Error {
  return valueError(
    `${functionName}: ${param} is an empty range. Give a cell, a value or a range of cells.`,
  );
}

/** A range argument whose row `row` (1-based) is not as wide as its first. */
export function notRectangular(
  functionName: string,
  param: string,
  row: number,
): CustomFunctions.Error {
  return valueError(`${functionName}: ${param} is not a rectangular range (row ${row} differs).`);
}

/** Two range arguments of different sizes: `param` (argRows x argColumns) and `first`. */
export function rangeSizesDiffer(
  functionName: string,
  param: string,
  first: string,
  shapes: { rows: number; columns: number; argRows: number; argColumns: number },
): CustomFunctions.Error {
  return valueError(
    `${functionName}: ${param} has ${describeShape(shapes.argRows, shapes.argColumns)} but ${first} has ` +
      `${describeShape(shapes.rows, shapes.columns)}. Ranges must be the same size; a single cell is used for every row.`,
  );
}

/** IMG.CHEAPEST's `top` that is not a count of providers to show. */
export function topNotAccepted(top: unknown): CustomFunctions.Error {
  return valueError(
    `IMG.CHEAPEST: top must be a whole number of 1 or more (blank or 0 for all); got ${describe(top)}.`,
  );
}

/** IMG.ASOF for a book whose read date for `id` is not an ISO date. */
export function readDateNotADate(id: string, checked: string): CustomFunctions.Error {
  return valueError(
    `IMG.ASOF: the price book gives "${checked}" as the date ${id}'s page was read.`,
  );
}

/**
 * A #VALUE! error for something that should never happen (a defect, not bad input), so the cell
 * says what went wrong instead of Excel's bare #VALUE!.
 */
export function unexpectedError(functionName: string, error: unknown): CustomFunctions.Error {
  const detail = error instanceof Error ? error.message : String(error);
  return valueError(
    `${functionName} failed unexpectedly: ${detail}. Please report this with the formula.`,
  );
}
