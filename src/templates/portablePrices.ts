/**
 * The portable prices table: every price the active book resolves, one row per provider, quality
 * and size (or token meter), with the key the portable formulas look up, its status, dates and
 * source. It is written as a visible sheet so a reader without the add-in sees where each number
 * comes from, and read back to sync it with the active book.
 */
import { daysSince, priceRows, QUALITIES, type CompiledBook, type PriceRow } from "../core";
import { absRangeA1 } from "./layout";
import type { CellSpec, TemplateSpec } from "./model";
import { PORTABLE_KEYS, PORTABLE_PRICES } from "./portableFormulas";

export const PORTABLE_SHEET = "Portable prices";
export const PORTABLE_TABLE = "PortablePrices";

export const PORTABLE_HEADER = [
  "Key",
  "Provider id",
  "Provider",
  "Quality",
  "Size",
  "Meter",
  "Price (USD)",
  "Unit",
  "Status",
  "Checked",
  "Effective",
  "Source",
  "Notes",
] as const;

export const PCOL = {
  key: 0,
  id: 1,
  name: 2,
  quality: 3,
  size: 4,
  meter: 5,
  price: 6,
  unit: 7,
  status: 8,
  checked: 9,
  effective: 10,
  source: 11,
  notes: 12,
} as const;

/** 0-based row of the table's header on the prices sheet (rows above: title and provenance). */
export const PORTABLE_HEADER_ROW = 3;
/** Names cover this many rows at least, so a refresh that adds prices keeps every lookup working. */
const NAME_ROWS_MIN = 400;

/** A price older than this many days is flagged "stale" (the pane's own rule). */
const STALE_DAYS = 30;

export interface PortableRow {
  /** "openai|high|1024x1024" or "openai|token|imageOutput"; "" for a price not published. */
  readonly key: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly quality: string;
  readonly size: string;
  readonly meter: string;
  readonly price: number | null;
  readonly unit: "image" | "1M tokens";
  readonly status: string;
  readonly checked: string;
  readonly effective: string;
  readonly source: string;
  readonly notes: string;
}

/** The key part of a size cell: "1024x768 (about 1024x768)" -> "1024x768". */
function sizeKeyOf(size: string): string {
  const cut = size.indexOf(" (");
  return (cut < 0 ? size : size.slice(0, cut)).toLowerCase();
}

/**
 * A row's status: the price book's own (published, derived, bound, disputed, not published; see
 * docs/price-truth.md), with "checked over 30 days ago" added when the page was read more than 30
 * days before `today`, the pane's own stale rule.
 */
function statusOf(row: PriceRow, today: string): string {
  const read = row.readDate !== "" ? row.readDate : row.checked;
  const stale = read !== "" && daysSince(read, today) > STALE_DAYS;
  return stale ? `${row.status}, checked over 30 days ago` : row.status;
}

/**
 * The table's rows for `book` on `today` (ISO date). A price for any quality is written once per
 * quality, so the formulas need only two lookups (exact size, then any size); token meters shared
 * by text and image input are written for both.
 */
export function portableRows(book: CompiledBook, today: string): PortableRow[] {
  const rows = priceRows(book);
  if (!rows.ok) return [];
  const out: PortableRow[] = [];
  for (const row of rows.value) {
    const common = {
      providerId: row.providerId,
      providerName: row.providerName,
      price: row.price,
      unit: row.unit,
      status: statusOf(row, today),
      checked: row.readDate !== "" ? row.readDate : row.checked,
      effective: row.effective,
      source: row.source,
      notes: row.notes,
    };
    const id = row.providerId.toLowerCase();
    if (row.unit === "1M tokens") {
      const meters =
        row.meter === "input" ? ["textInput", "imageInput"] : [row.meter ?? "textInput"];
      for (const meter of meters) {
        out.push({ ...common, key: `${id}|token|${meter}`, quality: "any", size: "any", meter });
      }
      continue;
    }
    const size = sizeKeyOf(row.size);
    const qualities = row.quality === "any" ? QUALITIES : [row.quality];
    for (const quality of qualities) {
      out.push({
        ...common,
        key: row.price === null ? "" : `${id}|${quality}|${size}`,
        quality,
        size: row.size,
        meter: "",
      });
    }
  }
  return out;
}

export function portableCells(row: PortableRow): (string | number)[] {
  return [
    row.key,
    row.providerId,
    row.providerName,
    row.quality,
    row.size,
    row.meter,
    row.price ?? "",
    row.unit,
    row.status,
    row.checked,
    row.effective,
    row.source,
    row.notes,
  ];
}

/** Rows the lookup names cover: the table and room for a refresh to grow it. */
export function nameRows(rowCount: number): number {
  return Math.max(NAME_ROWS_MIN, rowCount * 2);
}

/** The two workbook-scoped names' formulas on a prices sheet called `sheetName`. */
export function portableNameFormulas(
  sheetName: string,
  rowCount: number,
): { name: string; formula: string }[] {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const top = PORTABLE_HEADER_ROW + 1;
  const bottom = PORTABLE_HEADER_ROW + nameRows(rowCount);
  const column = (col: number): string =>
    `=${quoted}!${absRangeA1({ top, left: col, bottom, right: col })}`;
  return [
    { name: PORTABLE_KEYS, formula: column(PCOL.key) },
    { name: PORTABLE_PRICES, formula: column(PCOL.price) },
  ];
}

/** The provenance line above the table. */
export function provenance(book: CompiledBook, today: string): string {
  return `Prices from price book ${book.bookVersion} (published ${book.published}), written ${today}. Refresh them from the add-in's pane, or edit a price and choose "Use prices from the sheet".`;
}

/** The prices sheet as a template: title, provenance, and the table. */
export function portablePricesSheet(book: CompiledBook, today: string): TemplateSpec {
  const rows = portableRows(book, today);
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: "GPT Image 2 prices for portable plans", style: "title" },
    { row: 1, col: 0, value: provenance(book, today), style: "intro" },
    {
      row: 2,
      col: 0,
      value:
        "The portable sheets look prices up here by key with INDEX and MATCH, so they recalculate in any spreadsheet, with or without the add-in. Keep the Key and Price columns.",
      style: "note",
    },
  ];
  PORTABLE_HEADER.forEach((header, col) =>
    cells.push({ row: PORTABLE_HEADER_ROW, col, value: header, style: "header" }),
  );
  rows.forEach((row, i) => {
    portableCells(row).forEach((value, col) => {
      if (value === "") return;
      const isPrice = col === PCOL.price;
      cells.push({
        row: PORTABLE_HEADER_ROW + 1 + i,
        col,
        value,
        format: isPrice ? "usdPrice" : "text",
      });
    });
  });
  // Every column of the last row is written, so the grid is as wide and tall as the table.
  const last = PORTABLE_HEADER_ROW + Math.max(rows.length, 1);
  return {
    id: "portable-prices",
    title: "Portable prices",
    description: "The prices portable sheets compute with.",
    sheetName: PORTABLE_SHEET,
    columnWidths: [200, 110, 150, 70, 160, 110, 90, 80, 100, 90, 90, 260, 400],
    cells,
    tables: [
      {
        name: PORTABLE_TABLE,
        range: {
          top: PORTABLE_HEADER_ROW,
          left: 0,
          bottom: last,
          right: PORTABLE_HEADER.length - 1,
        },
      },
    ],
    charts: [],
  };
}
