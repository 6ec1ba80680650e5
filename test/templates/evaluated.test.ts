/**
 * Every template rendered to its grid and computed by HyperFormula with the IMG functions from the
 * pricing core. Expected figures are worked out by hand from the source pages in the comments
 * (atlas-cloud-guide: Atlas Cloud's guide; 001: Pixazo's breakdown of OpenAI's rates; 002: Prospolabs' model
 * page; 004: the pricing guide with the cost estimation worksheet).
 */
import { getTemplate, type TemplateSpec } from "../../src/templates";
import { evaluate, type EvaluatedSheet } from "./sheet";

function template(id: string): TemplateSpec {
  const t = getTemplate(id);
  if (t === undefined) throw new Error(`no template ${id}`);
  return t;
}

/** Sets an input cell (by its label) and returns the recomputed sheet's accessor. */
function setBeside(
  sheet: EvaluatedSheet,
  label: string,
  value: string | number,
  offset = 1,
  occurrence = 0,
): void {
  const hit = sheet.find(label)[occurrence];
  if (hit === undefined) throw new Error(`no label ${label}`);
  const id = sheet.engine.getSheetId(sheet.sheetName) as number;
  sheet.engine.setCellContents({ sheet: id, row: hit.row, col: hit.col + offset }, value);
}

describe("Cost estimate (chatgptimages-api-pricing's seven-step worksheet)", () => {
  const sheet = evaluate(template("cost-estimate"));
  // Shipped inputs: 2,000 jobs a month, 3 images per job, retry 1.25, medium, 1024x1024, openai.
  // pixazo-pricing-breakdown: OpenAI medium 1024x1024 = 0.053 per image.

  it("computes monthly requests = jobs x images per job", () => {
    // 2,000 x 3 = 6,000
    expect(sheet.beside("Monthly requests")).toBe(6000);
  });

  it("computes billable outputs = requests x retry multiplier", () => {
    // 6,000 x 1.25 = 7,500
    expect(sheet.beside("Billable output estimate")).toBe(7500);
  });

  it("prices the chosen provider, quality and size from the book", () => {
    // pixazo-pricing-breakdown: medium square 0.053
    expect(sheet.beside("Price per image")).toBe(0.053);
  });

  it("computes the monthly budget = billable outputs x price, and IMG.COST agrees", () => {
    // 7,500 x 0.053 = 397.50
    expect(sheet.beside("Monthly budget")).toBeCloseTo(397.5, 9);
    expect(sheet.beside("Same budget from IMG.COST")).toBe(397.5);
  });

  it("shows the low-quality alternative", () => {
    // pixazo-pricing-breakdown: low square 0.006; 7,500 x 0.006 = 45
    expect(sheet.beside("Same volume at low quality")).toBe(45);
  });

  it("turns a budget cap into whole images and jobs", () => {
    // 500 / (0.053 x 1.25) = 500 / 0.06625 = 7,547.17 -> 7,547 images; 7,547 / 3 = 2,515.67 -> 2,515 jobs
    expect(sheet.beside("Images it buys")).toBe(7547);
    expect(sheet.beside("Jobs it covers")).toBe(2515);
  });

  it("writes the planning formula with the inputs filled in", () => {
    const row = sheet.find("Monthly budget = billable output estimate x price per image")[0]!;
    const worked = sheet.engine.getCellValue({
      sheet: sheet.engine.getSheetId(sheet.sheetName) as number,
      row: row.row + 1,
      col: row.col,
    });
    expect(worked).toBe("With your answers: 2000 x 3 x 1.25 x 0.053 USD = 397.5 USD");
  });

  it("follows the approval answer", () => {
    expect(sheet.beside("Approval gate")).toMatch(/^Draft at low quality/);
    setBeside(sheet, "Can humans approve before high-quality generation?", "no");
    expect(sheet.beside("Approval gate")).toMatch(/^No approval gate/);
  });

  it("recomputes from the inputs: Atlas Cloud at 1,000 jobs x 1 image, retry 1", () => {
    const fresh = evaluate(template("cost-estimate"));
    setBeside(fresh, "Which provider bills the images?", "atlas");
    setBeside(fresh, "How many users or jobs trigger that event monthly?", 1000);
    setBeside(fresh, "How many images are generated per job?", 1);
    setBeside(fresh, "How many candidates are discarded? (retry multiplier)", 1);
    // atlas-cloud-guide: flat 0.008; 1,000 x 1 x 1 x 0.008 = 8.00
    expect(fresh.beside("Monthly budget")).toBeCloseTo(8, 9);
    expect(fresh.beside("Same budget from IMG.COST")).toBe(8);
  });

  it("says so instead of dividing by zero when a job has no images", () => {
    const fresh = evaluate(template("cost-estimate"));
    setBeside(fresh, "How many images are generated per job?", 0);
    expect(fresh.beside("Monthly budget")).toBe(0); // 2,000 x 0 x 1.25 x 0.053 = 0
    expect(fresh.beside("Jobs it covers")).toBe("no images per job");
  });

  it("shows the core's reason, not a number, for a bad input", () => {
    const fresh = evaluate(template("cost-estimate"));
    setBeside(fresh, "What quality is needed at this stage?", "ultra");
    const price = fresh.beside("Price per image") as { type: string; message: string };
    expect(price.type).toBe("VALUE");
    expect(price.message).toMatch(/ultra/);
    expect(price.message).toMatch(/low/);
    expect(fresh.beside("Monthly budget")).toMatchObject({ type: "VALUE" });
  });
});

