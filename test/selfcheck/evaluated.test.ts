/**
 * The self-check sheet computed by a spreadsheet engine playing Excel (excel-model.ts), once as
 * Excel on Windows and Mac passes blank cells (0) and once as Excel on the web does (null): every
 * row must say PASS on both, and the summary must count no failing row. The expected values are
 * worked out by hand in src/selfcheck/cases.ts.
 */
import { CASES, ERROR_TYPES } from "../../src/selfcheck/cases";
import { getTemplate, renderGrid } from "../../src/templates";
import {
  COLUMNS,
  FAIL_FILL,
  FAIL_FONT,
  FIRST_CASE_ROW,
  SELF_CHECK_ID,
  SUMMARY_ROW,
} from "../../src/templates/definitions/selfCheck";
import {
  PORTABLE_COLUMNS,
  PORTABLE_FIRST_PLAN_ROW,
  PORTABLE_PLAN_COUNT,
  PORTABLE_SUMMARY_ROW,
  portableCheckSheet,
  portablePrices,
} from "../../src/selfcheck/portable";
import { excelModel, type Platform } from "./excel-model";

const template = getTemplate(SELF_CHECK_ID)!;
const grid = renderGrid(template);

describe.each(["desktop", "web"] as Platform[])("self-check sheet in Excel (%s)", (platform) => {
  const engine = excelModel({ [template.sheetName]: grid.cells }, platform);
  const sheet = engine.getSheetId(template.sheetName) as number;
  const at = (row: number, col: number) => engine.getCellValue({ sheet, row, col });

  it.each(CASES.map((c, i) => [c.id, c, i] as const))("%s passes", (_id, check, i) => {
    const row = FIRST_CASE_ROW + i;
    const result = at(row, COLUMNS.result);
    // The result itself, so a failure names what came back, not only "FAIL".
    const e = check.expect;
    if (e.kind === "error") {
      expect(result).toMatchObject({ value: e.error });
    } else if (e.kind === "number") {
      expect(result).toBeCloseTo(e.value, 9);
    } else if (e.kind === "exact") {
      expect(result).toBe(e.value);
    } else if (e.kind === "text") {
      expect(result).toBe(e.value);
    } else if (e.kind === "textStart") {
      expect(String(result).startsWith(e.value)).toBe(true);
    } else if (e.kind === "true") {
      expect(result).toBe(true);
    } else {
      // days after 1899-12-30, day 0 of the 1900 date system: 2026-11-21 is 46347
      expect(result).toBe(
        (Date.UTC(e.year, e.month - 1, e.day) - Date.UTC(1899, 11, 30)) / 86_400_000,
      );
      expect(at(row, COLUMNS.expected)).toBe(result);
    }
    expect(at(row, COLUMNS.verdict)).toBe("PASS");
  });

  it("counts no failing row and says all pass", () => {
    expect(at(SUMMARY_ROW, 1)).toBe(0);
    expect(at(SUMMARY_ROW, 2)).toBe(`All ${CASES.length} rows PASS`);
  });
});

describe.each(["desktop", "web"] as Platform[])(
  "Portable vs IMG sheet in Excel (%s)",
  (platform) => {
    const portable = portableCheckSheet({ fill: FAIL_FILL, font: FAIL_FONT });
    const prices = portablePrices();
    const engine = excelModel(
      {
        [portable.sheetName]: renderGrid(portable).cells,
        [prices.sheet.sheetName]: renderGrid(prices.sheet).cells,
      },
      platform,
      { names: prices.names },
    );
    const sheet = engine.getSheetId(portable.sheetName) as number;
    const at = (row: number, col: number) => engine.getCellValue({ sheet, row, col });

    it("costs each plan the same by the portable templates' formula and by IMG.COST", () => {
      const byHand = [
        253.2, // OpenAI high square 0.211: 1,000 x 1.2 x 0.211
        397.5, // OpenAI medium square 0.053: 6,000 x 1.25 x 0.053
        3.6, // OpenAI low square 0.006: 500 x 1.2 x 0.006
        3.96, // OpenAI high portrait 0.165: 24 x 0.165
        80, // Atlas Cloud 0.008: 10,000 x 0.008
        280, // Prospolabs medium 0.028: 10,000 x 0.028
      ];
      expect(byHand).toHaveLength(PORTABLE_PLAN_COUNT);
      byHand.forEach((cost, i) => {
        const row = PORTABLE_FIRST_PLAN_ROW + i;
        expect(at(row, PORTABLE_COLUMNS.portable)).toBeCloseTo(cost, 9);
        expect(at(row, PORTABLE_COLUMNS.img)).toBe(cost);
        expect(at(row, PORTABLE_COLUMNS.verdict)).toBe("PASS");
      });
      expect(at(PORTABLE_SUMMARY_ROW, 1)).toBe(0);
    });
  },
);

describe("the PASS/FAIL cells can fail", () => {
  // Without the add-in every IMG cell is #NAME?: the verdicts must say FAIL, and the summary count them.
  const withoutAddIn = grid.cells.map((row) =>
    row.map((cell) =>
      typeof cell === "string" && cell.startsWith("=") && cell.includes("IMG.") ? "=#NAME?" : cell,
    ),
  );
  const engine = excelModel({ [template.sheetName]: withoutAddIn }, "desktop");
  const sheet = engine.getSheetId(template.sheetName) as number;
  const at = (row: number, col: number) => engine.getCellValue({ sheet, row, col });

  it("marks every row FAIL when the functions are missing, errors expected or not", () => {
    CASES.forEach((_, i) => expect(at(FIRST_CASE_ROW + i, COLUMNS.verdict)).toBe("FAIL"));
    expect(at(SUMMARY_ROW, 1)).toBe(CASES.length);
    expect(at(SUMMARY_ROW, 2)).toBe(`${CASES.length} of ${CASES.length} rows do not PASS`);
  });

  it("tells a wrong error from the expected one", () => {
    // #NAME? is 5; no case expects it, so none passes by accident.
    expect(CASES.some((c) => c.expect.kind === "error" && ERROR_TYPES[c.expect.error] === 5)).toBe(
      false,
    );
  });
});
