/**
 * The one vocabulary for token meters between the price book and what people read: the book's keys
 * (`cachedTextInput`) and the words every surface shows for them ("cached text input"): the prices
 * sheet's Meter column, IMG.PRICES' unit, the task pane's price table, a refresh's review and the
 * core's messages. The prices sheet is read back through {@link meterKey}, which also takes the keys
 * that sheets written before it held.
 */

/** The words for each meter key, in the order the prices sheet lists a price set's meters. */
export const METER_WORDS = {
  /** One meter for text and image input, where a provider bills them alike. */
  input: "input",
  textInput: "text input",
  cachedTextInput: "cached text input",
  imageInput: "image input",
  cachedImageInput: "cached image input",
  imageOutput: "image output",
} as const;

export type MeterKey = keyof typeof METER_WORDS;

/** Every meter key a price set can hold, in the prices sheet's order. */
export const METER_KEYS = Object.keys(METER_WORDS) as readonly MeterKey[];

/** The words for `meter` ("cached text input"); a key this vocabulary does not know, as is. */
export function meterWords(meter: string): string {
  return meter in METER_WORDS ? METER_WORDS[meter as MeterKey] : meter;
}

const BY_TEXT: ReadonlyMap<string, MeterKey> = new Map(
  METER_KEYS.flatMap((key) => [
    [key.toLowerCase(), key],
    [METER_WORDS[key], key],
  ]),
);

/** The meter key a cell names, by its words or its key, ignoring case and outer spaces. */
export function meterKey(text: string): MeterKey | undefined {
  return BY_TEXT.get(text.trim().replace(/\s+/g, " ").toLowerCase());
}

/** A price's unit in words: "per image", "per 1M tokens" or "per 1M tokens (cached text input)". */
export function unitWords(unit: "image" | "1M tokens", meter?: string): string {
  if (unit === "image") return "per image";
  return `per 1M tokens${meter === undefined ? "" : ` (${meterWords(meter)})`}`;
}
