/**
 * The task pane: shows the active price book, estimates, refreshes prices safely, keeps the applied
 * book in the workbook, and inserts formulas, the prices sheet and templates. Each step lives in its
 * own module; this file wires them to the page and owns the pane's small state.
 */
import { evalFree } from "./noEval";
import type { BookOrigin, CompiledBook } from "../core";
import { bundledBook, loadBook } from "../core";
import { getActiveBook, setActiveBook } from "../shared/activeBook";
import { TEMPLATES, insertTemplate } from "../templates";
import { costFormula, estimate, formatPrice, formatTotal, type EstimateInput } from "./estimate";
import { insertFormulaInSelection, recalculateAll } from "./excelOps";
import { readPricesSheet, writePricesSheet } from "./pricesSheet/io";
import { rowsToBook } from "./pricesSheet/rows";
import { checkFeedUrl } from "./refresh/feedUrl";
import { DEFAULT_LIMITS, fetchFeedText } from "./refresh/fetchFeed";
import { diffBooks } from "./refresh/diff";
import { prepareFeedText, type Candidate } from "./refresh/prepare";
import { sanityCheck } from "./refresh/sanity";
import { byId, h, hideDiff, renderBook, renderDiff, showMessage } from "./render";
import { describeOrigin, forgetBook, readStoredBook, storeBook } from "./storage";

/** The add-in's own feed, published beside the pane: new prices ship by publishing this file. */
export const OWN_FEED = "prices/gpt-image-2.json";
const NEEDS_EXCEL = "Inserting needs Excel: open this pane from the ribbon in Excel to use it.";
const MAX_LISTED_ERRORS = 8;

interface PaneState {
  inExcel: boolean;
  previous: CompiledBook | null;
  pending: Candidate | null;
  storedFrom: string | null;
  busy: boolean;
}

const state: PaneState = {
  inExcel: false,
  previous: null,
  pending: null,
  storedFrom: null,
  busy: false,
};

const today = (): string => new Date().toISOString().slice(0, 10);

function errorText(error: unknown): string {
  // Read, not instanceof: Office's errors and errors from other frames are not this realm's Error.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : "an unexpected error";
}

// ---- Office detection and start ------------------------------------------------------------------

async function detectExcel(): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  const ready = Office.onReady().then((info) => info.host === Office.HostType.Excel);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 8000));
  try {
    return await Promise.race([ready, timeout]);
  } catch {
    return false;
  }
}

async function start(): Promise<void> {
  state.inExcel = await detectExcel();
  if (state.inExcel) {
    const stored = readStoredBook(Office.context.document.settings);
    if (stored.kind === "ok") {
      setActiveBook(stored.book);
      state.storedFrom = stored.from;
    } else if (stored.kind === "invalid") {
      const banner = byId("startup-warning");
      banner.textContent = `${stored.message} It was ignored; the bundled prices (version ${bundledBook.bookVersion}) are used. Apply prices, or choose "Reset to bundled prices" to remove it.`;
      banner.hidden = false;
      setActiveBook(bundledBook);
    }
  }
  wire();
  setExcelAvailability();
  renderTemplates();
  renderAll();
  document.body.dataset["ready"] = state.inExcel ? "excel" : "browser";
  document.body.dataset["evalFree"] = String(evalFree);
}

// ---- rendering -----------------------------------------------------------------------------------

function renderAll(): void {
  const book = getActiveBook();
  renderBook(book, today(), book.origin.kind === "workbook" ? state.storedFrom : null);
  fillProviders(book);
  updateEstimate();
  byId<HTMLButtonElement>("rollback").disabled = state.busy || state.previous === null;
  const rollbackTitle =
    state.previous === null
      ? "Nothing to roll back to yet"
      : `Back to version ${state.previous.bookVersion}`;
  byId("rollback").title = rollbackTitle;
}

function fillProviders(book: CompiledBook): void {
  const select = byId<HTMLSelectElement>("est-provider");
  const chosen = select.value;
  select.replaceChildren(
    ...book.providers.map((p) => {
      const option = h("option", {}, p.comparisonOnly ? `${p.name} (${p.model})` : p.name);
      option.value = p.id;
      return option;
    }),
  );
  if (book.providers.some((p) => p.id === chosen)) select.value = chosen;
}

