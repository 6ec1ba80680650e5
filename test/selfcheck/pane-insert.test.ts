/**
 * "Check this add-in" from the pane: listed with the templates, inserted by the one template
 * writer (two syncs), its formulas entered exactly as the grid the workbook file and the engine
 * tests use, and its summary and verdict cells given the conditional formats that turn them red.
 */
import { CASES } from "../../src/selfcheck/cases";
import { getTemplate, insertTemplate, renderGrid, TEMPLATES } from "../../src/templates";
import {
  FAIL_FILL,
  FIRST_CASE_ROW,
  SELF_CHECK_ID,
  SUMMARY_ROW,
} from "../../src/templates/definitions/selfCheck";

interface RecordedFormat {
  type: string;
  custom: {
    rule: { formula?: string };
    format: { fill: { color?: string }; font: { color?: string } };
  };
}

class Range {
  formulas: unknown;
  numberFormat: unknown;
  readonly format = { font: {} as Record<string, unknown>, fill: {} as Record<string, unknown> };
  readonly dataValidation = {};
  readonly conditionalFormatList: RecordedFormat[] = [];
  readonly conditionalFormats = {
    add: (type: string) => {
      const format: RecordedFormat = {
        type,
        custom: { rule: {}, format: { fill: {}, font: {} } },
      };
      this.conditionalFormatList.push(format);
      return format;
    },
  };
  constructor(readonly address: string) {}
}

function fakeExcel() {
  const ranges: Range[] = [];
  let syncs = 0;
  let activated = false;
  const sheet = {
    getRange: (address: string) => {
      const range = new Range(address);
      ranges.push(range);
      return range;
    },
    names: { add: () => undefined },
    tables: { add: () => ({}) },
    charts: { add: () => ({}) },
    activate: () => {
      activated = true;
    },
  };
  const collection = (names: string[]) => ({
    load: () => ({ items: names.map((name) => ({ name })) }),
  });
  const context = {
    workbook: {
      worksheets: { ...collection(["Sheet1"]), add: (name: string) => ({ ...sheet, name }) },
      tables: collection([]),
      names: collection([]),
    },
    sync: async () => {
      syncs++;
    },
  };
  return {
    context: context as unknown as Excel.RequestContext,
    ranges,
    syncs: () => syncs,
    activated: () => activated,
  };
}

describe("Check this add-in, inserted from the pane", () => {
  it("is listed with the templates, last", () => {
    expect(TEMPLATES.at(-1)).toMatchObject({ id: SELF_CHECK_ID, title: "Check this add-in" });
  });

  it("goes through the template writer: one read, one write, every formula as the grid has it", async () => {
    const excel = fakeExcel();
    const { sheetName } = await insertTemplate(excel.context, SELF_CHECK_ID);
    expect(sheetName).toBe("Check this add-in");
    expect(excel.syncs()).toBe(2);
    expect(excel.activated()).toBe(true);
    const grid = renderGrid(getTemplate(SELF_CHECK_ID)!);
    const whole = excel.ranges.find((r) => Array.isArray(r.formulas))!;
    expect(whole.formulas).toEqual(grid.cells.map((row) => row.map((v) => v ?? "")));
    const written = whole.formulas as unknown[][];
    CASES.forEach((check, i) => {
      expect(written[FIRST_CASE_ROW + i]?.[0]).toBe(check.id);
      expect(String(written[FIRST_CASE_ROW + i]?.[2])).toMatch(/IMG\.[A-Z]+\(/);
    });
  });

  it("turns the summary red when any row does not PASS", async () => {
    const excel = fakeExcel();
    await insertTemplate(excel.context, SELF_CHECK_ID);
    const summary = excel.ranges.find(
      (r) =>
        r.address === `A${SUMMARY_ROW + 1}:C${SUMMARY_ROW + 1}` &&
        r.conditionalFormatList.length > 0,
    )!;
    const red = summary.conditionalFormatList[0]!;
    expect(red.type).toBe("Custom");
    expect(red.custom.rule.formula).toBe(`=$B$${SUMMARY_ROW + 1}<>0`);
    expect(red.custom.format.fill.color).toBe(FAIL_FILL);
  });
});

describe("Check this add-in has no portable form", () => {
  it("says so in the template list", () => {
    expect(TEMPLATES.find((t) => t.id === SELF_CHECK_ID)?.portable).toBe(false);
    expect(TEMPLATES.filter((t) => t.id !== SELF_CHECK_ID).every((t) => t.portable)).toBe(true);
  });

  it("inserts its IMG formulas even when the pane asks for portable templates", async () => {
    const excel = fakeExcel();
    await insertTemplate(excel.context, SELF_CHECK_ID, { portable: true, today: "2026-11-30" });
    const whole = excel.ranges.find((r) => Array.isArray(r.formulas))!;
    expect(whole.formulas).toEqual(
      renderGrid(getTemplate(SELF_CHECK_ID)!).cells.map((row) => row.map((v) => v ?? "")),
    );
  });
});
