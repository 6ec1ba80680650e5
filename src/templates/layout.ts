/**
 * A1 addressing and a small builder the template definitions use to place cells. The builder only
 * collects plain data (model.ts); nothing here talks to Excel.
 */
import type {
  CellRange,
  CellSpec,
  CellStyle,
  ChartSpec,
  InputSpec,
  NumberFormatKind,
  TableSpec,
  TemplateSpec,
} from "./model";
import { columnLetter } from "../shared/a1";

export { columnLetter };

/** Relative A1 address, e.g. (4, 1) -> "B5". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Absolute A1 address, e.g. (4, 1) -> "$B$5". */
export function abs(row: number, col: number): string {
  return `$${columnLetter(col)}$${row + 1}`;
}

export function rangeA1(range: CellRange): string {
  return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
}

export function absRangeA1(range: CellRange): string {
  return `${abs(range.top, range.left)}:${abs(range.bottom, range.right)}`;
}

/** Reference to an input by its defined name, resolved by the renderer and the writer. */
export function ref(name: string): string {
  return `{${name}}`;
}

interface CellOptions {
  readonly format?: NumberFormatKind;
  readonly style?: CellStyle;
  readonly input?: InputSpec;
}

export class TemplateBuilder {
  private readonly cells: CellSpec[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly taken = new Set<string>();

  /** Places a constant, or a formula when the text starts with "=". */
  put(
    row: number,
    col: number,
    content: string | number | boolean,
    options: CellOptions = {},
  ): void {
    const key = a1(row, col);
    if (this.taken.has(key))
      throw new Error(`Template layout error: cell ${key} is written twice.`);
    this.taken.add(key);
    const isFormula = typeof content === "string" && content.startsWith("=");
    this.cells.push({
      row,
      col,
      ...(isFormula ? { formula: content } : { value: content }),
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.style === undefined ? {} : { style: options.style }),
      ...(options.input === undefined ? {} : { input: options.input }),
    });
  }

  /** Places an input: distinct style, a defined name, and its note in the cell to the right. */
  input(
    row: number,
    col: number,
    value: string | number,
    input: InputSpec,
    format: NumberFormatKind,
    noteCol: number = col + 1,
  ): void {
    this.put(row, col, value, { format, style: "input", input });
    this.put(row, noteCol, input.note, { style: "note" });
  }

  /** A row label at `col`, the input right of it, and its note at `noteCol`. */
  inputRow(
    row: number,
    col: number,
    label: string,
    value: string | number,
    input: InputSpec,
    format: NumberFormatKind,
    noteCol: number = col + 2,
  ): void {
    this.put(row, col, label, { style: "label" });
    this.input(row, col + 1, value, input, format, noteCol);
  }

  /** The sheet's first three rows: its title, a paragraph on what it is for, and a note. */
  titleRows(title: string, intro: string, note: string, noteStyle: CellStyle = "note"): void {
    this.put(0, 0, title, { style: "title" });
    this.put(1, 0, intro, { style: "intro" });
    this.put(2, 0, note, { style: noteStyle });
  }

  /** A header row of a table or styled range. */
  headerRow(row: number, col: number, headers: readonly string[]): void {
    headers.forEach((header, i) => this.put(row, col + i, header, { style: "header" }));
  }

  table(name: string, range: CellRange): void {
    this.tables.push({ name, range });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  build(meta: {
    id: string;
    title: string;
    description: string;
    sheetName: string;
    columnWidths: readonly number[];
  }): TemplateSpec {
    return { ...meta, cells: [...this.cells], tables: [...this.tables], charts: [...this.charts] };
  }
}
