/** Drawing the Compare tab: the ranking, the comparison models apart, and its formula. */
import type { CompiledBook } from "../core";
import { compare, type CompareInput, type Comparison } from "./compare";
import { formatMoney, formatMultiple, formatPrice } from "./locale";
import { badgeNodes, byId, h } from "./render";

/** "$0.03–$0.05", "$0.054 or more", "$0.01". */
function otherPrice(price: number, minPrice: number | undefined, atLeast: boolean): string {
  const base =
    minPrice === undefined || minPrice === price
      ? formatPrice(price)
      : `${formatPrice(minPrice)}–${formatPrice(price)}`;
  return atLeast ? `${base} or more` : base;
}

export function compareInput(): CompareInput {
  return {
    quality: byId<HTMLSelectElement>("cmp-quality").value,
    size: byId<HTMLInputElement>("cmp-size").value,
    volume: byId<HTMLInputElement>("cmp-volume").value,
    retry: byId<HTMLInputElement>("cmp-retry").value,
  };
}

let last: Comparison | null = null;

/** The formula of the comparison on screen, or null when the inputs are wrong. */
export function compareFormula(): string | null {
  return last !== null && last.ok ? last.formula : null;
}

export function renderCompare(book: CompiledBook, today: string): void {
  const result = compare(book, compareInput(), today);
  last = result;
  const error = byId("cmp-error");
  const list = byId("cmp-list");
  const other = byId("cmp-other");
  if (!result.ok) {
    error.textContent = result.message;
    error.hidden = false;
    list.replaceChildren();
    other.replaceChildren();
    byId("cmp-formula").textContent = "";
    byId("cmp-left-out").hidden = true;
    return;
  }
  error.hidden = true;
  list.replaceChildren(
    ...result.rows.map((row, i) => {
      const price =
        row.minPrice === undefined
          ? formatPrice(row.price)
          : `${formatPrice(row.minPrice)}–${formatPrice(row.price)}`;
      const multiple =
        row.price === 0
          ? "free"
          : i === 0 || row.multiple === 1
            ? "cheapest"
            : `${formatMultiple(row.multiple)} cheapest`;
      const item = h(
        "li",
        { className: i === 0 ? "is-cheapest" : "" },
        h(
          "div",
          { className: "rank-line" },
          h("span", { className: "rank-name" }, `${i + 1}. ${row.provider.name}`),
          h("span", { className: "rank-total" }, formatMoney(row.total)),
        ),
        h(
          "div",
          { className: "rank-sub" },
          `${price} per image · ${multiple} `,
          ...badgeNodes(row.status),
        ),
      );
      item.dataset["provider"] = row.provider.id;
      return item;
    }),
  );
  byId("cmp-formula").textContent = result.formula;
  byId("cmp-left-out").hidden = result.leftOut.length === 0;
  const disputed = result.leftOut.filter((l) => l.status !== undefined).length;
  byId("cmp-left-out-summary").textContent =
    `${result.leftOut.length} provider${result.leftOut.length === 1 ? "" : "s"} without a price here` +
    (disputed > 0 ? ` (${disputed} disputed)` : "");
  byId("cmp-left-out-list").replaceChildren(
    ...result.leftOut.map((l) =>
      h(
        "li",
        {},
        `${l.provider.name}: ${l.reason} `,
        ...(l.status === undefined ? [] : badgeNodes(l.status)),
      ),
    ),
  );
  byId("cmp-other-heading").hidden = result.otherModels.length === 0;
  other.hidden = result.otherModels.length === 0;
  other.replaceChildren(
    ...result.otherModels.map((m) =>
      h(
        "li",
        {},
        h(
          "div",
          { className: "rank-line" },
          h("span", { className: "rank-name" }, `${m.provider.name} (${m.provider.model})`),
          h("span", { className: "rank-total" }, m.total === null ? "–" : formatMoney(m.total)),
        ),
        h(
          "div",
          { className: "rank-sub" },
          m.price === null
            ? (m.reason ?? "not priced")
            : `${otherPrice(m.price, m.minPrice, m.atLeast)} per image `,
          ...badgeNodes(m.status),
        ),
      ),
    ),
  );
}
