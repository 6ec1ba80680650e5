/**
 * dist/functions.json is what Excel reads to offer =IMG. autocomplete; the webpack plugin writes it
 * from the JSDoc in src/functions/functions.ts, the one declaration of each function's parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "../support/functions-harness";
import type { Param, ParamKind } from "../../src/functions/params";
import { SIGNATURES } from "../../src/functions/signatures";
import { readCatalog } from "../support/catalog";
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

/**
 * The ids users type: frozen, since renaming one breaks every workbook that uses it. Parameter
 * names and order come from the JSDoc alone (a formula passes arguments by position, so a reorder
 * would silently change answers); the tests below check every other declaration against it.
 */
const PUBLISHED_IDS = [
  "COST",
  "PRICE",
  "TOKENCOST",
  "AFFORD",
  "CHEAPEST",
  "PRICES",
  "PROVIDERS",
  "ASOF",
  "SOURCE",
  "BOOK",
];
/** Blank rules that only an optional parameter can have (params.ts). */
const OPTIONAL_KINDS: readonly ParamKind[] = ["setting", "date", "allText"];
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

test("declares exactly the published ids, each named as its id", () => {
  expect(functions.map((f) => f.id).sort()).toEqual([...PUBLISHED_IDS].sort());
  for (const f of functions) expect(f.name).toBe(f.id);
});

test("functions.json is what the JSDoc declares, read by the same generator", () => {
  const declared = readCatalog().map(({ functionName: _, ...f }) => f);
  expect(functions).toEqual(declared);
});

test.each(PUBLISHED_IDS)(
  "%s: the blank rules in signatures.ts name the JSDoc's parameters, in order",
  (id) => {
    const f = meta(id);
    const rules = (SIGNATURES as Readonly<Record<string, readonly Param[]>>)[id] ?? [];
    expect(rules.map((p) => p.name)).toEqual(f.parameters.map((p) => p.name));
    // A required parameter cannot have a rule that treats a blank as "left out", nor the reverse.
    expect(rules.map((p) => OPTIONAL_KINDS.includes(p.kind))).toEqual(
      f.parameters.map((p) => p.optional === true),
    );
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
