/**
 * The quick estimate: the same core call the IMG.COST cell makes, so the pane and the sheet never
 * disagree, plus the formula text that reproduces it in a cell.
 */
import type { CompiledBook, Quote } from "../core";
import { cost, quote } from "../core";
import { numberOrText, type FormulaInput } from "./formula";

export { costFormula } from "./formula";

export type EstimateInput = FormulaInput;

export type Estimate = { ok: true; total: number; quote: Quote } | { ok: false; message: string };

export function estimate(book: CompiledBook, input: EstimateInput): Estimate {
  const q = quote(book, input.provider, input.quality, input.size);
  if (!q.ok) return { ok: false, message: q.message };
  const retry = input.retry.trim() === "" ? undefined : numberOrText(input.retry);
  const total = cost(
    book,
    input.provider,
    input.quality,
    input.size,
    numberOrText(input.volume),
    retry,
  );
  if (!total.ok) return { ok: false, message: total.message };
  return { ok: true, total: total.value, quote: q.value };
}

const usd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 6,
});
const usdTotal = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

export function formatPrice(n: number): string {
  return usd.format(n);
}

export function formatTotal(n: number): string {
  return usdTotal.format(n);
}
