/**
 * One blank rule per parameter, so a blank cell gives the same answer on every platform.
 *
 * Excel does not pass a blank cell the same way everywhere: Excel on Windows and Mac pass 0 for a
 * blank cell given to a scalar parameter (office-js issue #4702) and for each blank cell inside a
 * range (#5262, #1951); Excel on the web passes null, or "" inside a range. An omitted optional
 * argument is null or undefined, and a formula that returns "" passes "". A function cannot tell a
 * desktop blank from a typed 0, so each parameter declares once what all of these mean:
 *
 * - `text`      provider, quality, size. Blank is the "... is empty" #VALUE! error. A number 0 is read
 *               as blank too (it is what a blank cell is on desktop): never "Provider 0".
 * - `allText`   an optional text filter (IMG.PRICES' provider): blank means left out (everything).
 * - `amount`    volume, budget, token counts: blank is 0, as in Excel's own arithmetic (=A1*2 with A1
 *               blank is 0).
 * - `setting`   an optional multiplier or count with a default (retry, top, cached tokens,
 *               IMG.CHEAPEST's volume): blank means its default. So does 0, because on desktop a
 *               blank cell arrives as 0 and 0 can only mean "nothing entered" there (0 retries is
 *               a multiplier of 1; the top 0 providers is all of them; 0 cached tokens is the default).
 * - `date`      an optional date: blank (or 0, which is no Excel date) means left out, today's prices.
 *
 * Text of spaces only ("  ") is not blank: it is what the user typed, and the core says it is empty.
 */

/** How a parameter reads a blank cell; see the module comment. */
export type ParamKind = "text" | "allText" | "amount" | "setting" | "date";

/** A parameter as the functions declare it: its frozen name and its blank rule. */
export interface Param {
  readonly name: string;
  readonly kind: ParamKind;
}

/** Declares parameters in order: `params(["provider", "text"], ["volume", "amount"])`. */
export function params(...list: readonly (readonly [string, ParamKind])[]): readonly Param[] {
  return Object.freeze(list.map(([name, kind]) => Object.freeze({ name, kind })));
}

/** True for every way Excel passes a blank cell or an omitted argument (see the module comment). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "" || value === 0;
}

/**
 * The value the core receives for `value` under `kind`: blanks become 0 for amounts and null (left
 * out, or the core's "is empty") for everything else; any other value is passed on unchanged.
 */
export function readParam(kind: ParamKind, value: unknown): unknown {
  if (!isBlank(value)) return value;
  return kind === "amount" ? 0 : null;
}