function estimateInput(): EstimateInput {
  return {
    provider: byId<HTMLSelectElement>("est-provider").value,
    quality: byId<HTMLSelectElement>("est-quality").value,
    size: byId<HTMLInputElement>("est-size").value,
    volume: byId<HTMLInputElement>("est-volume").value,
    retry: byId<HTMLInputElement>("est-retry").value,
  };
}

function updateEstimate(): void {
  const input = estimateInput();
  const result = estimate(getActiveBook(), input);
  const total = byId("est-total");
  const detail = byId("est-detail");
  if (!result.ok) {
    total.textContent = result.message;
    total.classList.add("is-error");
    detail.textContent = "";
    return;
  }
  total.classList.remove("is-error");
  total.textContent = formatTotal(result.total);
  const q = result.quote;
  const range =
    q.minPrice === undefined
      ? formatPrice(q.price)
      : `${formatPrice(q.minPrice)} to ${formatPrice(q.price)}`;
  const list = q.listPrice === undefined ? "" : ` (list ${formatPrice(q.listPrice)})`;
  detail.textContent =
    `${range} per image${list}, ${q.quality}, ${q.size.key}. ` +
    `Source: ${q.source.site}: ${q.source.title}, checked ${q.checked}. ` +
    `Formula: ${costFormula(input)}`;
}

function renderTemplates(): void {
  const list = byId("templates");
  list.replaceChildren(
    ...TEMPLATES.map((t) => {
      const button = h("button", { className: "btn" }, "Insert");
      button.type = "button";
      button.dataset["template"] = t.id;
      button.setAttribute("aria-label", `Insert the template ${t.title}`);
      button.disabled = !state.inExcel;
      if (!state.inExcel) button.setAttribute("aria-describedby", "excel-only-help");
      button.addEventListener("click", () => void run(() => insertTemplateClicked(t.id, t.title)));
      return h(
        "li",
        {},
        h("span", { className: "template-title" }, t.title),
        h("br"),
        t.description,
        h("br"),
        button,
      );
    }),
  );
}

function setExcelAvailability(): void {
  for (const id of ["insert-formula", "write-sheet", "read-sheet"]) {
    byId<HTMLButtonElement>(id).disabled = !state.inExcel;
  }
  byId("insert-help").textContent = state.inExcel
    ? "Writes the formula into the selected cell."
    : NEEDS_EXCEL;
  byId("excel-only-help").textContent = state.inExcel ? "" : NEEDS_EXCEL;
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  for (const id of ["refresh", "apply", "discard", "reset"])
    byId<HTMLButtonElement>(id).disabled = busy;
  byId<HTMLButtonElement>("rollback").disabled = busy || state.previous === null;
  byId("refresh-progress").hidden = !busy;
  document.body.setAttribute("aria-busy", String(busy));
  if (!busy) {
    setExcelAvailability();
    updateApplyEnabled();
  }
}

/** Runs one user action; nothing escapes as an unhandled error, every outcome is a message. */
async function run(action: () => Promise<void>): Promise<void> {
  if (state.busy) return;
  setBusy(true);
  try {
    await action();
  } catch (error) {
    showMessage(
      `That did not work: ${errorText(error)}. The prices in use are unchanged.`,
      "error",
    );
  } finally {
    setBusy(false);
    renderAll();
  }
}

// ---- applying ------------------------------------------------------------------------------------

