/**
 * Every core error code, for tests that walk the closed set. Written as a record keyed by the
 * ErrorCode type so that a code added to the core and missing here fails the typecheck.
 */
import type { ErrorCode } from "../../src/core";

const EVERY: Record<ErrorCode, true> = {
  EMPTY: true,
  BAD_NUMBER: true,
  NEGATIVE: true,
  RETRY_BELOW_ONE: true,
  BAD_QUALITY: true,
  BAD_SIZE: true,
  BAD_DATE: true,
  BAD_ARGUMENT: true,
  UNKNOWN_PROVIDER: true,
  NOT_PUBLISHED: true,
  SIZE_NOT_PRICED: true,
  NO_TOKEN_METERS: true,
  NO_PRICE_ON_DATE: true,
  TOO_LARGE: true,
  BAD_BOOK: true,
};

/** The codes in the order result.ts declares them. */
export const ALL_ERROR_CODES = Object.keys(EVERY) as ErrorCode[];
