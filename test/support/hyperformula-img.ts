/**
 * HyperFormula (a real spreadsheet engine) with the add-in's IMG functions. Nothing about the
 * functions is declared here: every function is registered from the catalog the JSDoc declares
 * (catalog.ts, the same generator that writes functions.json), and each call runs the function's
 * real body (src/functions/functions.ts, what the bundle is built from) with the price book set as
 * the active book, as the task pane sets it. HyperFormula is GPL-3.0: tests and the bench only,
 * never imported from src/.
 *
 *   registerImgFunctions(book?)
 *     Registers every IMG function with HyperFormula (once; calling it again only swaps the price
 *     book). Book: the core's bundledBook by default.
 *
 *   createImgEngine(sheets, options?)
 *     Registers the functions, then builds an engine over `sheets` ({ name: rows of constants and
 *     "=formulas" }) with licenseKey 'gpl-v3'. options.book: the price book to price with;
 *     options.config: extra HyperFormula config (e.g. { maxRows: 200_000 });
 *     options.names: defined names to add before the sheets are filled, each
 *     { name, expression: "='Sheet'!$B$3", scope?: "Sheet" } (scope = sheet name, default global).
 *
 *   registerCatalog(prefix, catalog, implementations)
 *     The same for any catalog and module (a test fixture's), as `${prefix}.${id}`.
 *
 * Arguments reach the functions as Excel on the web passes them: a blank cell or a left-out
 * argument is null, a single value given to a range parameter is [[value]], and an error cell is an
 * error value (functions.json lets every parameter receive errors), so each function applies its
 * own blank rules and error handling. A range given where the function takes a single value is
 * HyperFormula's array arithmetic, one call per cell, as the add-in answers one row per row.
 *
 * A function that spills (its result is a matrix but its parameters are single values, such as
 * IMG.CHEAPEST) must tell HyperFormula its size before it runs: with literal arguments the size is
 * that of the real answer; otherwise it is as tall as the book could need (one row per provider
 * plus two) and as wide as an answer for a high 1024x1024 image, padded with empty text.
 */
import "./custom-functions-global";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type ImplementedFunctions,
} from "hyperformula";
import { bundledBook, type CompiledBook } from "../../src/core";
import * as imgFunctions from "../../src/functions/functions";
import { setActiveBook } from "../../src/shared/activeBook";
import { readCatalog, type CatalogFunction } from "./catalog";
import { ExcelError } from "./functions-harness";

type Cell = string | number | boolean | null;
type Implementation = (...args: unknown[]) => unknown;

const TO_EXCEL: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
};
const FROM_EXCEL: Readonly<Record<string, ErrorType>> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
};

/** HyperFormula's argument as Excel on the web passes it. */
function toExcelArgument(value: unknown, range: boolean): unknown {
  let cell = value;
  if (value === EmptyValue || value === undefined) cell = null;
  else if (value instanceof CellError)
    cell = new ExcelError(TO_EXCEL[value.type] ?? "#VALUE!", value.message);
  return range ? [[cell]] : cell;
}

/** A value the function returned, as HyperFormula shows it. */
function toCell(value: unknown): unknown {
  if (value instanceof ExcelError)
    return new CellError(FROM_EXCEL[value.code] ?? ErrorType.VALUE, value.message);
  if (value === null || value === undefined) return 0; // Excel shows a JS null as 0
  return value;
}

/** Calls the real function; a thrown Excel error is the cell's value, as in Excel. */
function callFunction(fn: Implementation, args: readonly unknown[]): unknown {
  try {
    return fn(...args);
  } catch (error) {
    if (error instanceof ExcelError) return error;
    throw error;
  }
}

/** The value of a literal argument (a number, text, boolean or left out), else `undefined`. */
function literal(ast: { type?: string; value?: unknown }): { value: unknown } | undefined {
  if (ast.type === "NUMBER" || ast.type === "STRING") return { value: ast.value };
  if (ast.type === "EMPTY") return { value: null };
  return undefined;
}

/** Values a probe gives a non-literal argument, by parameter name, to learn a spill's width. */
const PROBE: Readonly<Record<string, unknown>> = { quality: "high", size: "1024x1024" };

const spillRows = (): number => activeBook.providers.length + 2;

let activeBook: CompiledBook = bundledBook;

