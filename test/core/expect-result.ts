import type { ErrorCode, Result } from "../../src/core";

/** The value of a result that must have succeeded; fails the test with the message otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.code}: ${result.message}`);
  return result.value;
}

/** The message of a result that must have failed with `code`. */
export function failure(result: Result<unknown>, code: ErrorCode): string {
  if (result.ok) throw new Error(`expected ${code}, got the value ${JSON.stringify(result.value)}`);
  expect(result.code).toBe(code);
  return result.message;
}
