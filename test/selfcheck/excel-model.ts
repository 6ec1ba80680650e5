/**
 * HyperFormula (tests only; GPL-3.0) playing Excel for the self-check sheet: the IMG functions are
 * the add-in's own (src/functions/functions.ts), called with arguments shaped the way Excel hands
 * them over, and their answers turned into cells the way Excel shows them.
 *
 * What is modelled, from Microsoft's documentation and office-js issues:
 * - a range or a single cell given to a matrix parameter (COST, PRICE, TOKENCOST, AFFORD) arrives
 *   as rows of cells, a single value as [[x]], an omitted optional argument as null;
 * - a blank cell arrives as 0 in Excel on Windows and Mac, and as null in Excel on the web
 *   (office-js #4702, #5262, #1951): every sheet is computed once for each, and must PASS both;
 * - an error value anywhere in an argument stops Excel from calling the function, and the cell
 *   shows that error, unless the parameter allows errors (functions.json allowErrorForDataTypeAny);
 * - a thrown CustomFunctions.Error is the cell's error; a 1x1 result shows as a plain value; a
 *   null inside a returned array shows as 0.
 * HyperFormula sizes an array before computing it, so spills are as large as the book could need
 * and padded with empty text (INDEX reads them the same).
 *
 * HyperFormula lacks ERROR.TYPE; it is added here with Excel's numbering.
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
  type FunctionArgument,
  type ImplementedFunctions,
} from "hyperformula";
import { ErrorCode, ExcelError } from "../support/functions-harness";
import * as img from "../../src/functions/functions";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: ExcelError,
  ErrorCode,
};

/** How a blank cell reaches a custom function: 0 on Windows and Mac, null on the web. */
export type Platform = "desktop" | "web";
let platform: Platform = "desktop";

/**
 * Whether an error cell reaches the functions as a value instead of stopping the call: what the
 * built functions.json's allowErrorForDataTypeAny says (build-metadata.test.ts checks they agree).
 */
export const ERRORS_REACH_FUNCTIONS = true;
let errorsReachFunctions = ERRORS_REACH_FUNCTIONS;

type Ast = { args: unknown[] };

const ERROR_TYPES_BY_CODE: Readonly<Record<string, ErrorType>> = {
  "#N/A": ErrorType.NA,
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};
const CODES_BY_ERROR_TYPE = new Map(
  Object.entries(ERROR_TYPES_BY_CODE).map(([code, type]) => [type, code]),
);
/** Excel's ERROR.TYPE numbering. */
const ERROR_TYPE_NUMBERS: Partial<Record<ErrorType, number>> = {
  [ErrorType.DIV_BY_ZERO]: 2,
  [ErrorType.VALUE]: 3,
  [ErrorType.REF]: 4,
  [ErrorType.NAME]: 5,
  [ErrorType.NUM]: 6,
  [ErrorType.NA]: 7,
};

/**
 * A HyperFormula cell value as Excel hands it to a custom function. A blank cell: 0 on desktop;
 * on the web null for a single cell and "" inside a range (both happen there).
 */
function toExcelArg(value: unknown, inRange = false): unknown {
  if (value === EmptyValue) return platform === "desktop" ? 0 : inRange ? "" : null;
  if (value instanceof CellError) {
    return new ExcelError(CODES_BY_ERROR_TYPE.get(value.type) ?? "#VALUE!", value.message);
  }
  if (value !== null && typeof value === "object" && "val" in value) {
    return (value as { val: unknown }).val; // a number HyperFormula tagged as a date, percent...
  }
  return value;
}

function firstError(value: unknown): CellError | undefined {
  if (value instanceof CellError) return value;
  if (value instanceof SimpleRangeValue) {
    for (const row of value.data)
      for (const cell of row) if (cell instanceof CellError) return cell;
  }
  return undefined;
}

/** A matrix parameter: rows of cells; an omitted argument is null. */
function asMatrix(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof SimpleRangeValue)
    return value.data.map((row) => row.map((cell) => toExcelArg(cell, true)));
  return [[toExcelArg(value)]];
}

/** A scalar (`any`) parameter: the value; an omitted argument is null. */
function asScalar(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof SimpleRangeValue) return toExcelArg(value.data[0]?.[0]);
  return toExcelArg(value);
}

