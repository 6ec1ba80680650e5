/**
 * The prices sheet's columns and the names shared by writing and reading it. Every number a person
 * may edit in a price book becomes one row; the identifying columns (provider, prices from, billing,
 * quality, size, meter) say where it goes back.
 */
import { METER_KEYS, type MeterKey, type PriceBookJson } from "../../core";

export const HEADER = [
  "Provider id",
  "Provider",
  "Prices from",
  "Billing",
  "Quality",
  "Size",
  "Meter",
  "Price (USD)",
  "List price (USD)",
  "Lowest price (USD)",
  "Read on",
  "Source",
  "Notes",
  "Status",
  "Other readings",
  "Page date",
] as const;

/**
 * Columns a person edits; the others identify the row or explain it. "Read on" is the date the page
 * was read (the book's `checked`); "Page date" is the date the page gives itself, or "undated".
 */
export const EDITABLE_COLUMNS = [7, 8, 9, 10] as const;
export const MONEY_COLUMNS = [7, 8, 9] as const;

export const COL = {
  id: 0,
  name: 1,
  effective: 2,
  billing: 3,
  quality: 4,
  size: 5,
  meter: 6,
  price: 7,
  listPrice: 8,
  minPrice: 9,
  checked: 10,
  source: 11,
  notes: 12,
  status: 13,
  otherReadings: 14,
  pageDate: 15,
} as const;

export type Cell = string | number | boolean;
export type SheetRow = Cell[];

export type Json = PriceBookJson;
export type Provider = Json["providers"][number];
export type ImageSet = Provider["image"][number];
export type TokenSet = Provider["tokens"][number];
export type Pricing = ImageSet["pricing"];

/**
 * A price set's meters in the sheet's order. The Meter column shows each in the words IMG.PRICES
 * uses ("cached text input"); a sheet that still holds the book's keys ("cachedTextInput") reads
 * back the same (src/core/meters.ts).
 */
export const METERS = METER_KEYS;
export type MeterName = MeterKey;

export function providerName(book: Json, id: string): string {
  return book.providers.find((p) => p.id === id)?.name ?? id;
}

export { columnLetter, sheetRef } from "../../shared/a1";
