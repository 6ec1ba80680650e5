/**
 * "Check this add-in": the self-check cases (src/selfcheck/cases.ts) as a sheet, one row per case,
 * with a summary on top that counts the rows not PASS and turns red when there is any. The pane
 * inserts it through the one writer, so its formulas are entered as a user types them; the same
 * grid is written to docs/verify-in-excel.xlsx by scripts/gen-verify-workbook.ts.
 */
import { CASES, ERROR_TYPES, type CheckCase, type HelperRefs } from "../../selfcheck/cases";
import { a1, abs, TemplateBuilder } from "../layout";
import type { CellRange, ConditionalFormatSpec, TemplateSpec } from "../model";

export const SELF_CHECK_ID = "self-check";

/** Columns of a case row (0-based). */
export const COLUMNS = {
  id: 0,
  checks: 1,
  result: 2,
  expected: 3,
  verdict: 4,
  formula: 5,
  workedOut: 6,
  firstHelper: 7,
} as const;

/** Row of the summary (count of rows not PASS) and of the column headers; cases follow. */
export const SUMMARY_ROW = 3;
export const HEADER_ROW = 6;
export const FIRST_CASE_ROW = HEADER_ROW + 1;

const MOST_HELPERS = Math.max(0, ...CASES.map((c) => c.helpers?.length ?? 0));

export const FAIL_FILL = "#FFC7CE";
export const FAIL_FONT = "#9C0006";
export const PASS_FILL = "#C6EFCE";
export const PASS_FONT = "#006100";

function helperRefs(row: number): HelperRefs {
  return {
    cell: (i) => a1(row, COLUMNS.firstHelper + i),
    range: (from, to) =>
      `${a1(row, COLUMNS.firstHelper + from)}:${a1(row, COLUMNS.firstHelper + to)}`,
  };
}

/** The PASS/FAIL formula of a row: only functions Excel and LibreOffice both have. */
export function verdictFormula(check: CheckCase, row: number): string {
  const got = a1(row, COLUMNS.result);
  const want = a1(row, COLUMNS.expected);
  const verdict = (test: string, guard: string) =>
    `=IF(${guard}(${got}),IF(${test},"PASS","FAIL"),"FAIL")`;
  const e = check.expect;
  switch (e.kind) {
    case "number":
      return verdict(`ABS(${got}-${want})<=0.000000001`, "ISNUMBER");
    case "exact":
    case "date":
      return verdict(`${got}=${want}`, "ISNUMBER");
    case "text":
      return verdict(`EXACT(${got},${want})`, "ISTEXT");
    case "textStart":
      return verdict(`EXACT(LEFT(${got},LEN(${want})),${want})`, "ISTEXT");
    case "true":
      return verdict(got, "ISLOGICAL");
    case "error":
      return verdict(`ERROR.TYPE(${got})=${ERROR_TYPES[e.error]}`, "ISERROR");
  }
}

function expectedContent(check: CheckCase): string | number | boolean {
  const e = check.expect;
  switch (e.kind) {
    case "number":
    case "exact":
      return e.value;
    case "text":
    case "textStart":
      return e.value;
    case "true":
      return true;
    case "date":
      return `=DATE(${e.year},${e.month},${e.day})`;
    case "error":
      return e.error;
  }
}

