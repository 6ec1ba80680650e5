/**
 * Freeze for sharing: what is frozen and the workbook operations freezing needs. The logic
 * (freeze.ts) talks to a workbook only through {@link FreezeWorkbook}, so it is tested on an
 * in-memory workbook; excel.ts implements it with Office.js.
 */

/** One frozen IMG formula: the anchor cell, and for a spilled array the whole spill range. */
export interface FrozenCell {
  readonly sheet: string;
  /** The formula's cell, e.g. "B7". */
  readonly address: string;
  /** The formula exactly as Excel returned it, "=IMG.COST(...)". */
  readonly formula: string;
  /** The spill range ("B7:E12") when the formula spills an array; null for one cell. */
  readonly spill: string | null;
  /** The values it showed (one row of one cell, or the spill's block). */
  readonly values: readonly (readonly unknown[])[];
}

export interface FreezeStamp {
  readonly bookVersion: string;
  /** ISO date-time of the freeze. */
  readonly frozenAt: string;
  readonly cells: number;
  readonly sheets: readonly string[];
}

export interface SheetInfo {
  readonly name: string;
  readonly protected: boolean;
}

/** What the freeze logic needs from a workbook. Every write method is one round trip. */
export interface FreezeWorkbook {
  /** Sheets in scope: the active one, or all; record sheets are never listed. */
  sheets(scope: "workbook" | "sheet"): Promise<SheetInfo[]>;
  /** Every formula cell of `sheet` that calls an IMG function, with its values and spill. */
  imgCells(sheet: string): Promise<FrozenCell[]>;
  /** Writes each cell's values over its spill range (or the cell). */
  writeValues(cells: readonly FrozenCell[]): Promise<void>;
  /** Clears each spill range, then puts each formula back in its cell. */
  writeFormulas(cells: readonly FrozenCell[]): Promise<void>;
  /** What is on record from earlier freezes (empty when nothing is frozen). */
  loadRecord(): Promise<{ cells: FrozenCell[]; stamps: FreezeStamp[] }>;
  /** Replaces the record: the hidden formulas and the visible note. */
  saveRecord(cells: readonly FrozenCell[], stamps: readonly FreezeStamp[]): Promise<void>;
  /** Removes the record and its note. */
  deleteRecord(): Promise<void>;
  /** Current values of the cells (their spill ranges), to undo a restore that fails. */
  currentValues(cells: readonly FrozenCell[]): Promise<FrozenCell[]>;
  /** Sheet protection, for a restore. */
  isProtected(sheet: string): Promise<boolean>;
}

export type FreezeOutcome =
  | { ok: true; cells: number; sheets: string[]; stamp: FreezeStamp | null }
  | { ok: false; message: string; protectedSheets: string[] };

export interface Progress {
  readonly done: number;
  readonly total: number;
}
