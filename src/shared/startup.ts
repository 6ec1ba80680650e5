/**
 * What the shared runtime does when it starts in a workbook: make the price book stored in that
 * workbook the active one, so a reopened workbook computes with its own prices, not the bundled ones.
 *
 * Excel may call the IMG functions before office.js is ready or before the stored book is read
 * (reading it validates it, with the validator carried in taskpane.js). Those first results use the
 * bundled book. So the stored book is applied as soon as it is read, and if any function had already
 * computed with another book, every formula is recalculated at once (a full calculation: IMG cells
 * are not dirty, and only a full calculation recomputes cells that are not; see
 * Excel.CalculationType.full), with no action from the user. When no function has run yet, nothing
 * needs recalculating.
 *
 * The functions entry starts this (functions.js loads first in the runtime page), the pane awaits the
 * same run to draw what it found; nothing runs outside Office (Node, tests, a plain browser).
 */
import type { CompiledBook } from "../core";
import { activeBookGeneration, activeBookWasRead, setActiveBook } from "./activeBook";
import { hasStoredBook, type SettingsLike } from "../taskpane/storage";
import type { StoredRead } from "../taskpane/storedBook";
import { loadValidation } from "../taskpane/loadValidation";
import { recalculateAll } from "../taskpane/excelOps";

/** What the start found, for the pane to report. */
export type StartOutcome =
  | { kind: "not in Excel" }
  | { kind: "none" }
  | { kind: "applied"; book: CompiledBook; from: string; recalculated: boolean }
  /** Prices were applied by the user before the stored book was read; those win. */
  | { kind: "superseded" }
  | { kind: "invalid"; message: string }
  | { kind: "failed"; message: string };

/** The Office pieces the start needs, given by the caller so tests can hand in stand-ins. */
export interface RuntimeServices {
  settings: SettingsLike;
  /** Reads and validates the stored book (loads the schema on demand). */
  readStored(settings: SettingsLike): Promise<StoredRead>;
  /** Recalculates every formula in the workbook. */
  recalculateAll(): Promise<void>;
}

const message = (error: unknown): string => {
  const text = (error as { message?: unknown } | null)?.message;
  return typeof text === "string" && text !== "" ? text : "an unexpected error";
};

/**
 * Applies the workbook's stored book and recalculates if any result was computed before it was in
 * place. `generationAtStart` is activeBookGeneration() when the runtime started: if another book
 * became active in the meantime (the user applied prices), it is kept.
 */
export async function applyStoredBook(
  services: RuntimeServices,
  generationAtStart: number,
): Promise<StartOutcome> {
  if (!hasStoredBook(services.settings)) return { kind: "none" };
  let stored: StoredRead;
  try {
    stored = await services.readStored(services.settings);
  } catch (error) {
    return { kind: "failed", message: message(error) };
  }
  if (stored.kind === "none") return { kind: "none" };
  if (stored.kind === "invalid") return { kind: "invalid", message: stored.message };
  if (activeBookGeneration() !== generationAtStart) return { kind: "superseded" };
  const stale = activeBookWasRead();
  setActiveBook(stored.book);
  if (!stale) return { kind: "applied", book: stored.book, from: stored.from, recalculated: false };
  try {
    await services.recalculateAll();
  } catch (error) {
    return { kind: "failed", message: `recalculation failed (${message(error)})` };
  }
  return { kind: "applied", book: stored.book, from: stored.from, recalculated: true };
}

/** The real services, in Excel. */
function officeServices(): RuntimeServices {
  return {
    settings: Office.context.document.settings,
    readStored: async (settings) => (await loadValidation()).readStoredBook(settings),
    recalculateAll,
  };
}

let started: Promise<StartOutcome> | null = null;

/**
 * Starts the runtime once (later calls get the same run): waits for Office, then applies the stored
 * book. Never rejects; outside Excel it resolves to "not in Excel".
 */
export function startRuntime(): Promise<StartOutcome> {
  if (started !== null) return started;
  const generationAtStart = activeBookGeneration();
  started =
    typeof Office === "undefined" || typeof Office.onReady !== "function"
      ? Promise.resolve({ kind: "not in Excel" })
      : Office.onReady()
          .then(async (info): Promise<StartOutcome> => {
            if (info.host !== Office.HostType.Excel) return { kind: "not in Excel" };
            return applyStoredBook(officeServices(), generationAtStart);
          })
          .catch((error: unknown): StartOutcome => ({ kind: "failed", message: message(error) }));
  return started;
}
