/**
 * Keeping a reviewed candidate honest: its diff and checks are against the book that was in force
 * when it was prepared. If another book took over since (the workbook's stored book finishing its
 * load, a rollback), a feed is prepared again against the book in force now (history merged anew)
 * and a sheet's book is diffed and checked again against it, so what the user confirms is what
 * applying changes.
 */
import type { CompiledBook } from "../../core";
import { diffBooks } from "./diff";
import type { Candidate, Prepared } from "./prepare";
import { sanityCheck } from "./sanity";

/** `candidate` against `current`: itself when already, else re-diffed and re-checked. */
export function rebase(candidate: Candidate, current: CompiledBook): Prepared {
  if (candidate.against === current) return { ok: true, candidate };
  // A feed is prepared again from scratch: its price history is merged with the book now in force.
  if (candidate.redo !== undefined) return candidate.redo(current);
  const diff = diffBooks(current, candidate.book);
  const sanity = sanityCheck(candidate.book, diff, current);
  if (sanity.problems.length > 0) {
    return {
      ok: false,
      message: `Against the prices now in use (version ${current.bookVersion}) it has implausible prices: ${sanity.problems.join(" ")}`,
    };
  }
  return {
    ok: true,
    candidate: { book: candidate.book, diff, warnings: sanity.warnings, against: current },
  };
}
