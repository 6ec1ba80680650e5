/**
 * The freeze workbook in Excel (Office.js).
 *
 * Where the original formulas are kept: a "very hidden" worksheet, one row per frozen cell (sheet,
 * address, spill range, formula as text). Chosen over the alternatives because:
 * - document settings (Office.context.document.settings) are limited to about 2 MB in all, too
 *   little for tens of thousands of formulas;
 * - custom XML parts survive a save in Excel but are not kept by every program a shared workbook
 *   passes through (LibreOffice drops them on save), so "Restore live formulas" could find nothing;
 * - a worksheet survives every save and reopen in Excel, Excel on the web and LibreOffice, holds a
 *   million rows, and a very hidden one (Excel.SheetVisibility.veryHidden) does not appear in the
 *   Unhide list, so it is not deleted by accident.
 * The visible note is a second, ordinary sheet that says what was frozen, when, and with which
 * price book.
 */
import { columnLetter } from "../../shared/a1";
import { usesImg } from "../../templates/portableFormulas";
import type { FreezeStamp, FreezeWorkbook, FrozenCell, SheetInfo } from "./model";

export const RECORD_SHEET = "IMG frozen formulas";
export const NOTE_SHEET = "Frozen for sharing";
const RECORD_HEADER = ["Sheet", "Address", "Spill range", "Formula"];
const NOTE_HEADER = ["Frozen at", "Price book", "IMG cells", "Sheets"];
const NOTE_FIRST_ROW = 5;
/** Cells read per round trip when looking for IMG formulas. */
const READ_CELLS = 50_000;
/** Rows written to the record sheet per round trip. */
const RECORD_BATCH = 5000;

/** "'My sheet'!B7:C9" or "B7" -> the cell part "B7:C9" / "B7". */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/** "B7" -> { row: 6, col: 1 }. */
function parseCell(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)/.exec(localAddress(address));
  if (m === null) throw new Error(`Not a cell address: ${address}`);
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function spillSupported(): boolean {
  // Range.getSpillingToRangeOrNullObject is ExcelApi 1.12; an Excel without it has no dynamic
  // arrays, so nothing spills there.
  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspillingtorangeornullobject-member(1)
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.12") === true
  );
}

/**
 * The freeze workbook over `context`. `readCells` (default 50,000) is how many cells one read
 * loads while looking for IMG formulas.
 */
