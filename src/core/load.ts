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
import { fail, type Result } from "./result";

/**
 * Validates `json` as a price book: the strict schema (unknown keys rejected), then the cross-checks.
 * On failure the message lists every problem with its path.
 */
export function parseBook(json: unknown): Result<PriceBookJson> {
  let parsed: ReturnType<typeof PriceBookSchema.safeParse>;
  try {
    parsed = PriceBookSchema.safeParse(json);
  } catch (error) {
    // A getter that throws or a proxy in a feed must still give a clean rejection.
    return fail(
      "BAD_BOOK",
      `The price book was rejected: it could not be read (${String(error)}).`,
    );
  }
  if (!parsed.success) {
    return fail("BAD_BOOK", `The price book was rejected:\n${prettifyError(parsed.error)}`);
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) {
    const list = problems.map((p) => `✖ ${p.message}\n  → at ${p.path}`).join("\n");
    return fail("BAD_BOOK", `The price book was rejected:\n${list}`);
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