describe("Use-case budgets (chatgptimages-api-pricing's three examples)", () => {
  const sheet = evaluate(template("use-cases"));

  it("SaaS onboarding thumbnails: workspaces x 1 x retry x low price", () => {
    // pixazo-pricing-breakdown: OpenAI low 1024x1024 = 0.006; 500 x 1 x 1.2 x 0.006 = 3.60
    expect(sheet.beside("Price per image", 1, 0)).toBe(0.006);
    expect(sheet.beside("Estimated monthly cost", 1, 0)).toBeCloseTo(3.6, 9);
  });

  it("marketplace listing edits: listings x images per listing x retry x medium price", () => {
    // pixazo-pricing-breakdown: medium 1024x1024 = 0.053; 4,000 x 2 x 1.25 = 10,000; 10,000 x 0.053 = 530.00
    expect(sheet.beside("Price per image", 1, 1)).toBe(0.053);
    expect(sheet.beside("Estimated monthly cost", 1, 1)).toBeCloseTo(530, 9);
  });

  it("growth campaign: draft budget (low) + final budget (high)", () => {
    // drafts: 4 x 10 x 3 x 1.4 = 168 at low square 0.006 = 1.008
    expect(sheet.beside("Draft price per image")).toBe(0.006);
    expect(sheet.beside("Draft budget")).toBeCloseTo(1.008, 9);
    // finals: 24 at high landscape 1536x1024 = 0.165 (pixazo-pricing-breakdown) = 3.96
    expect(sheet.beside("Final price per image")).toBe(0.165);
    expect(sheet.beside("Final budget")).toBeCloseTo(3.96, 9);
    // 1.008 + 3.96 = 4.968
    expect(sheet.beside("Estimated monthly cost", 1, 2)).toBeCloseTo(4.968, 9);
  });

  it("each example has its own inputs: changing one leaves the others alone", () => {
    const fresh = evaluate(template("use-cases"));
    setBeside(fresh, "Provider", "prospolabs", 1, 1); // the marketplace example's provider
    // prospolabs-model-page: Prospolabs medium 0.028; 10,000 x 0.028 = 280
    expect(fresh.beside("Estimated monthly cost", 1, 1)).toBeCloseTo(280, 9);
    expect(fresh.beside("Estimated monthly cost", 1, 0)).toBeCloseTo(3.6, 9);
    expect(fresh.beside("Estimated monthly cost", 1, 2)).toBeCloseTo(4.968, 9);
  });
});

