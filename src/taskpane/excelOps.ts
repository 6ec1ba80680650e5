/**
 * The pane's few writes to the workbook, each one Excel.run and one sync, so tests can drive them
 * with a mocked Excel.
 */
export async function insertFormulaInSelection(formula: string): Promise<string> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    const cell = range.getCell(0, 0);
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
