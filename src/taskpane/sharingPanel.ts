/**
 * The "Sharing" panel: plans that work for people without the add-in.
 *
 *   mountSharingPanel(element)   renders into `<div id="sharing-panel">` and wires its buttons
 *   portableChosen()             whether "Insert as portable" is ticked (template insertion reads it)
 *
 * Three groups: a portable checkbox for templates; Freeze workbook / Freeze sheet / Restore live
 * formulas with progress; Refresh portable prices (diff, then confirm) and Use prices from the
 * sheet (validated and reviewed like any book).
 */
import { getActiveBook } from "../shared/activeBook";
import { portableRows } from "../templates/portablePrices";
import { readPortableTable, rewritePortableTable } from "../templates/portableSheetIo";
import {
  applyToSheetRows,
  describeDiff,
  diffPortable,
  readTable,
  tableChanges,
} from "../templates/portableSync";
import { review } from "./applying";
import { excelFreezeWorkbook } from "./freeze/excel";
import { freeze, restore } from "./freeze/freeze";
import type { Progress } from "./freeze/model";
import { loadValidation } from "./loadValidation";
import { errorText, MAX_LISTED_ERRORS, state, today } from "./paneState";
import { bookToRows, HEADER, rowsToBook } from "./pricesSheet/rows";
import { diffBooks } from "./refresh/diff";
import { sanityCheck } from "./refresh/sanity";

let portableBox: HTMLInputElement | null = null;

/** True when the person chose to insert templates in their portable form. */
export function portableChosen(): boolean {
  return portableBox?.checked === true;
}

const PANEL_HTML = `
  <h3 id="sharing-heading">Sharing without the add-in</h3>
  <label class="check"><input id="sharing-portable" type="checkbox" />
    Insert templates as portable (native formulas over a prices sheet; recalculate anywhere)</label>
  <p class="help">Freeze turns IMG formulas into their values and keeps the formulas, so a reader
    without the add-in sees numbers instead of #NAME?. Restore brings the formulas back.</p>
  <div class="actions">
    <button id="sharing-freeze-book" type="button" class="btn">Freeze workbook</button>
    <button id="sharing-freeze-sheet" type="button" class="btn">Freeze sheet</button>
    <button id="sharing-restore" type="button" class="btn">Restore live formulas</button>
  </div>
  <progress id="sharing-progress" max="1" value="0" hidden></progress>
  <div class="actions">
    <button id="sharing-refresh" type="button" class="btn">Refresh portable prices</button>
    <button id="sharing-use" type="button" class="btn">Use prices from the sheet</button>
  </div>
  <div id="sharing-diff" hidden>
    <p id="sharing-diff-title"></p>
    <ul id="sharing-diff-list"></ul>
    <div class="actions">
      <button id="sharing-confirm" type="button" class="btn primary">Write these prices</button>
      <button id="sharing-cancel" type="button" class="btn">Cancel</button>
    </div>
  </div>
  <p id="sharing-status" role="status" aria-live="polite" class="help"></p>`;

