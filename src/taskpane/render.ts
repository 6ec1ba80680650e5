/**
 * Drawing the pane. Feed data is untrusted, so it only ever reaches the page as text nodes
 * (createElement + textContent); there is no innerHTML anywhere in the pane.
 */
import type { CompiledBook, PriceRow, ProviderInfo } from "../core";
import { meterWords, priceHistory, priceRows } from "../core";
import type { Candidate } from "./refresh/prepare";
import { rowLabel } from "./refresh/diff";
import { describeOrigin } from "./storage";
import { formatDate, formatPrice } from "./locale";
import {
  badgeText,
  howObtained,
  howText,
  priceStatus,
  STALE_AFTER_DAYS,
  type PriceStatus,
} from "./priceStatus";

export { STALE_AFTER_DAYS };

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

export function originText(book: CompiledBook, storedFrom: string | null): string {
  if (book.origin.kind === "workbook" && storedFrom !== null && storedFrom !== "this workbook") {
    return `this workbook (saved from ${storedFrom})`;
  }
  return describeOrigin(book.origin);
}

/** The origin in a few words for the one-line status. */
function shortOrigin(book: CompiledBook): string {
  const origin = book.origin;
  switch (origin.kind) {
    case "bundled":
      return "bundled";
    case "url":
      try {
        return `from ${new URL(origin.url).host}`;
      } catch {
        return "from a feed";
      }
    case "workbook":
      return "saved in this workbook";
    case "sheet":
      return `from the sheet "${origin.sheetName}"`;
  }
}

/** Badges as small labelled spans, each with its meaning as a tooltip. */
export function badgeNodes(status: PriceStatus): HTMLElement[] {
  const how = howObtained(status);
  return [
    ...(how === null ? [] : [h("span", { className: "status-tag", title: howText(how) }, how)]),
    ...status.badges.map((b) =>
      h("span", { className: `badge badge-${b}`, title: badgeText(b, status) }, b),
    ),
    ...otherReadingNodes(status),
  ];
}

/**
 * A disputed price's other readings, in view (a tooltip cannot be read on a touch screen): "other
 * reading: 5", the whole reading with its source as the tooltip.
 */
export function otherReadingNodes(status: PriceStatus): HTMLElement[] {
  if (status.otherShort.length === 0) return [];
  return [
    h(
      "span",
      { className: "other-reading", title: status.otherReadings.join("; ") },
      `other reading${status.otherShort.length === 1 ? "" : "s"}: ${status.otherShort.join("; ")}`,
    ),
  ];
}

