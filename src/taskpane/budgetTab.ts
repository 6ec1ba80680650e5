/** Drawing the Budget tab: the plan's figures and a small SVG bar chart (no chart library). */
import type { CompiledBook } from "../core";
import { budget, type Budget, type BudgetInput, type BudgetResult } from "./budget";
import { formatCount, formatMoney, formatMoneyShort, formatNumber } from "./locale";
import { byId, h } from "./render";

const SVG = "http://www.w3.org/2000/svg";

export function budgetInput(): BudgetInput {
  return {
    amount: byId<HTMLInputElement>("bud-amount").value,
    per: byId<HTMLSelectElement>("bud-per").value === "day" ? "day" : "month",
    provider: byId<HTMLSelectElement>("bud-provider").value,
    quality: byId<HTMLSelectElement>("bud-quality").value,
    size: byId<HTMLInputElement>("bud-size").value,
    retry: byId<HTMLInputElement>("bud-retry").value,
    cap: byId<HTMLInputElement>("bud-cap").value,
  };
}

let last: BudgetResult | null = null;

export function currentBudget(): Budget | null {
  return last !== null && last.ok ? last : null;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function shorten(name: string, max: number): string {
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}

/**
 * Monthly cost per provider as horizontal bars, the chosen provider highlighted and the cap as a
 * dashed line. The SVG is one image to assistive technology, its description listing every figure.
 */
export function budgetChart(plan: Budget, chosenId: string): SVGSVGElement {
  const rows = plan.perProvider;
  const width = 300;
  const labelWidth = 112;
  const valueWidth = 52;
  const rowHeight = 18;
  const top = 4;
  const height = top + rows.length * rowHeight + 16;
  const max = Math.max(plan.cap, ...rows.map((r) => r.total), 0.000001);
  const scale = (width - labelWidth - valueWidth) / max;
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": "bud-chart-title bud-chart-desc",
  });
  root.append(
    svg("title", { id: "bud-chart-title" }, "Monthly cost by provider"),
    svg(
      "desc",
      { id: "bud-chart-desc" },
      `${rows.map((r) => `${r.name} ${formatMoney(r.total)}`).join("; ")}. Monthly cap ${formatMoney(plan.cap)}.`,
    ),
  );
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(1, r.total * scale);
    const classes = [
      "bar",
      r.id === chosenId ? "is-chosen" : "",
      r.total > plan.cap ? "is-over" : "",
    ]
      .filter((c) => c !== "")
      .join(" ");
    root.append(
      svg("text", { x: labelWidth - 4, y: y + 12, "text-anchor": "end" }, shorten(r.name, 18)),
      svg("rect", {
        x: labelWidth,
        y: y + 2,
        width: w,
        height: rowHeight - 5,
        rx: 2,
        class: classes,
      }),
      svg("text", { x: labelWidth + w + 3, y: y + 12 }, formatMoneyShort(r.total)),
    );
  });
  const capX = labelWidth + plan.cap * scale;
  const bottom = top + rows.length * rowHeight;
  root.append(
    svg("line", { x1: capX, x2: capX, y1: top, y2: bottom, class: "cap" }),
    svg(
      "text",
      {
        x: Math.min(capX, width - 4),
        y: bottom + 12,
        "text-anchor": capX > width - 60 ? "end" : "middle",
      },
      `cap ${formatMoneyShort(plan.cap)}`,
    ),
  );
  return root;
}

export function renderBudget(book: CompiledBook): void {
  const input = budgetInput();
  const result = budget(book, input);
  last = result;
  const total = byId("bud-total");
  const facts = byId("bud-facts");
  const chart = byId("bud-chart");
  if (!result.ok) {
    total.textContent = result.message;
    total.classList.add("is-error");
    facts.replaceChildren();
    chart.replaceChildren();
    return;
  }
  total.classList.remove("is-error");
  total.textContent = `${formatMoney(result.monthlyCost)} a month`;
  const over = result.capLeft < 0;
  const capLeft = h(
    "dd",
    { className: over ? "is-over" : "" },
    over ? `${formatMoney(-result.capLeft)} over the cap` : `${formatMoney(result.capLeft)} left`,
  );
  facts.replaceChildren(
    h("dt", {}, "Provider"),
    h("dd", {}, result.providerName),
    h("dt", {}, "Images a month"),
    h(
      "dd",
      {},
      `${formatCount(result.monthlyImages)}${result.retry === 1 ? "" : `, ×${formatNumber(result.retry)} with retries`}`,
    ),
    h("dt", {}, `Cap ${formatMoney(result.cap)}`),
    capLeft,
    h("dt", {}, "The cap buys"),
    h("dd", {}, `${formatCount(result.capBuys)} images`),
  );
  chart.replaceChildren(budgetChart(result, input.provider));
}
