/**
 * The one way the add-in adds a sheet to a workbook, for the templates and the prices sheet alike.
 *
 * Two round trips: one read (the names of the existing sheets, tables and defined names, so the new
 * ones cannot clash) and one write (everything queued on the new sheet, then a single
 * `context.sync()`). It never reads, changes or selects anything on another sheet. If Excel refuses
 * the write, a third round trip deletes the half-made new sheet (only that sheet, never one looked
 * up by name) and the error says what failed and that no existing sheet was changed.
 */

/** The names already in the workbook. Tables and defined names share one namespace in Excel. */
export interface TakenNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
}

/** Excel refused to write a new sheet; the workbook is as it was. */
export class SheetWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetWriteError";
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Adds the sheet `plan` names (given the names already taken), queues `write` on it and syncs once.
 * `what` names the sheet in the error ('the "Cost estimate" template', "the prices sheet");
 * `refused` makes that error (a SheetWriteError unless the caller has its own kind).
 */
export async function writeNewSheet<P extends { readonly sheetName: string }>(
  context: Excel.RequestContext,
  what: string,
  plan: (taken: TakenNames) => P,
  write: (sheet: Excel.Worksheet, plan: P) => void,
  refused: (message: string) => Error = (message) => new SheetWriteError(message),
): Promise<P> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name");
  await context.sync(); // read: existing names, so the new ones cannot clash

  const planned = plan({
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => t.name),
    names: names.items.map((n) => n.name),
  });
  const sheet = workbook.worksheets.add(planned.sheetName);
  write(sheet, planned);
  try {
    await context.sync(); // write: everything at once
  } catch (error) {
    await removeNewSheet(context, sheet);
    throw refused(
      `Excel could not insert ${what}: ${messageOf(error)} No existing sheet was changed.`,
    );
  }
  return planned;
}

/** Deletes the sheet this write added; only ever that sheet, never one looked up by name. */
async function removeNewSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<void> {
  try {
    sheet.delete();
    await context.sync();
  } catch {
    // The sheet was never created (the add itself failed): nothing to remove.
  }
}
