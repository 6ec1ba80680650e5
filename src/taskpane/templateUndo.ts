/**
 * Undoing a template insert: delete the sheet it created, found by the sheet's id (a renamed sheet
 * is still found; another sheet that took its name never is), and only when its contents are as
 * inserted, unless the user has said to delete it anyway. Edits are found by comparing the used
 * range's formulas with those read back right after inserting.
 * Worksheet ids and getItemOrNullObject: ExcelApi 1.4,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitemornullobject-member(1)
 */

export interface InsertedSheet {
  sheetId: string;
  sheetName: string;
  title: string;
  /** The sheet's used range and formulas right after inserting. */
  fingerprint: string;
}

function fingerprintOf(used: Excel.Range): string {
  if (used.isNullObject) return "empty";
  return JSON.stringify([used.address.replace(/^.*!/, ""), used.formulas]);
}

/** Reads back the sheet a template was just written to, for a later {@link removeInserted}. */
export async function recordInserted(sheetName: string, title: string): Promise<InsertedSheet> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.load("id");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,formulas");
    await context.sync();
    return { sheetId: sheet.id, sheetName, title, fingerprint: fingerprintOf(used) };
  });
}

export type RemoveOutcome =
  { kind: "removed"; sheetName: string } | { kind: "edited"; sheetName: string } | { kind: "gone" };

/** Deletes the inserted sheet when unedited, or when `force` (the user confirmed). */
export async function removeInserted(
  inserted: InsertedSheet,
  force: boolean,
): Promise<RemoveOutcome> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(inserted.sheetId);
    sheet.load("name");
    await context.sync();
    if (sheet.isNullObject) return { kind: "gone" };
    const sheetName = sheet.name;
    if (!force) {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,formulas");
      await context.sync();
      if (fingerprintOf(used) !== inserted.fingerprint) return { kind: "edited", sheetName };
    }
    sheet.delete();
    await context.sync();
    return { kind: "removed", sheetName };
  });
}
