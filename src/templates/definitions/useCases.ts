/**
 * Use-case budgets: the pricing guide's three worked examples, each with its own inputs, so a team
 * can start from the one closest to its product.
 */
import { abs, ref, TemplateBuilder } from "../layout";
import type { InputValidation, NumberFormatKind, TemplateSpec } from "../model";
import {
  AMOUNT,
  PLANNING_SOURCE,
  PROVIDER_NOTE,
  QUALITY_NOTE,
  QUALITY_VALUES,
  RETRY,
  SIZE_NOTE,
  WHOLE_NUMBER,
} from "./shared";

export const USE_CASES_ID = "use-cases";

interface BlockInput {
  readonly label: string;
  readonly name: string;
  readonly value: string | number;
  readonly format: NumberFormatKind;
  readonly note: string;
  readonly validation?: InputValidation;
}

interface BlockResult {
  readonly label: string;
  /** Builds the formula from the addresses of the results placed before it. */
  readonly formula: (earlier: readonly string[]) => string;
  readonly format: NumberFormatKind;
  readonly note: string;
  readonly total?: boolean;
}

const COLS = { label: 0, value: 1, note: 2 } as const;

/** Writes one example as a heading, a table of inputs and results, and its formula in words. */
function block(
  t: TemplateBuilder,
  startRow: number,
  spec: {
    heading: string;
    story: string;
    table: string;
    inputs: readonly BlockInput[];
    results: readonly BlockResult[];
    formulaText: string;
  },
): number {
  let row = startRow;
  t.put(row++, COLS.label, spec.heading, { style: "heading" });
  t.put(row++, COLS.label, spec.story, { style: "intro" });
  const header = row;
  t.headerRow(row++, COLS.label, ["Item", "Value", "Note"]);
  for (const input of spec.inputs) {
    t.inputRow(
      row,
      COLS.label,
      input.label,
      input.value,
      {
        name: input.name,
        note: input.note,
        ...(input.validation === undefined ? {} : { validation: input.validation }),
      },
      input.format,
    );
    row++;
  }
  const earlier: string[] = [];
  for (const result of spec.results) {
    t.put(row, COLS.label, result.label, { style: "label" });
    t.put(row, COLS.value, result.formula(earlier), {
      format: result.format,
      style: result.total === true ? "total" : "result",
    });
    t.put(row, COLS.note, result.note, { style: "note" });
    earlier.push(abs(row, COLS.value));
    row++;
  }
  t.table(spec.table, { top: header, left: COLS.label, bottom: row - 1, right: COLS.note });
  t.put(row++, COLS.label, spec.formulaText, { style: "formulaText" });
  return row + 1;
}

function providerInput(prefix: string): BlockInput {
  return {
    label: "Provider",
    name: `${prefix}_provider`,
    value: "openai",
    format: "text",
    note: PROVIDER_NOTE,
  };
}

function retryInput(prefix: string, value: number, why: string): BlockInput {
  return {
    label: "Retry multiplier",
    name: `${prefix}_retry`,
    value,
    format: "multiplier",
    note: `1 or more; ${why} An assumption: measure it from your own logs.`,
    validation: RETRY,
  };
}