function toCell(value: unknown): unknown {
  if (value instanceof ExcelError) {
    return new CellError(ERROR_TYPES_BY_CODE[value.code] ?? ErrorType.VALUE, value.message);
  }
  if (value === null || value === undefined) return 0;
  return value;
}

/** The function's answer as HyperFormula's value, padded to the size given at parse time. */
function toResult(answer: unknown, size: ArraySize | undefined): unknown {
  if (!Array.isArray(answer)) return toCell(answer);
  const rows = answer as unknown[][];
  const only = rows.length === 1 && rows[0]?.length === 1;
  if (only && (size === undefined || (size.width === 1 && size.height === 1)))
    return toCell(rows[0]?.[0]);
  if (only && rows[0]?.[0] instanceof ExcelError) return toCell(rows[0][0]);
  const height = size?.height ?? rows.length;
  const width = size?.width ?? rows[0]?.length ?? 1;
  const padded = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const row = rows[r];
      return row !== undefined && c < row.length ? toCell(row[c]) : "";
    }),
  );
  return SimpleRangeValue.onlyValues(padded as never);
}

const any: FunctionArgument = { argumentType: FunctionArgumentType.ANY };
const optional: FunctionArgument = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const params = (required: number, optionals: number) => [
  ...Array<FunctionArgument>(required).fill(any),
  ...Array<FunctionArgument>(optionals).fill(optional),
];

interface Spec {
  readonly params: FunctionArgument[];
  readonly matrix: boolean;
  readonly call: (...args: unknown[]) => unknown;
  /** Rows x columns of a spill that does not follow the arguments' shape. */
  readonly fixedSize?: () => ArraySize;
}

const sizeOf = (table: unknown[][]) => new ArraySize(table[0]?.length ?? 1, table.length);

export const SPECS: Readonly<Record<string, Spec>> = {
  "IMG.COST": { params: params(4, 2), matrix: true, call: img.cost as never },
  "IMG.PRICE": { params: params(3, 1), matrix: true, call: img.price as never },
  "IMG.TOKENCOST": { params: params(4, 3), matrix: true, call: img.tokencost as never },
  "IMG.AFFORD": { params: params(4, 2), matrix: true, call: img.afford as never },
  "IMG.CHEAPEST": {
    params: params(2, 4),
    matrix: false,
    call: img.cheapest as never,
    // as wide as its header, as tall as every provider of the book plus a header and a footer
    fixedSize: () =>
      new ArraySize(
        (img.cheapest("medium", "square") as unknown[][])[0]?.length ?? 1,
        img.providers().length + 1,
      ),
  },
  "IMG.PRICES": {
    params: params(0, 1),
    matrix: false,
    call: img.prices as never,
    fixedSize: () => sizeOf(img.prices()),
  },
  "IMG.PROVIDERS": {
    params: params(0, 0),
    matrix: false,
    call: img.providers as never,
    fixedSize: () => sizeOf(img.providers()),
  },
  "IMG.ASOF": { params: params(1, 0), matrix: false, call: img.asof as never },
  "IMG.SOURCE": { params: params(1, 0), matrix: false, call: img.source as never },
  "IMG.BOOK": { params: params(0, 0), matrix: false, call: img.book as never },
};

const methodName = (id: string) => `run_${id.replace(".", "_")}`;
const sizeMethodName = (id: string) => `size_${id.replace(".", "_")}`;

class ExcelModelPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "ERROR.TYPE": {
      method: "errorType",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR, passErrors: true } as never],
    },
    ...Object.fromEntries(
      Object.entries(SPECS).map(([id, spec]) => [
        id,
        {
          method: methodName(id),
          parameters: spec.params,
          vectorizationForbidden: true,
          ...(spec.matrix || spec.fixedSize !== undefined
            ? { sizeOfResultArrayMethod: sizeMethodName(id) }
            : {}),
        },
      ]),
    ),
  };

  errorType(ast: Ast, state: unknown): unknown {
    const value = (
      this as unknown as { evaluateAst: (a: unknown, s: unknown) => unknown }
    ).evaluateAst(ast.args[0], state);
    if (value instanceof CellError) {
      const n = ERROR_TYPE_NUMBERS[value.type];
      if (n !== undefined) return n;
    }
    return new CellError(ErrorType.NA);
  }

  /** The result size Excel would spill: the arguments' broadcast shape, or the table's. */
  sizeFor(id: string, ast: Ast, state: unknown): ArraySize {
    const spec = SPECS[id] as Spec;
    if (spec.fixedSize !== undefined) return spec.fixedSize();
    const sizeForAst = (
      this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }
    ).arraySizeForAst.bind(this);
    for (const arg of ast.args) {
      const size = sizeForAst(arg, state);
      if (size.width !== 1 || size.height !== 1) return new ArraySize(size.width, size.height);
    }
    return ArraySize.scalar();
  }

  runImg(id: string, ast: Ast, state: unknown): unknown {
    const spec = SPECS[id] as Spec;
    const size =
      spec.matrix || spec.fixedSize !== undefined ? this.sizeFor(id, ast, state) : undefined;
    // Arguments evaluated here rather than through HyperFormula's runFunction, which stops at a
    // single error argument before the function sees it: Excel with allowErrorForDataTypeAny does not.
    const required = spec.params.filter((p) => p.optionalArg !== true).length;
    if (ast.args.length < required || ast.args.length > spec.params.length) {
      return new CellError(
        ErrorType.NA,
        `${id} takes ${required} to ${spec.params.length} arguments.`,
      );
    }
    const evaluate = (
      this as unknown as { evaluateAst: (a: unknown, s: unknown) => unknown }
    ).evaluateAst.bind(this);
    const values = ast.args.map((arg) => evaluate(arg, state));
    if (!errorsReachFunctions) {
      for (const value of values) {
        const error = firstError(value);
        if (error !== undefined) return error;
      }
    }
    const args = values.map(spec.matrix ? asMatrix : asScalar);
    let answer: unknown;
    try {
      answer = spec.call(...args);
    } catch (thrown) {
      answer = thrown; // a thrown CustomFunctions.Error is the cell's error
    }
    return toResult(answer, size);
  }
}

for (const id of Object.keys(SPECS)) {
  const proto = ExcelModelPlugin.prototype as unknown as Record<string, unknown>;
  proto[methodName(id)] = function (this: ExcelModelPlugin, ast: Ast, state: unknown) {
    return this.runImg(id, ast, state);
  };
  proto[sizeMethodName(id)] = function (this: ExcelModelPlugin, ast: Ast, state: unknown) {
    return this.sizeFor(id, ast, state);
  };
}

let registered = false;

/** A HyperFormula engine over `sheets` with the IMG functions as Excel on `on` runs them. */
export function excelModel(
  sheets: Record<string, (string | number | boolean | null)[][]>,
  on: Platform,
  options: {
    readonly errorsReachFunctions?: boolean;
    /** Workbook-scoped names, e.g. { name: "Prices", formula: "='Sheet'!$A$1:$A$9" }. */
    readonly names?: readonly { name: string; formula: string }[];
  } = {},
): HyperFormula {
  platform = on;
  errorsReachFunctions = options.errorsReachFunctions ?? ERRORS_REACH_FUNCTIONS;
  if (!registered) {
    HyperFormula.registerFunctionPlugin(ExcelModelPlugin, {
      enGB: Object.fromEntries(
        Object.keys(ExcelModelPlugin.implementedFunctions).map((id) => [id, id]),
      ),
    });
    registered = true;
  }
  // Excel with dynamic arrays computes =RANGE="x" cell by cell anywhere, as array arithmetic does.
  // No smartRounding: it rounds shown values to fewer digits than Excel keeps (2109999999.789 read
  // back as 2109999999.8), which would hide exactly what the money rows check.
  const engine = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    smartRounding: false,
  });
  // Sheets, then names, then contents, so every formula finds its names and sheets.
  for (const name of Object.keys(sheets)) engine.addSheet(name);
  for (const { name, formula } of options.names ?? []) engine.addNamedExpression(name, formula);
  for (const [name, rows] of Object.entries(sheets)) {
    engine.setSheetContent(engine.getSheetId(name) as number, rows);
  }
  return engine;
}
