/**
 * Dates users pass for "as of": an ISO date or an Excel date serial, read the way Excel reads it.
 */
import type { Failure, Result } from "./result";
import {
  dateEmpty,
  dateInvalid,
  dateLotusLeapDay,
  dateNotADate,
  dateNotFinite,
  dateOutsideExcel,
} from "./messages";

const DAY_MS = 86_400_000;
/** Excel's day 0 for serials after its fictitious 1900-02-29 (serial 61 = 1900-03-01). */
const EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30);
/** Day 0 for serials 1..59 (serial 1 = 1900-01-01). */
const EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31);
const LAST_SERIAL = 2_958_465; // 9999-12-31, the last day Excel shows
const ISO_PATTERN = /^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})\s*$/;

/** The ISO date string of a UTC timestamp. */
function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True when y-m-d is a real calendar date (2026-02-30 is not). */
export function isCalendarDate(iso: string): boolean {
  const match = ISO_PATTERN.exec(iso);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return (
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    year >= 1000
  );
}

/** The ISO date of an Excel serial, or a Failure. Fractions (times of day) are dropped. */
export function serialToIso(serial: number): Result<string> {
  if (!Number.isFinite(serial)) return dateNotFinite(serial);
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL) {
    return dateOutsideExcel(serial, LAST_SERIAL);
  }
  if (day === 60) {
    return dateLotusLeapDay();
  }
  return { ok: true, value: isoOf((day < 60 ? EPOCH_BEFORE_BUG : EPOCH_AFTER_BUG) + day * DAY_MS) };
}

/**
 * Reads a date: an ISO "YYYY-MM-DD" that is a real calendar date (surrounding spaces ignored), an Excel
 * date serial (1 = 1900-01-01; 60 is Excel's fictitious 1900-02-29 and refused), or a valid Date object.
 */
export function parseDate(input: unknown): Result<string> {
  if (typeof input === "number") return serialToIso(input);
  if (typeof input === "string") {
    if (input.trim() === "") return dateEmpty();
    if (isCalendarDate(input)) return { ok: true, value: input.trim() };
    return dateNotADate(input);
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isFinite(ms)) return { ok: true, value: isoOf(ms) };
    return dateInvalid(input);
  }
  if (input === null || input === undefined) return dateEmpty();
  return dateNotADate(input);
}

/**
 * The optional "as of" argument: missing (null, undefined or empty text) means the newest prices and
 * reads as null; otherwise as {@link parseDate}.
 */
export function readAsOf(input: unknown): string | null | Failure {
  if (input === null || input === undefined || input === "") return null;
  const parsed = parseDate(input);
  return parsed.ok ? parsed.value : parsed;
}

/**
 * Whole days from `isoDate` to `today` (both ISO dates; a full ISO timestamp's date part is used), for
 * the task pane's "prices are over 30 days old" flag. NaN when either is not a date.
 */
export function daysSince(isoDate: string, today: string): number {
  const from = Date.parse(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${String(today).slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return NaN;
  return Math.round((to - from) / DAY_MS);
}

/** Prices whose page is older than this many days are flagged for checking before budgeting. */
export const STALE_AFTER_DAYS = 30;

/** "2026-05-04 (read 2026-11-21)", or "undated (read 2026-11-21)" for a page that gives no date. */
export function dateLabel(pageDate: string | null, readDate: string): string {
  return `${pageDate ?? "undated"} (read ${readDate})`;
}

/** How old a price set's evidence is, worked out the same way for every source. */
export interface Freshness {
  /** The date the page gives, or null when it gives none. */
  pageDate: string | null;
  /** The date the page was read. */
  readDate: string;
  /** As {@link dateLabel}. */
  label: string;
  /** Whole days from the page's date to `today`; null for an undated page. */
  ageDays: number | null;
  /** True when the page is older than the limit, or undated (nothing shows it is fresh). */
  stale: boolean;
}

/**
 * The age of prices is the age of the page that states them: a page read yesterday that is dated six
 * months ago is six months old, and a page with no date never counts as fresh, however recently it
 * was read. One rule for every source, so an undated page cannot look fresher than a dated one.
 */
export function freshness(
  pageDate: string | null,
  readDate: string,
  today: string,
  staleAfterDays: number = STALE_AFTER_DAYS,
): Freshness {
  const age = pageDate === null ? null : daysSince(pageDate, today);
  const ageDays = age === null || Number.isNaN(age) ? null : age;
  return {
    pageDate,
    readDate,
    label: dateLabel(pageDate, readDate),
    ageDays,
    stale: ageDays === null || ageDays > staleAfterDays,
  };
}
