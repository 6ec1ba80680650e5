/**
 * The task pane: a one-line book status over five tabs (Estimate, Compare, Budget, Prices,
 * Templates). Each tab lives in its own module; this file starts the pane, draws what depends on
 * the active book, and wires the page.
 *
 * Start-up order, for the time to the first useful screen: while office.js starts, what needs no
 * workbook (inputs, handlers, the number formats; the tabs stay hidden);
 * once Office answers, the status line and the tab in view; after the browser has drawn them, the
 * other tabs; then the workbook-writing code (templates, sharing, prices as a sheet: workbookTabs.ts,
 * a chunk of its own); then, when the page is idle, the validator (carried in this script), so the
 * first "Check for new prices" does not wait for its first run.
 */
import type { CompiledBook } from "../core";
import { bundledBook, parseSize } from "../core";
import { getActiveBook } from "../shared/activeBook";
import { startRuntime } from "../shared/startup";
import {
  applyClicked,
  discardPending,
  refreshClicked,
  resetClicked,
  rollbackClicked,
  updateApplyEnabled,
} from "./applying";
import { budgetInput, currentBudget, renderBudget } from "./budgetTab";
import { compareFormula, renderCompare } from "./compareTab";
import { costFormula, estimate, formatPrice, formatTotal, type EstimateInput } from "./estimate";
import { formatDate, warmFormatters } from "./locale";
import { errorText, NEEDS_EXCEL, state, today } from "./paneState";
import { restoreInputs, restoreSelect, wirePersistence } from "./persist";
import { badgeText, howObtained, howText, priceStatus } from "./priceStatus";
import { badgeNodes, byId, h, renderBookDetails, renderBookSummary, showMessage } from "./render";
import { rowFor } from "./compare";
import { bundleValidation, loadValidation } from "./loadValidation";
import { hasStoredBook } from "./storage";
import { currentTab, onTabShown, wireTabs } from "./tabs";
import { applyOfficeTheme } from "./theme";

// The validator travels in this script (webpackMode "eager": in this chunk, run only when first
// used): a workbook that keeps its own prices checks them before its first number, and a separate
// download after Office.onReady made that path about 30 ms slower (the pane-start bench).
bundleValidation(() => import(/* webpackMode: "eager" */ "./validation"));

type WorkbookTabs = typeof import("./workbookTabs");

let workbookTabs: Promise<WorkbookTabs> | null = null;

/** The workbook-writing part of the pane (workbookTabs.ts), loaded once; a failed load is retried. */
function loadWorkbookTabs(): Promise<WorkbookTabs> {
  if (workbookTabs === null) {
    workbookTabs = import(/* webpackChunkName: "workbook" */ "./workbookTabs");
    workbookTabs.catch(() => {
      workbookTabs = null;
    });
  }
  return workbookTabs;
}

/** Mounts the sharing panel and draws the Templates tab, once the workbook chunk is in. */
async function drawWorkbookTabs(): Promise<void> {
  const tabs = await loadWorkbookTabs();
  if (!sharingMounted) {
    sharingMounted = true;
    tabs.mountSharingPanel(document.getElementById("sharing-panel"));
    tabs.wireTemplateUndo(run);
  }
  tabs.renderTemplates(run);
}

let sharingMounted = false;

/** Whether the workbook's settings hold a book (read without validating it); false if unreadable. */
function workbookKeepsPrices(): boolean {
  try {
    return hasStoredBook(Office.context.document.settings);
  } catch {
    return false;
  }
}

/**
 * Resolves once the browser has drawn a frame (a task queued from requestAnimationFrame runs after
 * that frame), or after 100 ms where no frame comes: the shared runtime's page also runs without the
 * pane in view. A plain setTimeout(0) let the other tabs' drawing (20-40 ms) run before the first
 * screen was painted (the pane-start bench, which times the number on screen).
 */
function afterPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Runs `task` when the page is idle (or soon, where requestIdleCallback does not exist). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 50);
}

// ---- Office detection and start ------------------------------------------------------------------

/** Office.onReady's answer, or "not Excel" after a few seconds so the pane never stays blank. */
async function detectExcel(): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  const ready = Office.onReady()
    .then((info) => info.host === Office.HostType.Excel)
    .catch(() => false);
  const slow = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 8000));
  const inExcel = await Promise.race([ready, slow]);
  // A host that answers late still gets the Excel features, without a reload.
  if (!inExcel) {
    void ready
      .then((late) => (late && !state.inExcel ? enterExcel() : undefined))
      .catch((error: unknown) =>
        showMessage(`Excel features could not start: ${errorText(error)}`, "error"),
      );
  }
  return inExcel;
}

