/**
 * Shared helpers for the functions tests: build dist/ once, load it as Excel would, and write
 * arguments the way Excel passes them (a cell as [[x]], a column as [[a],[b],...], null if omitted).
 */
import {
  ensureBuilt,
  ExcelError,
  loadBuiltFunctions,
  type LoadedFunctions,
} from "../support/functions-harness";

export const BUILD_TIMEOUT_MS = 180_000;

let loaded: LoadedFunctions | null = null;

/** Builds dist/ if stale, then loads it (once per test file). */
export async function loadExcelFunctions(): Promise<LoadedFunctions> {
  if (loaded === null) {
    await ensureBuilt();
    loaded = loadBuiltFunctions();
  }
  return loaded;
}

/** One cell, as Excel passes a single value to a matrix parameter. */
export const cell = (value: unknown): unknown[][] => [[value]];

/** A one-column range. */
export const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A one-row range. */
export const row = (...values: unknown[]): unknown[][] => [values];

/** Asserts `value` is the Excel error `code` whose message contains every fragment. */
export function expectExcelError(
  value: unknown,
  code: "#VALUE!" | "#N/A",
  ...fragments: string[]
): void {
  expect(value).toBeInstanceOf(ExcelError);
  const error = value as ExcelError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

/** The single value of a 1x1 result. */
export function only(result: unknown): unknown {
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveLength(1);
  return rows[0]?.[0];
}
