/**
 * Every message the pricing core gives a person, in one place, each as the Failure it belongs to.
 * A message names what was wrong (the value, described as typed) and what is accepted. Callers
 * pass the facts; the words live here, so they read alike and can be reviewed together (the way
 * HyperFormula keeps src/error-message.ts). The price book's own checks (check.ts, the schema) list
 * problems with paths instead and keep their words beside the rule they check.
 */
import { describe, fail, type Failure } from "./result";

// ---- what is accepted --------------------------------------------------------------------------

export const QUALITY_ACCEPTED = "Accepted: low, medium, high, auto (auto prices as high).";
export const SIZE_ACCEPTED =
  'Accepted: WIDTHxHEIGHT such as "1024x1024" (also written 1024×1024, 1024 X 1024 or 1024*1024), or square, portrait, landscape.';
export const DATE_ACCEPTED =
  "Accepted: a date such as 2026-05-04, or an Excel date (a serial number from 1, e.g. 46140 = 2026-04-28).";
export const ZERO_OR_MORE = "Accepted: a number of 0 or more.";
export const RETRY_ACCEPTED =
  "Accepted: a number of 1 or more (1.2 budgets for one image in five being made again); leave it empty for 1.";
const TOO_LARGE_TOTAL = `too large to compute to the cent. Accepted: totals up to $70,000,000,000,000 (7e13), or larger ones of at most 15 significant digits.`;

// ---- providers and the book --------------------------------------------------------------------

export const notABook = (): Failure =>
  fail("BAD_BOOK", "No price book is loaded: pass a book from loadBook or bundledBook.");

/** What a provider argument accepts, given the book's ids ("openai, atlas, ..."). */
export const providersAccepted = (ids: string): string =>
  `Accepted: ${ids} (names such as "Azure OpenAI" or "fal.ai" work too).`;

export const providerEmpty = (accepted: string): Failure =>
  fail("EMPTY", `Provider is empty. ${accepted}`);

export const providerUnknown = (input: unknown, accepted: string): Failure =>
  fail("UNKNOWN_PROVIDER", `Provider ${describe(input)} is not in the price book. ${accepted}`);

export const bookTooLarge = (size: string): Failure =>
  fail(
    "BAD_BOOK",
    `The price book was rejected: it is ${size}, over the limit of 2 MB (2,097,152 characters of JSON). A price book is far smaller (the bundled one is about 16 KB).`,
  );

export const bookUnreadable = (error: unknown): Failure =>
  fail("BAD_BOOK", `The price book was rejected: it could not be read (${String(error)}).`);

/** `details`: the schema's or the cross-checks' list of problems, one per line. */
export const bookRejected = (details: string): Failure =>
  fail("BAD_BOOK", `The price book was rejected:\n${details}`);

// ---- qualities, sizes, dates and numbers -------------------------------------------------------

export const qualityEmpty = (): Failure => fail("EMPTY", `Quality is empty. ${QUALITY_ACCEPTED}`);

export const qualityNotAccepted = (input: unknown): Failure =>
  fail("BAD_QUALITY", `Quality ${describe(input)} is not accepted. ${QUALITY_ACCEPTED}`);

export const sizeEmpty = (): Failure => fail("EMPTY", `Size is empty. ${SIZE_ACCEPTED}`);

export const sizeNotASize = (input: unknown): Failure =>
  fail("BAD_SIZE", `Size ${describe(input)} is not a size. ${SIZE_ACCEPTED}`);

/** `problem`: the rule the edges break; `step` and `max`: the edges GPT Image 2 makes. */
export const sizeImpossible = (input: unknown, problem: string, step: number, max: number) =>
  fail(
    "BAD_SIZE",
    `Size ${describe(input)} is not possible: ${problem}. Accepted: edges from ${step} to ${max} pixels in multiples of ${step}.`,
  );

export const dateEmpty = (): Failure => fail("EMPTY", `Date is empty. ${DATE_ACCEPTED}`);

export const dateNotADate = (input: unknown): Failure =>
  fail("BAD_DATE", `Date ${describe(input)} is not a date. ${DATE_ACCEPTED}`);

export const dateInvalid = (input: unknown): Failure =>
  fail("BAD_DATE", `Date ${describe(input)} is an invalid date. ${DATE_ACCEPTED}`);

export const dateNotFinite = (serial: number): Failure =>
  fail("BAD_DATE", `Date ${describe(serial)} is not a finite number. ${DATE_ACCEPTED}`);

export const dateOutsideExcel = (serial: number, last: number): Failure =>
  fail(
    "BAD_DATE",
    `Date ${describe(serial)} is outside Excel's dates (1 to ${last}). ${DATE_ACCEPTED}`,
  );

export const dateLotusLeapDay = (): Failure =>
  fail(
    "BAD_DATE",
    `Date 60 is 1900-02-29, a day that never existed (Excel keeps it from Lotus 1-2-3). ${DATE_ACCEPTED}`,
  );

/** `label` names the argument ("Volume", "Retry multiplier"); `accepted` what it takes. */
export const numberEmpty = (label: string, accepted: string): Failure =>
  fail("EMPTY", `${label} is empty. ${accepted}`);

