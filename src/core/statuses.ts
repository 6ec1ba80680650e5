/**
 * The status vocabulary of prices (see docs/price-truth.md). Kept apart from the schema so the
 * functions bundle can use it without the validator.
 */

/** What kind of price a number is, from the most to the least certain. */
export const PRICE_STATUSES = [
  "published", // a page states it
  "derived", // computed by a rule a page states (Batch = 50% off; "at OpenAI's rates")
  "bound", // a page gives only "from" or "up to" or a range ("0.054+", "0.03-0.05")
  "disputed", // pages (or parts of one page) disagree; the budget-safe reading is used
  "not published", // no page gives a number
] as const;

export type PriceStatus = (typeof PRICE_STATUSES)[number];
