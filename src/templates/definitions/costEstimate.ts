/**
 * Cost estimation worksheet: the pricing guide's seven planning steps as inputs, its three results
 * (monthly requests, billable outputs, monthly budget) for a chosen provider, and its planning
 * formula written out.
 */
import { abs, ref, TemplateBuilder } from "../layout";
import type { TemplateSpec } from "../model";
import {
  AMOUNT,
  PLANNING_SOURCE,
  PROVIDER_NOTE,
  QUALITY_NOTE,
  QUALITY_VALUES,
  RETRY,
  RETRY_NOTE,
  SIZE_NOTE,
  WHOLE_NUMBER,
  YES_NO,
} from "./shared";

export const COST_ESTIMATE_ID = "cost-estimate";

export function costEstimateTemplate(): TemplateSpec {
  const t = new TemplateBuilder();
  const jobs = ref("Monthly_jobs");
  const perJob = ref("Images_per_job");
  const retry = ref("Retry_multiplier");
  const quality = ref("Quality");
  const size = ref("Final_size");
  const approval = ref("Human_approval");
  const provider = ref("Provider");

  t.titleRows(
    "GPT Image 2 cost estimate",
    "Answer the seven planning questions in the yellow cells; the monthly budget below follows at once. Prices come from the add-in's price book through the IMG functions.",
    PLANNING_SOURCE,
  );

  // Steps table: rows 5-13 (header on row 5).
  t.put(3, 0, "The seven planning steps", { style: "heading" });
  t.headerRow(4, 0, ["Step", "Question", "Your answer", "How to answer"]);
  const steps: {
    question: string;
    value: string | number;
    name: string;
    note: string;
    format: "text" | "count" | "multiplier";
    validation?: typeof YES_NO;
  }[] = [
    {
      question: "What event triggers image generation?",
      value: "New marketplace listing",
      name: "Trigger_event",
      note: "e.g. signup, listing creation, ad build, weekly campaign. For your own reference; it does not change the numbers.",
      format: "text",
    },
    {
      question: "How many users or jobs trigger that event monthly?",
      value: 2000,
      name: "Monthly_jobs",
      note: "A whole number of jobs a month, 0 or more. Take it from your product analytics.",
      format: "count",
      validation: WHOLE_NUMBER,
    },
    {
      question: "How many images are generated per job?",
      value: 3,
      name: "Images_per_job",
      note: "Outputs requested per job (candidates included), 0 or more.",
      format: "count",
      validation: AMOUNT,
    },
    {
      question: "How many candidates are discarded? (retry multiplier)",
      value: 1.25,
      name: "Retry_multiplier",
      note: `1 or more. ${RETRY_NOTE}`,
      format: "multiplier",
      validation: RETRY,
    },
    {
      question: "What quality is needed at this stage?",
      value: "medium",
      name: "Quality",
      note: QUALITY_NOTE,
      format: "text",
      validation: QUALITY_VALUES,
    },
    {
      question: "What final size is actually used?",
      value: "1024x1024",
      name: "Final_size",
      note: `${SIZE_NOTE} Generate the size you ship: cropping a large image into a thumbnail pays for unseen pixels.`,
      format: "text",
    },
    {
      question: "Can humans approve before high-quality generation?",
      value: "yes",
      name: "Human_approval",
      note: "yes or no.",
      format: "text",
      validation: YES_NO,
    },
  ];
  steps.forEach((step, i) => {
    const row = 5 + i;
    t.put(row, 0, i + 1, { style: "label" });
    t.inputRow(
      row,
      1,
      step.question,
      step.value,
      {
        name: step.name,
        note: step.note,
        ...(step.validation === undefined ? {} : { validation: step.validation }),
      },
      step.format,
    );
  });
  t.inputRow(
    12,
    1,
    "Which provider bills the images?",
    "openai",
    { name: "Provider", note: PROVIDER_NOTE },
    "text",
  );
  t.table("CostEstimateSteps", { top: 4, left: 0, bottom: 12, right: 3 });

  // Results table: rows 16-23 (header on row 16), values in column C.
  t.put(14, 1, "Results", { style: "heading" });
  t.headerRow(15, 1, ["Result", "Value", "How it is worked out"]);
  const requests = abs(16, 2);
  const billable = abs(17, 2);
  const price = abs(18, 2);
  const budget = abs(19, 2);
  t.put(16, 1, "Monthly requests", { style: "label" });
  t.put(16, 2, `=${jobs}*${perJob}`, { format: "count", style: "result" });
  t.put(16, 3, "Monthly jobs x images per job", { style: "note" });
  t.put(17, 1, "Billable output estimate", { style: "label" });
  t.put(17, 2, `=${requests}*${retry}`, { format: "fractionalCount", style: "result" });
  t.put(17, 3, "Monthly requests x retry multiplier", { style: "note" });
  t.put(18, 1, "Price per image", { style: "label" });
  t.put(18, 2, `=IMG.PRICE(${provider},${quality},${size})`, {
    format: "usdPrice",
    style: "result",
  });
  t.put(18, 3, "IMG.PRICE for the provider, quality and size above", { style: "note" });
  t.put(19, 1, "Monthly budget", { style: "label" });
  t.put(19, 2, `=${billable}*${price}`, { format: "usd", style: "total" });
  t.put(19, 3, "Billable output estimate x price per image", { style: "note" });
  t.put(20, 1, "Same budget from IMG.COST", { style: "label" });
  t.put(20, 2, `=IMG.COST(${provider},${quality},${size},${requests},${retry})`, {
    format: "usd",
    style: "result",
  });
  t.put(20, 3, "One function does the whole sum; it must equal the monthly budget", {
    style: "note",
  });
  t.put(21, 1, "Same volume at low quality", { style: "label" });
  t.put(21, 2, `=IMG.COST(${provider},"low",${size},${requests},${retry})`, {
    format: "usd",
    style: "result",
  });
  t.put(21, 3, "What drafting at low quality would cost instead", { style: "note" });
  t.put(22, 1, "Approval gate", { style: "label" });
  t.put(
    22,
    2,
    `=IF(${approval}="yes","Draft at low quality, approve, then regenerate only the winners at high quality.","No approval gate: every attempt is billed at the chosen quality. Use high only after approval.")`,
    { style: "result" },
  );
  t.put(22, 3, "From step 7", { style: "note" });
  t.table("CostEstimateResults", { top: 15, left: 1, bottom: 22, right: 3 });

  // What a budget buys: rows 26-28.
  t.put(24, 1, "What a budget buys", { style: "heading" });
  t.inputRow(
    25,
    1,
    "Monthly budget cap",
    500,
    { name: "Budget_cap", note: "USD a month you can spend, 0 or more.", validation: AMOUNT },
    "usd",
  );
  t.put(26, 1, "Images it buys", { style: "label" });
  t.put(26, 2, `=IMG.AFFORD(${ref("Budget_cap")},${provider},${quality},${size},${retry})`, {
    format: "count",
    style: "result",
  });
  t.put(26, 3, "Whole images kept after retries, from IMG.AFFORD", { style: "note" });
  t.put(27, 1, "Jobs it covers", { style: "label" });
  t.put(27, 2, `=IF(${perJob}>0,INT(${abs(26, 2)}/${perJob}),"no images per job")`, {
    format: "count",
    style: "result",
  });
  t.put(27, 3, "Images it buys / images per job, rounded down", { style: "note" });

  // The planning formula, as text and with the inputs filled in.
  t.put(29, 1, "The planning formula", { style: "heading" });
  t.put(
    30,
    1,
    "Estimated monthly image cost = planned image requests x average outputs per request x cost per output at selected quality / size x retry and rejection multiplier",
    { style: "formulaText" },
  );
  t.put(31, 1, "Monthly requests = monthly jobs x images per job", { style: "formulaText" });
  t.put(32, 1, "Billable output estimate = monthly requests x retry multiplier", {
    style: "formulaText",
  });
  t.put(33, 1, "Monthly budget = billable output estimate x price per image", {
    style: "formulaText",
  });
  t.put(
    34,
    1,
    // No TEXT(): its format codes depend on the user's locale; a plain number follows it.
    `="With your answers: "&${jobs}&" x "&${perJob}&" x "&${retry}&" x "&ROUND(${price},6)&" USD = "&ROUND(${budget},2)&" USD"`,
    { style: "formulaText" },
  );

  return t.build({
    id: COST_ESTIMATE_ID,
    title: "Cost estimate",
    description:
      "The seven-step planning worksheet: jobs, images per job, retries, quality, size and approval to a monthly budget for one provider.",
    sheetName: "Cost estimate",
    columnWidths: [40, 300, 150, 420],
  });
}
