/**
 * Turning IMG formulas into native ones that recalculate without the add-in.
 *
 * Each IMG call becomes a lookup in the workbook's portable prices table through two workbook-scoped
 * names: PORTABLE_KEYS (a column of "provider|quality|size" and "provider|token|meter" keys) and
 * PORTABLE_PRICES (the price beside each key). Only INDEX, MATCH, IFERROR, IF, LOWER, TRIM,
 * SUBSTITUTE, INT and ROUND are used: every Excel since 2007, Excel on the web and mobile, and
 * LibreOffice compute them; no XLOOKUP, LET or FILTER, which LibreOffice 7.4 lacks.
 *
 * The lookup reads what a person types the way the IMG functions do: provider ids in any case with
 * spaces around them, "auto" as high, square / portrait / landscape, and 1024×1024, 1024 X 1024 or
 * 1024*1024 for 1024x1024. A price the table lacks gives #N/A, never 0.
 */

export const PORTABLE_KEYS = "Portable_price_keys";
export const PORTABLE_PRICES = "Portable_prices";

export class PortableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortableError";
  }
}

/** One IMG call found in a formula: where it starts and ends (end exclusive) and its arguments. */
export interface ImgCall {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Argument texts as written, trimmed; an omitted argument is "". */
  readonly args: readonly string[];
}

const IDENT = /[A-Za-z0-9_.]/;

/** Index of the parenthesis closing the one at `open`, skipping strings; -1 when unbalanced. */
function closing(formula: string, open: number): number {
  let depth = 0;
  for (let i = open; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      i = formula.indexOf('"', i + 1);
      while (i >= 0 && formula[i + 1] === '"') i = formula.indexOf('"', i + 2);
      if (i < 0) return -1;
    } else if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits the text between a call's parentheses at its top-level commas. */
function splitArgs(inner: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') {
      i = inner.indexOf('"', i + 1);
      while (i >= 0 && inner[i + 1] === '"') i = inner.indexOf('"', i + 2);
      if (i < 0) break;
    } else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      args.push(inner.slice(from, i).trim());
      from = i + 1;
    }
  }
  args.push(inner.slice(from).trim());
  return args.length === 1 && args[0] === "" ? [] : args;
}

/**
 * The outermost IMG calls of a formula, left to right, outside string literals. `IMG.` must start
 * an identifier (so MYIMG.COST is not one); Excel may store the name with a `_xldudf_` prefix
 * in files, which the API never returns.
 */
export function findImgCalls(formula: string): ImgCall[] {
  const calls: ImgCall[] = [];
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      i = formula.indexOf('"', i + 1);
      while (i >= 0 && formula[i + 1] === '"') i = formula.indexOf('"', i + 2);
      if (i < 0) break;
      continue;
    }
    if ((ch === "I" || ch === "i") && (i === 0 || !IDENT.test(formula[i - 1] ?? ""))) {
      const match = /^IMG\.([A-Za-z]+)\s*\(/i.exec(formula.slice(i));
      if (match === null) continue;
      const open = i + match[0].length - 1;
      const close = closing(formula, open);
      if (close < 0) continue;
      calls.push({
        name: (match[1] ?? "").toUpperCase(),
        start: i,
        end: close + 1,
        args: splitArgs(formula.slice(open + 1, close)),
      });
      i = close;
    }
  }
  return calls;
}

/** True when the formula calls any IMG function (outside string literals). */
export function usesImg(formula: string): boolean {
  return formula.includes(".") && findImgCalls(formula).length > 0;
}

const wrap = (expr: string): string => (/^[$A-Za-z0-9_.]+$/.test(expr) ? expr : `(${expr})`);

function lowerTrim(arg: string): string {
  return `LOWER(TRIM(${arg}))`;
}

/** The quality as the table's key spells it: auto prices as high. */
function qualityKey(arg: string): string {
  const q = lowerTrim(arg);
  return `IF(${q}="auto","high",${q})`;
}

