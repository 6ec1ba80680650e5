/**
 * Turns a feed's text into a candidate book, or a reason to refuse it. Nothing here touches the
 * active book: applying is a separate, explicit step, so a bad feed can never change anything.
 */
import type { BookOrigin, CompiledBook } from "../../core";
import { loadBook } from "../../core";
import type { BookDiff } from "./diff";
import { diffBooks } from "./diff";
import { sanityCheck } from "./sanity";
import { bookProblems, MAX_PROBLEMS } from "./bookProblems";

export interface Candidate {
  book: CompiledBook;
  diff: BookDiff;
  /** Drastic but possible changes: applying them needs the confirmation box ticked. */
  warnings: string[];
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

export function prepareBook(json: unknown, origin: BookOrigin, current: CompiledBook): Prepared {
  const loaded = loadBook(json, origin);
  if (!loaded.ok) {
    const problems = bookProblems(json);
    const first = problems[0] ?? loaded.message;
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
  const diff = diffBooks(current, loaded.value);
  const sanity = sanityCheck(loaded.value, diff, current);
  if (sanity.problems.length > 0) {
    return { ok: false, message: `The feed has implausible prices: ${sanity.problems.join(" ")}` };
  }
  return { ok: true, candidate: { book: loaded.value, diff, warnings: sanity.warnings } };
}

export function prepareFeedText(text: string, origin: BookOrigin, current: CompiledBook): Prepared {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return prepareBook(parsed.value, origin, current);
}
