/**
 * Changing the active book: refresh, review, apply, roll back, reset. Applying sets the book the
 * functions price with, saves it in the workbook and recalculates; nothing changes before the user
 * confirms, and a rejected feed changes nothing.
 */
import type { BookOrigin, CompiledBook } from "../core";
import { bundledBook } from "../core";
import { getActiveBook, onActiveBookChange, setActiveBook } from "../shared/activeBook";
import { recalculateAll } from "./excelOps";
import { errorText, OWN_FEED, state } from "./paneState";
import { checkFeedUrl } from "./refresh/feedUrl";
import { DEFAULT_LIMITS, fetchFeedText } from "./refresh/fetchFeed";
import { loadValidation } from "./loadValidation";
import type { Candidate } from "./refresh/prepare";
import { rebase } from "./refresh/rebase";
import { byId, hideDiff, renderDiff, showMessage } from "./render";
import { describeOrigin, forgetBook, storeBook } from "./storage";

export async function applyBook(book: CompiledBook, done: string): Promise<void> {
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
  state.previousIsRedo = false;
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

export function updateApplyEnabled(): void {
  const pending = state.pending;
  const needsConfirm = pending !== null && pending.warnings.length > 0;
  const confirmed = byId<HTMLInputElement>("confirm-drastic").checked;
  byId<HTMLButtonElement>("apply").disabled =
    state.busy || pending === null || (needsConfirm && !confirmed);
}

export function review(candidate: Candidate, what: string): void {
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

export async function refreshClicked(): Promise<void> {
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
  const { prepareFeedText } = await loadValidation();
  const prepared = prepareFeedText(fetched.text, origin, getActiveBook());
  if (!prepared.ok) {
    showMessage(
      `Refresh rejected: ${prepared.message} Nothing was changed; the prices in use are still version ${getActiveBook().bookVersion}.`,
      "error",
      prepared.details ?? [],
    );
    return;
  }
  if (sameBook(prepared.candidate.book, getActiveBook())) {
    showMessage(
      `Already up to date: the feed holds the prices in use (version ${getActiveBook().bookVersion}). Nothing to apply.`,
      "success",
    );
    return;
  }
  review(prepared.candidate, "The feed");
}

/**
 * Re-diffs the candidate under review when the book in force is no longer the one it was diffed
 * against, and shows it again; false when it changed (or was refused), so nothing is applied that the
 * user did not see.
 */
function reviewAgainstActive(): boolean {
  const pending = state.pending;
  const current = getActiveBook();
  if (pending === null || pending.against === current) return true;
  const rebased = rebase(pending, current);
  if (!rebased.ok) {
    discardPending();
    showMessage(
      `The prices in use changed while the new ones waited for review, so they were not applied. ${rebased.message} The prices in use are still version ${current.bookVersion}.`,
      "error",
    );
    return false;
  }
  state.pending = rebased.candidate;
  renderDiff(rebased.candidate);
  updateApplyEnabled();
  showMessage(
    `The prices in use changed to version ${current.bookVersion} while version ${rebased.candidate.book.bookVersion} waited for review: the changes below are now against them. Review them again, then apply or discard.`,
    "warning",
  );
  return false;
}

// The stored book finishing its load (or any other switch) while a candidate waits: show the diff
// against the book now in force at once, not only when Apply is pressed.
onActiveBookChange(() => {
  if (state.pending !== null) reviewAgainstActive();
});

export async function applyClicked(): Promise<void> {
  if (!reviewAgainstActive()) return;
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

export function discardPending(): void {
  state.pending = null;
  hideDiff();
  updateApplyEnabled();
}

/** JSON with its object keys sorted, so two books holding the same data compare equal as text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/**
 * True when a feed holds exactly the book in use: nothing to review, nothing to apply. The prices
 * sheet renames the version it reads back ("… (edited in a sheet)"), so it compares without it.
 */
export function sameBook(a: CompiledBook, b: CompiledBook, ignoreVersion = false): boolean {
  if (a === b) return true;
  const data = (book: CompiledBook) =>
    ignoreVersion ? { ...book.json, bookVersion: "" } : book.json;
  return canonical(data(a)) === canonical(data(b));
}

/**
 * Roll back, then Redo: the button swaps between the book in use and the one before it, and its
 * label and message say which way it goes.
 */
export async function rollbackClicked(): Promise<void> {
  const previous = state.previous;
  if (previous === null) {
    showMessage("There is no earlier price book to roll back to.", "info");
    return;
  }
  const redoing = state.previousIsRedo;
  discardPending();
  await applyBook(
    previous,
    redoing
      ? `Redone: back to prices version ${previous.bookVersion} from ${describeOrigin(previous.origin)}.`
      : `Rolled back to prices version ${previous.bookVersion} from ${describeOrigin(previous.origin)}.`,
  );
  state.previousIsRedo = !redoing;
}

export async function resetClicked(): Promise<void> {
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