/** The size with spaces dropped and ×, X, * read as x: "1024 X 1536" -> "1024x1536". */
function plainSize(arg: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${lowerTrim(arg)}," ",""),"×","x"),"*","x")`;
}

/** The size as the table's key spells it: named sizes, then WxH. */
function sizeKey(arg: string): string {
  const s = lowerTrim(arg);
  return `IF(${s}="square","1024x1024",IF(${s}="portrait","1024x1536",IF(${s}="landscape","1536x1024",${plainSize(arg)})))`;
}

/**
 * TRUE when the size is one GPT Image 2 can make, as the IMG functions check: a named size, or
 * edges from 16 to 4096 pixels in steps of 16. Anything else (text, 1000x1000, 8192x8192) is
 * FALSE, so a provider's any-size price is not given for a size the IMG functions refuse.
 */
function validSize(arg: string): string {
  const s = lowerTrim(arg);
  const key = plainSize(arg);
  const x = `FIND("x",${key})`;
  const edge = (e: string): string => [`${e}>0`, `${e}<=4096`, `MOD(${e},16)=0`].join(",");
  const w = `VALUE(LEFT(${key},${x}-1))`;
  const h = `VALUE(MID(${key},${x}+1,9))`;
  return `OR(${s}="square",${s}="portrait",${s}="landscape",IFERROR(AND(${edge(w)},${edge(h)}),FALSE()))`;
}

/**
 * Price per image: the exact size's row, else (for a size the IMG functions accept) the
 * provider's row for any size at that quality; #N/A when neither exists.
 */
export function portablePrice(provider: string, quality: string, size: string): string {
  const prefix = `${lowerTrim(provider)}&"|"&${qualityKey(quality)}&"|"`;
  return `INDEX(${PORTABLE_PRICES},IFERROR(MATCH(${prefix}&${sizeKey(size)},${PORTABLE_KEYS},0),IF(${validSize(size)},MATCH(${prefix}&"any",${PORTABLE_KEYS},0),NA())))`;
}

function meterPrice(provider: string, meter: string): string {
  return `INDEX(${PORTABLE_PRICES},MATCH(${lowerTrim(provider)}&"|token|${meter}",${PORTABLE_KEYS},0))`;
}

/**
 * How the IMG functions round money, mirrored here so both forms agree to the cent. `cents` is
 * true when IMG.COST rounds its result to the cent (half up); false when it returns the exact
 * decimal product.
 */
export interface MoneyRounding {
  readonly cents: boolean;
}

function money(expr: string, rounding: MoneyRounding): string {
  // Half up on the decimal, not on its binary double: 29 x 0.005 is 0.145 but 0.14499999999999999
  // as a double, which a ROUND that works on the double (HyperFormula's) takes down to 0.14. A
  // relative nudge of 1e-12, far above binary noise (1e-16) and far below any amount a price with
  // six decimals can produce, lifts it to the half before rounding. Money here is never negative.
  return rounding.cents ? `ROUND((${expr})*1.000000000001,2)` : expr;
}

const TOKEN_ARGS = [
  "textInput",
  "imageInput",
  "imageOutput",
  "cachedTextInput",
  "cachedImageInput",
];

function isNumber(arg: string): boolean {
  return /^[0-9]+(\.[0-9]+)?$/.test(arg);
}

function isZero(arg: string): boolean {
  return arg === "" || /^0+(\.0+)?$/.test(arg);
}

function rewriteCall(call: ImgCall, rounding: MoneyRounding): string {
  const a = call.args.map((arg) => rewriteFormulaBody(arg, rounding));
  const need = (min: number, max: number): void => {
    if (a.length < min || a.length > max) {
      throw new PortableError(
        `IMG.${call.name} takes ${min} to ${max} arguments; this formula gives it ${a.length}.`,
      );
    }
  };
  const retry = (arg: string | undefined): string | null =>
    arg === undefined || arg === "" ? null : wrap(arg);
  // The IMG functions' blank rules (src/functions/params.ts): a blank retry, or 0 (what a blank
  // cell is on Excel desktop), is the default 1; a blank volume or budget is 0. Anything else must
  // be a number in range, or the portable form gives #N/A where the IMG form gives #VALUE!.
  const retryValue = (r: string): string =>
    isNumber(r) ? (Number(r) === 0 ? "1" : r) : `IF(OR(${r}="",${r}=0),1,${r})`;
  const retryOk = (r: string | null): string[] =>
    r === null || (isNumber(r) && (Number(r) === 0 || Number(r) >= 1))
      ? []
      : [`OR(${r}="",${r}=0,AND(ISNUMBER(${r}),${r}>=1))`];
  const amountValue = (v: string): string => (isNumber(v) ? v : `IF(${v}="",0,${v})`);
  const amountOk = (v: string): string[] =>
    isNumber(v) ? [] : [`OR(${v}="",AND(ISNUMBER(${v}),${v}>=0))`];
  const guarded = (checks: string[], expr: string): string =>
    checks.length === 0 ? expr : `IF(AND(${checks.join(",")}),${expr},NA())`;
  switch (call.name) {
    case "PRICE": {
      need(3, 4);
      if ((a[3] ?? "") !== "")
        throw new PortableError("IMG.PRICE with an as-of date has no portable form.");
      return portablePrice(a[0] ?? "", a[1] ?? "", a[2] ?? "");
    }
    case "COST": {
      need(4, 6);
      if ((a[5] ?? "") !== "")
        throw new PortableError("IMG.COST with an as-of date has no portable form.");
      const r = retry(a[4]);
      const v = wrap(a[3] ?? "");
      const units = r === null ? amountValue(v) : `${amountValue(v)}*${retryValue(r)}`;
      return guarded(
        [...amountOk(v), ...retryOk(r)],
        money(`${units}*${portablePrice(a[0] ?? "", a[1] ?? "", a[2] ?? "")}`, rounding),
      );
    }
    case "AFFORD": {
      need(4, 6);
      if ((a[5] ?? "") !== "")
        throw new PortableError("IMG.AFFORD with an as-of date has no portable form.");
      const r = retry(a[4]);
      const perImage = portablePrice(a[1] ?? "", a[2] ?? "", a[3] ?? "");
      const cost = r === null ? perImage : `${perImage}*${retryValue(r)}`;
      const b = wrap(a[0] ?? "");
      // Whole images: the 9-place ROUND keeps 24/0.008 at 3000 where binary division gives 2999.99...
      return guarded([...amountOk(b), ...retryOk(r)], `INT(ROUND(${amountValue(b)}/(${cost}),9))`);
    }
    case "TOKENCOST": {
      need(4, 6);
      const provider = a[0] ?? "";
      const terms = TOKEN_ARGS.flatMap((meter, i) => {
        const count = a[i + 1] ?? "";
        if (isZero(count)) return [];
        const term = `${wrap(count)}*${meterPrice(provider, meter)}`;
        // A literal count above 0 needs its meter; a blank or 0 cell does not (a meter the
        // provider does not publish may be left at 0); a negative or text count is refused.
        const n = wrap(count);
        return isNumber(count)
          ? [term]
          : [`IF(OR(${n}="",${n}=0),0,IF(AND(ISNUMBER(${n}),${n}>0),${term},NA()))`];
      });
      return terms.length === 0 ? "0" : money(`(${terms.join("+")})/1000000`, rounding);
    }
    default:
      throw new PortableError(
        `IMG.${call.name} has no portable form; only IMG.PRICE, IMG.COST, IMG.AFFORD and IMG.TOKENCOST do.`,
      );
  }
}

function rewriteFormulaBody(text: string, rounding: MoneyRounding): string {
  const calls = findImgCalls(text);
  if (calls.length === 0) return text;
  let out = "";
  let at = 0;
  for (const call of calls) {
    out += text.slice(at, call.start) + rewriteCall(call, rounding);
    at = call.end;
  }
  return out + text.slice(at);
}

/**
 * The formula with every IMG call replaced by its native equivalent. Throws a PortableError naming
 * the function when one has no portable form (IMG.CHEAPEST spills a sorted table; an as-of date
 * needs the price history).
 */
export function portableFormula(formula: string, rounding: MoneyRounding): string {
  return rewriteFormulaBody(formula, rounding);
}
