/**
 * The self-check workbook in a second real spreadsheet engine, LibreOffice Calc, which has no IMG
 * functions: every cell that is not an IMG formula must compute (no #NAME? or Err: from the PASS
 * logic, the summary or the expected dates), every helper cell must hold the error it is made for,
 * and the PASS/FAIL cells must all say FAIL, counted by the summary. This proves the sheet's own
 * logic uses only functions both engines have, so a FAIL in Excel is the add-in's, not the sheet's.
 *
 * Needs soffice (scripts/install-libreoffice.sh installs it); without it the suite is skipped (under
 * CI it fails) and
 * says so, as the portable templates' LibreOffice test does. LibreOffice only recalculates an
 * .xlsx on load when its profile says so (Calc > Formula > Recalculation on file load, setting
 * OOXMLRecalcMode = 0 "always"); each run uses a fresh profile in a temporary folder.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { workbookBuffer } from "../../scripts/gen-verify-workbook";
import { CASES } from "../../src/selfcheck/cases";
import {
  PORTABLE_COLUMNS,
  PORTABLE_FIRST_PLAN_ROW,
  PORTABLE_SUMMARY_ROW,
} from "../../src/selfcheck/portable";
import { getTemplate, renderGrid } from "../../src/templates";
import {
  COLUMNS,
  FIRST_CASE_ROW,
  SELF_CHECK_ID,
  SUMMARY_ROW,
} from "../../src/templates/definitions/selfCheck";
import { a1 } from "../../src/templates/layout";
import { describeWithSoffice, findSoffice } from "../support/libreoffice";

const CONVERT_TIMEOUT_MS = 120_000;

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: CONVERT_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

const suite = describeWithSoffice("the self-check workbook was not recalculated in LibreOffice");

/** The workbook as LibreOffice recalculates and saves it. */
async function recalculatedInLibreOffice(): Promise<ExcelJS.Worksheet[]> {
  const dir = mkdtempSync(join(tmpdir(), "selfcheck-lo-"));
  try {
    const profile = join(dir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    const input = join(dir, "in", "verify-in-excel.xlsx");
    mkdirSync(join(dir, "in"));
    writeFileSync(input, await workbookBuffer());
    const out = join(dir, "out");
    await run(findSoffice() ?? "soffice", [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      input,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      readFileSync(join(out, "verify-in-excel.xlsx")) as unknown as ExcelJS.Buffer,
    );
    return workbook.worksheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Computed = { formula?: string; result?: unknown } | string | number | boolean | null;

const errorOf = (value: unknown): string | undefined =>
  value !== null && typeof value === "object" && "error" in value
    ? String((value as { error: unknown }).error)
    : undefined;

suite("the self-check workbook in LibreOffice (no IMG functions)", () => {
  let sheet: ExcelJS.Worksheet;
  let portableSheet: ExcelJS.Worksheet;
  const template = getTemplate(SELF_CHECK_ID)!;
  const grid = renderGrid(template);

  beforeAll(async () => {
    [sheet, portableSheet] = (await recalculatedInLibreOffice()) as [
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
    ];
  }, CONVERT_TIMEOUT_MS + 10_000);

  const computed = (row: number, col: number): Computed =>
    sheet.getCell(a1(row, col)).value as Computed;
  const resultOf = (row: number, col: number): unknown => {
    const value = computed(row, col);
    return value !== null && typeof value === "object" && "formula" in value ? value.result : value;
  };

  it("computes every formula that is not an IMG formula, without an error", () => {
    const failures: string[] = [];
    grid.cells.forEach((cells, row) =>
      cells.forEach((content, col) => {
        if (typeof content !== "string" || !content.startsWith("=")) return;
        if (/IMG\./i.test(content)) return;
        if (col >= COLUMNS.firstHelper) return; // helper cells: errors on purpose, next test
        const error = errorOf(resultOf(row, col));
        if (error !== undefined || resultOf(row, col) === undefined)
          failures.push(`${a1(row, col)} ${content} -> ${error ?? "no value"}`);
      }),
    );
    expect(failures).toEqual([]);
  });

  it("gives every helper cell the value or error it is made for", () => {
    const made: Record<string, string> = {
      "=NA()": "#N/A",
      "=1/0": "#DIV/0!",
      "=#REF!": "#REF!",
      "=#NUM!": "#NUM!",
      '="a"+1': "#VALUE!",
    };
    CASES.forEach((check, i) =>
      (check.helpers ?? []).forEach((helper, h) => {
        const got = resultOf(FIRST_CASE_ROW + i, COLUMNS.firstHelper + h);
        if (helper === null) expect(got).toBeNull();
        else if (typeof helper === "object" && helper.formula === "=0.1+0.2")
          expect(got).toBeCloseTo(0.3, 15);
        else if (typeof helper === "object") expect(errorOf(got)).toBe(made[helper.formula]);
        else expect(got).toBe(helper);
      }),
    );
  });

  it("evaluates every PASS/FAIL cell to FAIL, and the summary counts them all", () => {
    CASES.forEach((_, i) => expect(resultOf(FIRST_CASE_ROW + i, COLUMNS.verdict)).toBe("FAIL"));
    expect(resultOf(SUMMARY_ROW, 1)).toBe(CASES.length);
    expect(resultOf(SUMMARY_ROW, 2)).toBe(`${CASES.length} of ${CASES.length} rows do not PASS`);
  });

  it("computes the expected dates in the workbook's date system", () => {
    CASES.forEach((check, i) => {
      const e = check.expect;
      if (e.kind !== "date") return;
      // days after 1899-12-30, day 0 of the 1900 date system: 2026-11-21 is 46347
      const days = (Date.UTC(e.year, e.month - 1, e.day) - Date.UTC(1899, 11, 30)) / 86_400_000;
      const value = resultOf(FIRST_CASE_ROW + i, COLUMNS.expected);
      const serial =
        value instanceof Date ? Math.round(value.getTime() / 86_400_000) + 25_569 : value;
      expect(serial).toBe(days);
    });
  });

  it("costs every plan of the portable sheet without the add-in", () => {
    // By hand, as in evaluated.test.ts: 253.2, 397.5, 3.6, 3.96, 80, 280
    const byHand = [253.2, 397.5, 3.6, 3.96, 80, 280];
    byHand.forEach((cost, i) => {
      const row = PORTABLE_FIRST_PLAN_ROW + i;
      const value = portableSheet.getCell(a1(row, PORTABLE_COLUMNS.portable)).value as {
        result?: unknown;
      };
      expect(value.result).toBeCloseTo(cost, 9);
      const verdict = portableSheet.getCell(a1(row, PORTABLE_COLUMNS.verdict)).value as {
        result?: unknown;
      };
      expect(verdict.result).toBe("FAIL"); // no IMG.COST here
    });
    const summary = portableSheet.getCell(a1(PORTABLE_SUMMARY_ROW, 1)).value as {
      result?: unknown;
    };
    expect(summary.result).toBe(byHand.length);
  });
});
