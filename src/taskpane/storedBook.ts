/**
 * Reads the price book a workbook keeps in its settings back into a checked book. It validates with
 * the core's schema, so it is reached only through validation.ts, never from the pane's first screen.
 */
import type { CompiledBook } from "../core";
import { bookTextTooLarge, loadBook } from "../core";
import { SETTINGS_KEY, STORED_FORMAT, type SettingsLike, type StoredEnvelope } from "./storage";

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
  // Before JSON.parse, which alone takes long on a huge book; the envelope (and escapes) may add a
  // little, and loadBook below measures the book itself.
  const tooLarge = bookTextTooLarge(raw, 64 * 1024);
  if (tooLarge !== null)
    return {
      kind: "invalid",
      message: `The price book stored in this workbook is invalid: ${tooLarge.message}`,
    };
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
  if (format !== STORED_FORMAT) {
    return {
      kind: "invalid",
      message: `The price book stored in this workbook has format ${String(format)}; this add-in reads format ${STORED_FORMAT}.`,
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
