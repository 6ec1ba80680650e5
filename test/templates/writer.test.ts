/**
 * The Office.js writer against office-addin-mock: the workbook, its collections and its sync are
 * office-addin-mock objects (an unloaded property reads as an error string, so a missing load
 * fails); the new sheet records what is queued on it. Existing sheets are frozen objects whose
 * every method records a call, so any write to them fails the test.
 */
import { OfficeMockObject } from "office-addin-mock";
import { bundledBook } from "../../src/core";
import {
  getTemplate,
  INPUT_FILL,
  insertTemplate,
  renderGrid,
  TemplateError,
} from "../../src/templates";

type Call = [string, ...unknown[]];

class FakeRange {
  /** The order in which the values and the number formats were set. */
  readonly writes: string[] = [];
  private values: unknown;
  private formats: unknown;
  readonly format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    columnWidth?: number;
    wrapText?: boolean;
  } = { font: {}, fill: {} };
  readonly dataValidation: { rule?: unknown; prompt?: unknown; errorAlert?: unknown } = {};
  constructor(
    readonly address: string,
    private readonly sheetEvents: string[],
  ) {}
  get formulas(): unknown {
    return this.values;
  }
  set formulas(value: unknown) {
    this.writes.push("formulas");
    this.sheetEvents.push(`formulas ${this.address}`);
    this.values = value;
  }
  get numberFormat(): unknown {
    return this.formats;
  }
  set numberFormat(value: unknown) {
    this.writes.push("numberFormat");
    this.formats = value;
  }
}

class FakeChart {
  readonly title: { text?: string } = {};
  readonly legend: { visible?: boolean } = {};
  readonly axes = {
    valueAxis: { title: {} as { text?: string } },
    categoryAxis: {} as { reversePlotOrder?: boolean },
  };
  position: [string, string] | undefined;
  readonly xAxisValues: string[] = [];
  constructor(
    readonly type: string,
    readonly source: string,
    readonly seriesBy: string,
  ) {}
  setPosition(start: string, end: string): void {
    this.position = [start, end];
  }
  readonly series = {
    getItemAt: (_i: number) => ({
      setXAxisValues: (range: FakeRange) => this.xAxisValues.push(range.address),
    }),
  };
}

/** The sheet the writer adds: records everything queued on it. */
class NewSheet {
  /** Order of names and formula writes on this sheet. */
  readonly events: string[] = [];
  readonly ranges: FakeRange[] = [];
  readonly tableList: {
    address: string;
    hasHeaders: boolean;
    name?: string;
    style?: string;
    showBandedRows?: boolean;
  }[] = [];
  readonly nameList: { name: string; reference: string; comment: string | undefined }[] = [];
  readonly chartList: FakeChart[] = [];
  activated = 0;
  deleted = 0;
  constructor(readonly name: string) {}
  getRange(address: string): FakeRange {
    const range = new FakeRange(address, this.events);
    this.ranges.push(range);
    return range;
  }
  range(address: string): FakeRange[] {
    return this.ranges.filter((r) => r.address === address);
  }
  readonly tables = {
    add: (address: string, hasHeaders: boolean) => {
      const table = { address, hasHeaders };
      this.tableList.push(table);
      return table;
    },
  };
  readonly names = {
    add: (name: string, reference: FakeRange, comment?: string) => {
      this.nameList.push({ name, reference: reference.address, comment });
      this.events.push(`name ${name}`);
    },
  };
  readonly charts = {
    add: (type: string, source: FakeRange, seriesBy: string) => {
      const chart = new FakeChart(type, source.address, seriesBy);
      this.chartList.push(chart);
      return chart;
    },
  };
  activate(): void {
    this.activated++;
  }
  delete(): void {
    this.deleted++;
  }
}

/** An existing sheet: frozen, and every method records that it was called. */
function existingSheet(name: string, calls: Call[]) {
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push([`${name}.${method}`, ...args]);
      return undefined;
    };
  return Object.freeze({
    name,
    getRange: record("getRange"),
    getUsedRange: record("getUsedRange"),
    activate: record("activate"),
    delete: record("delete"),
    load: record("load"),
    tables: Object.freeze({ add: record("tables.add") }),
    names: Object.freeze({ add: record("names.add") }),
    charts: Object.freeze({ add: record("charts.add") }),
  });
}

/** office-addin-mock does not follow "items/name" into an array; loading "items" is what it can do. */
function collection(items: unknown[], extra: Record<string, unknown> = {}) {
  return {
    items,
    ...extra,
    load(this: OfficeMockObject) {
      OfficeMockObject.prototype.load.call(this, "items");
      return this;
    },
  };
}