export const numberIsText = (label: string, input: unknown, accepted: string): Failure =>
  fail("BAD_NUMBER", `${label} ${describe(input)} is text, not a number. ${accepted}`);

export const notANumber = (label: string, input: unknown, accepted: string): Failure =>
  fail("BAD_NUMBER", `${label} ${describe(input)} is not a number. ${accepted}`);

export const numberNotFinite = (label: string, input: unknown, accepted: string): Failure =>
  fail("BAD_NUMBER", `${label} ${describe(input)} is not a finite number. ${accepted}`);

export const amountNegative = (label: string, input: unknown): Failure =>
  fail("NEGATIVE", `${label} ${describe(input)} is below 0. ${ZERO_OR_MORE}`);

export const retryBelowOne = (input: unknown): Failure =>
  fail("RETRY_BELOW_ONE", `Retry multiplier ${describe(input)} is below 1. ${RETRY_ACCEPTED}`);

export const tokenCountsNotAccepted = (tokens: unknown): Failure =>
  fail(
    "BAD_ARGUMENT",
    `Token counts ${describe(tokens)} are not accepted. Accepted: counts of text input, image input and image output tokens (cached counts optional).`,
  );

// ---- prices the book does not have --------------------------------------------------------------

export const noPerImagePrice = (name: string): Failure =>
  fail("NOT_PUBLISHED", `${name} publishes no per-image price.`);

export const noPerImagePriceBecause = (name: string, reason: string): Failure =>
  fail("NOT_PUBLISHED", `${name} publishes no per-image price: ${reason}`);

export const noPrice = (name: string): Failure =>
  fail("NOT_PUBLISHED", `${name} publishes no price.`);

export const billsByToken = (name: string): Failure =>
  fail("NOT_PUBLISHED", `${name} bills by token, not per image; use IMG.TOKENCOST.`);

export const billsPerImage = (name: string): Failure =>
  fail("NO_TOKEN_METERS", `${name} bills per image, not by token; use IMG.COST.`);

export const pricedFromUnknown = (name: string, targetId: string): Failure =>
  fail("NOT_PUBLISHED", `${name} is priced from "${targetId}", which this book cannot resolve.`);

/** A failure held in place of prices not compiled yet; never shown once a book is compiled. */
export const notCompiledYet = (): Failure => fail("NOT_PUBLISHED", "not compiled yet");

export const qualityNotPublished = (name: string, quality: string, reason: string): Failure =>
  fail("NOT_PUBLISHED", `${name} publishes no ${quality} price: ${reason}`);

/** `sizes`: the sizes it does price at that quality, listed ("1024x1024, 1024x1536 (portrait)"). */
export const sizeNotPriced = (name: string, quality: string, size: string, sizes: string) =>
  fail(
    "SIZE_NOT_PRICED",
    `${name} publishes no ${quality} price for ${size}. Sizes it prices at ${quality}: ${sizes}.`,
  );

export const sizeOverEdge = (name: string, size: string, edge: number): Failure =>
  fail(
    "SIZE_NOT_PRICED",
    `${name} is priced only up to ${edge} on either edge (its page says "up to ${edge}"); ${size} is larger. Accepted: sizes with both edges at most ${edge}.`,
  );

export const sizeNotOffered = (name: string, size: string, reason: string): Failure =>
  fail("SIZE_NOT_PRICED", `${name} does not offer ${size}: ${reason}`);

export const meterNotPublished = (name: string, meter: string, count: number): Failure =>
  fail(
    "NO_TOKEN_METERS",
    `${name} publishes no ${meter} meter, so ${describe(count)} ${meter} tokens cannot be priced. Enter 0 for them, or choose a provider that publishes that meter.`,
  );

/** `what`: "image" or "token"; `first`: the date its earliest prices apply from. */
export const providerNoPriceOnDate = (name: string, what: string, asOf: string, first: string) =>
  fail(
    "NO_PRICE_ON_DATE",
    `${name} has no ${what} price in effect on ${asOf}; its earliest applies from ${first}.`,
  );

export const bookNoPriceOnDate = (date: string, earliest: string): Failure =>
  fail(
    "NO_PRICE_ON_DATE",
    `No price in this book is in effect on ${date}; the first takes effect on ${earliest}.`,
  );

// ---- totals ---------------------------------------------------------------------------------------

/** What a total names when it is too large to give to the cent. */
export function costOf(volume: number, retry: number): string {
  return retry === 1
    ? `The cost of ${describe(volume)} images`
    : `The cost of ${describe(volume)} images with retry multiplier ${describe(retry)}`;
}

/** The TOO_LARGE failure for a total that cannot be given to the cent; `what` names the total. */
export const totalTooLarge = (what: string): Failure =>
  fail("TOO_LARGE", `${what} is ${TOO_LARGE_TOTAL}`);

/** `about`: the count in words ("about 1.23e+20", "more than 1e308"). */
export const countTooLarge = (about: string): Failure =>
  fail(
    "TOO_LARGE",
    `The number of images, ${about}, is too large to count exactly. Accepted: budgets whose count of images stays below 2^53 (about 9e15).`,
  );

export const freePrice = (budget: number): Failure =>
  fail("BAD_ARGUMENT", `The price is 0: any number of images fits budget ${describe(budget)}.`);
