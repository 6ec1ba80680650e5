/**
 * Writes docs/verify-in-excel.xlsx: the "Check this add-in" sheet (src/selfcheck/cases.ts through
 * the template of src/templates/definitions/selfCheck.ts) and the "Portable vs IMG" sheet
 * (src/selfcheck/portable.ts), so anyone can open it in Excel with the add-in loaded and see every
 * row PASS.
 *
 *   npm run verify:workbook            regenerate the file
 *   npm run verify:workbook -- --check exit 1 when the committed file differs from what it would be
 *
 * The file's content is fixed (no dates of today, fixed metadata); the zip archive around it still
 * stamps the time of writing, so files are compared by content (workbookContent), not by bytes.
 *
 * Formulas are stored as a user types them (IMG.COST(...), no prefix): Excel binds them to the
 * add-in's functions when it reads the file with the add-in's functions registered; see
 * docs/verify-in-excel.md for when a file-borne formula stays #NAME? and what to do then.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { getTemplate, renderGrid, type TemplateSpec } from "../src/templates";
import { portableCheckSheet, portablePrices } from "../src/selfcheck/portable";
import { FAIL_FILL, FAIL_FONT, SELF_CHECK_ID } from "../src/templates/definitions/selfCheck";
import { rangeA1 } from "../src/templates/layout";
import { LOOKS } from "../src/templates/writer";

export const WORKBOOK_PATH = resolve(__dirname, "..", "docs", "verify-in-excel.xlsx");

/** Fixed metadata: regenerating must not change the content. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** Template column widths are in points; Excel's are in characters of about 7 pixels. */
function widthInCharacters(points: number): number {
  return Math.round(((points * 4) / 3 / 7) * 10) / 10;
}

function addTemplateSheet(workbook: ExcelJS.Workbook, template: TemplateSpec): void {
  const sheet = workbook.addWorksheet(template.sheetName);
  const grid = renderGrid(template);
  template.columnWidths.forEach((width, col) => {
    sheet.getColumn(col + 1).width = widthInCharacters(width);
  });
  grid.cells.forEach((cells, row) =>
    cells.forEach((content, col) => {
      if (content === null) return;
      const cell = sheet.getCell(row + 1, col + 1);
      cell.value =
        typeof content === "string" && content.startsWith("=")
          ? { formula: content.slice(1) }
          : content;
      const format = grid.numberFormats[row]?.[col];
      if (format !== undefined && format !== "General") cell.numFmt = format;
    }),
  );
  for (const spec of template.cells) {
    if (spec.style === undefined) continue;
    const look = LOOKS[spec.style];
    const cell = sheet.getCell(spec.row + 1, spec.col + 1);
    const font: Partial<ExcelJS.Font> = {};
    if (look.bold !== undefined) font.bold = look.bold;
    if (look.italic !== undefined) font.italic = look.italic;
    if (look.size !== undefined) font.size = look.size;
    if (look.color !== undefined) font.color = { argb: argb(look.color) };
    if (look.fontName !== undefined) font.name = look.fontName;
    if (Object.keys(font).length > 0) cell.font = font;
    if (look.fill !== undefined) {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
    }
  }
  (template.conditionalFormats ?? []).forEach((spec, i) => {
    sheet.addConditionalFormatting({
      ref: rangeA1(spec.range),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [spec.formula.slice(1)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(spec.fill) } },
            font: { color: { argb: argb(spec.fontColor) } },
          },
        },
      ],
    });
  });
  sheet.views = [{ state: "frozen", ySplit: 0, xSplit: 0, activeCell: "A1" }];
}

/** The workbook, built from the cases. */
export function buildWorkbook(): ExcelJS.Workbook {
  const template = getTemplate(SELF_CHECK_ID);
  if (template === undefined) throw new Error(`No template ${SELF_CHECK_ID}.`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "img-cost-planner";
  workbook.lastModifiedBy = "img-cost-planner";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  // No values are stored with the formulas: Excel computes every one when it opens the file.
  workbook.calcProperties.fullCalcOnLoad = true;
  addTemplateSheet(workbook, template);
  addTemplateSheet(workbook, portableCheckSheet({ fill: FAIL_FILL, font: FAIL_FONT }));
  // The prices the portable formulas look up, and the workbook-scoped names they look up through.
  const prices = portablePrices();
  addTemplateSheet(workbook, prices.sheet);
  for (const { name, formula } of prices.names) workbook.definedNames.add(formula.slice(1), name);
  return workbook;
}

export async function workbookBuffer(): Promise<Buffer> {
  return Buffer.from(await buildWorkbook().xlsx.writeBuffer());
}

/**
 * What a reader of the file gets, as plain data: per sheet, every cell's formula or value and
 * number format, the column widths and the conditional formats. Two files with the same content
 * give the same answer whatever their zip timestamps.
 */
export async function workbookContent(file: Buffer): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return {
    names: (workbook.definedNames as unknown as { model: unknown }).model,
    created: workbook.created?.toISOString(),
    modified: workbook.modified?.toISOString(),
    sheets: workbook.worksheets.map((sheet) => {
      const cells: Record<string, unknown> = {};
      sheet.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          cells[cell.address] = {
            value: cell.value,
            numFmt: cell.numFmt,
            font: cell.font,
            fill: cell.fill,
          };
        }),
      );
      return {
        name: sheet.name,
        widths: sheet.columns.map((c) => c.width),
        cells,
        conditionalFormats: (sheet as unknown as { conditionalFormattings?: unknown })
          .conditionalFormattings,
      };
    }),
  };
}

async function main(): Promise<void> {
  const fresh = await workbookBuffer();
  if (process.argv.includes("--check")) {
    const committed = readFileSync(WORKBOOK_PATH);
    const same =
      JSON.stringify(await workbookContent(committed)) ===
      JSON.stringify(await workbookContent(fresh));
    if (!same) {
      console.error(
        `${join("docs", "verify-in-excel.xlsx")} is stale: run npm run verify:workbook and commit it.`,
      );
      process.exit(1);
    }
    console.log("docs/verify-in-excel.xlsx matches the cases.");
    return;
  }
  writeFileSync(WORKBOOK_PATH, fresh);
  console.log(`Wrote ${WORKBOOK_PATH}.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
