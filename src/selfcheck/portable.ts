/**
 * The workbook's second sheet: the same costs worked out twice, once by plain spreadsheet formulas
 * over a price table typed in from the sources (what a sheet without the add-in can do) and once
 * by IMG.COST, row by row, PASS when they agree. A difference points at the add-in's price book
 * or at its arithmetic, in whatever Excel opens the file.
 */
import { a1, abs, TemplateBuilder } from "../templates/layout";
import type { CellRange, ConditionalFormatSpec, TemplateSpec } from "../templates/model";

export const PORTABLE_SHEET = "Portable vs IMG";

/** Prices per image, typed from the sources. */
const PRICE_TABLE: readonly (readonly [string, string, string, number, string])[] = [
  ["openai", "low", "1024x1024", 0.006, "Pixazo: OpenAI low square"],
  ["openai", "medium", "1024x1024", 0.053, "Pixazo: OpenAI medium square"],
  ["openai", "high", "1024x1024", 0.211, "Pixazo: OpenAI high square"],
  ["openai", "high", "1024x1536", 0.165, "Pixazo: OpenAI high portrait"],
  ["atlas", "high", "1024x1024", 0.008, "Atlas Cloud: flat for every quality and size"],
  ["prospolabs", "medium", "1024x1024", 0.028, "Prospolabs: medium tier"],
];

/** Plans costed both ways: provider, quality, size, images, retry. */
const PLANS: readonly (readonly [string, string, string, number, number])[] = [
  ["openai", "high", "1024x1024", 1000, 1.2],
  ["openai", "medium", "1024x1024", 6000, 1.25],
  ["openai", "low", "1024x1024", 500, 1.2],
  ["openai", "high", "1024x1536", 24, 1],
  ["atlas", "high", "1024x1024", 10000, 1],
  ["prospolabs", "medium", "1024x1024", 10000, 1],
];

export const PORTABLE_SUMMARY_ROW = 3;
export const PORTABLE_FIRST_PLAN_ROW = 7;
export const PORTABLE_COLUMNS = { portable: 5, img: 6, verdict: 7 } as const;
export const PORTABLE_PLAN_COUNT = PLANS.length;

export function portableCheckSheet(fail: { fill: string; font: string }): TemplateSpec {
  const t = new TemplateBuilder();
  t.titleRows(
    "Portable formulas against the IMG functions",
    "Each plan is costed by plain formulas over the price table below (no add-in needed) and by IMG.COST; the two must agree.",
    "The price table is typed in from the same sources as the add-in's price book.",
  );
  const planHeader = PORTABLE_FIRST_PLAN_ROW - 1;
  const lastPlan = PORTABLE_FIRST_PLAN_ROW + PLANS.length - 1;
  const tableHeader = lastPlan + 3;
  const firstPrice = tableHeader + 1;
  const lastPrice = firstPrice + PRICE_TABLE.length - 1;
  const column = (col: number) => `${abs(firstPrice, col)}:${abs(lastPrice, col)}`;
  const verdicts = `${abs(PORTABLE_FIRST_PLAN_ROW, 7)}:${abs(lastPlan, 7)}`;

  t.put(PORTABLE_SUMMARY_ROW, 0, "Rows not PASS", { style: "label" });
  t.put(PORTABLE_SUMMARY_ROW, 1, `=ROWS(${verdicts})-COUNTIF(${verdicts},"PASS")`, {
    format: "count",
    style: "total",
  });

  t.headerRow(planHeader, 0, [
    "Provider",
    "Quality",
    "Size",
    "Images",
    "Retry",
    "Portable cost",
    "IMG.COST",
    "PASS/FAIL",
  ]);
  PLANS.forEach(([provider, quality, size, images, retry], i) => {
    const row = PORTABLE_FIRST_PLAN_ROW + i;
    t.put(row, 0, provider, { format: "text" });
    t.put(row, 1, quality, { format: "text" });
    t.put(row, 2, size, { format: "text" });
    t.put(row, 3, images, { format: "count" });
    t.put(row, 4, retry, { format: "multiplier" });
    const [p, q, s, n, r] = [0, 1, 2, 3, 4].map((c) => a1(row, c));
    t.put(
      row,
      PORTABLE_COLUMNS.portable,
      `=SUMPRODUCT((${column(0)}=${p})*(${column(1)}=${q})*(${column(2)}=${s})*${column(3)})*${n}*${r}`,
      { format: "usd" },
    );
    t.put(row, PORTABLE_COLUMNS.img, `=IMG.COST(${p},${q},${s},${n},${r})`, { format: "usd" });
    const [portable, img] = [a1(row, 5), a1(row, 6)];
    t.put(
      row,
      PORTABLE_COLUMNS.verdict,
      `=IF(ISNUMBER(${img}),IF(ABS(${img}-${portable})<=0.000000001,"PASS","FAIL"),"FAIL")`,
      { style: "total" },
    );
  });

  t.put(tableHeader - 1, 0, "Price table (USD per image)", { style: "heading" });
  t.headerRow(tableHeader, 0, ["Provider", "Quality", "Size", "Price", "Source"]);
  PRICE_TABLE.forEach(([provider, quality, size, price, source], i) => {
    const row = firstPrice + i;
    t.put(row, 0, provider, { format: "text" });
    t.put(row, 1, quality, { format: "text" });
    t.put(row, 2, size, { format: "text" });
    t.put(row, 3, price, { format: "usdPrice" });
    t.put(row, 4, source, { style: "note" });
  });

  const summary: CellRange = {
    top: PORTABLE_SUMMARY_ROW,
    left: 0,
    bottom: PORTABLE_SUMMARY_ROW,
    right: 1,
  };
  const conditionalFormats: ConditionalFormatSpec[] = [
    {
      range: summary,
      formula: `=${abs(PORTABLE_SUMMARY_ROW, 1)}<>0`,
      fill: fail.fill,
      fontColor: fail.font,
    },
  ];
  const built = t.build({
    id: "portable-check",
    title: PORTABLE_SHEET,
    description: "Plans costed by plain formulas and by IMG.COST, side by side.",
    sheetName: PORTABLE_SHEET,
    columnWidths: [90, 70, 80, 70, 60, 100, 100, 80],
  });
  return { ...built, conditionalFormats };
}