/**
 * The workbook's stored book was made the active one when the runtime started (shared/startup.ts,
 * which also recalculates formulas computed before it); the pane says where it came from, or why
 * it was ignored.
 */
async function loadStoredBook(): Promise<void> {
  const outcome = await startRuntime();
  if (outcome.kind === "applied") {
    state.storedFrom = outcome.from;
  } else if (outcome.kind === "invalid" || outcome.kind === "failed") {
    const banner = byId("startup-warning");
    banner.textContent =
      outcome.kind === "invalid"
        ? `${outcome.message} It was ignored; the bundled prices (version ${bundledBook.bookVersion}) are used. Apply prices, or choose "Reset to bundled prices" to remove it.`
        : `The price book stored in this workbook could not be used (${outcome.message}); the prices in use are version ${getActiveBook().bookVersion}. Reopen the pane to try again.`;
    banner.hidden = false;
  }
}

async function enterExcel(): Promise<void> {
  state.inExcel = true;
  applyOfficeTheme();
  // Only if the user has not already chosen prices in the seconds before.
  if (state.previous === null) await loadStoredBook();
  setExcelAvailability();
  renderAll();
  await drawWorkbookTabs();
  document.body.dataset["ready"] = "excel";
}

async function start(): Promise<void> {
  // Office.onReady is listened for at once; until it answers, the page does what needs no workbook:
  // inputs, tabs and handlers, and the number formats. Nothing of it shows yet (html.booting hides
  // the tabs): the workbook may keep prices of its own. The provider lists wait for the book in
  // force: the first screen fills them from it in any case.
  const excel = detectExcel();
  restoreInputs();
  wireTabs();
  wire();
  warmFormatters();
  state.inExcel = await excel;
  if (state.inExcel) {
    applyOfficeTheme();
    setExcelAvailability();
    // A workbook that keeps its own prices: until they are read and checked, say so and show no
    // number, since the bundled prices are not this workbook's.
    if (workbookKeepsPrices()) {
      byId("book-summary").textContent = "Checking this workbook's prices…";
    }
    await loadStoredBook();
  }
  setExcelAvailability();
  renderFirstScreen();
  showFirstScreen();
  // A mark for profiling the start (devtools, the browser tests): the first screen is drawn.
  performance.mark("first-screen");
  // The tab in view is what a person reads first: let the browser draw it, then draw the other tabs.
  await afterPaint();
  renderRest();
  try {
    await drawWorkbookTabs();
  } catch (error) {
    showMessage(`The Templates tab could not load: ${errorText(error)}. Reopen the pane.`, "error");
  }
  document.body.dataset["ready"] = state.inExcel ? "excel" : "browser";
  // The first refresh should not wait for the validator's download and first run: load it now.
  whenIdle(() => void loadValidation().catch(() => undefined));
}

// ---- rendering -----------------------------------------------------------------------------------

/** Shows the tabs, hidden while the pane starts (taskpane.css, .booting). */
function showFirstScreen(): void {
  document.documentElement.classList.remove("booting");
}

let restDrawn = false;

function renderAll(): void {
  renderFirstScreen();
  renderRest();
}

/** The status line, the provider lists, the tab in view, and the buttons that depend on the book. */
function renderFirstScreen(): void {
  const book = getActiveBook();
  renderBookSummary(book, book.origin.kind === "workbook" ? state.storedFrom : null, today());
  fillProviders(book, "est-provider");
  fillProviders(book, "bud-provider", true);
  renderTab(currentTab());
  const rollback = byId<HTMLButtonElement>("rollback");
  rollback.disabled = state.busy || state.previous === null;
  rollback.textContent = state.previousIsRedo ? "Redo" : "Roll back";
  rollback.title =
    state.previous === null
      ? "Nothing to roll back to yet"
      : `${state.previousIsRedo ? "Forward" : "Back"} to version ${state.previous.bookVersion}`;
}

/** The tabs not in view, drawn after the first screen. */
function renderRest(): void {
  restDrawn = true;
  const book = getActiveBook();
  updateEstimate();
  renderCompare(book, today());
  renderBudget(book);
  renderBookDetails(book, today());
}

function renderTab(tab: string): void {
  const book = getActiveBook();
  if (tab === "estimate") updateEstimate();
  else if (tab === "compare") renderCompare(book, today());
  else if (tab === "budget") renderBudget(book);
  else if (tab === "prices") renderBookDetails(book, today());
}