describe("Provider comparison", () => {
  const sheet = evaluate(template("comparison"));
  const row = (id: string) => ({
    price: sheet.beside(id, 2),
    total: sheet.beside(id, 3),
    rank: sheet.beside(id, 4),
    multiple: sheet.beside(id, 5),
  });

  it("prices every provider for medium 1024x1024 x 10,000 and ranks them", () => {
    // atlas-cloud-guide: Atlas flat 0.008 x 10,000 = 80, cheapest
    expect(row("atlas")).toEqual({ price: 0.008, total: 80, rank: 1, multiple: 1 });
    // OpenAI Batch: 50% of 0.053 = 0.0265 x 10,000 = 265; 265 / 80 = 3.3125
    expect(row("openai-batch")).toEqual({ price: 0.0265, total: 265, rank: 2, multiple: 3.3125 });
    // prospolabs-model-page: Prospolabs medium 0.028 x 10,000 = 280; 280 / 80 = 3.5
    expect(row("prospolabs")).toEqual({ price: 0.028, total: 280, rank: 3, multiple: 3.5 });
    // pixazo-pricing-breakdown: OpenAI and those at its rates, 0.053 x 10,000 = 530; 530 / 80 = 6.625; tied 4th
    for (const id of ["openai", "azure", "pixazo", "replicate-byok"]) {
      expect(row(id)).toEqual({ price: 0.053, total: 530, rank: 4, multiple: 6.625 });
    }
    expect(sheet.beside("Cheapest", 1)).toBe(0.008);
    expect(sheet.beside("Cheapest", 2)).toBe(80);
  });

  it("shows #N/A with the reason for providers with no published price, and leaves them unranked", () => {
    // pixazo-pricing-breakdown: Replicate without BYOK not listed; fal.ai medium not fixed; Vercel bills by token only
    for (const id of ["replicate", "fal", "vercel"]) {
      const r = row(id);
      expect(r.price).toMatchObject({ type: "NA" });
      expect((r.total as { message: string }).message.length).toBeGreaterThan(10);
      expect(r.rank).toBe("no price");
      expect(r.multiple).toBe("");
    }
  });

  it("reproduces Prospolabs' example: 10,000 Medium images 280 billed, 470 at retail", () => {
    // prospolabs-model-page: 10,000 x 0.028 = 280; 10,000 x 0.047 = 470; saving 190
    expect(sheet.beside("Billed cost")).toBe(280);
    expect(sheet.beside("Cost at list price")).toBeCloseTo(470, 9);
    expect(sheet.beside("Saving")).toBeCloseTo(190, 9);
  });

  it("spills the same ranking from IMG.CHEAPEST", () => {
    const header = sheet.find("The same ranking in one formula")[0]!;
    const id = sheet.engine.getSheetId(sheet.sheetName) as number;
    const at = (r: number, c: number) =>
      sheet.engine.getCellValue({ sheet: id, row: header.row + 2 + r, col: c });
    expect([at(0, 0), at(0, 1), at(0, 2), at(0, 3)]).toEqual([
      "provider",
      "price per image",
      "total",
      "multiple of cheapest",
    ]);
    expect([at(1, 0), at(1, 2)]).toEqual(["atlas", 80]);
    expect([at(2, 0), at(2, 2)]).toEqual(["openai-batch", 265]);
    expect([at(3, 0), at(3, 2), at(3, 3)]).toEqual(["prospolabs", 280, 3.5]);
  });

  it("re-ranks when the quality changes: high 1024x1024 x 10,000", () => {
    const fresh = evaluate(template("comparison"));
    setBeside(fresh, "Quality", "high", 1, 0);
    // Atlas 0.008 x 10,000 = 80; Prospolabs high 0.077 x 10,000 = 770 (prospolabs-model-page);
    // OpenAI Batch 0.211 / 2 = 0.1055 x 10,000 = 1,055; OpenAI 0.211 x 10,000 = 2,110 (pixazo-pricing-breakdown)
    expect(fresh.beside("atlas", 3)).toBe(80);
    expect(fresh.beside("prospolabs", 3)).toBe(770);
    expect(fresh.beside("prospolabs", 4)).toBe(2);
    expect(fresh.beside("openai-batch", 3)).toBe(1055);
    expect(fresh.beside("openai", 3)).toBe(2110);
    expect(fresh.beside("openai", 5)).toBeCloseTo(26.375, 9); // 2,110 / 80
  });

  it("still ranks and compares at a volume of 0, by price", () => {
    const fresh = evaluate(template("comparison"));
    setBeside(fresh, "Images", 0, 1, 0);
    expect(fresh.beside("atlas", 3)).toBe(0);
    expect(fresh.beside("atlas", 4)).toBe(1);
    expect(fresh.beside("prospolabs", 4)).toBe(3);
    expect(fresh.beside("prospolabs", 5)).toBe(3.5); // 0.028 / 0.008
  });

  it("lists every GPT Image 2 provider of the book and no comparison model", () => {
    for (const id of [
      "openai",
      "openai-batch",
      "azure",
      "pixazo",
      "replicate-byok",
      "replicate",
      "fal",
      "atlas",
      "prospolabs",
      "vercel",
    ]) {
      expect(sheet.find(id).length).toBeGreaterThan(0);
    }
    expect(sheet.find("atlas/nano-banana-2")).toEqual([]);
  });
});

