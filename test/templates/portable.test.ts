/**
 * Every template's portable form, computed by a HyperFormula that has NO IMG functions registered
 * (a fresh copy of the module, loaded apart from the one the IMG harness registers its plugin on),
 * gives the same value as the IMG form in every formula cell, for the shipped inputs and for each
 * input set to other values a person would type.
 */
import type { HyperFormula as HF } from "hyperformula";
import { bundledBook } from "../../src/core";
import {
  getTemplate,
  portablePricesSheet,
  portableTemplate,
  renderGrid,
  TEMPLATES,
  type Grid,
  type TemplateSpec,
} from "../../src/templates";
import { PORTABLE_SHEET } from "../../src/templates/portablePrices";
import {
  PORTABLE_KEYS,
  PORTABLE_PRICES,
  portableFormula,
} from "../../src/templates/portableFormulas";
import { createImgEngine } from "../support/hyperformula-img";

const TODAY = "2026-05-10";

let PlainHyperFormula!: typeof HF;
jest.isolateModules(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  PlainHyperFormula = (require("hyperformula") as typeof import("hyperformula")).HyperFormula;
});

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function template(id: string): TemplateSpec {
  const t = getTemplate(id);
  if (t === undefined) throw new Error(`no template ${id}`);
  return t;
}

type Value = number | string | boolean | null | { error: string };

function read(engine: HF, sheet: string, row: number, col: number): Value {
  const v = engine.getCellValue({ sheet: engine.getSheetId(sheet) as number, row, col });
  if (v !== null && typeof v === "object") return { error: (v as { type: string }).type };
  return v as Value;
}

/** The IMG engine and the plain engine over the same template, with one input changed. */
function engines(t: TemplateSpec, override?: { row: number; col: number; value: unknown }) {
  const img = renderGrid(t);
  const portable = portableTemplate(t);
  const grid = renderGrid(portable);
  const prices = renderGrid(portablePricesSheet(bundledBook, TODAY));
  const apply = (g: Grid) => {
    const cells = g.cells.map((r) => [...r]);
    if (override !== undefined) {
      const row = cells[override.row] as unknown[];
      row[override.col] = override.value;
    }
    return cells;
  };
  const inputNames = (g: Grid, sheet: string) =>
    g.names.map((n) => ({ name: n.name, expression: `=${quoted(sheet)}!${n.address}` }));

  const withImg = createImgEngine(
    { [t.sheetName]: apply(img) },
    { names: inputNames(img, t.sheetName).map((n) => ({ ...n, scope: t.sheetName })) },
  );

  const plain = PlainHyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const sheetId = plain.getSheetId(plain.addSheet(portable.sheetName)) as number;
  const pricesId = plain.getSheetId(plain.addSheet(PORTABLE_SHEET)) as number;
  for (const n of inputNames(grid, portable.sheetName)) {
    plain.addNamedExpression(n.name, n.expression, sheetId);
  }
  const last = 3 + 400;
  plain.addNamedExpression(PORTABLE_KEYS, `=${quoted(PORTABLE_SHEET)}!$A$5:$A$${last}`);
  plain.addNamedExpression(PORTABLE_PRICES, `=${quoted(PORTABLE_SHEET)}!$G$5:$G$${last}`);
  plain.setSheetContent(pricesId, prices.cells);
  plain.setSheetContent(sheetId, apply(grid));
  return { img, grid, withImg, plain, imgSheet: t.sheetName, portableSheet: portable.sheetName };
}

/** Every formula cell of the IMG form against the same cell of the portable form. */
function mismatches(t: TemplateSpec, override?: { row: number; col: number; value: unknown }) {
  const e = engines(t, override);
  const out: string[] = [];
  let compared = 0;
  e.img.cells.forEach((cells, row) =>
    cells.forEach((cell, col) => {
      if (typeof cell !== "string" || !cell.startsWith("=")) return;
      if (/IMG\.CHEAPEST/i.test(cell)) return; // has no portable form: replaced by a note
      const a = read(e.withImg, e.imgSheet, row, col);
      const b = read(e.plain, e.portableSheet, row, col);
      compared++;
      const bothErrors = typeof a === "object" && a !== null && typeof b === "object" && b !== null;
      const sameNumber = typeof a === "number" && typeof b === "number" && Math.abs(a - b) < 1e-9;
      if (!(bothErrors || sameNumber || a === b)) {
        out.push(
          `${t.id} r${row + 1}c${col + 1}: IMG ${JSON.stringify(a)} portable ${JSON.stringify(b)}`,
        );
      }
    }),
  );
  return { out, compared };
}

describe("the engine the portable forms are computed in", () => {
  it("has no IMG function registered, while the IMG harness's engine has", () => {
    const names = PlainHyperFormula.getRegisteredFunctionNames("enGB");
    expect(names).toContain("INDEX");
    expect(names.filter((n) => n.startsWith("IMG."))).toEqual([]);
    createImgEngine({ S: [['=IMG.PRICE("openai","high","square")']] });
  });
});