async function applyBook(book: CompiledBook, done: string): Promise<void> {
  const before = getActiveBook();
  const notes: string[] = [];
  try {
    setActiveBook(book);
  } catch (error) {
    // The book is active (a listener failed after the switch): say so rather than claim nothing changed.
    notes.push(
      `The new prices are in use, but updating part of the add-in failed (${errorText(error)}).`,
    );
  }
  state.previous = before;
  byId("startup-warning").hidden = true;
  state.storedFrom =
    book.origin.kind === "workbook" ? state.storedFrom : describeOrigin(book.origin);
  if (!state.inExcel) {
    showMessage(
      `${done} Outside Excel the prices apply to this pane only and are not saved.${notes.length > 0 ? ` ${notes.join(" ")}` : ""}`,
      "success",
    );
    return;
  }
  try {
    const settings = Office.context.document.settings;
    if (book.origin.kind === "bundled") await forgetBook(settings);
    else await storeBook(settings, book, new Date().toISOString());
  } catch (error) {
    notes.push(
      `They could not be saved in the workbook (${errorText(error)}), so it will reopen with its earlier prices.`,
    );
  }
  try {
    await recalculateAll();
  } catch (error) {
    notes.push(
      `Recalculation failed (${errorText(error)}); press Ctrl+Alt+F9 to update IMG cells.`,
    );
  }
  if (notes.length === 0) {
    showMessage(`${done} Saved in this workbook; every IMG cell recalculated.`, "success");
  } else {
    showMessage(`${done} ${notes.join(" ")}`, "warning");
  }
}

function updateApplyEnabled(): void {
  const pending = state.pending;
  const needsConfirm = pending !== null && pending.warnings.length > 0;
  const confirmed = byId<HTMLInputElement>("confirm-drastic").checked;
  byId<HTMLButtonElement>("apply").disabled =
    state.busy || pending === null || (needsConfirm && !confirmed);
}

function review(candidate: Candidate, what: string): void {
  state.pending = candidate;
  renderDiff(candidate);
  updateApplyEnabled();
  const confirm =
    candidate.warnings.length > 0
      ? " Some changes are drastic: tick the confirmation box to apply."
      : "";
  showMessage(
    `${what} passed the checks (version ${candidate.book.bookVersion}). Review the changes below, then apply or discard.${confirm}`,
    candidate.warnings.length > 0 ? "warning" : "info",
  );
}

// ---- actions -------------------------------------------------------------------------------------

async function refreshClicked(): Promise<void> {
  const mode =
    document.querySelector<HTMLInputElement>('input[name="feed"]:checked')?.value ?? "own";
  const typed = byId<HTMLInputElement>("feed-url");
  const checked =
    mode === "own" ? checkFeedUrl(OWN_FEED, window.location.href) : checkFeedUrl(typed.value);
  typed.removeAttribute("aria-invalid");
  if (!checked.ok) {
    if (mode !== "own") typed.setAttribute("aria-invalid", "true");
    showMessage(`${checked.message} The prices in use are unchanged.`, "error");
    return;
  }
  discardPending();
  const url = checked.url.href;
  showMessage(`Fetching ${url}…`, "info");
  const fetched = await fetchFeedText(url, DEFAULT_LIMITS);
  if (!fetched.ok) {
    showMessage(
      `Refresh rejected: ${fetched.message} Nothing was changed; the prices in use are still version ${getActiveBook().bookVersion}.`,
      "error",
    );
    return;
  }
  const origin: BookOrigin = { kind: "url", url, fetchedAt: new Date().toISOString() };
  const prepared = prepareFeedText(fetched.text, origin, getActiveBook());
  if (!prepared.ok) {
    showMessage(
      `Refresh rejected: ${prepared.message} Nothing was changed; the prices in use are still version ${getActiveBook().bookVersion}.`,
      "error",
    );
    return;
  }
  review(prepared.candidate, "The feed");
}

async function applyClicked(): Promise<void> {
  const pending = state.pending;
  if (pending === null) return;
  if (pending.warnings.length > 0 && !byId<HTMLInputElement>("confirm-drastic").checked) {
    showMessage(
      "Tick the confirmation box to apply these drastic changes, or discard them.",
      "warning",
    );
    return;
  }
  discardPending();
  await applyBook(
    pending.book,
    `Applied prices version ${pending.book.bookVersion} from ${describeOrigin(pending.book.origin)}.`,
  );
}

function discardPending(): void {
  state.pending = null;
  hideDiff();
  updateApplyEnabled();
}

async function rollbackClicked(): Promise<void> {
  const previous = state.previous;
  if (previous === null) {
    showMessage("There is no earlier price book to roll back to.", "info");
    return;
  }
  discardPending();
  await applyBook(
    previous,
    `Rolled back to prices version ${previous.bookVersion} from ${describeOrigin(previous.origin)}.`,
  );
}

