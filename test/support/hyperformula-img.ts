/**
 * HyperFormula (a real spreadsheet engine) with the add-in's IMG functions, computed by the same
 * pricing core Excel's custom functions call. HyperFormula is GPL-3.0: tests and the bench only,
 * never imported from src/.
 *
 *   registerImgFunctions(book?)
 *     Registers IMG.PRICE, IMG.COST, IMG.AFFORD, IMG.TOKENCOST and IMG.CHEAPEST with HyperFormula
 *     (once; calling it again only swaps the price book). Book: the core's bundledBook by default.
 *
 *   createImgEngine(sheets, options?)
 *     Registers the functions, then builds an engine over `sheets` ({ name: rows of constants and
 *     "=formulas" }) with licenseKey 'gpl-v3'. options.book: the price book to price with;
 *     options.config: extra HyperFormula config (e.g. { maxRows: 200_000 });
 *     options.names: defined names to add before the sheets are filled, each
 *     { name, expression: "='Sheet'!$B$3", scope?: "Sheet" } (scope = sheet name, default global).
 *
 * Arguments are read as the add-in reads them in Excel: each through its parameter's blank rule from
 * src/functions/signatures.ts (a blank volume is 0, a blank or 0 retry is 1, a blank provider is
 * "Provider is empty"), and an error cell in an argument is that formula's result, #REF! and #NAME?
 * as a #VALUE! naming them (Excel cannot show those from an add-in). Core failures become
 * HyperFormula errors with the core's message: #N/A for the "not available" codes, #VALUE! for the
 * rest, as the custom functions map them.
 *
 * IMG.CHEAPEST spills a table: a header row (provider, price per image, total, multiple of
 * cheapest), the priced providers cheapest first, then a footer row naming those left out.
 * HyperFormula needs an array's size before computing it, so the spill is always as tall as the
 * book could need and padded with empty text.
 */
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
  type FunctionArgument,
  type ImplementedFunctions,
} from "hyperformula";
import {
  afford,
  bundledBook,
  cost,
  isNotAvailable,
  price,
  rank,
  tokenCost,
  type CompiledBook,
  type Failure,
  type Result,
} from "../../src/core";
import { readParam, type Param } from "../../src/functions/params";
import {
  AFFORD_PARAMS,
  CHEAPEST_PARAMS,
  COST_PARAMS,
  PRICE_PARAMS,
  TOKENCOST_PARAMS,
} from "../../src/functions/signatures";

type Cell = string | number | boolean | null;

let activeBook: CompiledBook = bundledBook;
let registered = false;

function toCellValue(result: Result<number>): number | CellError {
  return result.ok ? result.value : toCellError(result);
}

function toCellError(failure: Failure): CellError {
  return new CellError(
    isNotAvailable(failure.code) ? ErrorType.NA : ErrorType.VALUE,
    failure.message,
  );
}

/** HyperFormula's empty value and a missing optional argument are blank; then the blank rule. */
function readArgs(declared: readonly Param[], args: readonly unknown[]): unknown[] {
  return declared.map((param, i) => {
    const value = args[i];
    return readParam(param.kind, value === EmptyValue || value === undefined ? null : value);
  });
}

/** As the add-in: #REF! and #NAME? cannot be a result, so they become #VALUE! naming them. */
function passOnError(error: CellError, where: string): CellError {
  if (error.type !== ErrorType.REF && error.type !== ErrorType.NAME) return error;
  const code = error.type === ErrorType.REF ? "#REF!" : "#NAME?";
  return new CellError(
    ErrorType.VALUE,
    `${where} holds ${code}. Excel cannot show ${code} as an add-in function's result, so this cell shows #VALUE!.`,
  );
}

const required: FunctionArgument = { argumentType: FunctionArgumentType.SCALAR };
const optional: FunctionArgument = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };

const CHEAPEST_HEADER = ["provider", "price per image", "total", "multiple of cheapest"];

function rankableCount(): number {
  return activeBook.providers.filter((p) => !p.comparisonOnly).length;
}

class ImgPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "IMG.PRICE": { method: "imgPrice", parameters: [required, required, required] },
    "IMG.COST": {
      method: "imgCost",
      parameters: [required, required, required, required, optional],
    },
    "IMG.AFFORD": {
      method: "imgAfford",
      parameters: [required, required, required, required, optional],
    },
    "IMG.TOKENCOST": {
      method: "imgTokenCost",
      parameters: [required, required, required, required, optional, optional],
    },
    "IMG.CHEAPEST": {
      method: "imgCheapest",
      sizeOfResultArrayMethod: "imgCheapestSize",
      vectorizationForbidden: true,
      parameters: [required, required, optional, optional, optional],
    },
  };

  imgPrice(ast: { args: unknown[] }, state: unknown) {
    return this.run("IMG.PRICE", PRICE_PARAMS, ast, state, (provider, quality, size) =>
      toCellValue(price(activeBook, provider, quality, size)),
    );
  }

  imgCost(ast: { args: unknown[] }, state: unknown) {
    return this.run("IMG.COST", COST_PARAMS, ast, state, (provider, quality, size, volume, retry) =>
      toCellValue(cost(activeBook, provider, quality, size, volume, retry)),
    );
  }

  imgAfford(ast: { args: unknown[] }, state: unknown) {
    return this.run(
      "IMG.AFFORD",
      AFFORD_PARAMS,
      ast,
      state,
      (budget, provider, quality, size, retry) =>
        toCellValue(afford(activeBook, budget, provider, quality, size, retry)),
    );
  }

  imgTokenCost(ast: { args: unknown[] }, state: unknown) {
    return this.run(
      "IMG.TOKENCOST",
      TOKENCOST_PARAMS,
      ast,
      state,
      (provider, textInput, imageInput, imageOutput, cachedText, cachedImage) =>
        toCellValue(
          tokenCost(activeBook, provider, {
            textInput,
            imageInput,
            imageOutput,
            cachedTextInput: cachedText,
            cachedImageInput: cachedImage,
          }),
        ),
    );
  }

  imgCheapest(ast: { args: unknown[] }, state: unknown) {
    return this.run(
      "IMG.CHEAPEST",
      CHEAPEST_PARAMS,
      ast,
      state,
      (quality, size, volume, retry, top) => {
        const ranking = rank(activeBook, quality, size, volume, retry);
        if (!ranking.ok) return toCellError(ranking);
        const limit = top;
        if (
          limit !== null &&
          (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1)
        ) {
          return new CellError(
            ErrorType.VALUE,
            `IMG.CHEAPEST: top must be a whole number of 1 or more (blank or 0 for all); got ${String(limit)}.`,
          );
        }
        const rows = ranking.value.rows.slice(0, limit === null ? undefined : limit);
        const leftOut = ranking.value.leftOut.map((l) => l.provider.id);
        const table: (string | number)[][] = [
          CHEAPEST_HEADER,
          ...rows.map((r) => [r.provider.id, r.price, r.total, r.multiple]),
          [
            leftOut.length === 0
              ? "Left out: none"
              : `Left out (no published price): ${leftOut.join(", ")}`,
            "",
            "",
            "",
          ],
        ];
        while (table.length < rankableCount() + 2) table.push(["", "", "", ""]);
        return SimpleRangeValue.onlyValues(table);
      },
    );
  }

  imgCheapestSize(): ArraySize {
    return new ArraySize(CHEAPEST_HEADER.length, rankableCount() + 2);
  }

  /** HyperFormula's argument checking and error propagation, then the core. */
  private run(
    name: string,
    declared: readonly Param[],
    ast: { args: unknown[] },
    state: unknown,
    body: (...args: unknown[]) => unknown,
  ): ReturnType<FunctionPlugin["evaluateAst"]> {
    // The plugin API's types are internal to HyperFormula; these casts only cross that boundary.
    const runFunction = (this as unknown as { runFunction: (...a: unknown[]) => unknown })
      .runFunction;
    // As the add-in in Excel: an error cell in an argument is that formula's result.
    const guarded = (...args: unknown[]) => {
      const index = args.findIndex((a) => a instanceof CellError);
      if (index >= 0)
        return passOnError(args[index] as CellError, `${name}: ${declared[index]?.name ?? "?"}`);
      return body(...readArgs(declared, args));
    };
    return runFunction(ast.args, state, this.metadata(name), guarded) as ReturnType<
      FunctionPlugin["evaluateAst"]
    >;
  }
}

const TRANSLATIONS = {
  enGB: Object.fromEntries(Object.keys(ImgPlugin.implementedFunctions).map((id) => [id, id])),
};

/** Registers the IMG functions with HyperFormula (once) and prices them with `book`. */
export function registerImgFunctions(book: CompiledBook = bundledBook): void {
  activeBook = book;
  if (registered) return;
  HyperFormula.registerFunctionPlugin(ImgPlugin, TRANSLATIONS);
  registered = true;
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
