/**
 * The self-check against the built add-in's functions.json (what Excel reads): the cases use every
 * IMG function with every one of its arguments, and the Excel model of the tests (excel-model.ts)
 * treats error cells the way the built metadata tells Excel to.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CASES } from "../../src/selfcheck/cases";
import { BUILD_TIMEOUT_MS } from "../functions/excel";
import { DIST, ensureBuilt } from "../support/functions-harness";
import { ERRORS_REACH_FUNCTIONS, SPECS } from "./excel-model";

interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: { id: string; parameters: { name: string }[] }[];
}

/** The argument lists of every call to `name(` in `formula`. */
function callArgumentCounts(formula: string, name: string): number[] {
  const counts: number[] = [];
  const upper = formula.toUpperCase();
  let from = 0;
  for (;;) {
    const at = upper.indexOf(`${name.toUpperCase()}(`, from);
    if (at < 0) return counts;
    let depth = 0;
    let args = 0;
    let empty = true;
    let inText = false;
    for (let i = at + name.length; i < formula.length; i++) {
      const ch = formula[i];
      if (inText) {
        if (ch === '"') inText = false;
        continue;
      }
      if (ch === '"') inText = true;
      else if (ch === "(") depth++;
      else if (ch === ")") {
        depth--;
        if (depth === 0) break;
      } else if (ch === "," && depth === 1) args++;
      if (depth >= 1 && ch !== "(" && ch !== " ") empty = false;
    }
    counts.push(empty ? 0 : args + 1);
    from = at + 1;
  }
}

describe("the self-check and the built functions.json", () => {
  let metadata: Metadata;
  beforeAll(async () => {
    await ensureBuilt();
    metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;
  }, BUILD_TIMEOUT_MS);

  const formulas = CASES.map((c) =>
    c.formula({ cell: (i) => `H${i + 1}`, range: (a, b) => `H${a + 1}:J${b + 1}` }),
  );

  it("calls every IMG function, with all of its arguments in at least one row", () => {
    for (const f of metadata.functions) {
      const counts = formulas.flatMap((formula) => callArgumentCounts(formula, `IMG.${f.id}`));
      expect({ id: f.id, used: counts.length > 0 }).toEqual({ id: f.id, used: true });
      expect({ id: f.id, most: Math.max(...counts) }).toEqual({
        id: f.id,
        most: f.parameters.length,
      });
    }
  });

  it("models every function of the build", () => {
    expect(Object.keys(SPECS).sort()).toEqual(metadata.functions.map((f) => `IMG.${f.id}`).sort());
  });

  it("passes error cells to the functions only if the build lets Excel do so", () => {
    expect(metadata.allowErrorForDataTypeAny === true).toBe(ERRORS_REACH_FUNCTIONS);
  });
});
