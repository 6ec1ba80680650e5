/**
 * The workbook's second sheet: the portable templates against the IMG ones. Each plan is costed
 * twice: by IMG.COST, and by the very formula the portable templates put in its place
 * (portableFormula, an INDEX/MATCH over the "Portable prices" sheet written from the bundled book),
 * row by row, PASS when they agree. A difference points at the portable rewriting or at the add-in,
 * in whatever Excel opens the file.
 */
import { IMG_ROUNDING } from "../templates/portable";
import { portableFormula } from "../templates/portableFormulas";
import { a1, abs, TemplateBuilder } from "../templates/layout";
import type { CellRange, ConditionalFormatSpec, TemplateSpec } from "../templates/model";

import { bundledBook } from "../core";
import {
  portableNameFormulas,
  portablePricesSheet,
  portableRows,
  PORTABLE_SHEET as PRICES_SHEET,
} from "../templates/portablePrices";

export const PORTABLE_SHEET = "Portable vs IMG";

/**
 * The date the Portable prices sheet says it was written: fixed, so the generated workbook does
 * not change from one day to the next.
 */
export const PRICES_WRITTEN = "2026-11-21";

/** The Portable prices sheet and its two workbook-scoped lookup names, from the bundled book. */
export function portablePrices(): {
  sheet: TemplateSpec;
  names: { name: string; formula: string }[];
} {
  return {
    sheet: portablePricesSheet(bundledBook, PRICES_WRITTEN),
    names: portableNameFormulas(PRICES_SHEET, portableRows(bundledBook, PRICES_WRITTEN).length),
  };
}

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
    "Each plan is costed by the formula a portable template uses (a lookup in the Portable prices sheet, no add-in needed) and by IMG.COST; the two must agree.",
    "The Portable prices sheet is written from the add-in's bundled price book, as the pane writes it.",
  );
  const planHeader = PORTABLE_FIRST_PLAN_ROW - 1;
  const lastPlan = PORTABLE_FIRST_PLAN_ROW + PLANS.length - 1;
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
    "Portable form",
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
    const img = `=IMG.COST(${p},${q},${s},${n},${r})`;
    t.put(row, PORTABLE_COLUMNS.portable, portableFormula(img, IMG_ROUNDING), { format: "usd" });
    t.put(row, PORTABLE_COLUMNS.img, img, { format: "usd" });
    const [portableCell, imgCell] = [a1(row, 5), a1(row, 6)];
    t.put(
      row,
      PORTABLE_COLUMNS.verdict,
      `=IF(ISNUMBER(${imgCell}),IF(ABS(${imgCell}-${portableCell})<=0.000000001,"PASS","FAIL"),"FAIL")`,
      { style: "total" },
    );
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
