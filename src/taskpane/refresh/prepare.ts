/**
 * Turns a feed's text into a candidate book, or a reason to refuse it. Nothing here touches the
 * active book: applying is a separate, explicit step, so a bad feed can never change anything.
 */
import type { BookOrigin, CompiledBook } from "../../core";
import { bookTextTooLarge, loadBook } from "../../core";
import type { BookDiff } from "./diff";
import { diffBooks } from "./diff";
import { sanityCheck } from "./sanity";

export interface Candidate {
  book: CompiledBook;
  diff: BookDiff;
  /** Drastic but possible changes: applying them needs the confirmation box ticked. */
  warnings: string[];
  /** The book `diff` and `warnings` are against: the one in force when it was prepared. */
  against: CompiledBook;
}

export type Prepared = { ok: true; candidate: Candidate } | { ok: false; message: string };

export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "unreadable";
    return { ok: false, message: `The feed is not valid JSON (${detail}).` };
  }
}

export function prepareBook(json: unknown, origin: BookOrigin, current: CompiledBook): Prepared {
  const loaded = loadBook(json, origin);
  if (!loaded.ok) {
    return { ok: false, message: `The feed is not a valid price book: ${loaded.message}` };
  }
  const diff = diffBooks(current, loaded.value);
  const sanity = sanityCheck(loaded.value, diff, current);
  if (sanity.problems.length > 0) {
    return { ok: false, message: `The feed has implausible prices: ${sanity.problems.join(" ")}` };
  }
  return {
    ok: true,
    candidate: { book: loaded.value, diff, warnings: sanity.warnings, against: current },
  };
}

export function prepareFeedText(text: string, origin: BookOrigin, current: CompiledBook): Prepared {
  const tooLarge = bookTextTooLarge(text);
  if (tooLarge !== null) return { ok: false, message: tooLarge.message };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return prepareBook(parsed.value, origin, current);
}
