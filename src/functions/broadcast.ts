/**
 * Row-by-row evaluation over range arguments, the way Excel's own functions lift over arrays.
 *
 * Excel hands a matrix parameter either a single value wrapped as [[x]], a range as rows of cells,
 * or null for an omitted optional argument. A single cell (or scalar) is used for every row; every
 * other argument must have the same shape (rows x columns), and the result has that shape. Each
 * result cell is a number or an Excel error, so one bad row never stops the others.
 *
 * Every cell, single or in a range, is read through its parameter's blank rule (params.ts), so a
 * blank gives the same answer whether Excel passed 0, null, undefined or "". An error cell (Excel
 * passes them because functions.json allows errors for `any` parameters) is that row's result,
 * as a native formula filled down would show it; see passOnError for #REF! and #NAME?.
 *
 * This is the hot path of =IMG.COST(A2:A100001, ...): one pass, a preallocated result, one scratch
 * array reused for every cell, and errors built only for the cells that fail.
 */
import type { Failure, Result } from "../core";
import {
  emptyRange,
  isErrorValue,
  notRectangular,
  passOnError,
  rangeSizesDiffer,
  toExcelError,
} from "./errors";
import { readParam, type Param, type ParamKind } from "./params";

/**
 * Computes one cell from the argument values of that cell (the scratch array, read-only): the
 * number itself (IMG.COST, no object per row) or a Result.
 */
export type CellCompute = (values: readonly unknown[]) => number | Result<number>;

/** How each argument arrived: `cells` is null for a single value, which is then `single`. */
interface Argument {
  cells: readonly (readonly unknown[])[] | null;
  single: unknown;
}

function readArgument(value: unknown, kind: ParamKind): Argument {
  if (!Array.isArray(value)) {
    return { cells: null, single: readParam(kind, value) };
  }
  const first: unknown = value[0];
  if (value.length === 1 && Array.isArray(first) && first.length === 1) {
    return { cells: null, single: readParam(kind, first[0]) };
  }
  return { cells: value as unknown[][], single: undefined };
}

/**
 * Evaluates `compute` for every cell of the broadcast shape of `args`.
 *
 * @param functionName for messages, e.g. "IMG.COST"
 * @param declared the parameters in order: names for messages, kinds for blank cells
 * @param args the arguments as Excel passed them
 */
export function broadcast(
  functionName: string,
  declared: readonly Param[],
  args: readonly unknown[],
  compute: CellCompute,
): unknown[][] {
  const count = args.length;
  const names = declared.map((p) => p.name);
  const kinds = declared.map((p) => p.kind);
  const read: Argument[] = new Array<Argument>(count);
  let rows = 1;
  let columns = 1;
  let shapeFrom = -1;
  for (let a = 0; a < count; a++) {
    const argument = readArgument(args[a], kinds[a] as ParamKind);
    read[a] = argument;
    const cells = argument.cells;
    if (cells === null) continue;
    const firstRow = cells[0];
    const argRows = cells.length;
    const argColumns = Array.isArray(firstRow) ? firstRow.length : 0;
    if (argRows === 0 || argColumns === 0) {
      return [[emptyRange(functionName, names[a] ?? "")]];
    }
    for (let r = 1; r < argRows; r++) {
      const row = cells[r];
      if (!Array.isArray(row) || row.length !== argColumns) {
        return [[notRectangular(functionName, names[a] ?? "", r + 1)]];
      }
    }
    if (shapeFrom < 0) {
      shapeFrom = a;
      rows = argRows;
      columns = argColumns;
    } else if (argRows !== rows || argColumns !== columns) {
      const shapes = { rows, columns, argRows, argColumns };
      return [[rangeSizesDiffer(functionName, names[a] ?? "", names[shapeFrom] ?? "", shapes)]];
    }
  }

  const scratch: unknown[] = new Array<unknown>(count);
  // An error value given as a single cell is every row's error, unless an earlier parameter's
  // cell in that row holds one: the first error in parameter order wins, as in one cell's formula.
  const singleErrors: (CustomFunctions.Error | null)[] = new Array<CustomFunctions.Error | null>(
    count,
  );
  let anySingleError = false;
  for (let a = 0; a < count; a++) {
    const single = (read[a] as Argument).single;
    scratch[a] = single;
    const error = isErrorValue(single) ? passOnError(single, `${functionName}: ${names[a]}`) : null;
    singleErrors[a] = error;
    if (error !== null) anySingleError = true;
  }
  const result: unknown[][] = new Array<unknown[]>(rows);
  let lastFailure: Failure | null = null;
  let lastError: CustomFunctions.Error | null = null;
  for (let r = 0; r < rows; r++) {
    const out: unknown[] = new Array<unknown>(columns);
    for (let c = 0; c < columns; c++) {
      let incoming: CustomFunctions.Error | null = null;
      for (let a = 0; a < count; a++) {
        const cells = (read[a] as Argument).cells;
        if (cells === null) {
          if (anySingleError && incoming === null) incoming = singleErrors[a] ?? null;
          continue;
        }
        const value = readParam(kinds[a] as ParamKind, (cells[r] as readonly unknown[])[c]);
        if (incoming === null && isErrorValue(value))
          incoming = passOnError(
            value,
            `${functionName}: ${names[a]} (row ${r + 1}${columns > 1 ? `, column ${c + 1}` : ""})`,
          );
        scratch[a] = value;
      }
      if (incoming !== null) {
        out[c] = incoming;
        continue;
      }
      const outcome = compute(scratch);
      if (typeof outcome === "number") {
        out[c] = outcome;
      } else if (outcome.ok) {
        out[c] = outcome.value;
      } else {
        // The core reuses failure objects for repeated bad input (a column of blanks): reuse the
        // Excel error too rather than build one per row.
        if (outcome !== lastFailure) {
          lastFailure = outcome;
          lastError = toExcelError(outcome);
        }
        out[c] = lastError;
      }
    }
    result[r] = out;
  }
  return result;
}

/**
 * The arguments of a function that takes single values (CHEAPEST, PRICES, ASOF, SOURCE), each read
 * through its parameter's blank rule, or the error its cell shows when one of them is an error value
 * (the first, in parameter order, as Excel's own functions do).
 */
export function readScalars(
  functionName: string,
  declared: readonly Param[],
  args: readonly unknown[],
): unknown[] | CustomFunctions.Error {
  const values = new Array<unknown>(declared.length);
  for (let a = 0; a < declared.length; a++) {
    const param = declared[a] as Param;
    const value = args[a];
    if (isErrorValue(value)) return passOnError(value, `${functionName}: ${param.name}`);
    values[a] = readParam(param.kind, value);
  }
  return values;
}