function fillProviders(book: CompiledBook, id: string, rankableOnly = false): void {
  const select = byId<HTMLSelectElement>(id);
  const chosen = select.value;
  select.replaceChildren(
    ...book.providers
      .filter((p) => !rankableOnly || !p.comparisonOnly)
      .map((p) => {
        const option = h("option", {}, p.comparisonOnly ? `${p.name} (${p.model})` : p.name);
        option.value = p.id;
        return option;
      }),
  );
  if (book.providers.some((p) => p.id === chosen)) select.value = chosen;
  else restoreSelect(select);
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
  const book = getActiveBook();
  const result = estimate(book, input);
  const total = byId("est-total");
  const detail = byId("est-detail");
  const badges = byId("est-badges");
  if (!result.ok) {
    total.textContent = result.message;
    total.classList.add("is-error");
    detail.textContent = "";
    badges.replaceChildren(...disputedHere(book, input));
    byId("est-formula").textContent = "";
    return;
  }
  total.classList.remove("is-error");
  total.textContent = formatTotal(result.total);
  const q = result.quote;
  const row = rowFor(book, input.provider, input.quality, input.size);
  const range =
    (q.minPrice === undefined
      ? formatPrice(q.price)
      : `${formatPrice(q.minPrice)} to ${formatPrice(q.price)}`) +
    (row?.atLeast === true ? " or more" : "");
  const list = q.listPrice === undefined ? "" : ` (list ${formatPrice(q.listPrice)})`;
  detail.textContent =
    `${range} per image${list}, ${q.quality}, ${q.size.key}. ` +
    `Source: ${q.source.site}: ${q.source.title}, read ${formatDate(q.checked)}.`;
  const provider = book.providers.find((p) => p.id === input.provider);
  if (provider !== undefined) {
    const status = priceStatus(provider, today(), row);
    const how = howObtained(status);
    badges.replaceChildren(
      ...badgeNodes(status),
      [
        ...(how === null ? [] : [howText(how)]),
        ...status.badges.map((b) => badgeText(b, status)),
      ].join(" "),
    );
  } else badges.replaceChildren();
  byId("est-formula").textContent = costFormula(input);
}

/**
 * When the size asked for is one the book records a dispute over (Atlas Cloud above 1536), the
 * estimate has no price, but the badge and the other reading still say why.
 */
function disputedHere(book: CompiledBook, input: EstimateInput): Node[] {
  const provider = book.providers.find((p) => p.id === input.provider);
  const row = rowFor(book, input.provider, input.quality, input.size);
  const size = parseSize(input.size);
  if (provider === undefined || row === null || row.status !== "disputed") return [];
  if (!size.ok || row.size !== size.value.key) return [];
  return badgeNodes(priceStatus(provider, today(), row));
}

function setExcelAvailability(): void {
  for (const id of [
    "insert-formula",
    "insert-table",
    "insert-sheet",
    "write-sheet",
    "read-sheet",
  ]) {
    byId<HTMLButtonElement>(id).disabled = !state.inExcel;
  }
  byId("insert-help").textContent = state.inExcel
    ? "Writes the formula into the selected cell."
    : NEEDS_EXCEL;
  byId("bud-help").textContent = state.inExcel
    ? "Adds a new sheet; no existing sheet is changed."
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

function wire(): void {
  wirePersistence();
  onTabShown((tab) => {
    if (restDrawn) renderTab(tab);
  });
  const forms: [string, () => void][] = [
    ["estimate-form", updateEstimate],
    ["compare-form", () => renderCompare(getActiveBook(), today())],
    ["budget-form", () => renderBudget(getActiveBook())],
  ];
  for (const [id, update] of forms) {
    const form = byId<HTMLFormElement>(id);
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", (event) => event.preventDefault());
  }
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
  byId("insert-formula").addEventListener("click", () => {
    const input = estimateInput();
    const checked = estimate(getActiveBook(), input);
    if (!checked.ok) {
      showMessage(`Nothing inserted: ${checked.message}`, "warning");
      return;
    }
    void run(async () => (await loadWorkbookTabs()).insertFormulaClicked(input));
  });
  byId("insert-table").addEventListener("click", () => {
    const formula = compareFormula();
    void run(async () => (await loadWorkbookTabs()).insertTableClicked(formula));
  });
  byId("insert-sheet").addEventListener("click", () => {
    const input = budgetInput();
    const budget = currentBudget();
    void run(async () => (await loadWorkbookTabs()).insertSheetClicked(input, budget));
  });
  byId("write-sheet").addEventListener(
    "click",
    () => void run(async () => (await loadWorkbookTabs()).writeSheetClicked()),
  );
  byId("read-sheet").addEventListener(
    "click",
    () => void run(async () => (await loadWorkbookTabs()).readSheetClicked()),
  );
}

void start().catch((error: unknown) => {
  showFirstScreen();
  showMessage(`The pane could not start: ${errorText(error)}`, "error");
});
