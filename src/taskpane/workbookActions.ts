/**
 * The pane's writes to the workbook: a formula in the selection (the estimate's IMG.COST, the
 * comparison's IMG.CHEAPEST), the budget plan as a sheet, and the prices sheet (written, or read
 * back into a book that goes through the same review as a feed).
 */
import { getActiveBook } from "../shared/activeBook";
import { writeTemplate } from "../templates/writer";
import type { BudgetInput, Budget } from "./budget";
import { budgetSheet } from "./budget";
import { review, sameBook } from "./applying";
import { costFormula, type EstimateInput } from "./estimate";
import { insertFormulaInSelection } from "./excelOps";
import { loadValidation } from "./loadValidation";
import { MAX_LISTED_ERRORS, NEEDS_EXCEL, state } from "./paneState";
import { readPricesSheet, writePricesSheet } from "./pricesSheet/io";
import { rowsToBook } from "./pricesSheet/rows";
import { diffBooks } from "./refresh/diff";
import { sanityCheck } from "./refresh/sanity";
import { showMessage } from "./render";

export async function insertFormulaClicked(input: EstimateInput): Promise<void> {
  if (!state.inExcel) {
    showMessage(NEEDS_EXCEL, "info");
    return;
  }
  const formula = costFormula(input);
  const address = await insertFormulaInSelection(formula);
  showMessage(`Inserted ${formula} in ${address}.`, "success");
}

export async function writeSheetClicked(): Promise<void> {
  const book = getActiveBook();
  const written = await Excel.run((context) => writePricesSheet(context, book.json));
  showMessage(
    `Wrote ${written.rows} prices (version ${book.bookVersion}) to the new sheet "${written.sheetName}". Edit the shaded columns, then choose "Use prices from the sheet".`,
    "success",
  );
}

export async function readSheetClicked(): Promise<void> {
  const read = await Excel.run((context) => readPricesSheet(context));
  if (!read.ok) {
    showMessage(read.message, "error");
    return;
  }
  const { sheet } = read;
  const built = rowsToBook(getActiveBook().json, sheet.header, sheet.rows, sheet.place);
  if (!built.ok) {
    const shown = built.errors.slice(0, MAX_LISTED_ERRORS);
    const more = built.errors.length - shown.length;
    showMessage(
      `The sheet "${sheet.sheetName}" was not used: ${shown.join(" ")}${more > 0 ? ` …and ${more} more.` : ""} The prices in use are unchanged.`,
      "error",
    );
    return;
  }
  const { loadBook } = await loadValidation();
  const loaded = loadBook(built.book, { kind: "sheet", sheetName: sheet.sheetName });
  if (!loaded.ok) {
    showMessage(
      `The sheet "${sheet.sheetName}" was not used: ${loaded.message} The prices in use are unchanged.`,
      "error",
    );
    return;
  }
  const against = getActiveBook();
  const diff = diffBooks(against, loaded.value);
  const sanity = sanityCheck(loaded.value, diff);
  if (sanity.problems.length > 0) {
    showMessage(
      `The sheet "${sheet.sheetName}" was not used: ${sanity.problems.join(" ")} The prices in use are unchanged.`,
      "error",
    );
    return;
  }
  if (sameBook(loaded.value, getActiveBook(), true)) {
    showMessage(
      `Already up to date: the sheet "${sheet.sheetName}" holds the prices in use. Nothing to apply.`,
      "success",
    );
    return;
  }
  review(
    { book: loaded.value, diff, warnings: sanity.warnings, against },
    `The sheet "${sheet.sheetName}"`,
  );
}

/** Compare's "Insert as table": IMG.CHEAPEST in the selected cell, spilling the ranking. */
export async function insertTableClicked(formula: string | null): Promise<void> {
  if (!state.inExcel) {
    showMessage(NEEDS_EXCEL, "info");
    return;
  }
  if (formula === null) {
    showMessage("Fix the inputs above first; there is no comparison to insert.", "warning");
    return;
  }
  const address = await insertFormulaInSelection(formula);
  showMessage(
    `Inserted ${formula} in ${address}; the table spills below and right of it and follows the prices.`,
    "success",
  );
}

/** Budget's "Insert as sheet": the plan on a new sheet, live IMG formulas and a native chart. */
export async function insertSheetClicked(input: BudgetInput, plan: Budget | null): Promise<void> {
  if (!state.inExcel) {
    showMessage(NEEDS_EXCEL, "info");
    return;
  }
  if (plan === null) {
    showMessage("Fix the inputs above first; there is no plan to insert.", "warning");
    return;
  }
  const book = getActiveBook();
  const spec = budgetSheet(book, input, plan);
  const written = await Excel.run((context) => writeTemplate(context, spec));
  showMessage(
    `Inserted the plan on the new sheet "${written.sheetName}": live IMG formulas and a chart.`,
    "success",
  );
}
