/**
 * dist/functions.json is what Excel reads to offer =IMG. autocomplete. The ids and parameters are
 * frozen: a rename or reorder would break every workbook that uses them, so they are spelled out
 * here by hand rather than read from the code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "../support/functions-harness";
import { BUILD_TIMEOUT_MS, loadExcelFunctions } from "./excel";

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { dimensionality?: string; type?: string };
}

/** id -> [parameter name, optional] in order; the frozen public surface. */
const FROZEN: Record<string, [string, boolean][]> = {
  COST: [
    ["provider", false],
    ["quality", false],
    ["size", false],
    ["volume", false],
    ["retry", true],
    ["asOf", true], // appended: prices in effect on a date
  ],
  PRICE: [
    ["provider", false],
    ["quality", false],
    ["size", false],
    ["asOf", true],
  ],
  TOKENCOST: [
    ["provider", false],
    ["textInputTokens", false],
    ["imageInputTokens", false],
    ["imageOutputTokens", false],
    ["cachedTextTokens", true],
    ["cachedImageTokens", true],
    ["asOf", true],
  ],
  AFFORD: [
    ["budget", false],
    ["provider", false],
    ["quality", false],
    ["size", false],
    ["retry", true],
    ["asOf", true],
  ],
  CHEAPEST: [
    ["quality", false],
    ["size", false],
    ["volume", true],
    ["retry", true],
    ["top", true],
    ["asOf", true],
  ],
  PRICES: [["provider", true]],
  PROVIDERS: [],
  ASOF: [["provider", false]],
  SOURCE: [["provider", false]],
  BOOK: [],
};
const RANGE_FUNCTIONS = ["COST", "PRICE", "TOKENCOST", "AFFORD"];
const SPILLING_FUNCTIONS = [...RANGE_FUNCTIONS, "CHEAPEST", "PRICES", "PROVIDERS"];

let functions: FunctionMeta[];
beforeAll(async () => {
  await loadExcelFunctions();
  functions = (
    JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: FunctionMeta[] }
  ).functions;
}, BUILD_TIMEOUT_MS);

const meta = (id: string): FunctionMeta => {
  const found = functions.find((f) => f.id === id);
  if (found === undefined) throw new Error(`functions.json has no ${id}`);
  return found;
};

test("declares exactly the frozen ids, each named as its id", () => {
  expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(FROZEN).sort());
  for (const f of functions) expect(f.name).toBe(f.id);
});

test.each(Object.entries(FROZEN))(
  "%s has its frozen parameters in order, each described",
  (id, params) => {
    const f = meta(id);
    expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual(params);
    for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(10);
    expect((f.description ?? "").length).toBeGreaterThan(20);
  },
);

test("every argument of COST, PRICE, TOKENCOST and AFFORD takes a range", () => {
  for (const id of RANGE_FUNCTIONS) {
    for (const p of meta(id).parameters)
      expect([id, p.name, p.dimensionality]).toEqual([id, p.name, "matrix"]);
  }
});

test("error cells reach every range parameter (allowErrorForDataTypeAny, type any)", () => {
  // The flag is top level and reaches every parameter of type any or any[][]:
  // learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
  const json = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as {
    allowErrorForDataTypeAny?: unknown;
  };
  expect(json.allowErrorForDataTypeAny).toBe(true);
  const ranged = functions.flatMap((f) =>
    f.parameters.filter((p) => p.dimensionality === "matrix").map((p) => [f.id, p.name, p.type]),
  );
  expect(ranged.length).toBe(23); // COST 6 + PRICE 4 + TOKENCOST 7 + AFFORD 6 (each with asOf)
  for (const [id, name, type] of ranged)
    expect([id, name, type ?? "any"]).toEqual([id, name, "any"]);
});

test("the functions that spill return a matrix; the rest a single value", () => {
  for (const f of functions) {
    const spills = SPILLING_FUNCTIONS.includes(f.id);
    expect([f.id, f.result.dimensionality === "matrix"]).toEqual([f.id, spills]);
  }
  expect(meta("ASOF").result.type).toBe("number");
});

test("quality help says auto prices as high", () => {
  for (const f of functions) {
    const quality = f.parameters.find((p) => p.name === "quality");
    if (quality !== undefined) expect(quality.description).toMatch(/auto prices as high/);
  }
});

test("each help URL points at the function's own section of the README", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  for (const f of functions) {
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#img${f.id.toLowerCase()}`);
    // GitHub and help.html both make the anchor "imgcost" from a heading "IMG.COST".
    expect(readme).toMatch(new RegExp(`^#{2,4} IMG\\.${f.id}$`, "m"));
  }
  const help = readFileSync(join(DIST, "help.html"), "utf8");
  // The production HTML minimizer may drop the quotes around attribute values.
  for (const f of functions)
    expect(help).toMatch(new RegExp(`id="?img${f.id.toLowerCase()}"?[ >]`));
});
