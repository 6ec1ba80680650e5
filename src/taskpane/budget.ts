/**
 * Budget: a monthly plan (images per month or per day, quality, size, retry, provider, a monthly
 * cap) worked out with the same core calls as IMG.COST and IMG.AFFORD, the monthly cost of every
 * provider for the chart, and the plan as a worksheet of live IMG formulas with a native chart.
 */
import type { CompiledBook } from "../core";
import { afford, cost, findProvider, rank } from "../core";
import { abs, ref, TemplateBuilder } from "../templates/layout";
import type { TemplateSpec } from "../templates/model";
import { excelString } from "./formula";
import { readImages, readMoney, readRetryInput } from "./inputs";

/** A month of daily images: 30 days, said wherever "per day" is used. */
export const DAYS_PER_MONTH = 30;

export interface BudgetInput {
  amount: string;
  per: "month" | "day";
  provider: string;
  quality: string;
  size: string;
  retry: string;
  cap: string;
}

export interface ProviderCost {
  id: string;
  name: string;
  total: number;
}

export interface Budget {
  ok: true;
  providerName: string;
  monthlyImages: number;
  retry: number;
  monthlyCost: number;
  cap: number;
  /** cap - monthly cost: below 0 is an overrun. */
  capLeft: number;
  /** Whole images the cap buys after retries (IMG.AFFORD). */
  capBuys: number;
  /** Every ranked provider's monthly cost for the same plan, cheapest first. */
  perProvider: ProviderCost[];
}

export type BudgetResult = Budget | { ok: false; message: string };