export function excelFreezeWorkbook(
  context: Excel.RequestContext,
  options: { readCells?: number } = {},
): FreezeWorkbook {
  const readCells = options.readCells ?? READ_CELLS;
  const sheetsOf = context.workbook.worksheets;
  const record = (): Excel.Worksheet => sheetsOf.getItemOrNullObject(RECORD_SHEET);
  const note = (): Excel.Worksheet => sheetsOf.getItemOrNullObject(NOTE_SHEET);

  return {
    async sheets(scope): Promise<SheetInfo[]> {
      const list =
        scope === "sheet" ? [sheetsOf.getActiveWorksheet()] : (sheetsOf.load("items"), null);
      if (list !== null) for (const s of list) s.load("name");
      await context.sync();
      const chosen = list ?? sheetsOf.items;
      for (const s of chosen) s.protection.load("protected");
      await context.sync();
      return chosen
        .filter((s) => s.name !== RECORD_SHEET && s.name !== NOTE_SHEET)
        .map((s) => ({ name: s.name, protected: s.protection.protected }));
    },

    async imgCells(sheetName): Promise<FrozenCell[]> {
      const sheet = sheetsOf.getItem(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) return [];
      const origin = parseCell(used.address);
      const cells: FrozenCell[] = [];
      const spills = spillSupported();
      // Read in blocks of rows: Excel on the web refuses responses over about 5 MB, which one
      // load of a large sheet's formulas and values can exceed.
      const rowsPerBlock = Math.max(1, Math.floor(readCells / Math.max(used.columnCount, 1)));
      for (let first = 0; first < used.rowCount; first += rowsPerBlock) {
        const rows = Math.min(rowsPerBlock, used.rowCount - first);
        const block = used.getCell(first, 0).getResizedRange(rows - 1, used.columnCount - 1);
        block.load("formulas,values");
        await context.sync();
        const anchors: { index: number; spill: Excel.Range }[] = [];
        block.formulas.forEach((row, r) =>
          row.forEach((formula, c) => {
            if (typeof formula !== "string" || !formula.startsWith("=") || !usesImg(formula))
              return;
            const address = `${columnLetter(origin.col + c)}${origin.row + first + r + 1}`;
            if (spills) {
              const spill = sheet.getRange(address).getSpillingToRangeOrNullObject();
              spill.load("address,values");
              anchors.push({ index: cells.length, spill });
            }
            cells.push({
              sheet: sheetName,
              address,
              formula,
              spill: null,
              values: [[block.values[r]?.[c] ?? ""]],
            });
          }),
        );
        if (anchors.length === 0) continue;
        await context.sync();
        for (const { index, spill } of anchors) {
          const cell = cells[index];
          if (cell === undefined || spill.isNullObject) continue;
          const range = localAddress(spill.address);
          if (!range.includes(":")) continue;
          cells[index] = { ...cell, spill: range, values: spill.values };
        }
      }
      return cells;
    },

    async writeValues(cells): Promise<void> {
      for (const cell of cells) {
        sheetsOf.getItem(cell.sheet).getRange(cell.spill ?? cell.address).values = cell.values.map(
          (row) => [...row],
        ) as Excel.Range["values"];
      }
      await context.sync();
    },

    async writeFormulas(cells): Promise<void> {
      for (const cell of cells) {
        const sheet = sheetsOf.getItem(cell.sheet);
        // Clear the spill's block first, or the restored formula would show #SPILL!.
        if (cell.spill !== null) sheet.getRange(cell.spill).clear(Excel.ClearApplyTo.contents);
        sheet.getRange(cell.address).formulas = [[cell.formula]];
      }
      await context.sync();
    },

    async loadRecord() {
      const sheet = record();
      const shown = note();
      await context.sync();
      if (sheet.isNullObject) return { cells: [], stamps: [] };
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("values");
      const stamps = shown.isNullObject ? null : shown.getUsedRangeOrNullObject(true);
      stamps?.load("values");
      await context.sync();
      if (used.isNullObject) return { cells: [], stamps: [] };
      const cells: FrozenCell[] = used.values
        .slice(1)
        .filter((row) => String(row[0] ?? "") !== "")
        .map((row) => ({
          sheet: String(row[0]),
          address: String(row[1]),
          spill: String(row[2] ?? "") === "" ? null : String(row[2]),
          formula: `=${String(row[3] ?? "")}`,
          values: [[""]],
        }));
      const stampRows =
        stamps === null || stamps.isNullObject ? [] : stamps.values.slice(NOTE_FIRST_ROW - 1);
      return {
        cells,
        stamps: stampRows
          .filter((row) => String(row[0] ?? "") !== "")
          .map((row) => ({
            frozenAt: String(row[0]),
            bookVersion: String(row[1]),
            cells: Number(row[2]),
            sheets: String(row[3] ?? "").split(", "),
          })),
      };
    },

    async saveRecord(cells, stamps): Promise<void> {
      await this.deleteRecord();
      const sheet = sheetsOf.add(RECORD_SHEET);
      const rows = cells.map((c) => [c.sheet, c.address, c.spill ?? "", c.formula.slice(1)]);
      // Text format first: the formulas are kept as text, never evaluated on the record sheet.
      sheet.getRange(`A1:D${rows.length + 1}`).numberFormat = [
        ["@", "@", "@", "@"],
        ...rows.map(() => ["@", "@", "@", "@"]),
      ];
      sheet.getRange("A1:D1").values = [RECORD_HEADER];
      for (let i = 0; i < rows.length; i += RECORD_BATCH) {
        const part = rows.slice(i, i + RECORD_BATCH);
        sheet.getRange(`A${i + 2}:D${i + 1 + part.length}`).values = part;
        await context.sync();
      }
      sheet.visibility = Excel.SheetVisibility.veryHidden;

      const shown = sheetsOf.add(NOTE_SHEET);
      const total = stamps.reduce((n, s) => n + s.cells, 0);
      shown.getRange("A1").values = [["Frozen for sharing"]];
      shown.getRange("A1").format.font.bold = true;
      shown.getRange("A1").format.font.size = 14;
      shown.getRange("A2").values = [
        [
          `${total} cells that used the image-cost add-in's IMG functions show fixed values, so this workbook reads the same without the add-in. With the add-in, choose "Restore live formulas" in its pane to bring the formulas back.`,
        ],
      ];
      shown.getRange(`A${NOTE_FIRST_ROW - 1}:D${NOTE_FIRST_ROW - 1}`).values = [NOTE_HEADER];
      shown.getRange(`A${NOTE_FIRST_ROW - 1}:D${NOTE_FIRST_ROW - 1}`).format.font.bold = true;
      if (stamps.length > 0) {
        const last = NOTE_FIRST_ROW + stamps.length - 1;
        const body = shown.getRange(`A${NOTE_FIRST_ROW}:D${last}`);
        body.numberFormat = stamps.map(() => ["@", "@", "0", "@"]);
        body.values = stamps.map((s: FreezeStamp) => [
          s.frozenAt,
          s.bookVersion,
          s.cells,
          s.sheets.join(", "),
        ]);
      }
      await context.sync();
    },

    async deleteRecord(): Promise<void> {
      const a = record();
      const b = note();
      await context.sync();
      if (!a.isNullObject) {
        // A very hidden sheet cannot be deleted; make it visible first.
        a.visibility = Excel.SheetVisibility.visible;
        a.delete();
      }
      if (!b.isNullObject) b.delete();
      await context.sync();
    },

    async currentValues(cells): Promise<FrozenCell[]> {
      const ranges = cells.map((c) => {
        const r = sheetsOf.getItem(c.sheet).getRange(c.spill ?? c.address);
        r.load("values");
        return r;
      });
      await context.sync();
      return cells.map((c, i) => ({ ...c, values: ranges[i]?.values ?? [[""]] }));
    },

    async isProtected(sheetName): Promise<boolean> {
      const sheet = sheetsOf.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) return false;
      sheet.protection.load("protected");
      await context.sync();
      return sheet.protection.protected;
    },
  };
}
