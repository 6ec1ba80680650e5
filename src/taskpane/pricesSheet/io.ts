/**
 * The Office side of the prices sheet: one sync to look, one to write (or read). All decisions
 * about what the rows mean live in rows.ts.
 */
import type { PriceBookJson } from "../../core";
import type { Cell, SheetPlace } from "./rows";
import { HEADER, MONEY_COLUMNS, EDITABLE_COLUMNS, bookToRows, columnLetter } from "./rows";

export const BASE_SHEET_NAME = "Prices";
export const TABLE_PREFIX = "ImgPrices";
const HEADER_ROW = 3;
const MONEY_FORMAT = "$#,##0.00####";

/** "Prices", then "Prices (2)", "Prices (3)"...: Excel compares sheet names without case. */
export function uniqueName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function uniqueTableName(taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(TABLE_PREFIX.toLowerCase())) return TABLE_PREFIX;
  for (let i = 2; ; i++) {
    const name = `${TABLE_PREFIX}${i}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export interface WrittenSheet {
  sheetName: string;
  tableName: string;
  rows: number;
}

export async function writePricesSheet(
  context: Excel.RequestContext,
  book: PriceBookJson,
): Promise<WrittenSheet> {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  tables.load("items/name");
  // Table names share one namespace with defined names.
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();

  const sheetName = uniqueName(
    BASE_SHEET_NAME,
    sheets.items.map((s) => s.name),
  );
  const tableName = uniqueTableName([
    ...tables.items.map((t) => t.name),
    ...names.items.map((n) => n.name),
  ]);
  const rows = bookToRows(book);
  const lastColumn = columnLetter(HEADER.length - 1);
  const lastRow = HEADER_ROW + rows.length;

  const sheet = sheets.add(sheetName);
  sheet.getRange("A1").values = [[`Price book ${book.bookVersion}, published ${book.published}`]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A2").values = [
    [
      'Edit the shaded columns (prices and the date checked), then choose "Use prices from the sheet" in the pane. The other columns say which price a row is.',
    ],
  ];

  const body = sheet.getRange(`A${HEADER_ROW + 1}:${lastColumn}${lastRow}`);
  // Text columns are formatted as text first, so Excel keeps "2026-05-04" and ids as typed.
  body.numberFormat = rows.map(() =>
    HEADER.map((_, c) => ((MONEY_COLUMNS as readonly number[]).includes(c) ? MONEY_FORMAT : "@")),
  );
  sheet.getRange(`A${HEADER_ROW}:${lastColumn}${HEADER_ROW}`).values = [[...HEADER]];
  body.values = rows;

  const table = sheet.tables.add(`A${HEADER_ROW}:${lastColumn}${lastRow}`, true);
  table.name = tableName;
  table.style = "TableStyleLight9";
  for (const c of EDITABLE_COLUMNS) {
    const letter = columnLetter(c);
    sheet.getRange(`${letter}${HEADER_ROW + 1}:${letter}${lastRow}`).format.fill.color = "#FFF4CE";
  }
  sheet.freezePanes.freezeRows(HEADER_ROW);
  sheet.getRange(`A${HEADER_ROW}:${lastColumn}${lastRow}`).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return { sheetName, tableName, rows: rows.length };
}

export interface ReadSheet {
  sheetName: string;
  header: Cell[];
  rows: Cell[][];
  place: SheetPlace;
}

/** "'Prices (2)'!A3:M3" -> row 3, column 0. */
export function parseAddress(address: string): { row: number; column: number } | null {
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0] ?? "";
  const match = /^\$?([A-Z]+)\$?([0-9]+)$/.exec(cell);
  if (match === null) return null;
  const [, letters = "", digits = ""] = match;
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(digits), column: column - 1 };
}

export type ReadOutcome = { ok: true; sheet: ReadSheet } | { ok: false; message: string };

/** Finds the prices table: the one on the active sheet, else the only one in the workbook. */
export async function readPricesSheet(context: Excel.RequestContext): Promise<ReadOutcome> {
  const activeSheet = context.workbook.worksheets.getActiveWorksheet();
  activeSheet.load("name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();

  const ours = tables.items.filter((t) =>
    t.name.toLowerCase().startsWith(TABLE_PREFIX.toLowerCase()),
  );
  const onActive = ours.filter((t) => t.worksheet.name === activeSheet.name);
  const chosen = onActive.length >= 1 ? onActive[0] : ours.length === 1 ? ours[0] : undefined;
  if (chosen === undefined) {
    return {
      ok: false,
      message:
        ours.length === 0
          ? 'No prices sheet in this workbook. Choose "Write prices to a sheet" first.'
          : `This workbook has ${ours.length} prices sheets (${ours.map((t) => t.worksheet.name).join(", ")}); go to the one to use, then try again.`,
    };
  }
  const headerRange = chosen.getHeaderRowRange();
  headerRange.load("values,address");
  const bodyRange = chosen.getDataBodyRange();
  bodyRange.load("values");
  await context.sync();

  const at = parseAddress(headerRange.address);
  if (at === null)
    return {
      ok: false,
      message: `Could not read where the prices table starts (${headerRange.address}).`,
    };
  const sheetName = chosen.worksheet.name;
  return {
    ok: true,
    sheet: {
      sheetName,
      header: (headerRange.values[0] ?? []) as Cell[],
      rows: bodyRange.values as Cell[][],
      place: { sheetName, headerRow: at.row, firstColumn: at.column },
    },
  };
}
