/**
 * Inserts any template into a new sheet with Office.js: every cell, format, table, name, validation
 * and chart of the template queued on the sheet the add-in's one sheet writer adds
 * (src/shared/newSheet.ts: two round trips, the new sheet removed again if Excel refuses the
 * write). It activates the new sheet and never touches another.
 */
import { a1, columnLetter, rangeA1 } from "./layout";
import type { CellStyle, ChartSpec, InputValidation, TemplateSpec } from "./model";
import { planInsertion, type InsertionPlan } from "./naming";
import { SheetWriteError, writeNewSheet } from "../shared/newSheet";

/** A template that cannot be inserted, or that Excel refused: the workbook is as it was. */
export class TemplateError extends SheetWriteError {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly fontName?: string;
  readonly wrap?: boolean;
}

/** Input cells are the only yellow ones, so a reader sees at once what to change. */
export const INPUT_FILL = "#FFF2CC";

export const LOOKS: Readonly<Record<CellStyle, Look>> = {
  title: { bold: true, size: 16, color: "#1F3864" },
  intro: { color: "#404040" },
  heading: { bold: true, size: 12, color: "#1F3864" },
  header: { bold: true, fill: "#DDEBF7", color: "#1F3864" },
  label: {},
  input: { fill: INPUT_FILL, color: "#1F4E79", bold: true },
  result: {},
  total: { bold: true, fill: "#E2EFDA" },
  note: { italic: true, color: "#595959" },
  warning: { bold: true, color: "#C00000" },
  formulaText: { fontName: "Consolas", color: "#404040" },
};

const CHART_TYPES: Readonly<Record<ChartSpec["kind"], "BarClustered" | "ColumnClustered">> = {
  barClustered: "BarClustered",
  columnClustered: "ColumnClustered",
};

/** Excel's limits on data validation prompt texts. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

function applyLook(range: Excel.Range, look: Look): void {
  const font = range.format.font;
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.color !== undefined) font.color = look.color;
  if (look.fontName !== undefined) font.name = look.fontName;
  if (look.fill !== undefined) range.format.fill.color = look.fill;
  if (look.wrap !== undefined) range.format.wrapText = look.wrap;
}

function validationRule(validation: InputValidation): Excel.DataValidationRule {
  if (validation.kind === "list") {
    return { list: { inCellDropDown: true, source: validation.values.join(",") } };
  }
  const condition = { formula1: validation.min, operator: "GreaterThanOrEqualTo" as const };
  return validation.wholeNumber ? { wholeNumber: condition } : { decimal: condition };
}

function describeRule(validation: InputValidation): string {
  if (validation.kind === "list") return `Accepted: ${validation.values.join(", ")}.`;
  return `Accepted: ${validation.wholeNumber ? "a whole number" : "a number"} of ${validation.min} or more.`;
}

/** Queues every write of the plan on the new sheet. No sync here. */
function queueWrites(sheet: Excel.Worksheet, template: TemplateSpec, plan: InsertionPlan): void {
  const { grid } = plan;
  // Names before formulas: a formula entered before its sheet-scoped name exists could bind to a
  // workbook-scoped name of the same spelling, or read #NAME?.
  for (const name of grid.names) {
    const cell = sheet.getRange(name.address.replace(/\$/g, ""));
    sheet.names.add(name.name, cell, clip(name.note, PROMPT_MESSAGE_MAX));
  }
  if (grid.rows > 0 && grid.cols > 0) {
    const whole = sheet.getRange(`A1:${a1(grid.rows - 1, grid.cols - 1)}`);
    // Formats first, so text inputs such as 1024x1024 are stored as text.
    whole.numberFormat = grid.numberFormats;
    whole.formulas = grid.cells.map((row) => row.map((value) => value ?? ""));
  }

  template.columnWidths.forEach((width, col) => {
    const letter = columnLetter(col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = width;
  });

  for (const table of template.tables) {
    const created = sheet.tables.add(rangeA1(table.range), true);
    created.name = plan.tableNames.get(table.name) ?? table.name;
    created.style = "TableStyleLight1";
    created.showBandedRows = false;
  }

  // Cell looks after the tables, so an input's fill shows over the table style.
  for (const cell of template.cells) {
    if (cell.style === undefined) continue;
    const look = LOOKS[cell.style];
    if (Object.keys(look).length === 0) continue;
    applyLook(sheet.getRange(a1(cell.row, cell.col)), look);
  }

  for (const cell of template.cells) {
    if (cell.input === undefined) continue;
    const validation = sheet.getRange(a1(cell.row, cell.col)).dataValidation;
    const rule = cell.input.validation;
    const message =
      rule === undefined ? cell.input.note : `${cell.input.note} ${describeRule(rule)}`;
    validation.prompt = {
      showPrompt: true,
      title: clip(cell.input.name.replace(/_/g, " "), PROMPT_TITLE_MAX),
      message: clip(message, PROMPT_MESSAGE_MAX),
    };
    if (rule !== undefined) {
      validation.rule = validationRule(rule);
      validation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Not accepted here",
        message: clip(describeRule(rule), PROMPT_MESSAGE_MAX),
      };
    }
  }

  // Formats that follow the values, e.g. a summary that turns red when a check fails.
  for (const spec of template.conditionalFormats ?? []) {
    const format = sheet.getRange(rangeA1(spec.range)).conditionalFormats.add("Custom");
    format.custom.rule.formula = spec.formula;
    format.custom.format.fill.color = spec.fill;
    format.custom.format.font.color = spec.fontColor;
  }

  for (const spec of template.charts) {
    const chart = sheet.charts.add(
      CHART_TYPES[spec.kind],
      sheet.getRange(rangeA1(spec.series)),
      "Columns",
    );
    chart.title.text = spec.title;
    chart.setPosition(
      a1(spec.placement.top, spec.placement.left),
      a1(spec.placement.bottom, spec.placement.right),
    );
    chart.axes.valueAxis.title.text = spec.valueAxisTitle;
    const categories = rangeA1(spec.categories);
    const seriesCount = spec.series.right - spec.series.left + 1;
    for (let i = 0; i < seriesCount; i++) {
      chart.series.getItemAt(i).setXAxisValues(sheet.getRange(categories));
    }
    chart.legend.visible = seriesCount > 1;
    // Bars are drawn bottom-up; reversed, they read top-down in the table's order.
    if (spec.kind === "barClustered") chart.axes.categoryAxis.reversePlotOrder = true;
  }

  sheet.activate();
}

/**
 * Inserts `template` into a new sheet and returns the sheet's name, through the add-in's one sheet
 * writer (src/shared/newSheet.ts): exactly two `context.sync()` calls when it succeeds; if Excel
 * refuses the write, a third removes the half-made new sheet and a TemplateError says what went wrong.
 */
export async function writeTemplate(
  context: Excel.RequestContext,
  template: TemplateSpec,
): Promise<{ sheetName: string }> {
  const plan = await writeNewSheet(
    context,
    `the "${template.title}" template`,
    (taken) => planInsertion(template, taken),
    (sheet, planned) => queueWrites(sheet, template, planned),
    (message) => new TemplateError(message),
  );
  return { sheetName: plan.sheetName };
}
