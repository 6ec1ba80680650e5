/**
 * Worksheet templates as plain data.
 *
 * A template is a list of cells (value or formula, number format, style), the inputs among them
 * (each becomes a sheet-scoped defined name), the Excel tables laid over them and the charts drawn
 * from them. One writer (writer.ts) turns any template into Office.js calls and one renderer
 * (grid.ts) turns it into a plain 2-D grid for a spreadsheet engine, so what the tests evaluate is
 * exactly what Excel receives.
 *
 * Coordinates are 0-based (row 0 = Excel row 1, col 0 = column A).
 *
 * Formulas are Excel formulas with one addition: `{Input_name}` stands for the defined name of an
 * input of the same template. The writer may have to rename an input when the workbook already
 * uses that name for a table, so formulas never spell the final name themselves.
 */

/** How a cell looks; the writer maps each style to fonts and fills. */
export type CellStyle =
  | "title" // sheet title
  | "intro" // one-paragraph explanation under the title
  | "heading" // section heading
  | "header" // column header of a table or range
  | "label" // row label
  | "input" // a value the user is expected to change (distinct fill)
  | "result" // a computed figure worth reading
  | "total" // the figure a section exists to produce
  | "note" // explanation beside an input or result
  | "warning" // "assumption, measure it yourself" text
  | "formulaText"; // a formula shown as text

/** Number formats by meaning; see NUMBER_FORMATS for the Excel format codes. */
export type NumberFormatKind =
  | "usd" // money totals
  | "usdPrice" // per-image prices (4 decimals: 0.0072 must not read 0.01)
  | "usdMeter" // per 1M tokens
  | "count" // whole numbers of images, jobs, days
  | "fractionalCount" // counts after a retry multiplier (7,500.0)
  | "multiplier" // retry multipliers
  | "multiple" // multiple of the cheapest
  | "text" // text entered as text, never turned into a date or number
  | "date"; // a date serial shown as a date (ISO order reads the same in every locale)

export const NUMBER_FORMATS: Readonly<Record<NumberFormatKind, string>> = {
  usd: "$#,##0.00",
  usdPrice: "$#,##0.0000",
  usdMeter: "$#,##0.00",
  count: "#,##0",
  fractionalCount: "#,##0.0",
  multiplier: "0.00",
  multiple: '0.00"x"',
  text: "@",
  date: "yyyy-mm-dd",
};

/** Restricts what can be typed into an input (Excel data validation). */
export type InputValidation =
  | { readonly kind: "list"; readonly values: readonly string[] }
  | { readonly kind: "number"; readonly min: number; readonly wholeNumber: boolean };

export interface InputSpec {
  /** Defined name, scoped to the template's sheet, e.g. "Monthly_jobs". */
  readonly name: string;
  /** Why the input exists and what it accepts; written as the name's comment too. */
  readonly note: string;
  readonly validation?: InputValidation;
}

export interface CellSpec {
  readonly row: number;
  readonly col: number;
  /** A constant. Exactly one of value and formula is set. */
  readonly value?: string | number | boolean;
  /** An Excel formula starting with "=", with `{Input_name}` placeholders. */
  readonly formula?: string;
  readonly format?: NumberFormatKind;
  readonly style?: CellStyle;
  readonly input?: InputSpec;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableSpec {
  /** Workbook-unique table name; the writer suffixes it on a clash. */
  readonly name: string;
  /** Header row included. */
  readonly range: CellRange;
}

export type ChartKind = "barClustered" | "columnClustered";

export interface ChartSpec {
  readonly kind: ChartKind;
  readonly title: string;
  /** Series values, one column per series, with the header row (series names) on top. */
  readonly series: CellRange;
  /** One column of category labels, as tall as the series without their header. */
  readonly categories: CellRange;
  /** Where the chart sits: the cells it covers. */
  readonly placement: CellRange;
  readonly valueAxisTitle: string;
}

/**
 * A conditional format: cells of `range` take `fill` and `fontColor` while `formula` is TRUE.
 * The formula is written for the range's top-left cell (relative references move with each cell).
 */
export interface ConditionalFormatSpec {
  readonly range: CellRange;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
}

export interface TemplateSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Base name of the sheet it is inserted into (before making it unique). */
  readonly sheetName: string;
  /** Column widths in points, from column A. */
  readonly columnWidths: readonly number[];
  readonly cells: readonly CellSpec[];
  readonly tables: readonly TableSpec[];
  readonly charts: readonly ChartSpec[];
  /** Conditional formats, applied in order; none when left out. */
  readonly conditionalFormats?: readonly ConditionalFormatSpec[];
}