/** The book's one-line status (version, source, freshness) and its facts on the Prices tab. */
export function renderBookSummary(
  book: CompiledBook,
  storedFrom: string | null,
  today: string,
): void {
  const origin = originText(book, storedFrom);
  const stale = book.providers.filter((p) => priceStatus(p, today).badges.includes("stale"));
  const summary = byId("book-summary");
  const text = h(
    "span",
    { className: "summary-text" },
    `Prices version ${book.bookVersion} · ${shortOrigin(book)} · published ${formatDate(book.published)}`,
  );
  summary.replaceChildren(
    text,
    stale.length > 0
      ? h(
          "span",
          { className: "is-stale" },
          h("span", { className: "visually-hidden" }, " · "),
          `${stale.length} stale`,
        )
      : "",
  );
  summary.title = `Prices version ${book.bookVersion}, published ${formatDate(book.published)}, from ${origin}.${
    stale.length > 0
      ? ` ${stale.length} providers' prices were read more than ${STALE_AFTER_DAYS} days ago: ${stale.map((p) => p.name).join(", ")}.`
      : ""
  }`;

  byId("book-facts").replaceChildren(
    h("dt", {}, "Version"),
    h("dd", {}, book.bookVersion),
    h("dt", {}, "Published"),
    h("dd", {}, formatDate(book.published)),
    h("dt", {}, "From"),
    h("dd", {}, origin),
    h("dt", {}, "Currency"),
    h("dd", {}, book.currency),
  );
}

export function priceText(row: PriceRow): string {
  // "not offered", "not published": the core's words for a price with no number.
  if (row.price === null) return row.priceText;
  const base =
    row.minPrice !== null && row.minPrice !== row.price
      ? `${formatPrice(row.minPrice)}–${formatPrice(row.price)}`
      : formatPrice(row.price);
  const more = row.atLeast ? `${base} or more` : base;
  return row.listPrice !== null ? `${more} (list ${formatPrice(row.listPrice)})` : more;
}

function rowWhat(row: PriceRow): [string, string] {
  if (row.unit === "1M tokens") {
    const meter = row.meter ?? "tokens";
    return ["per 1M tokens", meterWords(meter)];
  }
  return [row.quality, row.size];
}

function pricesTable(rows: readonly PriceRow[], info: ProviderInfo, today: string): HTMLElement {
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      h("th", {}, "Quality"),
      h("th", {}, "Size"),
      h("th", { className: "num" }, "Price (USD)"),
    ),
  );
  for (const th of head.querySelectorAll("th")) th.setAttribute("scope", "col");
  const body = h(
    "tbody",
    {},
    ...rows.map((row) => {
      const [quality, size] = rowWhat(row);
      const status = priceStatus(info, today, row);
      const disputed = status.badges.includes("disputed");
      // How the price was obtained, when it is not simply published: derived, bound, ...
      const how =
        status.status !== null && !["published", "disputed"].includes(status.status)
          ? status.status
          : null;
      const known = howObtained(status);
      return h(
        "tr",
        { title: row.notes },
        h("td", {}, quality),
        h("td", {}, size),
        h(
          "td",
          { className: "num" },
          priceText(row),
          how !== null
            ? h(
                "span",
                known === null
                  ? { className: "status-tag" }
                  : { className: "status-tag", title: howText(known) },
                how,
              )
            : null,
          disputed
            ? h(
                "span",
                { className: "badge badge-disputed", title: badgeText("disputed", status) },
                "disputed",
              )
            : null,
          ...otherReadingNodes(status),
        ),
      );
    }),
  );
  return h("table", { className: "prices" }, head, body);
}

/** A provider's price sets, newest first, when the book holds more than one (the core's history). */
function historyNode(book: CompiledBook, info: ProviderInfo, today: string): HTMLElement | null {
  const history = priceHistory(book, info.id);
  if (!history.ok) return null;
  const image = history.value.filter((e) => e.billing === "image");
  const entries = image.length > 1 ? image : history.value.length > 1 ? history.value : [];
  if (entries.length < 2) return null;
  const sets = [...entries]
    .sort((a, b) => (a.effective < b.effective ? 1 : a.effective > b.effective ? -1 : 0))
    .map((entry) =>
      h(
        "div",
        {},
        h("h4", { className: "history-date" }, `In effect from ${formatDate(entry.effective)}`),
        pricesTable(entry.rows, info, today),
      ),
    );
  return h(
    "details",
    { className: "history more" },
    h("summary", {}, `Price history (${entries.length} price sets)`),
    ...sets,
  );
}

/** The prices grouped by provider: name and badges, the source once, then quality, size, price. */
export function renderBookDetails(book: CompiledBook, today: string): void {
  const all = priceRows(book);
  const rows = all.ok ? all.value : [];
  const groups = book.providers.map((info) => {
    const own = rows.filter((r) => r.providerId === info.id);
    const status = priceStatus(info, today, own[0] ?? null);
    const heading = h(
      "h3",
      {},
      info.name,
      info.comparisonOnly ? ` (${info.model}, other model)` : "",
      " ",
      ...badgeNodes(status),
    );
    const source = h(
      "p",
      { className: "source" },
      `Source: ${info.source.site}: ${info.source.title} · ${status.dateText}`,
    );
    const section = h(
      "section",
      { className: "price-group" },
      heading,
      source,
      own.length > 0 ? pricesTable(own, info, today) : h("p", {}, "No prices published."),
      historyNode(book, info, today),
    );
    section.dataset["provider"] = info.id;
    return section;
  });
  byId("price-groups").replaceChildren(...groups);
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
    parts.push(h("h3", {}, title), h("ul", {}, ...items.map((t) => h("li", {}, t))));
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
    diff.added.map((r) => `${rowLabel(r)}: ${moneyOrDash(r.price)}`),
  );
  list(
    "Removed providers",
    diff.removedProviders.map((p) => p.name),
  );
  list(
    "Removed prices",
    diff.removed.map((r) => `${rowLabel(r)}: ${moneyOrDash(r.price)}`),
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

/**
 * The message bar: one short message, in the page's flow above the tabs (it moves content down and
 * never covers it), dismissible. Long lists (every problem of a rejected feed) go in `details`,
 * folded under "Details".
 */
export function showMessage(text: string, tone: Tone = "info", details: string[] = []): void {
  const node = byId("message");
  node.className = `message is-${tone}`;
  node.textContent = text;
  if (details.length > 0) {
    node.append(
      h(
        "details",
        { className: "message-details" },
        h("summary", {}, `Details (${details.length})`),
        h("ul", {}, ...details.map((d) => h("li", {}, d))),
      ),
    );
  }
  byId("dismiss").hidden = text === "";
  byId("message-bar").hidden = text === "";
}
