/**
 * What a person opening an inserted template would check without computing anything: inputs look
 * like inputs and explain themselves, money reads as dollars, tables and charts sit on real data,
 * names are ones Excel accepts, nothing hides under a chart or blocks a spill.
 */
import { bundledBook } from "../../src/core";
import {
  getTemplate,
  NUMBER_FORMATS,
  renderGrid,
  TEMPLATES,
  type CellRange,
  type TemplateSpec,
} from "../../src/templates";

/** The planning templates; the self-check sheet has no inputs to name (test/selfcheck covers it). */
const templates: TemplateSpec[] = TEMPLATES.filter((info) => info.id !== "self-check").map(
  (info) => {
    const t = getTemplate(info.id);
    if (t === undefined)
      throw new Error(`TEMPLATES lists ${info.id} but getTemplate does not know it`);
    return t;
  },
);

/** Excel rejects defined names and table names that look like cell references or hold odd characters. */
function isValidExcelName(name: string): boolean {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || name.length > 255) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false; // A1 style, e.g. TAX1
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false; // R1C1 style
  return true;
}

const inside = (r: CellRange, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const overlaps = (a: CellRange, b: CellRange) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

describe("the template list", () => {
  it("offers the five templates and the self-check, each with a title and a description", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      "cost-estimate",
      "use-cases",
      "comparison",
      "projection",
      "assumptions",
      "self-check",
    ]);
    for (const t of TEMPLATES) {
      expect(t.title.length).toBeGreaterThan(3);
      expect(t.description.length).toBeGreaterThan(20);
    }
  });

  it("knows no template outside the list", () => {
    expect(getTemplate("nope")).toBeUndefined();
    expect(getTemplate("toString")).toBeUndefined();
  });
});

