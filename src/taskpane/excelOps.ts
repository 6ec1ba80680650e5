/**
 * The pane's small writes to the workbook, each one Excel.run with one sync, so tests can drive
 * them with a mocked Excel.
 */

/** Writes `formula` into the top-left cell of the selection; returns that cell's address. */
export async function insertFormulaInSelection(formula: string): Promise<string> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.formulas = [[formula]];
    cell.load("address");
    await context.sync();
    return cell.address;
  });
}

/** Recalculates everything, so every IMG cell picks up a newly applied book. */
export async function recalculateAll(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
