/**
 * Reading the numeric arguments users pass (volume, retry multiplier, budget, token counts). Excel
 * passes numbers; text, booleans, NaN and infinities are refused with a message naming the value.
 * These return a bare number on success so the hot path allocates nothing.
 */
import type { Failure } from "./result";
import {
  RETRY_ACCEPTED,
  ZERO_OR_MORE,
  amountNegative,
  notANumber,
  numberEmpty,
  numberIsText,
  numberNotFinite,
  retryBelowOne,
} from "./messages";

/** A finite number >= 0, or a Failure naming `label` and the bad value. Missing or empty text is EMPTY. */
export function readAmount(input: unknown, label: string): number | Failure {
  if (typeof input === "number") {
    if (input >= 0 && input !== Infinity) return input + 0; // + 0 turns -0 into 0
    if (input < 0 && input !== -Infinity) return amountNegative(label, input);
    return numberNotFinite(label, input, ZERO_OR_MORE);
  }
  return unreadable(input, label, ZERO_OR_MORE);
}

/** Like {@link readAmount}, but a missing value (null / undefined) reads as `fallback`. */
export function readOptionalAmount(
  input: unknown,
  label: string,
  fallback: number,
): number | Failure {
  return input === null || input === undefined ? fallback : readAmount(input, label);
}

/** The retry multiplier: missing reads as 1; below 1 is RETRY_BELOW_ONE. */
export function readRetry(input: unknown): number | Failure {
  if (input === null || input === undefined) return 1;
  if (typeof input === "number") {
    if (input >= 1 && input !== Infinity) return input;
    if (input < 1 && input !== -Infinity) {
      return retryBelowOne(input);
    }
    return numberNotFinite("Retry multiplier", input, RETRY_ACCEPTED);
  }
  return unreadable(input, "Retry multiplier", RETRY_ACCEPTED);
}

/** Why `input`, not a number, is not accepted: empty, text, or something else. */
function unreadable(input: unknown, label: string, accepted: string): Failure {
  if (input === null || input === undefined || (typeof input === "string" && input.trim() === "")) {
    return numberEmpty(label, accepted);
  }
  if (typeof input === "string") return numberIsText(label, input, accepted);
  return notANumber(label, input, accepted);
}

/** Keeps 15 significant digits: for ratios and prices of at most 15 digits, never for totals (money.ts). */
export function clean(x: number): number {
  return +x.toPrecision(15);
}

/** The forms {@link readDecimalText} accepts, for messages. */
export const PLAIN_DECIMAL =
  "a plain decimal number such as 1200 or 0.0265 (no thousands separators, exponents, hex or binary)";

/**
 * The one reader for a number a person typed as text (the prices sheet, the pane's estimate): plain
 * decimal only, so "0x10", "0b1", "0o7", "1e3", "Infinity", "1,200" and "" are refused, where
 * Number() reads all but "1,200" as numbers ("" as 0). Surrounding spaces and one leading + or - are
 * accepted; `decimalSeparator` is "." unless the caller accepts the user's locale separator (","),
 * in which case "." is refused so "1.200" cannot mean two things. The result is finite: a decimal too
 * large for a number (more than about 1.8e308) is refused, not read as Infinity.
 */
export function readDecimalText(text: string, decimalSeparator: "." | "," = "."): number | null {
  const trimmed = text.trim();
  const pattern = decimalSeparator === "." ? PLAIN_DOT : PLAIN_COMMA;
  if (!pattern.test(trimmed)) return null;
  const value = Number(decimalSeparator === "." ? trimmed : trimmed.replace(",", "."));
  return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0
}

const PLAIN_DOT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
const PLAIN_COMMA = /^[+-]?(?:[0-9]+(?:,[0-9]*)?|,[0-9]+)$/;
