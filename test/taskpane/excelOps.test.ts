import { OfficeMockObject } from "office-addin-mock";
import { insertFormulaInSelection, recalculateAll } from "../../src/taskpane/excelOps";
import { costFormula } from "../../src/taskpane/formula";

function excelWithSelection(address: string) {
  const written: { formulas: unknown; cellIndex: [number, number] | null } = {
    formulas: null,
    cellIndex: null,
  };
  const calculations: unknown[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        // A one-cell selection inside the mocked object model, so context.sync() loads its address.
        selection: {
          address,
          formulas: [[""]],
          getCell: function (this: unknown, row: number, column: number) {
            written.cellIndex = [row, column];
            return this;
          },
        },
        getSelectedRange: function (this: { selection: unknown }) {
          return this.selection;
        },
        application: {
          calculate: (type: unknown) => {
            calculations.push(type);
          },
        },
      },
    },
    run: async function (
      this: { context: unknown },
      callback: (context: unknown) => Promise<unknown>,
    ) {
      return callback(this.context);
    },
  });
  // Enums are plain values in Office.js, not loadable proxies.
  (mock as unknown as { CalculationType: object }).CalculationType = {
    full: "Full",
    recalculate: "Recalculate",
  };
  const cell = (mock as unknown as { context: { workbook: { selection: { formulas: unknown } } } })
    .context.workbook.selection;
  return { mock, cell, written, calculations };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("insertFormulaInSelection", () => {
  it("writes the estimate's formula into the top-left selected cell and reports its address", async () => {
    const excel = excelWithSelection("Sheet1!C4");
    (globalThis as { Excel?: unknown }).Excel = excel.mock;
    const formula = costFormula({
      provider: "openai",
      quality: "high",
      size: "1024x1024",
      volume: "1000",
      retry: "1.2",
    });
    const address = await insertFormulaInSelection(formula);
    // The address is only readable after load + sync: an unloaded one would read "Error, property was not loaded".
    expect(address).toBe("Sheet1!C4");
    expect(excel.written.cellIndex).toEqual([0, 0]);
    expect(excel.cell.formulas).toEqual([['=IMG.COST("openai","high","1024x1024",1000,1.2)']]);
  });

  it("writes a provider name with a quote as a valid Excel string (quotes doubled)", async () => {
    const excel = excelWithSelection("Sheet1!A1");
    (globalThis as { Excel?: unknown }).Excel = excel.mock;
    await insertFormulaInSelection(
      costFormula({
        provider: 'say "hi"',
        quality: "low",
        size: "1024x1024",
        volume: "10",
        retry: "",
      }),
    );
    expect(excel.cell.formulas).toEqual([['=IMG.COST("say ""hi""","low","1024x1024",10)']]);
  });
});

describe("recalculateAll", () => {
  it("asks Excel for a full calculation, so every IMG cell sees the new book", async () => {
    const excel = excelWithSelection("Sheet1!A1");
    (globalThis as { Excel?: unknown }).Excel = excel.mock;
    await recalculateAll();
    expect(excel.calculations).toEqual(["Full"]);
  });
});
