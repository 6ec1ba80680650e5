/**
 * Loads the BUILT custom functions (dist/runtime.js + dist/functions.js) in Node the way Excel's
 * custom functions runtime does: a `CustomFunctions` global whose `associate` records which id
 * maps to which function, and the `Error` / `ErrorCode` Excel provides. Tests and the bench then
 * call functions exactly as Excel does: null for an omitted argument, rows of cells for a range.
 *
 *   await ensureBuilt();                       // production build, only if dist/ is missing or stale
 *   const fns = loadBuiltFunctions();
 *   fns.call("COST", [["openai"]], [["high"]], [["1024x1024"]], [[1000]], null);
 *
 * callOn(fns, platform, id, ...args) calls as Excel on the web or desktop would: blanks the way that
 * platform passes them, and Excel's rule for error values in arguments (read from functions.json).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createContext, runInContext } from "node:vm";

export const ROOT = resolve(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");

/** Excel's error codes, as @types/custom-functions-runtime declares them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Stand-in for CustomFunctions.Error: an error value a cell shows, with its message. */
export class ExcelError {
  readonly code: string;
  readonly message: string | undefined;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}

export interface Association {
  id: string;
  fn: (...args: unknown[]) => unknown;
}

export interface LoadedFunctions {
  /** Every CustomFunctions.associate call, in order. */
  readonly associations: readonly Association[];
  /** The associated functions by id ("COST", "PRICE", ...), as Excel would call them. */
  readonly functions: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  /** The function registered under `id`; throws if there is none. */
  get(id: string): (...args: unknown[]) => unknown;
  /** Calls `id` as Excel does: a thrown CustomFunctions.Error becomes the cell's value. */
  call(id: string, ...args: unknown[]): unknown;
}

