/**
 * The portable prices table in Excel: read it back, and rewrite it from a price book in place
 * (same sheet, same table name, the lookup names re-pointed at its new size).
 */
import type { CompiledBook } from "../core";
import { columnLetter } from "./layout";
import { PORTABLE_KEYS, PORTABLE_PRICES } from "./portableFormulas";
import {
  portableCells,
  portableNameFormulas,
  portableRows,
  provenance,
  PCOL,
  PORTABLE_HEADER,
  PORTABLE_HEADER_ROW,
  PORTABLE_TABLE,
} from "./portablePrices";

export interface PortableTableRead {
  readonly sheetName: string;
  readonly header: unknown[];
  readonly body: unknown[][];
}

/** The workbook's portable prices table, or null when it has none. */
export async function readPortableTable(
  context: Excel.RequestContext,
): Promise<PortableTableRead | null> {
  const table = context.workbook.tables.getItemOrNullObject(PORTABLE_TABLE);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return null;
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("values");
  const sheet = table.worksheet.load("name");
  await context.sync();
  return { sheetName: sheet.name, header: header.values[0] ?? [], body: body.values };
}

/**
 * Rewrites the table with `book`'s prices on `today`. The table is rebuilt where it was (ExcelApi
 * 1.9 cannot resize a table), keeps its name, and the two lookup names follow its size. One read,
 * one write.
 */
export async function rewritePortableTable(
  context: Excel.RequestContext,
  book: CompiledBook,
  today: string,
): Promise<{ sheetName: string; rows: number }> {
  const table = context.workbook.tables.getItem(PORTABLE_TABLE);
  const sheet = table.worksheet.load("name");
  const whole = table.getRange().load("rowCount");
  const names = context.workbook.names;
  const existing = [PORTABLE_KEYS, PORTABLE_PRICES].map((n) => names.getItemOrNullObject(n));
  await context.sync();

  const rows = portableRows(book, today);
  const lastCol = columnLetter(PORTABLE_HEADER.length - 1);
  const top = PORTABLE_HEADER_ROW + 1; // the header's 1-based row
  const bottom = top + Math.max(rows.length, 1);
  const oldBottom = top + whole.rowCount - 1;
  table.delete();
  // Clear what the old table covered, in case the new one is shorter.
  sheet
    .getRange(`A${top}:${lastCol}${Math.max(oldBottom, bottom)}`)
    .clear(Excel.ClearApplyTo.contents);
  const values: (string | number)[][] = [
    [...PORTABLE_HEADER],
    ...(rows.length === 0 ? [PORTABLE_HEADER.map(() => "")] : rows.map(portableCells)),
  ];
  const range = sheet.getRange(`A${top}:${lastCol}${bottom}`);
  range.numberFormat = values.map((row, r) =>
    row.map((_, c) => (r > 0 && c === PCOL.price ? "$#,##0.0000" : "@")),
  );
  range.values = values;
  const created = sheet.tables.add(`A${top}:${lastCol}${bottom}`, true);
  created.name = PORTABLE_TABLE;
  created.style = "TableStyleLight1";
  created.showBandedRows = false;
  sheet.getRange("A2").values = [[provenance(book, today)]];
  // NamedItem.formula is writable from ExcelApi 1.7 (NamedItemUpdateData.formula), so formulas
  // that use the names keep them; a name someone deleted is added again.
  portableNameFormulas(sheet.name, rows.length).forEach(({ name, formula }, i) => {
    const item = existing[i];
    if (item !== undefined && !item.isNullObject) item.formula = formula;
    else names.add(name, formula, "Prices the portable sheets look up.");
  });
  await context.sync();
  return { sheetName: sheet.name, rows: rows.length };
}