function workbook(existing: { sheets?: string[]; tables?: string[]; names?: string[] } = {}) {
  const calls: Call[] = [];
  const added: NewSheet[] = [];
  const sheets = (existing.sheets ?? ["Sheet1"]).map((name) => existingSheet(name, calls));
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: collection(sheets, {
          add: (name: string) => {
            calls.push(["worksheets.add", name]);
            const sheet = new NewSheet(name);
            added.push(sheet);
            return sheet;
          },
          getItem: (name: string) => calls.push(["worksheets.getItem", name]),
          getActiveWorksheet: () => calls.push(["worksheets.getActiveWorksheet"]),
        }),
        tables: collection(
          (existing.tables ?? []).map((name) => Object.freeze({ name })),
          { add: (...args: unknown[]) => calls.push(["workbook.tables.add", ...args]) },
        ),
        names: collection(
          (existing.names ?? []).map((name) => Object.freeze({ name })),
          { add: (...args: unknown[]) => calls.push(["workbook.names.add", ...args]) },
        ),
        getSelectedRange: () => calls.push(["getSelectedRange"]),
      },
    },
  }) as unknown as { context: Excel.RequestContext & OfficeMockObject };
  const context = mock.context;
  const sync = jest.spyOn(context, "sync");
  return { context, sync, calls, added, sheets };
}

