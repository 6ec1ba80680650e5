/**
 * The IMG function catalog as Excel reads it, straight from the JSDoc: the same generator
 * (custom-functions-metadata) that the webpack plugin runs to write dist/functions.json, called on a
 * source file. The JSDoc is the one declaration of each function's id, parameters and their order;
 * tests and the HyperFormula adapter read it from here instead of keeping copies.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { ROOT } from "./functions-harness";

export const FUNCTIONS_SOURCE = join(ROOT, "src", "functions", "functions.ts");

export interface CatalogParameter {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}

export interface CatalogFunction {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly helpUrl?: string;
  readonly parameters: readonly CatalogParameter[];
  readonly result: { readonly dimensionality?: string; readonly type?: string };
  /** The exported JS function the id is associated with. */
  readonly functionName: string;
}

interface ParseResult {
  functions: Omit<CatalogFunction, "functionName">[];
  associate: { id: string; functionName: string }[];
  extras: { errors: string[] }[];
}

// The generator's synchronous core (its exported generate() only wraps it in a promise and reads
// files); resolved through the webpack plugin that depends on it, so both use the same copy.
const load = createRequire(__filename);
const parseTree = (
  load(
    load.resolve("custom-functions-metadata/lib/parseTree", {
      paths: [load.resolve("custom-functions-metadata-plugin")],
    }),
  ) as { parseTree: (source: string, fileName: string) => ParseResult }
).parseTree;

const cache = new Map<string, readonly CatalogFunction[]>();

/**
 * Every custom function declared in `file` (JSDoc @customfunction), with its associated JS
 * function's name. Throws with the generator's errors, as the build fails on them.
 */
export function readCatalog(file: string = FUNCTIONS_SOURCE): readonly CatalogFunction[] {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  const parsed = parseTree(readFileSync(file, "utf8"), basename(file));
  const errors = parsed.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`${file} has JSDoc errors:\n${errors.join("\n")}`);
  const functions = parsed.functions.map((f) => {
    const association = parsed.associate.find((a) => a.id === f.id);
    if (association === undefined) throw new Error(`${f.id} in ${file} is associated with nothing`);
    return { ...f, functionName: association.functionName };
  });
  cache.set(file, functions);
  return functions;
}
