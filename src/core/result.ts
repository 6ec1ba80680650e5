/**
 * Results and the closed set of error codes every core function returns instead of throwing.
 * The functions layer maps each code to an Excel error (#VALUE! or #N/A, the two that carry a message).
 * TOO_LARGE is what Excel itself would show as #NUM!, but Excel drops a custom function's message on
 * #NUM! (docs/exactness.md), so it is #VALUE! with the message that says why.
 */

/** Every way a core call can fail. The comment says which Excel error each one becomes. */
export type ErrorCode =
  | "EMPTY" // empty text / missing required argument            -> #VALUE!
  | "BAD_NUMBER" // NaN, Infinity, text or a boolean where a number belongs -> #VALUE!
  | "NEGATIVE" // volume / tokens / budget below 0                  -> #VALUE!
  | "RETRY_BELOW_ONE" // retry multiplier below 1                   -> #VALUE!
  | "BAD_QUALITY" // not low/medium/high/auto                       -> #VALUE!
  | "BAD_SIZE" // malformed or impossible size                      -> #VALUE!
  | "BAD_DATE" // asOf not a date                                   -> #VALUE!
  | "BAD_ARGUMENT" // anything else malformed (e.g. top < 1)        -> #VALUE!
  | "UNKNOWN_PROVIDER" // provider name not in the book             -> #N/A
  | "NOT_PUBLISHED" // provider publishes no price (replicate, vercel per image, fal medium) -> #N/A
  | "SIZE_NOT_PRICED" // valid size, provider publishes no price for it -> #N/A
  | "NO_TOKEN_METERS" // provider does not bill by token / meter missing -> #N/A
  | "NO_PRICE_ON_DATE" // nothing in effect on asOf                 -> #N/A
  | "TOO_LARGE" // a total too large to give to the cent, a count too large to give exactly -> #VALUE!
  | "BAD_BOOK"; // price book rejected                              -> (task pane only)

/** A failed call: a code from {@link ErrorCode} and a message naming the bad value and what is accepted. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
}

/** Either a value or a {@link Failure}; core functions never throw on user input. */
export type Result<T> = { ok: true; value: T } | Failure;

const NOT_AVAILABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "UNKNOWN_PROVIDER",
  "NOT_PUBLISHED",
  "SIZE_NOT_PRICED",
  "NO_TOKEN_METERS",
  "NO_PRICE_ON_DATE",
]);

/** True for the codes that mean "no such price" (#N/A in Excel) rather than "bad input" (#VALUE!). */
export const isNotAvailable = (code: ErrorCode): boolean => NOT_AVAILABLE.has(code);

/** Builds a {@link Failure}. */
export function fail(code: ErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

const MAX_SHOWN = 40;

/** Text as a message shows it: cut to {@link MAX_SHOWN} characters and "..." (a cell holds 32,767). */
export function cut(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text;
}

/**
 * How a bad value is named inside a message: text quoted and cut to about 40 characters, numbers as
 * written, anything else by its kind. Never calls a user-supplied toString, so it cannot throw.
 */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return `"${cut(value)}"`;
    case "number":
      return Object.is(value, -0) ? "0" : String(value);
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "bigint":
      return `${value.toString()}n`;
    case "undefined":
      return "nothing";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      if (value === null) return "nothing";
      if (Array.isArray(value)) return "a list of values";
      if (value instanceof Date) return "a date object";
      return "an object";
  }
}

/** True for a failed {@link Result} (or any value shaped as one), whatever else it might be. */
export const isFailure = (x: unknown): x is Failure =>
  x !== null && (x as { ok?: unknown }).ok === false;
