/**
 * The task pane: shows the active price book, estimates, refreshes prices safely, keeps the applied
 * book in the workbook, and inserts formulas, the prices sheet and templates. Each step lives in its
 * own module; this file starts the pane, draws the book and the estimate, and wires the page.
 */
import type { CompiledBook } from "../core";
import { bundledBook } from "../core";
import { getActiveBook } from "../shared/activeBook";
import { startRuntime } from "../shared/startup";
import { TEMPLATES } from "../templates";
import {
  applyClicked,
  discardPending,
  refreshClicked,
  resetClicked,
  rollbackClicked,
  updateApplyEnabled,
} from "./applying";
import { costFormula, estimate, formatPrice, formatTotal, type EstimateInput } from "./estimate";
import { errorText, NEEDS_EXCEL, state, today } from "./paneState";
import { byId, h, renderBookDetails, renderBookSummary, showMessage } from "./render";
import { mountSharingPanel } from "./sharingPanel";
import {
  insertFormulaClicked,
  insertTemplateClicked,
  readSheetClicked,
  writeSheetClicked,
} from "./workbookActions";

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
  // Only if the user has not already chosen prices in the seconds before.
  if (state.previous === null) await loadStoredBook();
  setExcelAvailability();
  renderTemplates();
  renderAll();
  document.body.dataset["ready"] = "excel";
}

async function start(): Promise<void> {
  state.inExcel = await detectExcel();
  if (state.inExcel) await loadStoredBook();
  wire();
  setExcelAvailability();
  renderFirstScreen();
  // The estimate is what a person reads first: show it, then draw the provider list, the prices
  // table and the templates in a later task.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  renderTemplates();
  renderDetails();
  document.body.dataset["ready"] = state.inExcel ? "excel" : "browser";
}

// ---- rendering -----------------------------------------------------------------------------------

function renderAll(): void {
  renderFirstScreen();
  renderDetails();
}

/** The book's header, the estimate and the buttons that depend on the book. */
function renderFirstScreen(): void {
  const book = getActiveBook();
  renderBookSummary(book, book.origin.kind === "workbook" ? state.storedFrom : null);
  fillProviders(book);
  updateEstimate();
  byId<HTMLButtonElement>("rollback").disabled = state.busy || state.previous === null;
  const rollbackTitle =
    state.previous === null
      ? "Nothing to roll back to yet"
      : `Back to version ${state.previous.bookVersion}`;
  byId("rollback").title = rollbackTitle;
}

function renderDetails(): void {
  renderBookDetails(getActiveBook(), today());
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

function wire(): void {
  mountSharingPanel(document.getElementById("sharing-panel"));
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
  byId("insert-formula").addEventListener(
    "click",
    () => void run(() => insertFormulaClicked(estimateInput())),
  );
  byId("write-sheet").addEventListener("click", () => void run(writeSheetClicked));
  byId("read-sheet").addEventListener("click", () => void run(readSheetClicked));
}

void start().catch((error: unknown) => {
  showMessage(`The pane could not start: ${errorText(error)}`, "error");
});