export function selfCheckTemplate(): TemplateSpec {
  const t = new TemplateBuilder();
  const lastRow = FIRST_CASE_ROW + CASES.length - 1;
  const verdicts = `${abs(FIRST_CASE_ROW, COLUMNS.verdict)}:${abs(lastRow, COLUMNS.verdict)}`;

  t.titleRows(
    "IMG add-in self-check",
    "Every row runs one IMG formula in this Excel and compares it with a value worked out by hand from the price sources. With the add-in loaded, every row says PASS.",
    "A failing row: send its id, the Result and Expected cells, your Excel version and platform (Windows, Mac or web).",
  );
  t.put(SUMMARY_ROW, 0, "Rows not PASS", { style: "label" });
  // Rows minus PASS rows: a verdict that is an error or empty counts as failing too.
  t.put(SUMMARY_ROW, 1, `=ROWS(${verdicts})-COUNTIF(${verdicts},"PASS")`, {
    format: "count",
    style: "total",
  });
  t.put(
    SUMMARY_ROW,
    2,
    `=IF(${abs(SUMMARY_ROW, 1)}=0,"All ${CASES.length} rows PASS",${abs(SUMMARY_ROW, 1)}&" of ${CASES.length} rows do not PASS")`,
    { style: "result" },
  );
  t.put(
    SUMMARY_ROW + 1,
    0,
    "Cells in columns H onward are the inputs some rows read; a cell there may be blank or an error on purpose.",
    { style: "note" },
  );

  const headers = [
    "Id",
    "What it checks",
    "Result",
    "Expected",
    "PASS/FAIL",
    "Formula in Result",
    "Worked out",
    ...Array.from({ length: MOST_HELPERS }, (_, i) => `Input ${i + 1}`),
  ];
  t.headerRow(HEADER_ROW, 0, headers);

  CASES.forEach((check, i) => {
    const row = FIRST_CASE_ROW + i;
    const refs = helperRefs(row);
    const formula = check.formula(refs);
    const isDate = check.expect.kind === "date";
    t.put(row, COLUMNS.id, check.id, { format: "text", style: "label" });
    t.put(row, COLUMNS.checks, check.checks);
    t.put(
      row,
      COLUMNS.result,
      formula,
      isDate ? { format: "date", style: "result" } : { style: "result" },
    );
    // An error's name is stored as text ("#N/A" typed into a General cell would become the error).
    const expectedFormat = isDate ? "date" : check.expect.kind === "error" ? "text" : undefined;
    t.put(
      row,
      COLUMNS.expected,
      expectedContent(check),
      expectedFormat === undefined ? {} : { format: expectedFormat },
    );
    t.put(row, COLUMNS.verdict, verdictFormula(check, row), { style: "total" });
    // The formula as text, without its "=" so it stays text wherever it is written.
    t.put(row, COLUMNS.formula, formula.slice(1), { style: "formulaText" });
    t.put(row, COLUMNS.workedOut, check.workedOut, { style: "note" });
    (check.helpers ?? []).forEach((helper, h) => {
      if (helper === null) return; // blank on purpose
      const content = typeof helper === "object" ? helper.formula : helper;
      t.put(row, COLUMNS.firstHelper + h, content, { style: "input" });
    });
  });

  const summary: CellRange = { top: SUMMARY_ROW, left: 0, bottom: SUMMARY_ROW, right: 2 };
  const verdictColumn: CellRange = {
    top: FIRST_CASE_ROW,
    left: COLUMNS.verdict,
    bottom: lastRow,
    right: COLUMNS.verdict,
  };
  const firstVerdict = a1(FIRST_CASE_ROW, COLUMNS.verdict);
  const conditionalFormats: ConditionalFormatSpec[] = [
    {
      range: summary,
      formula: `=${abs(SUMMARY_ROW, 1)}<>0`,
      fill: FAIL_FILL,
      fontColor: FAIL_FONT,
    },
    { range: summary, formula: `=${abs(SUMMARY_ROW, 1)}=0`, fill: PASS_FILL, fontColor: PASS_FONT },
    {
      range: verdictColumn,
      formula: `=${firstVerdict}<>"PASS"`,
      fill: FAIL_FILL,
      fontColor: FAIL_FONT,
    },
    {
      range: verdictColumn,
      formula: `=${firstVerdict}="PASS"`,
      fill: PASS_FILL,
      fontColor: PASS_FONT,
    },
  ];

  const built = t.build({
    id: SELF_CHECK_ID,
    title: "Check this add-in",
    description:
      "One row per check of every IMG function, each PASS or FAIL in this Excel, with a count of failing rows on top: proves the add-in works here.",
    sheetName: "Check this add-in",
    columnWidths: [80, 330, 110, 110, 70, 420, 330, ...Array<number>(MOST_HELPERS).fill(70)],
  });
  return { ...built, conditionalFormats };
}