export function mountSharingPanel(element: HTMLElement | null): void {
  if (element === null) return;
  element.innerHTML = PANEL_HTML;
  const get = <T extends HTMLElement>(id: string): T => element.querySelector(`#${id}`) as T;
  portableBox = get<HTMLInputElement>("sharing-portable");
  const status = get<HTMLParagraphElement>("sharing-status");
  const progress = get<HTMLProgressElement>("sharing-progress");
  const diffBox = get<HTMLDivElement>("sharing-diff");
  const buttons = [...element.querySelectorAll<HTMLButtonElement>("button")];
  let busy = false;

  const say = (text: string): void => {
    status.textContent = text;
  };
  const onProgress = (p: Progress): void => {
    progress.hidden = false;
    progress.max = Math.max(p.total, 1);
    progress.value = p.done;
    say(`${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")} cells…`);
  };
  const act = (action: () => Promise<void>) => async (): Promise<void> => {
    if (busy) return;
    if (!state.inExcel) {
      say("This needs Excel: open the pane from the ribbon in Excel.");
      return;
    }
    busy = true;
    buttons.forEach((b) => (b.disabled = true));
    try {
      await action();
    } catch (error) {
      say(`That did not work: ${errorText(error)}. Nothing was changed.`);
    } finally {
      busy = false;
      progress.hidden = true;
      buttons.forEach((b) => (b.disabled = false));
    }
  };

  const freezeClicked = (scope: "workbook" | "sheet") =>
    act(async () => {
      say("Looking for IMG formulas…");
      const outcome = await Excel.run((context) =>
        freeze(excelFreezeWorkbook(context), {
          scope,
          bookVersion: getActiveBook().bookVersion,
          now: new Date().toISOString(),
          onProgress,
        }),
      );
      if (!outcome.ok) say(outcome.message);
      else if (outcome.cells === 0)
        say(`No IMG formulas ${scope === "sheet" ? "on this sheet" : "in this workbook"}.`);
      else
        say(
          `Froze ${outcome.cells} IMG cells on ${outcome.sheets.join(", ")} with price book ${getActiveBook().bookVersion}. The note is on the sheet "Frozen for sharing".`,
        );
    });

  const restoreClicked = act(async () => {
    const outcome = await Excel.run((context) =>
      restore(excelFreezeWorkbook(context), { onProgress }),
    );
    say(
      outcome.ok
        ? `Restored ${outcome.cells} live formulas on ${outcome.sheets.join(", ")}.`
        : outcome.message,
    );
  });

  let pendingWrite: (() => Promise<void>) | null = null;
  const closeDiff = (): void => {
    diffBox.hidden = true;
    pendingWrite = null;
  };

  /**
   * The workbook's portable prices table and its rows, or null once the user has been told why
   * there are none to use (no table yet, or one that does not read).
   */
  const readPortablePrices = async (): Promise<{
    table: NonNullable<Awaited<ReturnType<typeof readPortableTable>>>;
    rows: Extract<ReturnType<typeof readTable>, { ok: true }>["rows"];
  } | null> => {
    const table = await Excel.run((context) => readPortableTable(context));
    if (table === null) {
      say("No portable prices in this workbook: insert a template as portable first.");
      return null;
    }
    const read = readTable(table.header, table.body);
    if (!read.ok) {
      say(read.message);
      return null;
    }
    return { table, rows: read.rows };
  };

  const refreshClicked = act(async () => {
    closeDiff();
    const book = getActiveBook();
    const portable = await readPortablePrices();
    if (portable === null) return;
    const { table, rows } = portable;
    const diff = diffPortable(rows, portableRows(book, today()));
    const lines = describeDiff(diff);
    get("sharing-diff-title").textContent = diff.same
      ? `The prices on "${table.sheetName}" already match price book ${book.bookVersion}; writing only updates the dates and statuses.`
      : `Writing price book ${book.bookVersion} to "${table.sheetName}" changes ${lines.length} prices:`;
    get("sharing-diff-list").replaceChildren(
      ...lines.map((line) => {
        const li = document.createElement("li");
        li.textContent = line;
        return li;
      }),
    );
    diffBox.hidden = false;
    say("Review the changes, then write them or cancel.");
    pendingWrite = async () => {
      const written = await Excel.run((context) => rewritePortableTable(context, book, today()));
      say(
        `Wrote ${written.rows} prices of price book ${book.bookVersion} to "${written.sheetName}".`,
      );
    };
  });

  const confirmClicked = act(async () => {
    const write = pendingWrite;
    closeDiff();
    if (write !== null) await write();
  });

  const useClicked = act(async () => {
    closeDiff();
    const book = getActiveBook();
    const portable = await readPortablePrices();
    if (portable === null) return;
    const { table, rows } = portable;
    const changes = tableChanges(rows, portableRows(book, today()));
    const notUsed = (errors: string[]): void => {
      const shown = errors.slice(0, MAX_LISTED_ERRORS);
      const more = errors.length - shown.length;
      say(
        `The sheet "${table.sheetName}" was not used: ${shown.join(" ")}${more > 0 ? ` …and ${more} more.` : ""} The prices in use are unchanged.`,
      );
    };
    if (!changes.ok) return notUsed(changes.errors);
    if (changes.changes.length === 0) {
      return say(`The prices on "${table.sheetName}" are those in use; nothing to apply.`);
    }
    const applied = applyToSheetRows(book.json, bookToRows(book.json), changes.changes);
    if (!applied.ok) return notUsed(applied.errors);
    // The prices sheet reader validates and rebuilds the book, as for "Use prices from the sheet".
    const place = { sheetName: table.sheetName, headerRow: 1, firstColumn: 0 };
    const built = rowsToBook(book.json, [...HEADER], applied.rows, place);
    if (!built.ok) return notUsed(built.errors);
    const { loadBook } = await loadValidation();
    const loaded = loadBook(built.book, { kind: "sheet", sheetName: table.sheetName });
    if (!loaded.ok) return notUsed([loaded.message]);
    const diff = diffBooks(book, loaded.value);
    const sanity = sanityCheck(loaded.value, diff);
    if (sanity.problems.length > 0) return notUsed(sanity.problems);
    review(
      { book: loaded.value, diff, warnings: sanity.warnings, against: book },
      `The sheet "${table.sheetName}"`,
    );
    say(`${changes.changes.length} changed prices found; review them under Refresh, then apply.`);
  });

  get("sharing-freeze-book").addEventListener("click", () => void freezeClicked("workbook")());
  get("sharing-freeze-sheet").addEventListener("click", () => void freezeClicked("sheet")());
  get("sharing-restore").addEventListener("click", () => void restoreClicked());
  get("sharing-refresh").addEventListener("click", () => void refreshClicked());
  get("sharing-confirm").addEventListener("click", () => void confirmClicked());
  get("sharing-cancel").addEventListener("click", () => {
    closeDiff();
    say("Cancelled; the portable prices are unchanged.");
  });
  get("sharing-use").addEventListener("click", () => void useClicked());
}
