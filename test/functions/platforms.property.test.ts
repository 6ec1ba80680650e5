/**
 * Generated ranges that mix values, blanks (null, "" and the desktop's 0) and error cells: the
 * answer is the same on every platform, each row is what that row alone gives, an error cell is
 * its own row's result, and no cell is ever null, NaN or undefined.
 */
import fc from "fast-check";
import {
  BLANK,
  callOn,
  ExcelError,
  PLATFORMS,
  unshowableCells,
  type LoadedFunctions,
  type Platform,
} from "../support/functions-harness";
import { BUILD_TIMEOUT_MS, loadExcelFunctions } from "./excel";

let fns: LoadedFunctions;
beforeAll(async () => {
  fns = await loadExcelFunctions();
}, BUILD_TIMEOUT_MS);

const WEB = PLATFORMS[0] as Platform;
const ERROR_CODES = ["#DIV/0!", "#NUM!", "#NULL!", "#VALUE!", "#N/A", "#REF!", "#NAME?"];
const RETURNED_AS_ITSELF = new Set(["#DIV/0!", "#NUM!", "#NULL!", "#VALUE!", "#N/A"]);

const errorCell = fc.constantFrom(...ERROR_CODES).map((code) => new ExcelError(code));
const pool = (...values: unknown[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...values) },
    { weight: 2, arbitrary: fc.constant(BLANK) },
    { weight: 1, arbitrary: errorCell },
  );

// Good and bad values of each kind, so rows compute, fail, or carry an error.
const provider = pool("openai", "atlas", "prospolabs", "nobody", "fal", 0);
const quality = pool("low", "medium", "high", "auto", "ultra");
const size = pool("square", "1024x1024", "portrait", "2048x2048", "huge");
const amount = pool(0, 1, 1000, 2.5, -1, "12");
const retry = pool(1, 1.2, 2, 0.5, 0);
const tokens = pool(0, 1000, 1e6, -3);

const SIGNATURES: Record<string, fc.Arbitrary<unknown>[]> = {
  COST: [provider, quality, size, amount, retry],
  PRICE: [provider, quality, size],
  TOKENCOST: [provider, tokens, tokens, tokens, tokens, tokens],
  AFFORD: [amount, provider, quality, size, retry],
};

/** A #REF!/#NAME? message names the row it came from; the row alone has none. */
const withoutPlace = (cells: unknown[] | undefined): unknown[] | undefined =>
  cells?.map((c) =>
    c instanceof ExcelError && c.message !== undefined
      ? new ExcelError(c.code, c.message.replace(/ \(row \d+(, column \d+)?\)/, ""))
      : c,
  );

/** Rows of arguments, and for each parameter whether it is given as a column or one cell. */
const callOf = (id: string) => {
  const params = SIGNATURES[id] as fc.Arbitrary<unknown>[];
  return fc.integer({ min: 1, max: 12 }).chain((rows) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.tuple(...params.map((p) => fc.array(p, { minLength: rows, maxLength: rows }))),
      asColumn: fc.array(fc.boolean(), { minLength: params.length, maxLength: params.length }),
    }),
  );
};

describe.each(Object.keys(SIGNATURES))("IMG.%s over generated ranges", (id) => {
  test("one answer on every platform; each row as if alone; errors in their own row", () => {
    fc.assert(
      fc.property(callOf(id), ({ rows, columns, asColumn }) => {
        // A parameter given as one cell uses that column's first value for every row.
        const args = columns.map((column, p) =>
          asColumn[p] ? column.map((v) => [v]) : [[column[0]]],
        );
        const rowValue = (p: number, r: number): unknown =>
          asColumn[p] ? columns[p]?.[r] : columns[p]?.[0];

        const answers = PLATFORMS.map((platform) => callOn(fns, platform, id, ...args));
        for (const answer of answers) {
          expect(unshowableCells(answer)).toEqual([]);
          expect(answer).toEqual(answers[0]);
        }
        const result = answers[0] as unknown[][];
        const ranged = asColumn.some((c) => c) && rows > 1;
        expect(result).toHaveLength(ranged ? rows : 1);

        for (let r = 0; r < result.length; r++) {
          const values = columns.map((_, p) => rowValue(p, r));
          const alone = callOn(fns, WEB, id, ...values.map((v) => [[v]])) as unknown[][];
          expect(withoutPlace(result[r])).toEqual(withoutPlace(alone[0]));
          const incoming = values.find((v): v is ExcelError => v instanceof ExcelError);
          if (incoming !== undefined) {
            const shown = result[r]?.[0] as ExcelError;
            expect(shown).toBeInstanceOf(ExcelError);
            if (RETURNED_AS_ITSELF.has(incoming.code)) expect(shown.code).toBe(incoming.code);
            else {
              expect(shown.code).toBe("#VALUE!");
              expect(shown.message).toContain(incoming.code);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
