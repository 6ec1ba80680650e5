/**
 * Drawing the pane. Feed data is untrusted, so it only ever reaches the page as text nodes
 * (createElement + textContent); there is no innerHTML anywhere in the pane.
 */
import type { CompiledBook, PriceRow } from "../core";
import { daysSince, priceRows, unitWords } from "../core";
import type { Candidate } from "./refresh/prepare";
import { describeOrigin } from "./storage";
import { formatPrice } from "./estimate";

export const STALE_AFTER_DAYS = 30;

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; title?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className !== undefined) node.className = props.className;
  if (props.title !== undefined) node.title = props.title;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`The pane's markup has no #${id}.`);
  return node as T;
}

export function isStale(checked: string, today: string): boolean {
  return daysSince(checked, today) > STALE_AFTER_DAYS;
}

export function originText(book: CompiledBook, storedFrom: string | null): string {
  if (book.origin.kind === "workbook" && storedFrom !== null && storedFrom !== "this workbook") {
    return `this workbook (saved from ${storedFrom})`;
  }
  return describeOrigin(book.origin);
}

/** The book's header and facts: part of the first screen. */
export function renderBookSummary(book: CompiledBook, storedFrom: string | null): void {
  const origin = originText(book, storedFrom);
  byId("book-summary").textContent =
    `Prices: version ${book.bookVersion}, published ${book.published}, from ${origin}.`;

  const facts = byId("book-facts");
  facts.replaceChildren(
    h("dt", {}, "Version"),
    h("dd", {}, book.bookVersion),
    h("dt", {}, "Published"),
    h("dd", {}, book.published),
    h("dt", {}, "From"),
    h("dd", {}, origin),
    h("dt", {}, "Currency"),
    h("dd", {}, book.currency),
  );
}

/** The provider list and the prices table: the heavier part, drawn after the first screen. */
export function renderBookDetails(book: CompiledBook, today: string): void {
  const providers = byId("providers");
  providers.replaceChildren(
    ...book.providers.map((p) => {
      const stale = isStale(p.checked, today);
      const days = daysSince(p.checked, today);
      return h(
        "li",
        {},
        h("span", { className: "provider-name" }, p.name),
        p.comparisonOnly ? ` (${p.model}, for comparison)` : "",
        stale
          ? h(
              "span",
              { className: "stale", title: `Checked ${days} days ago` },
              `Stale: ${days} days`,
            )
          : null,
        h("br"),
        `Source: ${p.source.site}: ${p.source.title}${p.source.dated === null ? "" : ` (dated ${p.source.dated})`}`,
        h("br"),
        `Checked ${p.checked}${stale ? `, more than ${STALE_AFTER_DAYS} days ago: check the source before budgeting` : ""}`,
      );
    }),
  );

  const rows = priceRows(book);
  const body = byId<HTMLTableElement>("prices-table").tBodies[0];
  if (body !== undefined) {
    body.replaceChildren(...(rows.ok ? rows.value.map(priceRowElement) : []));
  }
}

function priceText(row: PriceRow): string {
  if (row.price === null) return "not published";
  const base =
    row.minPrice !== null
      ? `${formatPrice(row.minPrice)}–${formatPrice(row.price)}`
      : formatPrice(row.price);
  return row.listPrice !== null ? `${base} (list ${formatPrice(row.listPrice)})` : base;
}

function priceRowElement(row: PriceRow): HTMLTableRowElement {
  const unit = unitWords(row.unit, row.meter);
  return h(
    "tr",
    {},
    h("td", {}, row.providerName),
    h("td", {}, row.quality),
    h("td", {}, row.size),
    h("td", { className: "num" }, priceText(row)),
    h("td", {}, unit),
    h("td", {}, row.checked),
    h("td", { className: "source", title: row.notes }, row.source),
  );
}

function moneyOrDash(n: number | null): string {
  return n === null ? "none" : formatPrice(n);
}

export function renderDiff(candidate: Candidate): void {
  const { diff, warnings } = candidate;
  const body = byId("review-body");
  const parts: Node[] = [
    h(
      "p",
      {},
      `Version ${diff.versionBefore} -> ${diff.versionAfter}: ${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed.`,
    ),
  ];
  if (diff.same) parts.push(h("p", {}, "No price changes."));
  const list = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    parts.push(h("h4", {}, title), h("ul", {}, ...items.map((t) => h("li", {}, t))));
  };
  list(
    "Changed",
    diff.changed.map(
      (c) => `${c.label}: ${moneyOrDash(c.before.price)} -> ${moneyOrDash(c.after.price)}`,
    ),
  );
  list(
    "New providers",
    diff.addedProviders.map((p) => p.name),
  );
  list(
    "Added prices",
    diff.added.map(
      (r) =>
        `${r.providerName}: ${r.quality}, ${r.size}${r.meter === undefined ? "" : ` ${r.meter}`}: ${moneyOrDash(r.price)}`,
    ),
  );
  list(
    "Removed providers",
    diff.removedProviders.map((p) => p.name),
  );
  list(
    "Removed prices",
    diff.removed.map(
      (r) =>
        `${r.providerName}: ${r.quality}, ${r.size}${r.meter === undefined ? "" : ` ${r.meter}`}: ${moneyOrDash(r.price)}`,
    ),
  );
  body.replaceChildren(...parts);
  byId("review-warnings").replaceChildren(...warnings.map((w) => h("li", {}, w)));
  byId("confirm-row").hidden = warnings.length === 0;
  byId("review-warnings-heading").hidden = warnings.length === 0;
  const confirm = byId<HTMLInputElement>("confirm-drastic");
  confirm.checked = false;
  byId("review").hidden = false;
}

export function hideDiff(): void {
  byId("review").hidden = true;
  byId("review-body").replaceChildren();
  byId("review-warnings").replaceChildren();
}

export type Tone = "info" | "success" | "warning" | "error";

export function showMessage(text: string, tone: Tone = "info"): void {
  const node = byId("message");
  node.className = `message is-${tone}`;
  node.textContent = text;
  byId("dismiss").hidden = text === "";
}
