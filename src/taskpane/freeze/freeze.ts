/**
 * Freezing IMG formulas into their values for sharing, and restoring them.
 *
 * All or nothing: protected sheets are found before anything is written and stop the freeze with
 * their names; writes go in batches (progress after each), and if one fails, the batches already
 * written are put back, so the workbook is as it was. The original formulas are kept in the
 * workbook itself (excel.ts says where and why), so a restore works after save and reopen.
 */
import type { FreezeOutcome, FreezeStamp, FreezeWorkbook, FrozenCell, Progress } from "./model";

/** Cells written per round trip: large enough for tens of thousands, small enough for Excel's payload limits. */
export const BATCH_CELLS = 2000;

function size(cell: FrozenCell): number {
  return cell.values.reduce((n, row) => n + Math.max(row.length, 1), 0);
}

/** Splits cells into batches of about `limit` written cells each (a spill is never split). */
export function batches(cells: readonly FrozenCell[], limit = BATCH_CELLS): FrozenCell[][] {
  const out: FrozenCell[][] = [];
  let current: FrozenCell[] = [];
  let count = 0;
  for (const cell of cells) {
    const n = size(cell);
    if (current.length > 0 && count + n > limit) {
      out.push(current);
      current = [];
      count = 0;
    }
    current.push(cell);
    count += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function protectedMessage(names: readonly string[], verb: string): string {
  return `Nothing was ${verb}: ${names.length === 1 ? "sheet" : "sheets"} ${names.map((n) => `"${n}"`).join(", ")} ${names.length === 1 ? "is" : "are"} protected. Unprotect ${names.length === 1 ? "it" : "them"} (Review > Unprotect Sheet), then try again.`;
}

/**
 * Turns every IMG formula in scope into its value. `bookVersion` and `now` (ISO date-time) go into
 * the stamp. A sheet is frozen whole: cells whose formulas mix IMG with other functions are
 * frozen to their values too, and formulas that only refer to IMG cells stay live.
 */
export async function freeze(
  workbook: FreezeWorkbook,
  options: {
    scope: "workbook" | "sheet";
    bookVersion: string;
    now: string;
    onProgress?: (p: Progress) => void;
    batchCells?: number;
  },
): Promise<FreezeOutcome> {
  const sheets = await workbook.sheets(options.scope);
  const found: FrozenCell[] = [];
  const locked: string[] = [];
  for (const sheet of sheets) {
    const cells = await workbook.imgCells(sheet.name);
    if (cells.length === 0) continue;
    if (sheet.protected) locked.push(sheet.name);
    found.push(...cells);
  }
  if (locked.length > 0) {
    return { ok: false, message: protectedMessage(locked, "frozen"), protectedSheets: locked };
  }
  if (found.length === 0) return { ok: true, cells: 0, sheets: [], stamp: null };

  const record = await workbook.loadRecord();
  const frozenSheets = [...new Set(found.map((c) => c.sheet))];
  const stamp: FreezeStamp = {
    bookVersion: options.bookVersion,
    frozenAt: options.now,
    cells: found.length,
    sheets: frozenSheets,
  };
  const parts = batches(found, options.batchCells);
  const written: FrozenCell[][] = [];
  try {
    // The record first: if the pane closes half way, the formulas are already kept.
    await workbook.saveRecord([...record.cells, ...found], [...record.stamps, stamp]);
    let done = 0;
    for (const part of parts) {
      written.push(part);
      await workbook.writeValues(part);
      done += part.length;
      options.onProgress?.({ done, total: found.length });
    }
  } catch (error) {
    const undo = await undoFreeze(workbook, written, record);
    return {
      ok: false,
      message: `Nothing was frozen: Excel refused a write (${messageOf(error)}). ${undo}`,
      protectedSheets: [],
    };
  }
  return { ok: true, cells: found.length, sheets: frozenSheets, stamp };
}

async function undoFreeze(
  workbook: FreezeWorkbook,
  written: readonly FrozenCell[][],
  record: { cells: FrozenCell[]; stamps: FreezeStamp[] },
): Promise<string> {
  try {
    // The batch that failed may be partly written: it is put back too.
    for (const part of written) await workbook.writeFormulas(part);
    if (record.cells.length === 0) await workbook.deleteRecord();
    else await workbook.saveRecord(record.cells, record.stamps);
    return "The cells already written were put back.";
  } catch (error) {
    return `Putting back the cells already written also failed (${messageOf(error)}); the original formulas are kept on the record sheet: choose "Restore live formulas".`;
  }
}

export type RestoreOutcome =
  | { ok: true; cells: number; sheets: string[] }
  | { ok: false; message: string; protectedSheets: string[] };

/** Puts every frozen formula back exactly as it was, then removes the record and its note. */
export async function restore(
  workbook: FreezeWorkbook,
  options: { onProgress?: (p: Progress) => void; batchCells?: number } = {},
): Promise<RestoreOutcome> {
  const record = await workbook.loadRecord();
  if (record.cells.length === 0) {
    return { ok: false, message: "Nothing is frozen in this workbook.", protectedSheets: [] };
  }
  const sheets = [...new Set(record.cells.map((c) => c.sheet))];
  const present = new Set((await workbook.sheets("workbook")).map((s) => s.name));
  const missing = sheets.filter((s) => !present.has(s));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Nothing was restored: ${missing.map((n) => `"${n}"`).join(", ")} ${missing.length === 1 ? "is" : "are"} no longer in this workbook (renamed or deleted since the freeze). Give the sheet its old name back, then try again.`,
      protectedSheets: [],
    };
  }
  const locked: string[] = [];
  for (const sheet of sheets) if (await workbook.isProtected(sheet)) locked.push(sheet);
  if (locked.length > 0) {
    return { ok: false, message: protectedMessage(locked, "restored"), protectedSheets: locked };
  }
  const before = await workbook.currentValues(record.cells);
  const parts = batches(before, options.batchCells);
  const written: FrozenCell[][] = [];
  try {
    let done = 0;
    for (const part of parts) {
      written.push(part);
      await workbook.writeFormulas(part);
      done += part.length;
      options.onProgress?.({ done, total: record.cells.length });
    }
    await workbook.deleteRecord();
  } catch (error) {
    try {
      for (const part of written) await workbook.writeValues(part);
    } catch {
      // The record is still there: a second restore can finish the job.
    }
    return {
      ok: false,
      message: `Nothing was restored: Excel refused a write (${messageOf(error)}). The frozen values were put back and the record kept.`,
      protectedSheets: [],
    };
  }
  return { ok: true, cells: record.cells.length, sheets };
}
