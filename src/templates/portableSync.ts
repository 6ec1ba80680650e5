/**
 * Syncing a portable prices table with the active price book, both ways.
 *
 * - Refresh: what rewriting the table from the active book would change, as a diff of rows keyed
 *   like a feed refresh's (provider, quality, size, unit, meter), shown before anything is written.
 * - Use prices from the sheet: the table's prices applied to the active book through the prices
 *   sheet's own rows and reader, so the result is validated like any other book. A table price
 *   that no single row of the book sets (a price derived from another provider's rates) is refused
 *   with the row to edit instead.
 */
import { meterKey, meterWords, type PriceBookJson } from "../core";
import { PCOL, PORTABLE_HEADER, type PortableRow } from "./portablePrices";

export interface PortableChange {
  readonly key: string;
  readonly label: string;
  readonly before: number | null;
  readonly after: number | null;
}

export interface PortableDiff {
  readonly added: readonly PortableChange[];
  readonly removed: readonly PortableChange[];
  readonly changed: readonly PortableChange[];
  readonly same: boolean;
}

/** A table row as read back from the sheet. */
export interface TableRow {
  readonly providerId: string;
  readonly providerName: string;
  readonly quality: string;
  readonly size: string;
  readonly meter: string;
  readonly unit: string;
  readonly price: number | null;
  readonly status: string;
  /** 0-based index in the table body, for messages. */
  readonly index: number;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

/** Reads the table's header and body as Excel returns them; errors name what is wrong. */
export function readTable(
  header: readonly unknown[],
  body: readonly (readonly unknown[])[],
): { ok: true; rows: TableRow[] } | { ok: false; message: string } {
  const names = header.map(text);
  if (names.length !== PORTABLE_HEADER.length || PORTABLE_HEADER.some((h, i) => names[i] !== h)) {
    return {
      ok: false,
      message: `The portable prices table's columns must be ${PORTABLE_HEADER.join(", ")}; found ${names.join(", ")}. Insert a portable template into a new workbook to get a fresh table.`,
    };
  }
  const rows: TableRow[] = [];
  for (let i = 0; i < body.length; i++) {
    const cells = body[i] ?? [];
    const raw = cells[PCOL.price];
    const price =
      raw === "" || raw === null || raw === undefined
        ? null
        : typeof raw === "number"
          ? raw
          : Number(text(raw));
    if (price !== null && Number.isFinite(price) && price >= 0) {
      const micros = price * 1e6;
      if (Math.abs(micros - Math.round(micros)) > 1e-6 * Math.max(1, micros)) {
        return {
          ok: false,
          message: `Row ${i + 1} of the portable prices table has price ${price}, with more than 6 decimals. Accepted: US dollars to the millionth (0.000001).`,
        };
      }
    }
    if (price !== null && (!Number.isFinite(price) || price < 0)) {
      return {
        ok: false,
        message: `Row ${i + 1} of the portable prices table has price ${JSON.stringify(raw)}. Accepted: a number of 0 or more in US dollars, or empty for a price not published.`,
      };
    }
    rows.push({
      providerId: text(cells[PCOL.id]),
      providerName: text(cells[PCOL.name]),
      quality: text(cells[PCOL.quality]),
      size: text(cells[PCOL.size]),
      meter: text(cells[PCOL.meter]),
      unit: text(cells[PCOL.unit]),
      price,
      status: text(cells[PCOL.status]),
      index: i,
    });
  }
  return { ok: true, rows };
}

type Comparable = Pick<
  TableRow,
  "providerId" | "providerName" | "quality" | "size" | "meter" | "unit" | "price"
>;

/** The same identity a feed refresh uses (src/taskpane/refresh/diff.ts rowKey). */
export function changeKey(row: Comparable): string {
  return [row.providerId, row.quality, row.size, row.unit, row.meter].join("|");
}

export function changeLabel(row: Comparable): string {
  const what =
    row.unit === "image"
      ? `${row.quality}, ${row.size}`
      : `${meterWords(row.meter || "tokens")} per 1M tokens`;
  return `${row.providerName}: ${what}`;
}

/** What rewriting the table with `next` would change. */
export function diffPortable(
  current: readonly Comparable[],
  next: readonly PortableRow[],
): PortableDiff {
  const before = new Map(current.map((r) => [changeKey(r), r]));
  const after = new Map(next.map((r) => [changeKey(r), r]));
  const added: PortableChange[] = [];
  const removed: PortableChange[] = [];
  const changed: PortableChange[] = [];
  for (const [key, row] of after) {
    const old = before.get(key);
    if (old === undefined)
      added.push({ key, label: changeLabel(row), before: null, after: row.price });
    else if (old.price !== row.price)
      changed.push({ key, label: changeLabel(row), before: old.price, after: row.price });
  }
  for (const [key, row] of before) {
    if (!after.has(key))
      removed.push({ key, label: changeLabel(row), before: row.price, after: null });
  }
  return {
    added,
    removed,
    changed,
    same: added.length === 0 && removed.length === 0 && changed.length === 0,
  };
}

/** One line per change, for the confirm step. */
export function describeDiff(diff: PortableDiff): string[] {
  const usd = (v: number | null): string => (v === null ? "no price" : `$${v}`);
  return [
    ...diff.changed.map((c) => `${c.label}: ${usd(c.before)} -> ${usd(c.after)}`),
    ...diff.added.map((c) => `${c.label}: added at ${usd(c.after)}`),
    ...diff.removed.map((c) => `${c.label}: removed (was ${usd(c.before)})`),
  ];
}

/** Prices sheet columns (src/taskpane/pricesSheet/columns.ts HEADER order). */
const S = { id: 0, effective: 2, billing: 3, quality: 4, size: 5, meter: 6, price: 7 } as const;

const sizeKey = (size: string): string => {
  const cut = size.indexOf(" (");
  return (cut < 0 ? size : size.slice(0, cut)).toLowerCase();
};

/**
 * The prices sheet rows of `book` (bookToRows) with the table's changed prices written into the
 * one row that sets each, ready for the prices sheet reader. `changes` are the table rows whose
 * price differs from the active book's.
 */
export function applyToSheetRows(
  book: PriceBookJson,
  sheetRows: readonly (readonly (string | number | boolean)[])[],
  changes: readonly TableRow[],
): { ok: true; rows: (string | number | boolean)[][] } | { ok: false; errors: string[] } {
  const rows = sheetRows.map((r) => [...r]);
  // The newest price set of each provider and billing (image, tokens) is the one in use.
  const setOf = (id: string, billing: string): string => `${id}|${billing}`;
  const newest = new Map<string, string>();
  for (const r of rows) {
    const key = setOf(text(r[S.id]), text(r[S.billing]));
    const eff = text(r[S.effective]);
    if ((newest.get(key) ?? "") <= eff) newest.set(key, eff);
  }
  const errors: string[] = [];
  const assigned = new Map<readonly unknown[], TableRow>();
  for (const change of changes) {
    const billing = change.unit === "image" ? "image" : "tokens";
    const targets = rows.filter((r) => {
      if (text(r[S.id]) !== change.providerId || text(r[S.billing]) !== billing) return false;
      if (text(r[S.effective]) !== newest.get(setOf(change.providerId, billing))) return false;
      // The sheet names a meter in words ("cached text input"); the table by its key.
      const meter = meterKey(text(r[S.meter])) ?? text(r[S.meter]);
      if (billing === "tokens") {
        return (
          meter === change.meter ||
          (meter === "input" && (change.meter === "textInput" || change.meter === "imageInput"))
        );
      }
      const q = text(r[S.quality]);
      // A row may list several sizes that share one price ("1024x1024 1024x1536 ...").
      const sizes = text(r[S.size]).split(/\s+/).map(sizeKey);
      return (
        (q === change.quality || q === "any") &&
        (sizes.includes(sizeKey(change.size)) || sizes.includes("any"))
      );
    });
    const label = changeLabel(change);
    if (targets.length !== 1 || text(targets[0]?.[S.price]) === "") {
      errors.push(
        `${label} (table row ${change.index + 1}) is not set by one row of price book ${book.bookVersion}: it follows another provider's rates or is not published. Change it with "Write prices to a sheet" instead.`,
      );
      continue;
    }
    const target = targets[0] as (string | number | boolean)[];
    const earlier = assigned.get(target);
    if (earlier !== undefined && earlier.price !== change.price) {
      errors.push(
        `${label} (table row ${change.index + 1}) and ${changeLabel(earlier)} (table row ${earlier.index + 1}) share one price in price book ${book.bookVersion} but differ in the table. Give them the same price.`,
      );
      continue;
    }
    assigned.set(target, change);
    target[S.price] = change.price ?? "";
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/**
 * The table rows whose price differs from the active book's row of the same identity. A row the
 * book does not have is an error: the table can change prices, not invent them.
 */
export function tableChanges(
  table: readonly TableRow[],
  book: readonly PortableRow[],
): { ok: true; changes: TableRow[] } | { ok: false; errors: string[] } {
  const known = new Map(book.map((r) => [changeKey(r), r]));
  const changes: TableRow[] = [];
  const errors: string[] = [];
  for (const row of table) {
    const match = known.get(changeKey(row));
    if (match === undefined) {
      errors.push(
        `${changeLabel(row)} (table row ${row.index + 1}) is not a price of the active book. Accepted: the rows the table was written with; remove added rows.`,
      );
    } else if (match.price !== row.price) changes.push(row);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, changes };
}