describe("Volume projection (atlas-cloud-guide's table)", () => {
  const sheet = evaluate(template("projection"));
  const id = sheet.engine.getSheetId(sheet.sheetName) as number;
  const header = sheet.find("Images per day")[0]!;
  const cell = (volumeRow: number, col: number) =>
    sheet.engine.getCellValue({ sheet: id, row: header.row + 1 + volumeRow, col });

  it("labels the columns with the chosen providers", () => {
    const headers = [1, 2, 3, 4, 5, 6].map((c) =>
      sheet.engine.getCellValue({ sheet: id, row: header.row, col: c }),
    );
    expect(headers).toEqual([
      "atlas per day",
      "openai per day",
      "prospolabs per day",
      "atlas per month",
      "openai per month",
      "prospolabs per month",
    ]);
  });

  it("reproduces Atlas Cloud's table: 0.80 / 24, 8.00 / 240, 80.00 / 2,400", () => {
    // atlas-cloud-guide: 100 x 0.008 = 0.80 a day, x 30 = 24 a month; 1,000 -> 8.00 and 240; 10,000 -> 80.00 and 2,400
    expect([cell(0, 0), cell(0, 1), cell(0, 4)]).toEqual([100, 0.8, 24]);
    expect([cell(1, 0), cell(1, 1), cell(1, 4)]).toEqual([1000, 8, 240]);
    expect([cell(2, 0), cell(2, 1), cell(2, 4)]).toEqual([10000, 80, 2400]);
  });

  it("projects OpenAI and Prospolabs medium beside it", () => {
    // OpenAI 0.053: 100 -> 5.30 / 159; 10,000 -> 530 / 15,900. Prospolabs 0.028: 100 -> 2.80 / 84; 10,000 -> 280 / 8,400
    expect([cell(0, 2), cell(0, 5)]).toEqual([5.3, 159]);
    expect([cell(2, 2), cell(2, 5)]).toEqual([530, 15900]);
    expect([cell(0, 3), cell(0, 6)]).toEqual([2.8, 84]);
    expect([cell(2, 3), cell(2, 6)]).toEqual([280, 8400]);
  });

  it("follows edited days per month and images per day", () => {
    const fresh = evaluate(template("projection"));
    const freshId = fresh.engine.getSheetId(fresh.sheetName) as number;
    setBeside(fresh, "Days per month", 31);
    fresh.engine.setCellContents({ sheet: freshId, row: header.row + 1, col: 0 }, 250);
    // Atlas: 250 x 0.008 = 2.00 a day; x 31 = 62.00 a month
    expect(fresh.engine.getCellValue({ sheet: freshId, row: header.row + 1, col: 1 })).toBe(2);
    expect(fresh.engine.getCellValue({ sheet: freshId, row: header.row + 1, col: 4 })).toBe(62);
  });
});

describe("Assumptions", () => {
  const sheet = evaluate(template("assumptions"));

  it("prices the quality guide live, auto at the high price", () => {
    // pixazo-pricing-breakdown: OpenAI square low 0.006, medium 0.053, high 0.211; auto is budgeted as high
    expect(sheet.beside("low", 4)).toBe(0.006);
    expect(sheet.beside("medium", 4)).toBe(0.053);
    expect(sheet.beside("high", 4)).toBe(0.211);
    expect(sheet.beside("auto", 4)).toBe(0.211);
  });

  it("carries chatgptimages-api-pricing's quality guide wording", () => {
    expect(sheet.beside("low")).toBe("Thumbnails, ideation, internal previews, prompt testing");
    expect(sheet.beside("high", 3)).toBe("Use only after approval gates");
  });

  it("marks the retry multipliers as assumptions to measure", () => {
    expect(sheet.beside("New prompt, no review loop")).toBe(1.5);
    expect(sheet.beside("Prompt template with light QA")).toBe(1.25);
    expect(sheet.beside("Stable template with approved references")).toBe(1.1);
    for (const label of [
      "New prompt, no review loop",
      "Prompt template with light QA",
      "Stable template with approved references",
    ]) {
      expect(sheet.beside(label, 2)).toMatch(/measure it from your own logs/);
    }
    expect(sheet.beside("Prompt template with light QA", 3)).toBe(
      "125 attempts billed per 100 images kept",
    );
  });

  it("measures a retry multiplier from logs", () => {
    // 1,250 generated / 1,000 kept = 1.25
    expect(sheet.beside("Measured retry multiplier")).toBe(1.25);
  });

  it("shows OpenAI's token meters per 1M tokens", () => {
    // chatgptimages-api-pricing: text in 5.00, cached text in 1.25, image in 8.00, cached image in 2.00, image out 30.00
    expect(sheet.beside("Text input")).toBe(5);
    expect(sheet.beside("Cached text input")).toBe(1.25);
    expect(sheet.beside("Image input")).toBe(8);
    expect(sheet.beside("Cached image input")).toBe(2);
    expect(sheet.beside("Image output")).toBe(30);
  });
});
