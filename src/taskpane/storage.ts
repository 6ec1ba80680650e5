/**
 * Keeps the applied price book inside the workbook (document settings travel with the file), so a
 * budget reopens next month, or on a colleague's machine, with the prices it was built with.
 */
import type { BookOrigin, CompiledBook } from "../core";
import { loadBook } from "../core";

export const SETTINGS_KEY = "imgPriceBook";
const FORMAT = 1;

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
    format: FORMAT,
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

export type StoredRead =
  | { kind: "none" }
  | { kind: "ok"; book: CompiledBook; from: string; savedAt: string }
  | { kind: "invalid"; message: string };

/** Reads the stored book back; anything unreadable is reported, never half-used. */
export function readStoredBook(settings: SettingsLike): StoredRead {
  const raw = settings.get(SETTINGS_KEY);
  if (raw === null || raw === undefined) return { kind: "none" };
  if (typeof raw !== "string") {
    return {
      kind: "invalid",
      message: "The price book stored in this workbook is not in a readable form.",
    };
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return {
      kind: "invalid",
      message: "The price book stored in this workbook is not valid JSON.",
    };
  }
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    return {
      kind: "invalid",
      message: "The price book stored in this workbook is not in a readable form.",
    };
  }
  const { format, book, from, savedAt } = envelope as Partial<
    Record<keyof StoredEnvelope, unknown>
  >;
  if (format !== FORMAT) {
    return {
      kind: "invalid",
      message: `The price book stored in this workbook has format ${String(format)}; this add-in reads format ${FORMAT}.`,
    };
  }
  const loaded = loadBook(book, { kind: "workbook" });
  if (!loaded.ok) {
    return {
      kind: "invalid",
      message: `The price book stored in this workbook is invalid: ${loaded.message}`,
    };
  }
  return {
    kind: "ok",
    book: loaded.value,
    from: typeof from === "string" ? from : "unknown",
    savedAt: typeof savedAt === "string" ? savedAt : "unknown",
  };
}
