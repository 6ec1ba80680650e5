/**
 * Inserting a portable template through Office.js: the first one writes the prices sheet and the
 * two workbook-scoped lookup names, a second one reuses them, and a template Excel refuses leaves
 * no prices sheet or names behind. The workbook is a small hand-made Office.js stand-in that
 * records what is queued and applies it at sync().
 */
import { bundledBook } from "../../src/core";
import { insertTemplate, renderGrid, portableTemplate, getTemplate } from "../../src/templates";
import { PORTABLE_KEYS, PORTABLE_PRICES } from "../../src/templates/portableFormulas";
import { PORTABLE_SHEET, portableRows } from "../../src/templates/portablePrices";

interface Sheet {
  name: string;
  blocks: Map<string, unknown>;
  tables: string[];
  deleted: boolean;
}

function fakeWorkbook(options: { failOnSheet?: string } = {}) {
  const sheets: Sheet[] = [];
  const names = new Map<string, string>();
  const tables: string[] = [];
  let queue: (() => void)[] = [];
  const loadable = <T extends object>(target: T): T & { load: () => T } =>
    Object.assign(target, { load: () => target });

  const sheetApi = (sheet: Sheet) => {
    const range = (address: string) => {
      const format = { font: {}, fill: {} };
      return {
        format,
        dataValidation: {},
        set formulas(v: unknown) {
          queue.push(() => {
            if (sheet.name === options.failOnSheet) throw new Error("InvalidArgument: refused");
            sheet.blocks.set(address, v);
          });
        },
        set numberFormat(_v: unknown) {},
      };
    };
    return {
      getRange: range,
      tables: {
        add: (address: string) => {
          const t = { name: "", style: "", showBandedRows: true, address };
          queue.push(() => {
            sheet.tables.push(t.name);
            tables.push(t.name);
          });
          return t;
        },
      },
      names: { add: () => undefined },
      charts: {
        add: () => ({
          title: {},
          legend: {},
          axes: { valueAxis: { title: {} }, categoryAxis: {} },
          setPosition: () => undefined,
          series: { getItemAt: () => ({ setXAxisValues: () => undefined }) },
        }),
      },
      activate: () => undefined,
      delete: () => queue.push(() => (sheet.deleted = true)),
    };
  };

  const context = {
    workbook: {
      worksheets: loadable({
        get items() {
          return sheets.filter((s) => !s.deleted).map((s) => ({ name: s.name }));
        },
        add: (name: string) => {
          const sheet: Sheet = { name, blocks: new Map(), tables: [], deleted: false };
          queue.push(() => sheets.push(sheet));
          return sheetApi(sheet);
        },
        getItem: (name: string) => sheetApi(sheets.find((s) => s.name === name && !s.deleted)!),
      }),
      tables: loadable({
        get items() {
          return tables.map((name) => ({ name }));
        },
      }),
      names: loadable({
        get items() {
          return [...names.keys()].map((name) => ({ name }));
        },
        add: (name: string, formula: string) => queue.push(() => names.set(name, formula)),
        getItem: (name: string) => ({ delete: () => queue.push(() => names.delete(name)) }),
        getItemOrNullObject: (name: string) => {
          const item = {
            isNullObject: true,
            formula: undefined as string | undefined,
            load: () => {
              queue.push(() => {
                item.isNullObject = !names.has(name);
                item.formula = names.get(name);
              });
              return item;
            },
          };
          return item;
        },
      }),
    },
    sync: async () => {
      const run = queue;
      queue = [];
      for (const op of run) op();
    },
  };
  return { context: context as unknown as Excel.RequestContext, sheets, names, tables };
}

const TODAY = "2026-11-30";

describe("inserting a portable template", () => {
  it("writes the prices sheet and the lookup names first, then the portable sheet", async () => {
    const wb = fakeWorkbook();
    const result = await insertTemplate(wb.context, "cost-estimate", {
      portable: true,
      today: TODAY,
    });
    expect(result).toEqual({ sheetName: "Cost estimate (portable)" });
    expect(wb.sheets.map((s) => s.name)).toEqual([PORTABLE_SHEET, "Cost estimate (portable)"]);
    expect(wb.tables).toContain("PortablePrices");
    // Header on row 4; the names reach past the table so a refresh that adds rows still works.
    const rows = portableRows(bundledBook, TODAY).length;
    const last = 4 + Math.max(400, rows * 2);
    expect(wb.names.get(PORTABLE_KEYS)).toBe(`='Portable prices'!$A$5:$A$${last}`);
    expect(wb.names.get(PORTABLE_PRICES)).toBe(`='Portable prices'!$G$5:$G$${last}`);
    // The sheet gets the portable grid: no IMG call anywhere.
    const written = [...wb.sheets[1]!.blocks.values()][0] as unknown[][];
    const expected = renderGrid(portableTemplate(getTemplate("cost-estimate")!)).cells;
    expect(written).toEqual(expected.map((row) => row.map((v) => v ?? "")));
    const texts = written.flat().filter((c): c is string => typeof c === "string");
    const formulas = texts.filter((c) => c.startsWith("="));
    expect(formulas.filter((f) => /IMG\./i.test(f))).toEqual([]);
    // Notes no longer send the reader to IMG functions they may not have.
    expect(texts.filter((c) => /IMG\.(PRICE|COST|AFFORD)/.test(c))).toEqual([]);
  });

  it("reuses the prices sheet for a second portable template", async () => {
    const wb = fakeWorkbook();
    await insertTemplate(wb.context, "cost-estimate", { portable: true, today: TODAY });
    await insertTemplate(wb.context, "projection", { portable: true, today: TODAY });
    expect(wb.sheets.map((s) => s.name)).toEqual([
      PORTABLE_SHEET,
      "Cost estimate (portable)",
      "Volume projection (portable)",
    ]);
  });

  it("removes the prices sheet and names it added when the template is refused", async () => {
    const wb = fakeWorkbook({ failOnSheet: "Cost estimate (portable)" });
    await expect(
      insertTemplate(wb.context, "cost-estimate", { portable: true, today: TODAY }),
    ).rejects.toThrow(/could not insert/);
    expect(wb.sheets.filter((s) => !s.deleted).map((s) => s.name)).toEqual([]);
    expect([...wb.names.keys()]).toEqual([]);
  });

  it("leaves the IMG form as it was without the option", async () => {
    const wb = fakeWorkbook();
    await insertTemplate(wb.context, "cost-estimate");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Cost estimate"]);
    expect(wb.names.size).toBe(0);
  });
});
