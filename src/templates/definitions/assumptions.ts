/**
 * Assumptions: the pricing guide's quality guide, retry multipliers by workflow maturity as
 * editable starting points (with a way to measure your own), and the token meters.
 *
 * The guide leaves the retry multipliers as placeholders and warns against treating them as
 * universal; 1.5 / 1.25 / 1.1 are this workbook's starting points, labelled as such on the sheet.
 */
import { abs, ref, TemplateBuilder } from "../layout";
import type { TemplateSpec } from "../model";
import { PLANNING_SOURCE, PROVIDER_NOTE, RETRY, SIZE_NOTE, WHOLE_NUMBER } from "./shared";

export const ASSUMPTIONS_ID = "assumptions";

const ASSUMPTION_NOTE = "Assumption, not a source figure: measure it from your own logs.";

export function assumptionsTemplate(): TemplateSpec {
  const t = new TemplateBuilder();

  t.titleRows(
    "GPT Image 2 planning assumptions",
    "Which quality to use when, and how many attempts each kept image costs. The yellow cells are editable starting points.",
    'Measure these from your own logs. The pricing guide: "Do not publish these multipliers as universal truth. Measure them from your own logs."',
    "warning",
  );
  t.put(3, 0, PLANNING_SOURCE, { style: "note" });

  // Quality guide, with a live price column.
  t.put(5, 0, "Quality guide", { style: "heading" });
  t.inputRow(
    6,
    0,
    "Prices shown for",
    "openai",
    { name: "Guide_provider", note: PROVIDER_NOTE },
    "text",
  );
  t.inputRow(7, 0, "Size", "1024x1024", { name: "Guide_size", note: SIZE_NOTE }, "text");
  const guideHeader = 9;
  t.headerRow(guideHeader, 0, [
    "Quality",
    "Best for",
    "Avoid when",
    "Budget rule",
    "Price per image",
  ]);
  const guide: [string, string, string, string][] = [
    [
      "low",
      "Thumbnails, ideation, internal previews, prompt testing",
      "The image is customer-facing or must preserve fine detail",
      "Use for cheap learning and discardable drafts",
    ],
    [
      "medium",
      "Product cards, blog visuals, listing improvements, routine marketing assets",
      "The asset is a flagship hero or paid campaign final",
      "Use as the default production baseline",
    ],
    [
      "high",
      "Launch pages, paid ads, premium ecommerce, investor decks, final campaign visuals",
      "You are still exploring the prompt",
      "Use only after approval gates",
    ],
    [
      "auto",
      "Mixed workflows where you trust model-side quality selection",
      "Strict budget controls or deterministic estimates",
      "Use when convenience matters more than exact forecasting",
    ],
  ];
  guide.forEach(([quality, bestFor, avoid, rule], i) => {
    const row = guideHeader + 1 + i;
    t.put(row, 0, quality, { format: "text", style: "label" });
    t.put(row, 1, bestFor);
    t.put(row, 2, avoid);
    t.put(row, 3, rule);
    t.put(row, 4, `=IMG.PRICE(${ref("Guide_provider")},${abs(row, 0)},${ref("Guide_size")})`, {
      format: "usdPrice",
    });
  });
  const guideLast = guideHeader + guide.length;
  t.table("QualityGuide", { top: guideHeader, left: 0, bottom: guideLast, right: 4 });
  t.put(
    guideLast + 1,
    0,
    "auto is budgeted at the high price, the most it can cost. The most common waste is using high while still exploring.",
    { style: "note" },
  );

  // Retry multipliers by workflow maturity.
  const retryHeading = guideLast + 3;
  t.put(retryHeading, 0, "Retry multipliers by workflow maturity", { style: "heading" });
  t.put(
    retryHeading + 1,
    0,
    "Assumptions to test, not facts from any source: replace them with what your logs show.",
    { style: "warning" },
  );
  const retryHeader = retryHeading + 2;
  t.headerRow(retryHeader, 0, ["Workflow maturity", "Retry multiplier", "Status", "What it means"]);
  const levels: [string, string, number][] = [
    ["New prompt, no review loop", "Retry_new_prompt", 1.5],
    ["Prompt template with light QA", "Retry_light_QA", 1.25],
    ["Stable template with approved references", "Retry_stable_template", 1.1],
  ];
  levels.forEach(([label, name, value], i) => {
    const row = retryHeader + 1 + i;
    t.inputRow(
      row,
      0,
      label,
      value,
      { name, note: ASSUMPTION_NOTE, validation: RETRY },
      "multiplier",
    );
    t.put(row, 3, `=ROUND(${ref(name)}*100,0)&" attempts billed per 100 images kept"`);
  });
  const retryLast = retryHeader + levels.length;
  t.table("RetryAssumptions", { top: retryHeader, left: 0, bottom: retryLast, right: 3 });

  // Measuring your own multiplier.
  const measure = retryLast + 2;
  t.put(measure, 0, "Measure your own retry multiplier", { style: "heading" });
  t.inputRow(
    measure + 1,
    0,
    "Images generated (billed) last month",
    1250,
    {
      name: "Logs_generated",
      note: "From your API logs: every successful call is billed, rejected or not. A whole number, 0 or more.",
      validation: WHOLE_NUMBER,
    },
    "count",
  );
  t.inputRow(
    measure + 2,
    0,
    "Images kept (accepted) last month",
    1000,
    {
      name: "Logs_kept",
      note: "Images that shipped or were accepted. A whole number, 0 or more.",
      validation: WHOLE_NUMBER,
    },
    "count",
  );
  t.put(measure + 3, 0, "Measured retry multiplier", { style: "label" });
  t.put(
    measure + 3,
    1,
    `=IF(${ref("Logs_kept")}>0,${ref("Logs_generated")}/${ref("Logs_kept")},"enter images kept")`,
    { format: "multiplier", style: "total" },
  );
  t.put(measure + 3, 2, "Images generated / images kept", { style: "note" });

  // Token meters, live from the price book.
  const meters = measure + 5;
  t.put(meters, 0, "Token meters (providers that bill by token)", { style: "heading" });
  t.inputRow(
    meters + 1,
    0,
    "Provider",
    "openai",
    { name: "Meter_provider", note: "A provider that bills by token: openai or vercel." },
    "text",
  );
  const meterHeader = meters + 2;
  t.headerRow(meterHeader, 0, ["Meter", "USD per 1M tokens"]);
  const million = 1000000;
  const meterRows: [string, string][] = [
    ["Text input", `${million},0,0`],
    ["Cached text input", `0,0,0,${million}`],
    ["Image input", `0,${million},0`],
    ["Cached image input", `0,0,0,0,${million}`],
    ["Image output", `0,0,${million}`],
  ];
  meterRows.forEach(([label, counts], i) => {
    const row = meterHeader + 1 + i;
    t.put(row, 0, label, { style: "label" });
    t.put(row, 1, `=IMG.TOKENCOST(${ref("Meter_provider")},${counts})`, { format: "usdMeter" });
  });
  const meterLast = meterHeader + meterRows.length;
  t.table("TokenMeters", { top: meterHeader, left: 0, bottom: meterLast, right: 1 });
  t.put(
    meterLast + 1,
    0,
    "Token cost = tokens x meter / 1,000,000. #N/A means the provider publishes no such meter (select the cell to read why).",
    { style: "note" },
  );

  return t.build({
    id: ASSUMPTIONS_ID,
    title: "Assumptions",
    description:
      "The quality guide (best for, avoid when, budget rule), retry multipliers by workflow maturity as editable assumptions to measure from your own logs, and the token meters.",
    sheetName: "Assumptions",
    columnWidths: [260, 300, 300, 300, 110],
  });
}
