/**
 * The pure renderer: a template to a rectangular grid of constants and formulas (what Excel's
 * `range.formulas` takes and what a spreadsheet engine evaluates), its number formats, and the
 * defined names of its inputs. The Office.js writer writes exactly this grid.
 */
import { abs } from "./layout";
import { NUMBER_FORMATS, type CellSpec, type TemplateSpec } from "./model";

export type GridValue = string | number | boolean | null;

export interface GridName {
  /** Final defined name (after any renaming). */
  readonly name: string;
  /** The name as the template spells it. */
  readonly templateName: string;
  /** Absolute address on the template's sheet, e.g. "$C$6". */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly note: string;
}

export interface Grid {
  readonly rows: number;
  readonly cols: number;
  /** Constants and formulas, `null` for an empty cell. */
  readonly cells: GridValue[][];
  /** Excel number format code per cell ("General" where none is set). */
  readonly numberFormats: string[][];
  readonly names: readonly GridName[];
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_.]*)\}/g;

/**
 * Replaces each `{Input_name}` by the input's final defined name. An unknown placeholder is a
 * template bug, reported with the formula it appears in.
 */
export function resolveFormula(formula: string, rename: ReadonlyMap<string, string>): string {
  return formula.replace(PLACEHOLDER, (_, name: string) => {
    const final = rename.get(name);
    if (final === undefined) {
      throw new Error(
        `Template formula ${formula} refers to {${name}}, which is not an input of the template.`,
      );
    }
    return final;
  });
}

/** Template name -> itself, for every input: the default when nothing has to be renamed. */
export function identityNames(template: TemplateSpec): Map<string, string> {
  const names = new Map<string, string>();
  for (const cell of template.cells) {
    if (cell.input !== undefined) names.set(cell.input.name, cell.input.name);
  }
  return names;
}

function cellContent(cell: CellSpec, rename: ReadonlyMap<string, string>): GridValue {
  if (cell.formula !== undefined) return resolveFormula(cell.formula, rename);
  return cell.value ?? null;
}

/**
 * Renders a template. `rename` maps an input's template name to the defined name to use (the
 * writer passes one when the workbook already has a clashing name); defaults to the names as
 * written.
 */
export function renderGrid(
  template: TemplateSpec,
  rename: ReadonlyMap<string, string> = identityNames(template),
): Grid {
  let rows = 0;
  let cols = 0;
  for (const cell of template.cells) {
    rows = Math.max(rows, cell.row + 1);
    cols = Math.max(cols, cell.col + 1);
  }
  const cells: GridValue[][] = Array.from({ length: rows }, () =>
    Array<GridValue>(cols).fill(null),
  );
  const numberFormats: string[][] = Array.from({ length: rows }, () =>
    Array<string>(cols).fill("General"),
  );
  const names: GridName[] = [];
  for (const cell of template.cells) {
    const row = cells[cell.row];
    const formats = numberFormats[cell.row];
    if (row === undefined || formats === undefined) continue; // unreachable: sized above
    row[cell.col] = cellContent(cell, rename);
    if (cell.format !== undefined) formats[cell.col] = NUMBER_FORMATS[cell.format];
    if (cell.input !== undefined) {
      names.push({
        name: rename.get(cell.input.name) ?? cell.input.name,
        templateName: cell.input.name,
        address: abs(cell.row, cell.col),
        row: cell.row,
        col: cell.col,
        note: cell.input.note,
      });
    }
  }
  return { rows, cols, cells, numberFormats, names };
}
