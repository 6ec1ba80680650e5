import {
  getTemplate,
  planInsertion,
  uniqueSheetName,
  type TemplateSpec,
} from "../../src/templates";
import { createImgEngine } from "../support/hyperformula-img";

const costEstimate = (): TemplateSpec => getTemplate("cost-estimate")!;
const none = { sheets: [], tables: [], names: [] };

describe("uniqueSheetName", () => {
  it("keeps a free name", () => {
    expect(uniqueSheetName("Cost estimate", ["Sheet1"])).toBe("Cost estimate");
  });

  it('adds " (2)", then " (3)", on a clash, ignoring case as Excel does', () => {
    expect(uniqueSheetName("Cost estimate", ["Sheet1", "cost ESTIMATE"])).toBe("Cost estimate (2)");
    expect(uniqueSheetName("Cost estimate", ["Cost estimate", "Cost estimate (2)"])).toBe(
      "Cost estimate (3)",
    );
  });

  it("stays within Excel's 31 characters when suffixing", () => {
    const long = "A very long template title indeed"; // 33 characters
    const first = uniqueSheetName(long, []);
    expect(first).toBe("A very long template title inde");
    expect(first).toHaveLength(31);
    const second = uniqueSheetName(long, [first]);
    expect(second).toBe("A very long template title (2)"); // 26 kept, trailing space trimmed, + " (2)"
    expect(second.length).toBeLessThanOrEqual(31);
  });

  it("drops the characters Excel refuses and avoids the reserved History", () => {
    expect(uniqueSheetName("Q1/Q2: [costs]*?", [])).toBe("Q1Q2 costs");
    expect(uniqueSheetName("History", [])).toBe("History (2)");
    expect(uniqueSheetName("'':*", [])).toBe("Sheet");
  });
});

describe("planInsertion", () => {
  it("uses the template's names in an empty workbook", () => {
    const plan = planInsertion(costEstimate(), none);
    expect(plan.sheetName).toBe("Cost estimate");
    expect(plan.tableNames.get("CostEstimateSteps")).toBe("CostEstimateSteps");
    expect(plan.inputNames.get("Quality")).toBe("Quality");
  });

  it("suffixes a table name the workbook already uses", () => {
    const plan = planInsertion(costEstimate(), { ...none, tables: ["CostEstimateSteps"] });
    expect(plan.tableNames.get("CostEstimateSteps")).toBe("CostEstimateSteps2");
    expect(plan.tableNames.get("CostEstimateResults")).toBe("CostEstimateResults");
  });

  it("keeps input names that repeat a workbook-scoped name: the sheet's own name wins on its sheet", () => {
    const plan = planInsertion(costEstimate(), { ...none, names: ["Quality"] });
    expect(plan.inputNames.get("Quality")).toBe("Quality");
  });

  it("renames an input that collides with a table name, and its formulas follow", () => {
    const plan = planInsertion(costEstimate(), { ...none, tables: ["Quality", "Monthly_jobs"] });
    expect(plan.inputNames.get("Quality")).toBe("Quality_2");
    expect(plan.inputNames.get("Monthly_jobs")).toBe("Monthly_jobs_2");
    const formulas = plan.grid.cells
      .flat()
      .filter((v): v is string => typeof v === "string" && v.startsWith("="));
    expect(formulas.some((f) => f.includes("Quality_2"))).toBe(true);
    expect(formulas.some((f) => /[(,*]Quality[,)]/.test(f))).toBe(false);

    // The renamed sheet still computes: 2,000 x 3 x 1.25 x 0.053 = 397.50 (sources chatgptimages-api-pricing and pixazo-pricing-breakdown)
    const sheetName = plan.sheetName;
    const engine = createImgEngine(
      { [sheetName]: plan.grid.cells },
      {
        names: plan.grid.names.map((n) => ({
          name: n.name,
          expression: `='${sheetName}'!${n.address}`,
          scope: sheetName,
        })),
      },
    );
    const sheet = engine.getSheetId(sheetName)!;
    const budgetRow = plan.grid.cells.findIndex((row) => row[1] === "Same budget from IMG.COST");
    expect(engine.getCellValue({ sheet, row: budgetRow, col: 2 })).toBe(397.5);
  });

  it("renders the grid with the names it plans", () => {
    const plan = planInsertion(costEstimate(), {
      sheets: ["Cost estimate"],
      tables: [],
      names: [],
    });
    expect(plan.sheetName).toBe("Cost estimate (2)");
    expect(plan.grid.names.map((n) => n.name)).toContain("Monthly_jobs");
  });
});
