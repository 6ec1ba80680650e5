/**
 * Turns a feed's text into a candidate book, or a reason to refuse it. Nothing here touches the
 * active book: applying is a separate, explicit step, so a bad feed can never change anything.
 */
import type { BookOrigin, CompiledBook } from "../../core";
import { bookTextTooLarge, keepHistory, loadBook } from "../../core";
import type { BookDiff } from "./diff";
import { diffBooks } from "./diff";
import { sanityCheck } from "./sanity";
import { bookProblems, MAX_PROBLEMS } from "./bookProblems";

export interface Candidate {
  book: CompiledBook;
  diff: BookDiff;
  /** Drastic but possible changes: applying them needs the confirmation box ticked. */
  warnings: string[];
  /** The book `diff` and `warnings` are against: the one in force when it was prepared. */
  against: CompiledBook;
  /** Prepares the same feed again against another book in force (its history merged anew). */
  redo?: (current: CompiledBook) => Prepared;
  /** Feed prices that changed an existing date's prices, and now apply from the refresh date instead. */
  redated?: string[];
}

export type Prepared =
  { ok: true; candidate: Candidate } | { ok: false; message: string; details?: string[] };

export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const start = text.trimStart();
    if (start.startsWith("<")) {
      return {
        ok: false,
        message: `The feed is not valid JSON: the address returned a web page ("${start.slice(0, 24)}…"). Check that it points at the price feed itself.`,
      };
    }
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    return {
      ok: false,
      message: `The feed is not valid JSON: ${at === undefined ? "it is cut short or mistyped" : `it breaks at character ${at}`}. Check the file, or ask its publisher to fix it.`,
    };
  }
}

/** The refresh date: when the feed was fetched, or (for a feed from elsewhere) the day it was published. */
function refreshDate(origin: BookOrigin, published: string): string {
  return origin.kind === "url" ? origin.fetchedAt.slice(0, 10) : published;
}

/**
 * Checks the feed, then keeps the price history of the book in use: every price set it had stays,
 * and a feed price that changes an existing date's price applies from the refresh date (`today`,
 * by default the fetch date) as a new set, so a workbook can still plan under last month's prices.
 */
export function prepareBook(
  json: unknown,
  origin: BookOrigin,
  current: CompiledBook,
  today?: string,
): Prepared {
  const feed = loadBook(json, origin);
  if (!feed.ok) {
    const problems = bookProblems(json);
    const first = problems[0] ?? feed.message;
    return {
      ok: false,
      message:
        problems.length > 1
          ? `The feed is not a valid price book (${problems.length} problems; see Details).`
          : `The feed is not a valid price book: ${first}.`,
      ...(problems.length > 1
        ? {
            details: [
              ...problems.slice(0, MAX_PROBLEMS),
              ...(problems.length > MAX_PROBLEMS
                ? [`…and ${problems.length - MAX_PROBLEMS} more`]
                : []),
            ],
          }
        : {}),
    };
  }
  const merged = keepHistory(
    current.json,
    feed.value.json,
    today ?? refreshDate(origin, feed.value.published),
  );
  const loaded = loadBook(merged.book, origin);
  if (!loaded.ok) {
    return {
      ok: false,
      message: `The feed cannot be merged with the price history in use: ${loaded.message}`,
    };
  }
  const diff = diffBooks(current, loaded.value);
  const sanity = sanityCheck(loaded.value, diff, current);
  if (sanity.problems.length > 0) {
    return { ok: false, message: `The feed has implausible prices: ${sanity.problems.join(" ")}` };
  }
  return {
    ok: true,
    candidate: {
      book: loaded.value,
      diff,
      warnings: sanity.warnings,
      redated: merged.redated,
      against: current,
      redo: (now) => prepareBook(json, origin, now, today),
    },
  };
}

export function prepareFeedText(
  text: string,
  origin: BookOrigin,
  current: CompiledBook,
  today?: string,
): Prepared {
  const tooLarge = bookTextTooLarge(text);
  if (tooLarge !== null) return { ok: false, message: tooLarge.message };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return prepareBook(parsed.value, origin, current, today);
}
