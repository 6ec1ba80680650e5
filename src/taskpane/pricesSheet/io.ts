/**
 * The Office side of the prices sheet: written through the add-in's one sheet writer (one sync to
 * look, one to write, the new sheet removed if Excel refuses), read in two. All decisions about
 * what the rows mean live in rows.ts.
 */
import type { PriceBookJson } from "../../core";
import type { Cell, SheetPlace } from "./rows";
import { HEADER, MONEY_COLUMNS, EDITABLE_COLUMNS, bookToRows, columnLetter } from "./rows";
import { writeNewSheet } from "../../shared/newSheet";
import { uniqueIdentifier, uniqueSheetName } from "../../templates/naming";

export const BASE_SHEET_NAME = "Prices";
export const TABLE_PREFIX = "ImgPrices";
const HEADER_ROW = 3;
const MONEY_FORMAT = "$#,##0.00####";

export interface WrittenSheet {
  sheetName: string;
  tableName: string;
  rows: number;
}

/**
 * Writes `book` as a new prices sheet through the add-in's one sheet writer (src/shared/newSheet.ts):
 * "Prices", or "Prices (2)" and on when taken, with its table named "ImgPrices" (or "ImgPrices2"
 * and on: table and defined names share one namespace). If Excel refuses the write, the half-made
 * sheet is removed and a SheetWriteError says so.
 */
export async function writePricesSheet(
  context: Excel.RequestContext,
  book: PriceBookJson,
): Promise<WrittenSheet> {
  const rows = bookToRows(book);
  const planned = await writeNewSheet(
    context,
    "the prices sheet",
    (taken) => ({
      sheetName: uniqueSheetName(BASE_SHEET_NAME, taken.sheets),
      tableName: uniqueIdentifier(
        TABLE_PREFIX,
        new Set([...taken.tables, ...taken.names].map((n) => n.toLowerCase())),
      ),
    }),
    (sheet, plan) => queueSheet(sheet, book, rows, plan.tableName),
  );
  return { ...planned, rows: rows.length };
}

/** Queues the title, the header, the rows, their formats and the table on the new sheet. */
function queueSheet(
  sheet: Excel.Worksheet,
  book: PriceBookJson,
  rows: readonly Cell[][],
  tableName: string,
): void {
  const lastColumn = columnLetter(HEADER.length - 1);
  const lastRow = HEADER_ROW + rows.length;
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
  body.values = rows as Cell[][];

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
