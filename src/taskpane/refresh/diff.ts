/**
 * What a refresh would change, worked out on the core's price rows so the pane, the sheet and the
 * functions all speak of the same prices. Rows are matched by what a user picks (provider, quality,
 * size, unit, meter); when a book keeps a price history, the newest row of each is compared.
 */
import type { CompiledBook, PriceRow } from "../../core";
import { meterWords, priceRows } from "../../core";

export interface PriceChange {
  key: string;
  label: string;
  before: PriceRow;
  after: PriceRow;
  /** new / old price, for the 10x check; null when either side has no number. */
  ratio: number | null;
}

export interface BookDiff {
  versionBefore: string;
  versionAfter: string;
  addedProviders: { id: string; name: string }[];
  removedProviders: { id: string; name: string }[];
  added: PriceRow[];
  removed: PriceRow[];
  changed: PriceChange[];
  /** true when no price, provider or listed price moved. */
  same: boolean;
}

export function rowKey(row: PriceRow): string {
  return [row.providerId, row.quality, row.size, row.unit, row.meter ?? ""].join("|");
}

export function rowLabel(row: PriceRow): string {
  const what =
    row.unit === "image"
      ? `${row.quality}, ${row.size}`
      : `${meterWords(row.meter ?? "tokens")} per 1M tokens`;
  return `${row.providerName}: ${what}`;
}

function newestByKey(rows: readonly PriceRow[]): Map<string, PriceRow> {
  const map = new Map<string, PriceRow>();
  for (const row of rows) {
    const key = rowKey(row);
    const seen = map.get(key);
    if (seen === undefined || row.effective >= seen.effective) map.set(key, row);
  }
  return map;
}

function allRows(book: CompiledBook): PriceRow[] {
  const rows = priceRows(book);
  return rows.ok ? rows.value : [];
}

function samePrices(a: PriceRow, b: PriceRow): boolean {
  return a.price === b.price && a.listPrice === b.listPrice && a.minPrice === b.minPrice;
}

export function diffBooks(before: CompiledBook, after: CompiledBook): BookDiff {
  const oldRows = newestByKey(allRows(before));
  const newRows = newestByKey(allRows(after));
  const added: PriceRow[] = [];
  const removed: PriceRow[] = [];
  const changed: PriceChange[] = [];
  for (const [key, row] of newRows) {
    const old = oldRows.get(key);
    if (old === undefined) added.push(row);
    else if (!samePrices(old, row)) {
      const ratio =
        old.price !== null && row.price !== null && old.price > 0 ? row.price / old.price : null;
      changed.push({ key, label: rowLabel(row), before: old, after: row, ratio });
    }
  }
  for (const [key, row] of oldRows) {
    if (!newRows.has(key)) removed.push(row);
  }
  const newIds = new Set(after.providers.map((p) => p.id));
  const oldIds = new Set(before.providers.map((p) => p.id));
  const addedProviders = after.providers
    .filter((p) => !oldIds.has(p.id))
    .map(({ id, name }) => ({ id, name }));
  const removedProviders = before.providers
    .filter((p) => !newIds.has(p.id))
    .map(({ id, name }) => ({ id, name }));
  return {
    versionBefore: before.bookVersion,
    versionAfter: after.bookVersion,
    addedProviders,
    removedProviders,
    added,
    removed,
    changed,
    same:
      added.length === 0 &&
      removed.length === 0 &&
      changed.length === 0 &&
      addedProviders.length === 0 &&
      removedProviders.length === 0,
  };
}