/** Loads dist/runtime.js then dist/functions.js into a fresh context; each call is independent. */
export function loadBuiltFunctions(distDir: string = DIST): LoadedFunctions {
  const associations: Association[] = [];
  const byId = new Map<string, (...args: unknown[]) => unknown>();
  const functions: Record<string, (...args: unknown[]) => unknown> = {};
  const customFunctions = {
    Error: ExcelError,
    ErrorCode,
    associate(idOrMappings: unknown, fn?: unknown): void {
      // Excel accepts associate(id, fn) and associate({ id: fn, ... }).
      const pairs: [string, unknown][] =
        typeof idOrMappings === "string"
          ? [[idOrMappings, fn]]
          : Object.entries(idOrMappings as object);
      for (const [id, f] of pairs) {
        if (typeof f !== "function")
          throw new Error(`associate("${id}") was given ${typeof f}, not a function`);
        const bound = f as (...args: unknown[]) => unknown;
        associations.push({ id, fn: bound });
        byId.set(id.toUpperCase(), bound);
        functions[id] = bound;
      }
    },
  };
  // No document on purpose: the bundle must load without one (webpack's public path is relative,
  // so its runtime does not look for its own script tag).
  const context = createContext({
    CustomFunctions: customFunctions,
    console,
    URL,
    TextEncoder,
    TextDecoder,
    structuredClone,
  });
  for (const file of ["runtime.js", "functions.js"]) {
    const path = join(distDir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first`);
    runInContext(readFileSync(path, "utf8"), context, { filename: path });
  }

  const get = (id: string): ((...args: unknown[]) => unknown) => {
    const fn = byId.get(id.toUpperCase());
    if (fn === undefined) throw new Error(`No function is associated with id "${id}"`);
    return fn;
  };
  return {
    associations,
    functions,
    get,
    call(id: string, ...args: unknown[]): unknown {
      try {
        return get(id)(...args);
      } catch (error) {
        if (error instanceof ExcelError) return error;
        throw error;
      }
    },
  };
}

// ---- calling as Excel on each platform does ----------------------------------------------------

/**
 * A blank cell in a test's arguments. Each platform passes it its own way (office-js #4702, #5262,
 * #1951): Excel on the web passes null for a blank cell given to a single-value parameter and null
 * or "" for one inside a range; Excel on Windows and Mac pass 0 for both.
 */
export const BLANK: unique symbol = Symbol("blank cell");
/** An optional argument left out of the formula: null on every platform. */
export const OMITTED: unique symbol = Symbol("omitted argument");

export interface Platform {
  readonly name: string;
  /** What a blank cell given to a single-value parameter arrives as. */
  readonly scalarBlank: null | 0;
  /** What a blank cell inside a range arrives as. */
  readonly rangeBlank: null | "" | 0;
}

export const PLATFORMS: readonly Platform[] = [
  { name: "web", scalarBlank: null, rangeBlank: null },
  { name: 'web ("" in ranges)', scalarBlank: null, rangeBlank: "" },
  { name: "desktop", scalarBlank: 0, rangeBlank: 0 },
];

interface ParameterMeta {
  name: string;
  type?: string;
  dimensionality?: string;
}
export interface FunctionsJson {
  allowErrorForDataTypeAny?: boolean;
  functions: { id: string; parameters: ParameterMeta[] }[];
}

/** dist/functions.json as Excel reads it. */
export function readFunctionsJson(distDir: string = DIST): FunctionsJson {
  return JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as FunctionsJson;
}

/** The first error value in an argument (a cell, or any cell of a range), or null. */
function firstError(value: unknown): ExcelError | null {
  if (value instanceof ExcelError) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstError(item);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Calls `id` as Excel on `platform` would, from arguments written with BLANK and OMITTED, reading
 * each parameter's type and dimensionality from the built functions.json:
 * - a range parameter gets rows of cells (a single value is wrapped as [[x]]); a single-value
 *   parameter gets the value;
 * - blanks become what that platform passes; OMITTED becomes null;
 * - Excel's error rule: if an argument holds an error value (or a range holds one), Excel does not
 *   call the function and the formula shows that error, unless the parameter is of type `any` and
 *   functions.json sets allowErrorForDataTypeAny (learn.microsoft.com/office/dev/add-ins/excel/
 *   custom-functions-errors#errors-as-custom-function-inputs).
 */
export function callOn(
  fns: LoadedFunctions,
  platform: Platform,
  id: string,
  ...args: unknown[]
): unknown {
  const call = excelArguments(readFunctionsJsonCached(), platform, id, args);
  return "shows" in call ? call.shows : fns.call(id, ...call.passed);
}

/**
 * What Excel hands the function `id` for `args` on `platform` (`passed`), or the error the formula
 * shows without calling it (`shows`), under `metadata` (functions.json). See {@link callOn}.
 */
export function excelArguments(
  metadata: FunctionsJson,
  platform: Platform,
  id: string,
  args: readonly unknown[],
): { passed: unknown[] } | { shows: ExcelError } {
  const meta = metadata.functions.find((f) => f.id === id);
  if (meta === undefined) throw new Error(`functions.json has no ${id}`);
  if (args.length > meta.parameters.length)
    throw new Error(`${id} takes ${meta.parameters.length} arguments; got ${args.length}`);
  const passed: unknown[] = [];
  for (let i = 0; i < meta.parameters.length; i++) {
    const param = meta.parameters[i] as ParameterMeta;
    const raw = i < args.length ? args[i] : OMITTED;
    if (raw === OMITTED) {
      passed.push(null);
      continue;
    }
    let value: unknown;
    if (param.dimensionality === "matrix") {
      const rows = Array.isArray(raw) ? (raw as unknown[][]) : [[raw]];
      value = rows.map((row) => row.map((c) => (c === BLANK ? platform.rangeBlank : c)));
    } else {
      value = raw === BLANK ? platform.scalarBlank : raw;
    }
    const error = firstError(value);
    const receivesErrors =
      (param.type ?? "any") === "any" && metadata.allowErrorForDataTypeAny === true;
    if (error !== null && !receivesErrors) return { shows: error };
    passed.push(value);
  }
  return { passed };
}

let functionsJson: FunctionsJson | null = null;
function readFunctionsJsonCached(): FunctionsJson {
  functionsJson ??= readFunctionsJson();
  return functionsJson;
}

/**
 * What a cell can show: a number, text, a boolean or an Excel error. A JS null shows as 0, and NaN,
 * undefined or a stray object are no answer at all, so the result of every call is checked.
 */
export function unshowableCells(result: unknown): string[] {
  const rows = Array.isArray(result) ? (result as unknown[][]) : [[result]];
  const bad: string[] = [];
  rows.forEach((row, r) =>
    (Array.isArray(row) ? row : [row]).forEach((cell, c) => {
      const ok =
        (typeof cell === "number" && Number.isFinite(cell)) ||
        typeof cell === "string" ||
        typeof cell === "boolean" ||
        (cell instanceof ExcelError &&
          ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"].includes(cell.code));
      if (!ok) bad.push(`row ${r + 1}, column ${c + 1}: ${String(cell)}`);
    }),
  );
  return bad;
}

// ---- building dist/ once per test run ----------------------------------------------------------

const BUILD_INPUTS = [
  "src",
  "data/prices",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "README.md",
  "CHANGELOG.md",
  "docs",
  "scripts/help-page.mjs",
  "package.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ lacks a build output or is older than any build input. */
export function isBuildStale(): boolean {
  const outputs = [
    "runtime.js",
    "functions.js",
    "functions.json",
    "taskpane.html",
    "manifest.xml",
  ].map((f) => join(DIST, f));
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(ROOT, p))));
  return inputs > built;
}

const LOCK = join(
  tmpdir(),
  `img-cost-planner-build-${Buffer.from(ROOT).toString("hex").slice(-32)}.lock`,
);
const LOCK_STALE_MS = 5 * 60_000;
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function runWebpack(): Promise<void> {
  const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const env = { ...process.env };
  delete env.ADDIN_HOST; // tests check the development origin
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production"],
      { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`webpack build failed:\n${stdout}\n${stderr}`));
        else done();
      },
    );
  });
}

/**
 * Builds dist/ in production mode if it is missing or older than its inputs. Test files run in
 * parallel workers, so a lock directory makes one of them build while the others wait.
 */
export async function ensureBuilt(): Promise<void> {
  for (;;) {
    if (!isBuildStale()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS)
        rmSync(LOCK, { recursive: true });
      await sleep(250);
      continue;
    }
    try {
      if (isBuildStale()) await runWebpack();
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