async function resetClicked(): Promise<void> {
  discardPending();
  if (getActiveBook() === bundledBook) {
    const banner = byId("startup-warning");
    if (state.inExcel && !banner.hidden) {
      // The workbook still holds the invalid book the pane ignored at start: remove it.
      await forgetBook(Office.context.document.settings);
      banner.hidden = true;
      showMessage(
        `Removed the invalid price book stored in this workbook; it uses the bundled prices (version ${bundledBook.bookVersion}).`,
        "success",
      );
      return;
    }
    showMessage(`Already using the bundled prices (version ${bundledBook.bookVersion}).`, "info");
    return;
  }
  await applyBook(bundledBook, `Reset to the bundled prices (version ${bundledBook.bookVersion}).`);
}

async function insertFormulaClicked(): Promise<void> {
  if (!state.inExcel) {
    showMessage(NEEDS_EXCEL, "info");
    return;
  }
  const formula = costFormula(estimateInput());
  const address = await insertFormulaInSelection(formula);
  showMessage(`Inserted ${formula} in ${address}.`, "success");
}

async function writeSheetClicked(): Promise<void> {
  const book = getActiveBook();
  const written = await Excel.run((context) => writePricesSheet(context, book.json));
  showMessage(
    `Wrote ${written.rows} prices (version ${book.bookVersion}) to the new sheet "${written.sheetName}". Edit the shaded columns, then choose "Use prices from the sheet".`,
    "success",
  );
}

async function readSheetClicked(): Promise<void> {
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
  const loaded = loadBook(built.book, { kind: "sheet", sheetName: sheet.sheetName });
  if (!loaded.ok) {
    showMessage(
      `The sheet "${sheet.sheetName}" was not used: ${loaded.message} The prices in use are unchanged.`,
      "error",
    );
    return;
  }
  const diff = diffBooks(getActiveBook(), loaded.value);
  const sanity = sanityCheck(loaded.value, diff);
  if (sanity.problems.length > 0) {
    showMessage(
      `The sheet "${sheet.sheetName}" was not used: ${sanity.problems.join(" ")} The prices in use are unchanged.`,
      "error",
    );
    return;
  }
  review({ book: loaded.value, diff, warnings: sanity.warnings }, `The sheet "${sheet.sheetName}"`);
}

async function insertTemplateClicked(id: string, title: string): Promise<void> {
  if (!state.inExcel) {
    showMessage(NEEDS_EXCEL, "info");
    return;
  }
  const book = getActiveBook();
  const inserted = await Excel.run((context) => insertTemplate(context, id, { book }));
  showMessage(
    `Inserted the template "${title}" on the new sheet "${inserted.sheetName}".`,
    "success",
  );
}

function wire(): void {
  const form = byId<HTMLFormElement>("estimate-form");
  form.addEventListener("input", updateEstimate);
  form.addEventListener("change", updateEstimate);
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="feed"]')) {
    radio.addEventListener("change", () => {
      const own = radio.value === "own" && radio.checked;
      const url = byId<HTMLInputElement>("feed-url");
      url.disabled = own;
      if (!own) url.focus();
    });
  }
  byId("feed-url").addEventListener("keydown", (event) => {
    if (event.key === "Enter") void run(refreshClicked);
  });
  byId("confirm-drastic").addEventListener("change", updateApplyEnabled);
  byId("dismiss").addEventListener("click", () => showMessage(""));
  byId("refresh").addEventListener("click", () => void run(refreshClicked));
  byId("apply").addEventListener("click", () => void run(applyClicked));
  byId("discard").addEventListener("click", () => {
    discardPending();
    showMessage(
      `Discarded; the prices in use are still version ${getActiveBook().bookVersion}.`,
      "info",
    );
  });
  byId("rollback").addEventListener("click", () => void run(rollbackClicked));
  byId("reset").addEventListener("click", () => void run(resetClicked));
  byId("insert-formula").addEventListener("click", () => void run(insertFormulaClicked));
  byId("write-sheet").addEventListener("click", () => void run(writeSheetClicked));
  byId("read-sheet").addEventListener("click", () => void run(readSheetClicked));
}

void start().catch((error: unknown) => {
  showMessage(`The pane could not start: ${errorText(error)}`, "error");
});
