/**
 * Choosing names that cannot clash with what the workbook already has: the sheet ("Cost estimate
 * (2)"), the tables (workbook-wide) and the inputs' defined names (scoped to the new sheet, so
 * they only have to avoid table names, which share their namespace).
 */
import { renderGrid, type Grid } from "./grid";
import type { TemplateSpec } from "./model";
import type { TakenNames } from "../shared/newSheet";

/** Excel's limit on sheet names. */
export const MAX_SHEET_NAME_LENGTH = 31;
/** Characters Excel refuses in sheet names. */
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
/** Excel reserves this sheet name (case-insensitively). */
const RESERVED_SHEET_NAMES = ["history"];

/** The sheets, tables and workbook-scoped defined names the workbook already has. */
export type ExistingNames = TakenNames;

export interface InsertionPlan {
  readonly sheetName: string;
  /** Template table name -> table name to create. */
  readonly tableNames: ReadonlyMap<string, string>;
  /** Input name as the template spells it -> defined name to create. */
  readonly inputNames: ReadonlyMap<string, string>;
  readonly grid: Grid;
}

/** A name Excel accepts for a sheet: forbidden characters dropped, no edge apostrophes, 31 chars. */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(FORBIDDEN_IN_SHEET_NAME, "")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, MAX_SHEET_NAME_LENGTH)
    .trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/** `base`, or `base (2)`, `base (3)`, ... shortened to fit 31 characters; case-insensitive. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set([...existing.map((n) => n.toLowerCase()), ...RESERVED_SHEET_NAMES]);
  const clean = cleanSheetName(base);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clean.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** `base`, or `base2`, `base3`, ... (or `base_2` when base ends in a digit); case-insensitive. */
export function uniqueIdentifier(base: string, taken: ReadonlySet<string>, separator = ""): string {
  if (!taken.has(base.toLowerCase())) return base;
  const sep = separator !== "" ? separator : /\d$/.test(base) ? "_" : "";
  for (let n = 2; ; n++) {
    const candidate = `${base}${sep}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Works out every name the insertion will create, and the grid rendered with them. */
export function planInsertion(template: TemplateSpec, existing: ExistingNames): InsertionPlan {
  const sheetName = uniqueSheetName(template.sheetName, existing.sheets);
  // Table names and defined names share one namespace in Excel.
  const taken = new Set([...existing.tables, ...existing.names].map((n) => n.toLowerCase()));
  const tableNames = new Map<string, string>();
  for (const table of template.tables) {
    const name = uniqueIdentifier(table.name, taken);
    taken.add(name.toLowerCase());
    tableNames.set(table.name, name);
  }
  // Sheet-scoped names may repeat a workbook-scoped name (the sheet's wins on the sheet), but not a
  // table name.
  const tableTaken = new Set(
    [...existing.tables, ...tableNames.values()].map((n) => n.toLowerCase()),
  );
  const inputNames = new Map<string, string>();
  for (const cell of template.cells) {
    if (cell.input === undefined) continue;
    inputNames.set(cell.input.name, uniqueIdentifier(cell.input.name, tableTaken, "_"));
  }
  return { sheetName, tableNames, inputNames, grid: renderGrid(template, inputNames) };
}