describe.each(templates.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  const grid = renderGrid(template);

  it("has a sheet name Excel accepts", () => {
    expect(template.sheetName.length).toBeLessThanOrEqual(31);
    expect(template.sheetName).not.toMatch(/[[\]:*?/\\]/);
  });

  it("writes each cell once and every formula resolves its input names", () => {
    const seen = new Set<string>();
    for (const cell of template.cells) {
      const key = `${cell.row},${cell.col}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect((cell.value === undefined) !== (cell.formula === undefined)).toBe(true);
    }
    for (const row of grid.cells) {
      for (const value of row) {
        if (typeof value === "string" && value.startsWith("=")) expect(value).not.toMatch(/[{}]/);
      }
    }
  });

  it("never writes text Excel would read as a formula", () => {
    for (const cell of template.cells) {
      if (typeof cell.value === "string") expect(cell.value).not.toMatch(/^[=+\-@]/);
    }
  });

  it("uses the IMG functions", () => {
    expect(
      template.cells.some((c) => c.formula !== undefined && /IMG\.[A-Z]+\(/.test(c.formula)),
    ).toBe(true);
  });

  it("styles every input as an input, and nothing else, with a note of at most 255 characters", () => {
    for (const cell of template.cells) {
      expect(cell.style === "input").toBe(cell.input !== undefined);
      if (cell.input !== undefined) {
        expect(cell.value).toBeDefined(); // inputs hold values, not formulas
        expect(cell.input.note.length).toBeGreaterThan(5);
        expect(cell.input.note.length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("names every input with a unique name Excel accepts", () => {
    const names = grid.names.map((n) => n.name.toLowerCase());
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    for (const n of grid.names) expect(isValidExcelName(n.name)).toBe(true);
    // Defined names and table names share one namespace in Excel.
    const tables = new Set(template.tables.map((t) => t.name.toLowerCase()));
    for (const name of names) expect(tables.has(name)).toBe(false);
  });

  it("formats money as dollars: totals with 2 decimals, per-image prices with 4", () => {
    for (const cell of template.cells) {
      if (cell.formula === undefined) continue;
      if (/^=IMG\.(COST)\(/.test(cell.formula)) expect(cell.format).toBe("usd");
      if (/^=IMG\.PRICE\(/.test(cell.formula)) expect(cell.format).toBe("usdPrice");
      expect(cell.format).not.toBe("text"); // a text-formatted formula would show as text
    }
    expect(NUMBER_FORMATS.usd).toBe("$#,##0.00");
    expect(NUMBER_FORMATS.usdPrice).toBe("$#,##0.0000");
  });

  it("lays tables over real cells with unique header texts, without overlapping", () => {
    for (const table of template.tables) {
      expect(isValidExcelName(table.name)).toBe(true);
      expect(table.range.bottom).toBeGreaterThan(table.range.top);
      expect(table.range.bottom).toBeLessThan(grid.rows);
      const headers: string[] = [];
      for (let col = table.range.left; col <= table.range.right; col++) {
        const header = grid.cells[table.range.top]?.[col];
        expect(typeof header).toBe("string");
        expect(String(header)).not.toMatch(/^=/);
        headers.push(String(header).toLowerCase());
      }
      expect(new Set(headers).size).toBe(headers.length);
    }
    template.tables.forEach((a, i) =>
      template.tables.slice(i + 1).forEach((b) => expect(overlaps(a.range, b.range)).toBe(false)),
    );
    const tableNames = template.tables.map((t) => t.name.toLowerCase());
    expect(new Set(tableNames).size).toBe(tableNames.length);
  });

  it("draws charts from numbers in the sheet, with categories beside them, over empty cells", () => {
    for (const chart of template.charts) {
      const seriesRows = chart.series.bottom - chart.series.top; // without the header row
      expect(chart.categories.bottom - chart.categories.top + 1).toBe(seriesRows);
      expect(chart.categories.top).toBe(chart.series.top + 1);
      expect(chart.categories.left).toBe(chart.categories.right);
      for (const cell of template.cells) {
        expect(inside(chart.placement, cell.row, cell.col)).toBe(false);
      }
      for (let col = chart.series.left; col <= chart.series.right; col++) {
        for (let row = chart.series.top + 1; row <= chart.series.bottom; row++) {
          const value = grid.cells[row]?.[col];
          expect(typeof value === "string" && value.startsWith("=IMG.COST(")).toBe(true);
        }
      }
    }
  });

  it("leaves room under a spilling formula", () => {
    template.cells
      .filter((c) => c.formula?.startsWith("=IMG.CHEAPEST(") === true)
      .forEach((spill) => {
        const height = bundledBook.providers.filter((p) => !p.comparisonOnly).length + 2;
        const area: CellRange = {
          top: spill.row,
          left: spill.col,
          bottom: spill.row + height - 1,
          right: spill.col + 3,
        };
        const blocking = template.cells.filter((c) => c !== spill && inside(area, c.row, c.col));
        expect(blocking).toEqual([]);
        for (const table of template.tables) expect(overlaps(table.range, area)).toBe(false);
      });
  });

  it("is listed under the same title and description", () => {
    expect(TEMPLATES.find((t) => t.id === template.id)).toEqual({
      id: template.id,
      title: template.title,
      description: template.description,
      portable: true,
    });
  });
});

describe("inputs a person would look for", () => {
  const inputNames = (id: string) => renderGrid(getTemplate(id)!).names.map((n) => n.name);

  it("the cost estimate asks chatgptimages-api-pricing's seven questions and the provider", () => {
    expect(inputNames("cost-estimate")).toEqual(
      expect.arrayContaining([
        "Trigger_event",
        "Monthly_jobs",
        "Images_per_job",
        "Retry_multiplier",
        "Quality",
        "Final_size",
        "Human_approval",
        "Provider",
      ]),
    );
  });

  it("the projection's volumes, days and providers are editable", () => {
    expect(inputNames("projection")).toEqual(
      expect.arrayContaining([
        "Images_per_day_1",
        "Images_per_day_2",
        "Images_per_day_3",
        "Days_per_month",
        "Provider_1",
        "Provider_2",
        "Provider_3",
      ]),
    );
  });

  it("the planning formula is on the cost estimate as text", () => {
    const texts = getTemplate("cost-estimate")!.cells.map((c) => c.value);
    expect(texts).toContain("Monthly requests = monthly jobs x images per job");
    expect(texts).toContain("Billable output estimate = monthly requests x retry multiplier");
    expect(texts).toContain("Monthly budget = billable output estimate x price per image");
  });
});
