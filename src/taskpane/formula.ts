/**
 * The formula text that reproduces a quick estimate in a cell. Office.js writes formulas in the
 * en-US formula language (comma separators, "." decimals) whatever the user's locale, so a number
 * typed as "0,5" in a comma locale is written 0.5.
 */
import { readLocaleNumber } from "./locale";

export interface FormulaInput {
  provider: string;
  quality: string;
  size: string;
  volume: string;
  retry: string;
}

/**
 * A typed number as a number, read in the user's locale and then by the core's strict reader
 * ("0x10" stays text); anything else stays text so the function names what is wrong.
 */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  const read = readLocaleNumber(trimmed, "Number");
  return read.ok ? read.value : trimmed;
}

/** A string literal for an Excel formula: wrapped in quotes, inner quotes doubled. */
export function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function excelArgument(text: string): string {
  const value = numberOrText(text);
  return typeof value === "number" ? String(value) : excelString(value);
}

/** =IMG.COST(provider, quality, size, volume[, retry]) */
export function costFormula(input: FormulaInput): string {
  const args = [
    excelString(input.provider.trim()),
    excelString(input.quality.trim()),
    excelString(input.size.trim()),
    excelArgument(input.volume),
  ];
  if (input.retry.trim() !== "") args.push(excelArgument(input.retry));
  return `=IMG.COST(${args.join(",")})`;
}

/** =IMG.CHEAPEST(quality, size, volume, retry): the comparison as a live table. */
export function cheapestFormula(
  quality: string,
  size: string,
  volume: number,
  retry: number,
): string {
  return `=IMG.CHEAPEST(${excelString(quality.trim())},${excelString(size.trim())},${volume},${retry})`;
}
