/**
 * The Budget tab's figures, worked out by hand from the sources, and the same plan written as a
 * sheet of IMG formulas computed by a real spreadsheet engine (HyperFormula): the pane and the
 * sheet it inserts must give the same numbers.
 */
import { bundledBook } from "../../src/core";
import { budget, budgetSheet, type Budget, type BudgetInput } from "../../src/taskpane/budget";
import { setPaneLocale } from "../../src/taskpane/locale";
import { evaluate } from "../templates/sheet";

beforeAll(() => setPaneLocale("en-US"));
afterAll(() => setPaneLocale(null));

const plan = (over: Partial<BudgetInput> = {}): BudgetInput => ({
  amount: "3000",
  per: "month",
  provider: "openai",
  quality: "medium",
  size: "1024x1024",
  retry: "1",
  cap: "200",
  ...over,
});

function ok(input: BudgetInput): Budget {
  const out = budget(bundledBook, input);
  if (!out.ok) throw new Error(out.message);
  return out;
}

describe("the monthly plan", () => {
  it("prices 3,000 OpenAI medium squares a month against a $200 cap", () => {
    const out = ok(plan());
    // pixazo-pricing-breakdown: 3,000 x 0.053 = 159; 200 - 159 = 41 left; 200 / 0.053 = 3,773.6 -> 3,773 whole images.
    expect(out.monthlyCost).toBe(159);
    expect(out.capLeft).toBe(41);
    expect(out.capBuys).toBe(3773);
  });

  it("turns images per day into a 30-day month and reports an overrun", () => {
    // atlas-cloud-guide: 100 a day x 30 days = 3,000 a month; with 1.2 retries, 3,000 x 1.2 x 0.211 (high) = 759.6.
    const out = ok(plan({ amount: "100", per: "day", quality: "high", retry: "1.2", cap: "500" }));
    expect(out.monthlyImages).toBe(3000);
    expect(out.monthlyCost).toBe(759.6);
    // 500 - 759.6 = -259.6: an overrun of $259.60. 500 / (0.211 x 1.2) = 1,974.7 -> 1,974 images.
    expect(out.capLeft).toBe(-259.6);
    expect(out.capBuys).toBe(1974);
  });

  it("ranks every GPT Image 2 provider's monthly cost for the chart, cheapest first", () => {
    const out = ok(plan());
    // atlas-cloud-guide: Atlas Cloud 0.008 x 3,000 = 24, the cheapest medium square.
    expect(out.perProvider[0]).toEqual({ id: "atlas", name: "Atlas Cloud", total: 24 });
    const totals = out.perProvider.map((p) => p.total);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(out.perProvider.find((p) => p.id === "openai")?.total).toBe(159);
  });

  it.each([
    [
      { amount: "1.5" },
      "Images per month must be a whole number: 1.5 images cannot be made. Enter 1 or 2.",
    ],
    [{ cap: "-3" }, "Monthly cap -3 is below 0. Enter 0 or more."],
    [{ provider: "nobody" }, "nobody"],
  ])("refuses %p with a clear message", (over, message) => {
    const out = budget(bundledBook, plan(over));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain(message);
  });
});

describe("the plan as a sheet of IMG formulas (HyperFormula)", () => {
  it.each([
    ["per month, within the cap", plan()],
    [
      "per day, over the cap",
      plan({ amount: "100", per: "day", quality: "high", retry: "1.2", cap: "500" }),
    ],
    [
      "Prospolabs at low quality, 12,000 a month",
      plan({ provider: "prospolabs", quality: "low", amount: "12000", cap: "90" }),
    ],
  ])("computes the pane's numbers: %s", (_what, input) => {
    const out = ok(input);
    const sheet = evaluate(budgetSheet(bundledBook, input, out));
    expect(sheet.beside("Monthly cost")).toBe(out.monthlyCost);
    expect(sheet.beside("Cap left (below 0: overrun)")).toBeCloseTo(out.capLeft, 9);
    expect(sheet.beside("Images the cap buys")).toBe(out.capBuys);
    expect(sheet.beside("Images per month")).toBe(out.monthlyImages);
    // Every provider row in the chart's table is a live IMG.COST equal to the pane's bar.
    out.perProvider.forEach((p) => {
      expect(sheet.beside(p.name, 1, sheet.find(p.name).length - 1)).toBe(p.total);
    });
  });

  it("charts the providers' monthly costs from the table it writes", () => {
    const out = ok(plan());
    const spec = budgetSheet(bundledBook, plan(), out);
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts[0];
    // Header row plus one row per provider.
    expect(chart ? chart.series.bottom - chart.series.top : 0).toBe(out.perProvider.length);
  });
});
