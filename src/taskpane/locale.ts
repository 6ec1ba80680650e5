/**
 * Numbers, money and dates in the user's locale, and numbers typed the way that locale writes them
 * ("0,5" in German, "0.5" in English). Inside Excel the locale is Office's display language
 * (Office.context.displayLanguage); in a plain browser, the browser's. The locale part (separators,
 * groups of three) is here; the number itself is read by the core's strict reader
 * (readDecimalText), as everywhere else in the add-in.
 */

import { readDecimalText } from "../core";

let chosen: string | null = null;

/** The locale the pane formats and reads numbers in. */
export function paneLocale(): string {
  if (chosen !== null) return chosen;
  let locale = typeof navigator === "undefined" ? "en-US" : navigator.language || "en-US";
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    const language = office?.context?.displayLanguage;
    if (typeof language === "string" && language !== "") locale = language;
  } catch {
    // Office.context is not ready outside a host: keep the browser's locale.
  }
  try {
    chosen = Intl.getCanonicalLocales(locale)[0] ?? "en-US";
  } catch {
    chosen = "en-US";
  }
  return chosen;
}

/** Sets the locale (after Office.onReady, or in tests); null goes back to detecting it. */
export function setPaneLocale(locale: string | null): void {
  chosen = locale;
}

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${paneLocale()}|${key}`;
  let format = cache.get(id);
  if (format === undefined) {
    format = new Intl.NumberFormat(paneLocale(), options);
    cache.set(id, format);
  }
  return format;
}

/** A per-image price: every published decimal kept ($0.0072 must not read $0.01). */
export function formatPrice(n: number): string {
  return numberFormat("price", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: 6,
  }).format(n);
}

/** A total: cents, and up to 4 decimals when a total is that small. */
export function formatMoney(n: number): string {
  return numberFormat("money", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(n);
}

/** A rounded money figure for chart labels: $1,234. */
export function formatMoneyShort(n: number): string {
  const digits = n < 10 ? 2 : 0;
  // The digits are part of the cache key: a formatter made for $1,234 must not round $5.25 to $5.
  return numberFormat(`short${digits}`, {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: digits,
  }).format(n);
}

export function formatNumber(n: number): string {
  return numberFormat("number", { maximumFractionDigits: 4 }).format(n);
}

export function formatCount(n: number): string {
  return numberFormat("count", { maximumFractionDigits: 0 }).format(n);
}

/** A multiple of the cheapest: "1.0x", "2.35x". */
export function formatMultiple(n: number): string {
  return `${numberFormat("multiple", { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(n)}x`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-05-04" as "May 4, 2026" (en-US), "4. Mai 2026" (de-DE); other text unchanged. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match === null) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // One formatter per locale: building an Intl.DateTimeFormat costs far more than formatting with
  // one, and the Prices tab formats two dates per row.
  const locale = paneLocale();
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/**
 * Loads the browser's number and date data while office.js is still starting, so the first screen
 * does not pay for it after Office.onReady: the first Intl formatter a page builds costs about 10 ms
 * (locale data loaded), later ones a fraction of that. It uses the browser's locale and keeps
 * nothing: Office's display language is known only once Office is ready, and the formatters the
 * pane uses are made for it then (paneLocale, which this does not call).
 */
export function warmFormatters(): void {
  try {
    const locale = typeof navigator === "undefined" ? "en-US" : navigator.language || "en-US";
    new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(1);
    new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(0);
  } catch {
    // An unknown browser locale: the pane's own formatters fall back when they are made.
  }
}

const separatorCache = new Map<string, { decimal: string; group: string }>();

/** The locale's decimal and group separators. */
export function separators(locale: string = paneLocale()): { decimal: string; group: string } {
  const known = separatorCache.get(locale);
  if (known !== undefined) return known;
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const found = {
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? ",",
  };
  separatorCache.set(locale, found);
  return found;
}

export type ReadNumber = { ok: true; value: number } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a number typed in the user's locale: its decimal separator, optional group separators in
 * groups of three, and "." as a decimal point too where the locale does not use it for groups.
 * Empty text and anything else is refused with a message naming what was typed and what is accepted.
 */
export function readLocaleNumber(
  text: string,
  label: string,
  locale: string = paneLocale(),
): ReadNumber {
  const { decimal, group } = separators(locale);
  const example = `e.g. 1${group === "\u00a0" || group === "\u202f" ? " " : group}000 or 0${decimal}5`;
  const trimmed = text.trim();
  if (trimmed === "")
    return { ok: false, message: `${label} is empty. Enter a number, ${example}.` };
  const compactGroup = group.replace(SPACES, "");
  let body = trimmed.replace(SPACES, "");
  const negative = body.startsWith("-") || body.startsWith("\u2212");
  if (negative) body = body.slice(1);
  let intPart = body;
  let fraction = "";
  const decimalAt = body.lastIndexOf(decimal);
  if (decimalAt >= 0) {
    intPart = body.slice(0, decimalAt);
    fraction = body.slice(decimalAt + decimal.length);
  } else if (decimal !== "." && body.includes(".")) {
    // "." where the locale writes ",": a group separator when it sits in groups of three
    // (German 1.000), otherwise a decimal point (0.5 typed on an English keyboard).
    const grouped = compactGroup === "." && /^\d{1,3}(\.\d{3})+$/.test(body);
    if (!grouped) {
      const at = body.lastIndexOf(".");
      intPart = body.slice(0, at);
      fraction = body.slice(at + 1);
    }
  }
  const groups = compactGroup === "" ? [intPart] : intPart.split(compactGroup);
  const wellGrouped =
    groups.length === 1 ||
    (/^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => /^\d{3}$/.test(g)));
  const digits = groups.join("");
  if (
    !wellGrouped ||
    !/^\d*$/.test(digits) ||
    !/^\d*$/.test(fraction) ||
    digits + fraction === ""
  ) {
    return {
      ok: false,
      message: `${label} "${trimmed}" is text, not a number. Enter a number, ${example}.`,
    };
  }
  // The digits, now in plain "." form, go through the core's one strict number reader.
  const value = readDecimalText(`${negative ? "-" : ""}${digits || "0"}.${fraction || "0"}`);
  if (value === null) {
    return { ok: false, message: `${label} "${trimmed}" is too large.` };
  }
  return { ok: true, value };
}
