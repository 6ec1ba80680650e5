/**
 * Keeps the applied price book inside the workbook (document settings travel with the file), so a
 * budget reopens next month, or on a colleague's machine, with the prices it was built with.
 */
import type { BookOrigin, CompiledBook } from "../core";

export const SETTINGS_KEY = "imgPriceBook";
export const STORED_FORMAT = 1;

/** What the workbook remembers besides the book: where it first came from, for the pane to say. */
export interface StoredEnvelope {
  format: number;
  savedAt: string;
  from: string;
  book: unknown;
}

/** The subset of Office.Settings used here, so tests can hand in a stand-in. */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export function describeOrigin(origin: BookOrigin): string {
  switch (origin.kind) {
    case "bundled":
      return "the prices bundled with the add-in";
    case "url":
      return `${origin.url} (fetched ${origin.fetchedAt})`;
    case "workbook":
      return "this workbook";
    case "sheet":
      return `the sheet "${origin.sheetName}"`;
  }
}

function save(settings: SettingsLike): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Compared as text: the Office.AsyncResultStatus enum object only exists once office.js has loaded.
      if (String(result.status) === "failed") {
        reject(
          new Error(
            `The workbook did not save its settings: ${result.error?.message ?? "unknown error"}`,
          ),
        );
      } else resolve();
    });
  });
}

export async function storeBook(
  settings: SettingsLike,
  book: CompiledBook,
  savedAt: string,
): Promise<void> {
  const envelope: StoredEnvelope = {
    format: STORED_FORMAT,
    savedAt,
    from: describeOrigin(book.origin),
    book: book.json,
  };
  settings.set(SETTINGS_KEY, JSON.stringify(envelope));
  await save(settings);
}

export async function forgetBook(settings: SettingsLike): Promise<void> {
  settings.remove(SETTINGS_KEY);
  await save(settings);
}

/**
 * Whether the workbook holds a stored book at all. A cheap check, so the pane loads the validator
 * (see validation.ts) only for workbooks that need it.
 */
export function hasStoredBook(settings: SettingsLike): boolean {
  const raw = settings.get(SETTINGS_KEY);
  return raw !== null && raw !== undefined;
}
