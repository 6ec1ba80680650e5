/**
 * The pane's small shared state: whether it runs in Excel, the book to roll back to, the candidate
 * under review, and whether an action is running.
 */
import type { CompiledBook } from "../core";
import type { Candidate } from "./refresh/prepare";

export const OWN_FEED = "prices/gpt-image-2.json";
export const NEEDS_EXCEL =
  "Inserting needs Excel: open this pane from the ribbon in Excel to use it.";
export const MAX_LISTED_ERRORS = 8;

export interface PaneState {
  inExcel: boolean;
  previous: CompiledBook | null;
  /** True when `previous` is the book a roll back left: the button then says Redo. */
  previousIsRedo: boolean;
  pending: Candidate | null;
  storedFrom: string | null;
  busy: boolean;
}

export const state: PaneState = {
  inExcel: false,
  previous: null,
  previousIsRedo: false,
  pending: null,
  storedFrom: null,
  busy: false,
};

export const today = (): string => new Date().toISOString().slice(0, 10);

export function errorText(error: unknown): string {
  // Read, not instanceof: Office's errors and errors from other frames are not this realm's Error.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : "an unexpected error";
}