describe("insertTemplate", () => {
  it('inserts into "Cost estimate (2)" when "Cost estimate" exists, in two syncs, touching no existing sheet', async () => {
    const wb = workbook({ sheets: ["Sheet1", "Cost estimate"] });
    const result = await insertTemplate(wb.context, "cost-estimate");

    expect(result).toEqual({ sheetName: "Cost estimate (2)" });
    expect(wb.sync).toHaveBeenCalledTimes(2);
    expect(wb.added.map((s) => s.name)).toEqual(["Cost estimate (2)"]);
    // The only call on the workbook is adding the new sheet: nothing read, written or selected elsewhere.
    expect(wb.calls).toEqual([["worksheets.add", "Cost estimate (2)"]]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Cost estimate"]);
    expect(wb.added[0]!.activated).toBe(1);
  });

  it("counts a third clash too", async () => {
    const wb = workbook({ sheets: ["Cost estimate", "Cost estimate (2)"] });
    expect(await insertTemplate(wb.context, "cost-estimate")).toEqual({
      sheetName: "Cost estimate (3)",
    });
  });

  it("writes the rendered grid in one block, formats first", async () => {
    const wb = workbook();
    await insertTemplate(wb.context, "cost-estimate");
    const sheet = wb.added[0]!;
    const grid = renderGrid(getTemplate("cost-estimate")!);
    const last = `${String.fromCharCode(64 + grid.cols)}${grid.rows}`;
    const [block] = sheet.range(`A1:${last}`);
    expect(block).toBeDefined();
    expect(block!.formulas).toEqual(grid.cells.map((row) => row.map((v) => v ?? "")));
    expect(block!.numberFormat).toEqual(grid.numberFormats);
    // Text formats before values, so an input such as 1024x1024 is stored as typed.
    expect(block!.writes).toEqual(["numberFormat", "formulas"]);
    // USD formats reach Excel: the monthly budget row and the per-image price row
    const row = (label: string) => grid.cells.findIndex((r) => r[1] === label);
    expect(grid.numberFormats[row("Monthly budget")]![2]).toBe("$#,##0.00");
    expect(grid.numberFormats[row("Price per image")]![2]).toBe("$#,##0.0000");
  });

  it("creates the tables, the sheet-scoped input names, fills and validation", async () => {
    const wb = workbook();
    await insertTemplate(wb.context, "cost-estimate");
    const sheet = wb.added[0]!;

    expect(sheet.tableList).toEqual([
      expect.objectContaining({ address: "A5:D13", hasHeaders: true, name: "CostEstimateSteps" }),
      expect.objectContaining({
        address: "B16:D23",
        hasHeaders: true,
        name: "CostEstimateResults",
      }),
    ]);
    const names = Object.fromEntries(sheet.nameList.map((n) => [n.name, n.reference]));
    expect(names).toMatchObject({
      Trigger_event: "C6",
      Monthly_jobs: "C7",
      Images_per_job: "C8",
      Retry_multiplier: "C9",
      Quality: "C10",
      Final_size: "C11",
      Human_approval: "C12",
      Provider: "C13",
      Budget_cap: "C26",
    });
    expect(sheet.nameList.every((n) => (n.comment ?? "").length > 0)).toBe(true);
    // Every name exists before the formulas that use it are written.
    const firstFormulas = sheet.events.findIndex((e) => e.startsWith("formulas"));
    const lastName = sheet.events.map((e) => e.startsWith("name")).lastIndexOf(true);
    expect(firstFormulas).toBeGreaterThan(lastName);
    expect(wb.calls.filter(([what]) => what === "workbook.names.add")).toEqual([]);

    const filled = sheet.ranges
      .filter((r) => r.format.fill.color === INPUT_FILL)
      .map((r) => r.address);
    expect(filled.sort()).toEqual(["C10", "C11", "C12", "C13", "C26", "C6", "C7", "C8", "C9"]);

    const quality = sheet.range("C10").find((r) => r.dataValidation.rule !== undefined)!;
    expect(quality.dataValidation.rule).toEqual({
      list: { inCellDropDown: true, source: "low,medium,high,auto" },
    });
    const retry = sheet.range("C9").find((r) => r.dataValidation.rule !== undefined)!;
    expect(retry.dataValidation.rule).toEqual({
      decimal: { formula1: 1, operator: "GreaterThanOrEqualTo" },
    });
    expect(retry.dataValidation.prompt).toMatchObject({ showPrompt: true });
  });

  it("suffixes a table name the workbook already has", async () => {
    const wb = workbook({ tables: ["CostEstimateSteps"] });
    await insertTemplate(wb.context, "cost-estimate");
    expect(wb.added[0]!.tableList.map((t) => t.name)).toEqual([
      "CostEstimateSteps2",
      "CostEstimateResults",
    ]);
  });

  it("draws the comparison's bar chart of totals by provider name", async () => {
    const wb = workbook();
    await insertTemplate(wb.context, "comparison");
    const providers = bundledBook.providers.filter((p) => !p.comparisonOnly).length;
    const [chart] = wb.added[0]!.chartList;
    expect(chart).toMatchObject({
      type: "BarClustered",
      source: `D12:D${12 + providers}`,
      seriesBy: "Columns",
    });
    expect(chart!.title.text).toBe("Total cost by provider");
    expect(chart!.xAxisValues).toEqual([`B13:B${12 + providers}`]);
    expect(chart!.axes.categoryAxis.reversePlotOrder).toBe(true); // bars in the table's order
    expect(chart!.axes.valueAxis.title.text).toBe("USD");
  });

  it("draws the projection's chart with one series per provider over images per day", async () => {
    const wb = workbook();
    await insertTemplate(wb.context, "projection");
    const [chart] = wb.added[0]!.chartList;
    expect(chart).toMatchObject({ type: "ColumnClustered", source: "E15:G18" });
    expect(chart!.xAxisValues).toEqual(["A16:A18", "A16:A18", "A16:A18"]);
    expect(chart!.legend.visible).toBe(true);
  });

  it.each(["cost-estimate", "use-cases", "comparison", "projection", "assumptions"])(
    "inserts %s in exactly two syncs",
    async (id) => {
      const wb = workbook();
      const { sheetName } = await insertTemplate(wb.context, id);
      expect(wb.sync).toHaveBeenCalledTimes(2);
      expect(sheetName).toBe(getTemplate(id)!.sheetName);
    },
  );

  it("refuses an unknown template without touching the workbook", async () => {
    const wb = workbook();
    await expect(insertTemplate(wb.context, "budget")).rejects.toThrow(TemplateError);
    await expect(insertTemplate(wb.context, "budget")).rejects.toThrow(
      'Unknown template "budget". Accepted: cost-estimate, use-cases, comparison, projection, assumptions, self-check.',
    );
    expect(wb.sync).not.toHaveBeenCalled();
    expect(wb.calls).toEqual([]);
  });

  it("removes its own half-made sheet when Excel refuses the write, and says so", async () => {
    const wb = workbook({ sheets: ["Sheet1", "Cost estimate"] });
    const realSync = wb.sync.getMockImplementation();
    let n = 0;
    wb.sync.mockImplementation(async function (this: unknown) {
      n++;
      if (n === 2)
        throw new Error("The argument is invalid or missing or has an incorrect format.");
      return realSync?.call(this);
    });
    await expect(insertTemplate(wb.context, "cost-estimate")).rejects.toThrow(
      /Excel could not insert the "Cost estimate" template: The argument is invalid.*No existing sheet was changed\./,
    );
    expect(wb.added[0]!.deleted).toBe(1);
    expect(wb.sync).toHaveBeenCalledTimes(3);
    expect(wb.calls).toEqual([["worksheets.add", "Cost estimate (2)"]]);
  });
});