describe.each(TEMPLATES.filter((t) => t.portable).map((t) => t.id))("portable %s", (id) => {
  const t = template(id);

  it("has no IMG call left in any formula", () => {
    const grid = renderGrid(portableTemplate(t));
    const formulas = grid.cells
      .flat()
      .filter((c): c is string => typeof c === "string" && c.startsWith("="));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((f) => /IMG\./i.test(f))).toEqual([]);
    // Excel refuses formulas over 8,192 characters ("Excel specifications and limits").
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(8192);
    for (const banned of ["XLOOKUP", "XMATCH", "LET(", "FILTER(", "SORT(", "UNIQUE("]) {
      expect(formulas.filter((f) => f.toUpperCase().includes(banned))).toEqual([]);
    }
  });

  it("matches the IMG form cell by cell with the shipped inputs", () => {
    const { out, compared } = mismatches(t);
    expect(compared).toBeGreaterThan(0);
    expect(out).toEqual([]);
  });

  it("matches the IMG form cell by cell as each input is changed", () => {
    const grid = renderGrid(t);
    const failures: string[] = [];
    for (const name of grid.names) {
      const original = grid.cells[name.row]?.[name.col];
      const lower = name.templateName.toLowerCase();
      const tries: unknown[] = lower.includes("provider")
        ? ["atlas", "OpenAI", " prospolabs ", "fal", "vercel", "nope"]
        : lower.includes("quality")
          ? ["low", "high", "auto", "HIGH", "ultra"]
          : lower.includes("size")
            ? ["square", "portrait", "1536×1024", "1024 X 1536", "1024*1024", "2048x2048", "huge"]
            : typeof original === "number"
              ? [0, 1.3, 12345, "", -2, "many"]
              : [];
      // A blank cell (null), as each platform's blank rule reads it.
      for (const value of [...tries, null]) {
        failures.push(...mismatches(t, { row: name.row, col: name.col, value }).out);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("portable figures a person can check by hand", () => {
  it("cost estimate: 2,000 jobs x 3 images x 1.25 x OpenAI medium 0.053 = 397.50", () => {
    const e = engines(template("cost-estimate"));
    // Rows 19-21 (0-based 18-20), column C: price, monthly budget, IMG.COST's twin.
    expect(read(e.plain, e.portableSheet, 18, 2)).toBe(0.053);
    expect(read(e.plain, e.portableSheet, 19, 2)).toBeCloseTo(397.5, 9);
    expect(read(e.plain, e.portableSheet, 20, 2)).toBeCloseTo(397.5, 9);
    // 500 / (0.053 x 1.25) = 7,547.17 -> 7,547 images
    expect(read(e.plain, e.portableSheet, 26, 2)).toBe(7547);
  });

  it("comparison: the cheapest is #N/A, not 0, when no price can be found", () => {
    const t = template("comparison");
    const grid = renderGrid(t);
    const size = grid.names.find((n) => n.templateName === "Size")!;
    const e = engines(t, { row: size.row, col: size.col, value: "1000x1000" });
    const cheapest = e.img.cells.findIndex((r) => r.includes("Cheapest"));
    expect(read(e.plain, e.portableSheet, cheapest, 2)).toEqual({ error: "NA" });
    expect(read(e.plain, e.portableSheet, cheapest, 3)).toEqual({ error: "NA" });
    expect(read(e.withImg, e.imgSheet, cheapest, 2)).toEqual({ error: "NA" });
  });
});

describe("money rounding, when the IMG functions round to the cent", () => {
  // What the portable form does once IMG.COST returns amounts rounded to the cent, half up.
  function costs(volumes: number[], size: string): unknown[] {
    const formula = (row: number): string =>
      portableFormula(`=IMG.COST("openai","low","${size}",A${row + 1})`, { cents: true });
    const plain = PlainHyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const sheetId = plain.getSheetId(plain.addSheet("Plan")) as number;
    const pricesId = plain.getSheetId(plain.addSheet(PORTABLE_SHEET)) as number;
    plain.addNamedExpression(PORTABLE_KEYS, `=${quoted(PORTABLE_SHEET)}!$A$5:$A$403`);
    plain.addNamedExpression(PORTABLE_PRICES, `=${quoted(PORTABLE_SHEET)}!$G$5:$G$403`);
    plain.setSheetContent(pricesId, renderGrid(portablePricesSheet(bundledBook, TODAY)).cells);
    plain.setSheetContent(
      sheetId,
      volumes.map((v, row) => [v, formula(row)]),
    );
    return volumes.map((_, row) => plain.getCellValue({ sheet: sheetId, row, col: 1 }));
  }

  it("rounds half up to the cent, after removing binary noise", () => {
    // OpenAI low: square 0.006, portrait 0.005 (pixazo-pricing-breakdown).
    // 1 x 0.006 = 0.006 -> 0.01; 1,000 x 0.006 = 6.00; 0.5 x 0.006 = 0.003 -> 0.00
    expect(costs([1, 1000, 0.5], "square")).toEqual([0.01, 6, 0]);
    // 29 x 0.005 = 0.145 -> 0.15 half up, although 29*0.005 is 0.14499999999999999 in binary
    // and a bare ROUND to 2 places gives 0.14 in an engine that rounds the binary value.
    expect(costs([29], "portrait")).toEqual([0.15]);
  });
});