export function useCasesTemplate(): TemplateSpec {
  const t = new TemplateBuilder();
  t.titleRows(
    "GPT Image 2 use-case budgets",
    "Three worked examples from the pricing guide, each with its own inputs (yellow). Change the inputs to your numbers; each monthly cost follows.",
    PLANNING_SOURCE,
  );

  let row = 4;
  row = block(t, row, {
    heading: "1. SaaS onboarding thumbnails",
    story:
      "One thumbnail for each new workspace. Default to low during onboarding, store the accepted result, and use medium only if the user asks for an upgraded visual.",
    table: "UseCaseOnboarding",
    inputs: [
      providerInput("SaaS"),
      {
        label: "New workspaces per month",
        name: "SaaS_workspaces",
        value: 500,
        format: "count",
        note: "A whole number, 0 or more.",
        validation: WHOLE_NUMBER,
      },
      {
        label: "Images per workspace",
        name: "SaaS_images_per_workspace",
        value: 1,
        format: "count",
        note: "The example generates one thumbnail per workspace.",
        validation: AMOUNT,
      },
      retryInput("SaaS", 1.2, "between a stable template (1.1) and light QA (1.25)."),
      {
        label: "Quality",
        name: "SaaS_quality",
        value: "low",
        format: "text",
        note: `low for drafts, medium for upgraded visuals. ${QUALITY_NOTE}`,
        validation: QUALITY_VALUES,
      },
      { label: "Size", name: "SaaS_size", value: "1024x1024", format: "text", note: SIZE_NOTE },
    ],
    results: [
      {
        label: "Price per image",
        formula: () =>
          `=IMG.PRICE(${ref("SaaS_provider")},${ref("SaaS_quality")},${ref("SaaS_size")})`,
        format: "usdPrice",
        note: "IMG.PRICE for the provider, quality and size above",
      },
      {
        label: "Estimated monthly cost",
        formula: ([price]) =>
          `=${ref("SaaS_workspaces")}*${ref("SaaS_images_per_workspace")}*${ref("SaaS_retry")}*${price}`,
        format: "usd",
        note: "Workspaces x images per workspace x retry multiplier x price per image",
        total: true,
      },
    ],
    formulaText:
      "Estimated monthly cost = workspaces per month x 1 x retry multiplier x low-or-medium price",
  });

  row = block(t, row, {
    heading: "2. Marketplace listing images",
    story:
      "Sellers get cleaned-up product backgrounds from their uploaded photos (edits with a reference image). Cap retries per listing and ask the seller before regenerating.",
    table: "UseCaseMarketplace",
    inputs: [
      providerInput("Listing"),
      {
        label: "Listings per month",
        name: "Listing_listings",
        value: 4000,
        format: "count",
        note: "A whole number, 0 or more.",
        validation: WHOLE_NUMBER,
      },
      {
        label: "Edited images per listing",
        name: "Listing_images_per_listing",
        value: 2,
        format: "count",
        note: "0 or more.",
        validation: AMOUNT,
      },
      retryInput("Listing", 1.25, "a prompt template with light QA."),
      {
        label: "Quality",
        name: "Listing_quality",
        value: "medium",
        format: "text",
        note: `The example uses medium. ${QUALITY_NOTE}`,
        validation: QUALITY_VALUES,
      },
      { label: "Size", name: "Listing_size", value: "1024x1024", format: "text", note: SIZE_NOTE },
    ],
    results: [
      {
        label: "Price per image",
        formula: () =>
          `=IMG.PRICE(${ref("Listing_provider")},${ref("Listing_quality")},${ref("Listing_size")})`,
        format: "usdPrice",
        note: "IMG.PRICE for the provider, quality and size above",
      },
      {
        label: "Estimated monthly cost",
        formula: ([price]) =>
          `=${ref("Listing_listings")}*${ref("Listing_images_per_listing")}*${ref("Listing_retry")}*${price}`,
        format: "usd",
        note: "Listings x images per listing x retry multiplier x price per image",
        total: true,
      },
    ],
    formulaText:
      "Estimated monthly cost = listings per month x images per listing x retry multiplier x medium price",
  });

  block(t, row, {
    heading: "3. Growth campaign creative",
    story:
      "Ad concepts in several aspect ratios: many low-quality drafts, then only the approved winners regenerated at high quality. Never brainstorm at high quality.",
    table: "UseCaseCampaign",
    inputs: [
      providerInput("Campaign"),
      {
        label: "Campaigns per month",
        name: "Campaign_campaigns",
        value: 4,
        format: "count",
        note: "A whole number, 0 or more.",
        validation: WHOLE_NUMBER,
      },
      {
        label: "Concepts per campaign",
        name: "Campaign_concepts",
        value: 10,
        format: "count",
        note: "0 or more.",
        validation: AMOUNT,
      },
      {
        label: "Aspect ratios per concept",
        name: "Campaign_ratios",
        value: 3,
        format: "count",
        note: "0 or more. Better: pick the winning concept first, then make ratio variants.",
        validation: AMOUNT,
      },
      retryInput("Campaign", 1.4, "between light QA (1.25) and a new prompt (1.5)."),
      {
        label: "Draft quality",
        name: "Campaign_draft_quality",
        value: "low",
        format: "text",
        note: QUALITY_NOTE,
        validation: QUALITY_VALUES,
      },
      {
        label: "Draft size",
        name: "Campaign_draft_size",
        value: "1024x1024",
        format: "text",
        note: SIZE_NOTE,
      },
      {
        label: "Approved finals per month",
        name: "Campaign_finals",
        value: 24,
        format: "count",
        note: "Winners regenerated at final quality, 0 or more.",
        validation: AMOUNT,
      },
      {
        label: "Final quality",
        name: "Campaign_final_quality",
        value: "high",
        format: "text",
        note: QUALITY_NOTE,
        validation: QUALITY_VALUES,
      },
      {
        label: "Final size",
        name: "Campaign_final_size",
        value: "1536x1024",
        format: "text",
        note: `${SIZE_NOTE} Generate finals directly in the ratio the ad runs in.`,
      },
    ],
    results: [
      {
        label: "Draft price per image",
        formula: () =>
          `=IMG.PRICE(${ref("Campaign_provider")},${ref("Campaign_draft_quality")},${ref("Campaign_draft_size")})`,
        format: "usdPrice",
        note: "IMG.PRICE at draft quality and size",
      },
      {
        label: "Draft budget",
        formula: ([draftPrice]) =>
          `=${ref("Campaign_campaigns")}*${ref("Campaign_concepts")}*${ref("Campaign_ratios")}*${ref("Campaign_retry")}*${draftPrice}`,
        format: "usd",
        note: "Campaigns x concepts x ratios x retry multiplier x draft price",
      },
      {
        label: "Final price per image",
        formula: () =>
          `=IMG.PRICE(${ref("Campaign_provider")},${ref("Campaign_final_quality")},${ref("Campaign_final_size")})`,
        format: "usdPrice",
        note: "IMG.PRICE at final quality and size",
      },
      {
        label: "Final budget",
        formula: ([, , finalPrice]) => `=${ref("Campaign_finals")}*${finalPrice}`,
        format: "usd",
        note: "Approved finals x final price",
      },
      {
        label: "Estimated monthly cost",
        formula: ([, draftBudget, , finalBudget]) => `=${draftBudget}+${finalBudget}`,
        format: "usd",
        note: "Draft budget + final budget",
        total: true,
      },
    ],
    formulaText: "Estimated monthly cost = draft budget + final budget",
  });

  return t.build({
    id: USE_CASES_ID,
    title: "Use-case budgets",
    description:
      "The three worked examples: SaaS onboarding thumbnails, marketplace listing edits, and a growth campaign budgeted as low-quality drafts plus high-quality finals.",
    sheetName: "Use-case budgets",
    columnWidths: [220, 130, 520],
  });
}
