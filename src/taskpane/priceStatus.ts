/**
 * What the pane says about how far a price can be trusted: stale (read more than 30 days ago),
 * undated (the page gives no date) and disputed (sources disagree). The one place that reads the
 * price's status fields, so the pane's badges follow the core's fields from a single function.
 *
 * A price row may carry `status` (published | derived | bound | disputed | not published),
 * `otherReadings`, the page's date (`pageDate` or `dated`; null = the page is undated) and the date
 * it was read (`readDate` or `read`); rows without them fall back on the provider's source date and
 * checked date.
 */
import type { PriceRow, ProviderInfo } from "../core";
import { daysSince, readingText as coreReadingText } from "../core";
import { formatDate, formatPrice } from "./locale";

export const STALE_AFTER_DAYS = 30;

export type Badge = "stale" | "undated" | "disputed";

export interface PriceStatus {
  /** published, derived, bound, disputed, not published; null when the book does not say. */
  status: string | null;
  /** The date the source page gives; null when it gives none. */
  pageDate: string | null;
  /** When the price was read from the page. */
  readDate: string;
  /** Other readings of the same price, as text, when sources disagree. */
  otherReadings: string[];
  /** The same readings in a few words ("5", "offered at 0.008"), to show beside the price. */
  otherShort: string[];
  badges: Badge[];
  /** "May 4, 2026, read May 6, 2026" / "undated, read Nov 21, 2026". */
  dateText: string;
  /** Days since it was read. */
  age: number;
}

interface StatusFields {
  status?: unknown;
  otherReadings?: unknown;
  pageDate?: unknown;
  readDate?: unknown;
}

/** A reading in a few words: "$5.00", "offered at $0.008". */
function shortReading(reading: unknown): string {
  if (typeof reading === "number") return formatPrice(reading);
  if (typeof reading === "string") return reading;
  if (reading !== null && typeof reading === "object") {
    const r = reading as { value?: unknown; text?: unknown; price?: unknown };
    const value = typeof r.value === "number" ? r.value : r.price;
    const text = typeof r.text === "string" ? r.text : null;
    if (text !== null && typeof value === "number") return `${text} at ${formatPrice(value)}`;
    if (typeof value === "number") return formatPrice(value);
    if (typeof value === "string") return value;
    if (text !== null) return text;
  }
  return "another reading";
}

function readingText(reading: unknown): string {
  if (typeof reading === "string") return reading;
  if (typeof reading === "number") return String(reading);
  if (reading !== null && typeof reading === "object" && "part" in reading) {
    return coreReadingText(reading as Parameters<typeof coreReadingText>[0]);
  }
  if (reading !== null && typeof reading === "object") {
    const r = reading as { price?: unknown; source?: unknown; note?: unknown };
    const parts = [r.price, r.source, r.note].filter(
      (x): x is string | number => typeof x === "string" || typeof x === "number",
    );
    if (parts.length > 0) return parts.join(", ");
  }
  return "another reading";
}

/** The status of `row` (or of the provider's newest price when no row is given). */
export function priceStatus(
  provider: ProviderInfo,
  today: string,
  row?: PriceRow | null,
): PriceStatus {
  const fields = (row ?? {}) as StatusFields & Record<string, unknown>;
  const status = typeof fields.status === "string" ? fields.status : null;
  // The page's date: the first of these a row carries (null = the page is undated).
  const pageKey = ["pageDate", "dated", "sourceDate"].find((k) => k in fields);
  const pageValue = pageKey === undefined ? undefined : fields[pageKey];
  const pageDate =
    pageValue === null ? null : typeof pageValue === "string" ? pageValue : provider.source.dated;
  const readKey = ["readDate", "read"].find((k) => typeof fields[k] === "string");
  const readDate =
    readKey !== undefined ? (fields[readKey] as string) : (row?.checked ?? provider.checked);
  const readings: unknown[] = Array.isArray(fields.otherReadings) ? fields.otherReadings : [];
  const otherReadings = readings.map(readingText);
  // Two parts of a page can give the same figure (Atlas at 2048x2048): said once.
  const otherShort = [...new Set(readings.map(shortReading))];
  const age = daysSince(readDate, today);
  const badges: Badge[] = [];
  if (age > STALE_AFTER_DAYS) badges.push("stale");
  if (pageDate === null) badges.push("undated");
  if (status === "disputed" || otherReadings.length > 0) badges.push("disputed");
  const dateText =
    pageDate === null
      ? `undated, read ${formatDate(readDate)}`
      : `${formatDate(pageDate)}, read ${formatDate(readDate)}`;
  return { status, pageDate, readDate, otherReadings, otherShort, badges, dateText, age };
}

/** What each badge means, for its tooltip and the estimate's warning line. */
export function badgeText(badge: Badge, s: PriceStatus): string {
  switch (badge) {
    case "stale":
      return `Stale: read ${s.age} days ago; check the source before budgeting.`;
    case "undated":
      return "Undated: the source page gives no date for this price.";
    case "disputed":
      return s.otherReadings.length > 0
        ? `Disputed: sources disagree (also read as ${s.otherReadings.join("; ")}).`
        : "Disputed: sources disagree on this price.";
  }
}

/** How a price was obtained, when it is not simply published: derived (by a rule) or bound. */
export type HowObtained = "derived" | "bound";

export function howObtained(s: PriceStatus): HowObtained | null {
  return s.status === "derived" || s.status === "bound" ? s.status : null;
}

export function howText(how: HowObtained): string {
  return how === "derived"
    ? "Derived: computed by a rule the source states (such as 50% off), not a listed price."
    : "Bound: the source gives a range or a minimum, not one price; a range is budgeted at its top, and a minimum may be exceeded.";
}