/** A HyperFormula plugin class for `catalog`, each `${prefix}.${id}` calling `implementations`. */
function pluginFor(
  prefix: string,
  catalog: readonly CatalogFunction[],
  implementations: Readonly<Record<string, unknown>>,
) {
  const implemented: ImplementedFunctions = {};
  const methods: Record<string, unknown> = {};
  for (const f of catalog) {
    const fn = implementations[f.functionName];
    if (typeof fn !== "function") throw new Error(`${f.id}: ${f.functionName} is not exported`);
    const name = `${prefix}.${f.id}`;
    const ranged = f.parameters.map((p) => p.dimensionality === "matrix");
    const rangeFunction = ranged.some(Boolean);
    const spills = !rangeFunction && f.result.dimensionality === "matrix";
    const method = `call_${f.id}`;
    implemented[name] = {
      method,
      parameters: f.parameters.map((p) => ({
        argumentType: FunctionArgumentType.SCALAR,
        ...(p.optional === true ? { optionalArg: true } : {}),
      })),
      ...(spills ? { sizeOfResultArrayMethod: `size_${f.id}`, vectorizationForbidden: true } : {}),
    };
    const body = (size: ArraySize | undefined, ...args: unknown[]): unknown => {
      const passed = f.parameters.map((_, i) => toExcelArgument(args[i], ranged[i] === true));
      const result = callFunction(fn as Implementation, passed);
      if (!Array.isArray(result)) return toCell(result);
      const rows = result as unknown[][];
      if (size === undefined) return toCell(rows[0]?.[0]);
      if (rows.length === 1 && rows[0]?.length === 1 && rows[0][0] instanceof ExcelError)
        return toCell(rows[0][0]);
      const padded = Array.from({ length: Math.max(size.height, rows.length) }, (_, r) =>
        Array.from({ length: Math.max(size.width, rows[0]?.length ?? 0) }, (_, c) => {
          const cell = rows[r]?.[c];
          return cell === undefined ? "" : toCell(cell);
        }),
      );
      return SimpleRangeValue.onlyValues(padded as never);
    };
    methods[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // The plugin API's types are internal to HyperFormula; this cast only crosses that boundary.
      const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
      const size = spills ? spillSize(f, fn as Implementation, ast.args as never) : undefined;
      return run(ast.args, state, this.metadata(name), (...args: unknown[]) => body(size, ...args));
    };
    if (spills) {
      methods[`size_${f.id}`] = (ast: { args: { type?: string; value?: unknown }[] }) =>
        spillSize(f, fn as Implementation, ast.args);
    }
  }
  class CatalogPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;
  }
  Object.assign(CatalogPlugin.prototype, methods);
  return CatalogPlugin;
}

/** A spilling function's size: its real answer's for literal arguments, else the bound. */
function spillSize(
  f: CatalogFunction,
  fn: Implementation,
  args: readonly { type?: string; value?: unknown }[] | undefined,
): ArraySize {
  const literals = args?.map(literal);
  const allLiteral = literals !== undefined && literals.every((l) => l !== undefined);
  const probe = f.parameters.map((p, i) =>
    allLiteral ? (literals[i]?.value ?? null) : (literals?.[i]?.value ?? PROBE[p.name] ?? null),
  );
  const answer = callFunction(fn, probe);
  const rows = Array.isArray(answer) ? (answer as unknown[][]) : [[answer]];
  const width = Math.max(1, ...rows.map((r) => r.length));
  return allLiteral
    ? new ArraySize(width, rows.length)
    : new ArraySize(width, Math.max(rows.length, spillRows()));
}

const registeredIds = new Map<string, string[]>();

/**
 * Registers `catalog` with HyperFormula as `${prefix}.${id}`, each calling the function of the
 * same name in `implementations`; a prefix registered before is replaced.
 */
export function registerCatalog(
  prefix: string,
  catalog: readonly CatalogFunction[],
  implementations: Readonly<Record<string, unknown>>,
): void {
  for (const id of registeredIds.get(prefix) ?? []) HyperFormula.unregisterFunction(id);
  const plugin = pluginFor(prefix, catalog, implementations);
  const ids = Object.keys(plugin.implementedFunctions);
  HyperFormula.registerFunctionPlugin(plugin, {
    enGB: Object.fromEntries(ids.map((id) => [id, id])),
  });
  registeredIds.set(prefix, ids);
}

/** Registers the IMG functions with HyperFormula (once) and prices them with `book`. */
export function registerImgFunctions(book: CompiledBook = bundledBook): void {
  activeBook = book;
  setActiveBook(book);
  if (registeredIds.has("IMG")) return;
  registerCatalog("IMG", readCatalog(), imgFunctions);
}

export interface EngineName {
  readonly name: string;
  /** A formula, e.g. "='Cost estimate'!$C$6". */
  readonly expression: string;
  /** Sheet name the name is scoped to; global when left out. */
  readonly scope?: string;
}

export interface EngineOptions {
  readonly book?: CompiledBook;
  readonly config?: Partial<ConfigParams>;
  readonly names?: readonly EngineName[];
}

/** An engine over `sheets` with the IMG functions, every formula evaluated. */
export function createImgEngine(
  sheets: Record<string, Cell[][]>,
  options: EngineOptions = {},
): HyperFormula {
  registerImgFunctions(options.book ?? bundledBook);
  const engine = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", ...options.config });
  const ids = new Map<string, number>();
  for (const name of Object.keys(sheets)) {
    const added = engine.addSheet(name);
    const id = engine.getSheetId(added);
    if (id === undefined) throw new Error(`HyperFormula did not create sheet ${name}.`);
    ids.set(name, id);
  }
  // Names before contents, so every formula finds its names on first evaluation.
  for (const name of options.names ?? []) {
    const scope = name.scope === undefined ? undefined : ids.get(name.scope);
    if (name.scope !== undefined && scope === undefined) {
      throw new Error(
        `Name ${name.name} is scoped to sheet ${name.scope}, which is not among the sheets.`,
      );
    }
    engine.addNamedExpression(name.name, name.expression, scope);
  }
  for (const [name, rows] of Object.entries(sheets)) {
    engine.setSheetContent(ids.get(name) as number, rows);
  }
  return engine;
}
