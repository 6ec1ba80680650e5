/**
 * The quick estimate: the same core call the IMG.COST cell makes, so the pane and the sheet never
 * disagree, plus the formula text that reproduces it in a cell. Images are whole (1.5 images cannot
 * be made) and numbers are read in the user's locale.
 */
import type { CompiledBook, Quote } from "../core";
import { cost, quote } from "../core";
import type { FormulaInput } from "./formula";
import { readImages, readRetryInput } from "./inputs";
import { formatMoney } from "./locale";

export { costFormula } from "./formula";
export { formatPrice } from "./locale";

export type EstimateInput = FormulaInput;

export type Estimate = { ok: true; total: number; quote: Quote } | { ok: false; message: string };

export function estimate(book: CompiledBook, input: EstimateInput): Estimate {
  const q = quote(book, input.provider, input.quality, input.size);
  if (!q.ok) return { ok: false, message: q.message };
  const volume = readImages(input.volume);
  if (!volume.ok) return volume;
  const retry = readRetryInput(input.retry);
  if (!retry.ok) return retry;
  const total = cost(book, input.provider, input.quality, input.size, volume.value, retry.value);
  if (!total.ok) return { ok: false, message: total.message };
  return { ok: true, total: total.value, quote: q.value };
}

export function formatTotal(n: number): string {
  return formatMoney(n);
}
