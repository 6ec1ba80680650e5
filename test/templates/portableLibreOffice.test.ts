/**
 * The portable templates in LibreOffice Calc, a second spreadsheet engine without the add-in:
 * all five portable sheets and the prices sheet written as one .xlsx (formulas only, no cached
 * values), recalculated by LibreOffice on load, and every formula cell compared with the IMG form
 * computed by the add-in's functions. Needs LibreOffice (scripts/install-libreoffice.sh); without
 * it the suite is skipped and says so.
 */
import { bundledBook } from "../../src/core";
import {
  getTemplate,
  portablePricesSheet,
  portableTemplate,
  renderGrid,
  TEMPLATES,
} from "../../src/templates";
import { PORTABLE_KEYS, PORTABLE_PRICES } from "../../src/templates/portableFormulas";
import { nameRows, portableRows, PORTABLE_SHEET } from "../../src/templates/portablePrices";
import { createImgEngine } from "../support/hyperformula-img";
import { describeWithSoffice, findSoffice } from "../support/libreoffice";
import { recalcInLibreOffice, xlsx, type XlsxName } from "./portableXlsx";

const TODAY = "2026-11-30";
const soffice = findSoffice();
const quoted = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const suite = describeWithSoffice("the portable templates were not checked in LibreOffice");

suite("portable templates recalculated by LibreOffice", () => {
  const templates = TEMPLATES.filter((t) => t.portable).map((t) => getTemplate(t.id)!);
  const portables = templates.map((t) => portableTemplate(t));
  const grids = portables.map((p) => renderGrid(p));
  const prices = renderGrid(portablePricesSheet(bundledBook, TODAY));
  const sheets = [
    ...portables.map((p, i) => ({ name: p.sheetName, cells: grids[i]!.cells })),
    { name: PORTABLE_SHEET, cells: prices.cells },
  ];
  const last = 4 + nameRows(portableRows(bundledBook, TODAY).length) - 1;
  const names: XlsxName[] = [
    { name: PORTABLE_KEYS, ref: `${quoted(PORTABLE_SHEET)}!$A$5:$A$${last}` },
    { name: PORTABLE_PRICES, ref: `${quoted(PORTABLE_SHEET)}!$G$5:$G$${last}` },
    ...grids.flatMap((g, i) =>
      g.names.map((n) => ({
        name: n.name,
        ref: `${quoted(portables[i]!.sheetName)}!${n.address}`,
        sheet: i,
      })),
    ),
  ];
  let computed: Record<string, string[][]> = {};

  beforeAll(() => {
    computed = recalcInLibreOffice(
      soffice!,
      xlsx(sheets, names),
      sheets.map((s) => s.name),
    );
  }, 200_000);

  it.each(templates.map((t, i) => [t.id, i] as const))(
    "%s gives the IMG form's figures",
    (_id, i) => {
      const template = templates[i]!;
      const img = renderGrid(template);
      const engine = createImgEngine(
        { [template.sheetName]: img.cells },
        {
          names: img.names.map((n) => ({
            name: n.name,
            expression: `=${quoted(template.sheetName)}!${n.address}`,
            scope: template.sheetName,
          })),
        },
      );
      const sheetId = engine.getSheetId(template.sheetName) as number;
      const lo = computed[portables[i]!.sheetName]!;
      const mismatches: string[] = [];
      let numbers = 0;
      img.cells.forEach((cells, row) =>
        cells.forEach((cell, col) => {
          if (typeof cell !== "string" || !cell.startsWith("=") || /IMG\.CHEAPEST/i.test(cell))
            return;
          const expected = engine.getCellValue({ sheet: sheetId, row, col });
          const got = lo[row]?.[col] ?? "";
          const where = `${portables[i]!.sheetName} r${row + 1}c${col + 1}`;
          if (typeof expected === "number") {
            numbers++;
            if (!(Math.abs(Number(got) - expected) < 1e-9))
              mismatches.push(`${where}: IMG ${expected}, LibreOffice ${got}`);
          } else if (expected !== null && typeof expected === "object") {
            if (!got.startsWith("#") && got !== "Err:502")
              mismatches.push(`${where}: IMG error, LibreOffice ${got}`);
          } else if (String(expected) !== got && !(expected === true && got === "TRUE")) {
            mismatches.push(`${where}: IMG ${String(expected)}, LibreOffice ${got}`);
          }
        }),
      );
      expect(numbers).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    },
  );
});
