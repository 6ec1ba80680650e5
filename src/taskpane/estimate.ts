/**
 * The quick estimate: the same core call the IMG.COST cell makes, so the pane and the sheet never
 * disagree, plus the formula text that reproduces it in a cell.
 */
import type { CompiledBook, Quote } from "../core";
import { cost, quote } from "../core";

export interface EstimateInput {
  provider: string;
  quality: string;
  size: string;
  volume: string;
  retry: string;
}

export type Estimate = { ok: true; total: number; quote: Quote } | { ok: false; message: string };

/** Turns a typed number into a number, or keeps the text so the core names what is wrong with it. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

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

/** A string literal for an Excel formula: wrapped in quotes, inner quotes doubled. */
export function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function excelArgument(text: string): string {
  const value = numberOrText(text);
  return typeof value === "number" ? String(value) : excelString(value);
}

/** =IMG.COST(provider, quality, size, volume[, retry]) in the formula language Office.js writes (en-US). */
export function costFormula(input: EstimateInput): string {
  const args = [
    excelString(input.provider.trim()),
    excelString(input.quality.trim()),
    excelString(input.size.trim()),
    excelArgument(input.volume),
  ];
  if (input.retry.trim() !== "") args.push(excelArgument(input.retry));
  return `=IMG.COST(${args.join(",")})`;
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
