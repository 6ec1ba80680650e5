/**
 * Loading a price book from untrusted JSON (a feed, the workbook's settings, the prices sheet): schema
 * check, cross-checks, then compile. A book that fails anything is rejected whole. This is the only
 * path that pulls zod in; the bundled book does not need it.
 */
import { prettifyError } from "zod/mini";
import { PriceBookSchema, type PriceBookJson } from "./schema";
import { crossCheck } from "./check";
import { compileBook } from "./book";
import type { BookOrigin, CompiledBook } from "./types";
import type { Failure, Result } from "./result";
import { bookRejected, bookTooLarge, bookUnreadable } from "./messages";

/**
 * The largest price book accepted, as JSON text: 2 MiB (2,097,152 characters). The bundled book is
 * about 16 KB; a book of 45 MB blocked the shared runtime (and so every IMG cell) for 3 s at open.
 * The same limit as a refresh's download cap, applied here so every path gets it: a refresh, the
 * prices sheet and the book stored in a workbook, read at start.
 */
export const MAX_BOOK_CHARS = 2 * 1024 * 1024;

const tooLarge = bookTooLarge;

/**
 * BAD_BOOK when a book's JSON text is over {@link MAX_BOOK_CHARS} (plus `wrapping`, for text that
 * holds a book inside an envelope), else null. Check before JSON.parse.
 */
export function bookTextTooLarge(text: string, wrapping = 0): Failure | null {
  return text.length > MAX_BOOK_CHARS + wrapping
    ? tooLarge(`${(text.length / 1024 / 1024).toFixed(1)} MB`)
    : null;
}

/**
 * True when `json` written as compact JSON would be over `limit` characters (strings counted without
 * their escapes). Counts as it walks and stops at the limit, so a huge value costs no more than a
 * book at the limit (and a cycle ends the walk too).
 */
function jsonLongerThan(json: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") size += value.length + 2;
    else if (typeof value === "object" && value !== null) {
      if (Array.isArray(value)) {
        size += 2 + value.length;
        for (const item of value) stack.push(item);
      } else {
        for (const key of Object.keys(value)) {
          size += key.length + 4;
          stack.push((value as Record<string, unknown>)[key]);
        }
        size += 2;
      }
    } else size += typeof value === "number" ? String(value).length : 5; // true, false, null
    if (size > limit) return true;
  }
  return false;
}

/**
 * Validates `json` as a price book: at most {@link MAX_BOOK_CHARS} as JSON, the strict schema
 * (unknown keys rejected), then the cross-checks. On failure the message lists every problem with
 * its path.
 */
export function parseBook(json: unknown): Result<PriceBookJson> {
  let parsed: ReturnType<typeof PriceBookSchema.safeParse> | null;
  try {
    parsed = jsonLongerThan(json, MAX_BOOK_CHARS) ? null : PriceBookSchema.safeParse(json);
  } catch (error) {
    // A getter that throws or a proxy in a feed must still give a clean rejection.
    return bookUnreadable(error);
  }
  if (parsed === null) return tooLarge("over 2 MB as JSON");
  if (!parsed.success) {
    return bookRejected(prettifyError(parsed.error));
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) {
    const list = problems.map((p) => `✖ ${p.message}\n  → at ${p.path}`).join("\n");
    return bookRejected(list);
  }
  return { ok: true, value: parsed.data };
}

/** Validates and compiles a price book; see {@link parseBook}. */
export function loadBook(
  json: unknown,
  origin: BookOrigin = { kind: "bundled" },
): Result<CompiledBook> {
  const parsed = parseBook(json);
  return parsed.ok ? { ok: true, value: compileBook(parsed.value, origin) } : parsed;
}
