/**
 * docs/verify-in-excel.xlsx is generated from the cases, never edited by hand: regenerating it must
 * give the committed content (a stale file fails here), and what it holds is the sheet the pane
 * inserts, formula for formula.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import {
  buildWorkbook,
  WORKBOOK_PATH,
  workbookBuffer,
  workbookContent,
} from "../../scripts/gen-verify-workbook";
import { CASES } from "../../src/selfcheck/cases";
import { getTemplate, renderGrid } from "../../src/templates";
import {
  COLUMNS,
  FIRST_CASE_ROW,
  SELF_CHECK_ID,
  SUMMARY_ROW,
} from "../../src/templates/definitions/selfCheck";
import { a1 } from "../../src/templates/layout";

const template = getTemplate(SELF_CHECK_ID)!;

async function load(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("docs/verify-in-excel.xlsx", () => {
  const committed = readFileSync(WORKBOOK_PATH);

  it("is what the generator writes from today's cases (run npm run verify:workbook if not)", async () => {
    expect(await workbookContent(committed)).toEqual(await workbookContent(await workbookBuffer()));
  });

  it("holds the pane's sheet: every cell of the template, formulas as a user types them", async () => {
    const sheet = (await load(committed)).getWorksheet(template.sheetName)!;
    const grid = renderGrid(template);
    grid.cells.forEach((cells, row) =>
      cells.forEach((content, col) => {
        const value = sheet.getCell(a1(row, col)).value;
        if (content === null) expect(value).toBeNull();
        else if (typeof content === "string" && content.startsWith("="))
          expect(value).toEqual({ formula: content.slice(1) });
        else expect(value).toBe(content);
      }),
    );
  });

  it("has one row per case with its IMG formula and a PASS/FAIL formula", async () => {
    const sheet = (await load(committed)).getWorksheet(template.sheetName)!;
    CASES.forEach((check, i) => {
      const row = FIRST_CASE_ROW + i;
      expect(sheet.getCell(a1(row, COLUMNS.id)).value).toBe(check.id);
      const formula = (sheet.getCell(a1(row, COLUMNS.result)).value as { formula: string }).formula;
      expect(formula).toMatch(/IMG\.[A-Z]+\(/);
      const verdict = (sheet.getCell(a1(row, COLUMNS.verdict)).value as { formula: string })
        .formula;
      expect(verdict).toMatch(/"PASS","FAIL"/);
    });
  });

  it("uses in its own logic only functions Excel and LibreOffice 7.4 both have", async () => {
    const sheet = (await load(committed)).getWorksheet(template.sheetName)!;
    const allowed = new Set([
      "IF",
      "AND",
      "ISNUMBER",
      "ISTEXT",
      "ISLOGICAL",
      "ISERROR",
      "ERROR.TYPE",
      "ABS",
      "EXACT",
      "LEFT",
      "LEN",
      "ROWS",
      "COUNTIF",
      "DATE",
      "NA",
      "OFFSET",
      "INDEX",
      "SUMPRODUCT",
      "YEAR",
      "MONTH",
      "DAY",
      "ISNUMBER",
      "SEARCH",
    ]);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string } | null;
        if (value === null || typeof value !== "object" || value.formula === undefined) return;
        for (const [, name] of value.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) {
          if (name!.startsWith("IMG.")) continue;
          expect({ cell: cell.address, name, ok: allowed.has(name!) }).toEqual({
            cell: cell.address,
            name,
            ok: true,
          });
        }
      }),
    );
  });

  it("turns the summary red when a row fails, and asks Excel to compute everything on open", async () => {
    expect(buildWorkbook().calcProperties.fullCalcOnLoad).toBe(true);
    const workbook = await load(committed);
    const sheet = workbook.getWorksheet(template.sheetName)!;
    const formats = (
      sheet as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    const summary = formats.find((f) => f.ref.startsWith(a1(SUMMARY_ROW, 0)));
    expect(summary?.rules[0]?.formulae[0]).toBe(`$B$${SUMMARY_ROW + 1}<>0`);
  });
});