/** Rounds away float noise from a subtraction of two money figures. */
function money(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function budget(book: CompiledBook, input: BudgetInput): BudgetResult {
  const amount = readImages(
    input.amount,
    input.per === "day" ? "Images per day" : "Images per month",
  );
  if (!amount.ok) return amount;
  const retry = readRetryInput(input.retry);
  if (!retry.ok) return retry;
  const cap = readMoney(input.cap, "Monthly cap");
  if (!cap.ok) return cap;
  const found = findProvider(book, input.provider);
  if (!found.ok) return { ok: false, message: found.message };
  const monthlyImages = input.per === "day" ? amount.value * DAYS_PER_MONTH : amount.value;
  const monthly = cost(book, input.provider, input.quality, input.size, monthlyImages, retry.value);
  if (!monthly.ok) return { ok: false, message: monthly.message };
  const buys = afford(book, cap.value, input.provider, input.quality, input.size, retry.value);
  if (!buys.ok) return { ok: false, message: buys.message };
  const ranked = rank(book, input.quality, input.size, monthlyImages, retry.value);
  const perProvider = ranked.ok
    ? ranked.value.rows.map((r) => ({ id: r.provider.id, name: r.provider.name, total: r.total }))
    : [];
  return {
    ok: true,
    providerName: found.value.name,
    monthlyImages,
    retry: retry.value,
    monthlyCost: monthly.value,
    cap: cap.value,
    capLeft: money(cap.value - monthly.value),
    capBuys: buys.value,
    perProvider,
  };
}

/**
 * The plan as a worksheet: its inputs as named cells, the monthly cost, cap left and images the cap
 * buys as IMG formulas, a table of every provider's monthly cost and a bar chart of it. Changing an
 * input on the sheet recalculates everything; nothing is a pasted number.
 */
export function budgetSheet(book: CompiledBook, input: BudgetInput, plan: Budget): TemplateSpec {
  const t = new TemplateBuilder();
  t.titleRows(
    "Monthly image budget",
    "The plan from the task pane. Change the yellow cells; every figure below is a live IMG formula.",
    `Prices: version ${book.bookVersion}, published ${book.published}.`,
  );
  t.headerRow(3, 0, ["Input", "Value", "Note"]);
  t.inputRow(
    4,
    0,
    "Provider",
    input.provider,
    { name: "Provider", note: "A provider id or name (see IMG.PROVIDERS())." },
    "text",
  );
  t.inputRow(
    5,
    0,
    "Quality",
    input.quality,
    { name: "Quality", note: "low, medium, high or auto." },
    "text",
  );
  t.inputRow(
    6,
    0,
    "Size",
    input.size,
    { name: "Size", note: "WIDTHxHEIGHT, e.g. 1024x1024." },
    "text",
  );
  if (input.per === "day") {
    t.inputRow(
      7,
      0,
      "Images per day",
      plan.monthlyImages / DAYS_PER_MONTH,
      { name: "Images_per_day", note: "Whole images kept a day, 0 or more." },
      "count",
    );
    t.put(8, 0, "Images per month", { style: "label" });
    t.put(8, 1, `=${ref("Images_per_day")}*${DAYS_PER_MONTH}`, {
      format: "count",
      style: "result",
    });
    t.put(8, 2, `Images per day x ${DAYS_PER_MONTH} days`, { style: "note" });
  } else {
    t.inputRow(
      7,
      0,
      "Images per month",
      plan.monthlyImages,
      { name: "Images_per_month", note: "Whole images kept a month, 0 or more." },
      "count",
    );
    t.put(8, 0, "Days a month", { style: "label" });
    t.put(8, 1, DAYS_PER_MONTH, { format: "count" });
    t.put(8, 2, "Only used when planning per day", { style: "note" });
  }
  const monthly = input.per === "day" ? abs(8, 1) : ref("Images_per_month");
  t.inputRow(
    9,
    0,
    "Retry multiplier",
    plan.retry,
    { name: "Retry_multiplier", note: "1 or more: 1.2 budgets for one image in five made again." },
    "multiplier",
  );
  t.inputRow(
    10,
    0,
    "Monthly cap",
    plan.cap,
    { name: "Monthly_cap", note: "USD a month you can spend, 0 or more." },
    "usd",
  );
  const args = `${ref("Provider")},${ref("Quality")},${ref("Size")}`;
  t.put(12, 0, "Monthly cost", { style: "label" });
  t.put(12, 1, `=IMG.COST(${args},${monthly},${ref("Retry_multiplier")})`, {
    format: "usd",
    style: "total",
  });
  t.put(12, 2, "IMG.COST of the images a month, with retries", { style: "note" });
  t.put(13, 0, "Cap left (below 0: overrun)", { style: "label" });
  t.put(13, 1, `=${ref("Monthly_cap")}-${abs(12, 1)}`, { format: "usd", style: "result" });
  t.put(13, 2, "Monthly cap - monthly cost", { style: "note" });
  t.put(14, 0, "Images the cap buys", { style: "label" });
  t.put(14, 1, `=IMG.AFFORD(${ref("Monthly_cap")},${args},${ref("Retry_multiplier")})`, {
    format: "count",
    style: "result",
  });
  t.put(14, 2, "IMG.AFFORD: whole images kept after retries", { style: "note" });

  const top = 16;
  t.put(top, 0, "Monthly cost by provider", { style: "heading" });
  t.headerRow(top + 1, 0, ["Provider", "Monthly cost", "Provider id"]);
  plan.perProvider.forEach((p, i) => {
    const row = top + 2 + i;
    t.put(row, 0, p.name, { style: "label" });
    t.put(
      row,
      1,
      `=IMG.COST(${excelString(p.id)},${ref("Quality")},${ref("Size")},${monthly},${ref("Retry_multiplier")})`,
      { format: "usd", style: "result" },
    );
    t.put(row, 2, p.id, { format: "text" });
  });
  const last = top + 1 + Math.max(plan.perProvider.length, 1);
  if (plan.perProvider.length > 0) {
    t.table("BudgetByProvider", { top: top + 1, left: 0, bottom: last, right: 2 });
    t.chart({
      kind: "barClustered",
      title: "Monthly cost by provider",
      series: { top: top + 1, left: 1, bottom: last, right: 1 },
      categories: { top: top + 2, left: 0, bottom: last, right: 0 },
      placement: { top: 3, left: 4, bottom: 22, right: 10 },
      valueAxisTitle: "USD a month",
    });
  }
  return t.build({
    id: "budget-plan",
    title: "Monthly image budget",
    description: "The pane's budget plan as live IMG formulas with a chart.",
    sheetName: "Budget plan",
    columnWidths: [170, 110, 300],
  });
}
