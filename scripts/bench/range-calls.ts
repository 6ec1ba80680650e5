/**
 * Range calls: =IMG.COST(A2:A100001, B2:B100001, C2:C100001, D2:D100001, E2:E100001), one call through
 * the functions layer, against the core looping over the same rows and filling the same rows x 1
 * result matrix. The functions layer is the built dist/functions.js when it is there (see
 * costFromDist), or src/functions/functions.ts with a CustomFunctions stand-in when dist is not.
 */
import { existsSync, readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";
import { distIsStale } from "./bundle-size";
import { loadCore, typedProviders } from "./core-subjects";
import { distDir, distLabel, tryLoad } from "./paths";
import { measured, skipped, type Options, type Row, type Target } from "./report";
import { ms, paired } from "./timing";
import { costRows } from "./workload";

const NAME = "Range calls";
const TARGET: Target = { op: "<=", limit: 2 };
const METRIC = "IMG.COST over a range vs core loop";

type Matrix = unknown[][];
type CostFunction = (p: Matrix, q: Matrix, s: Matrix, v: Matrix, r?: Matrix) => Matrix;

/** Excel's error codes, as @types/custom-functions-runtime declares them. */
const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/**
 * Excel's CustomFunctions global, enough for the functions to build their error values and for the
 * bundle to associate its ids. Installed on this realm's global object, where the bundle runs.
 */
function installCustomFunctions(associated: Map<string, unknown>): void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    Error: StandInError,
    ErrorCode: ERROR_CODES,
    associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void {
      const pairs =
        typeof idOrMappings === "string"
          ? [[idOrMappings, fn] as const]
          : Object.entries(idOrMappings);
      for (const [id, f] of pairs) associated.set(id.toUpperCase(), f);
    },
  };
}

let loadedFromDist: CostFunction | null = null;

/**
 * COST from dist/runtime.js + dist/functions.js, run in this realm as Excel's runtime runs them in
 * its page. Not through test/support/functions-harness.ts: the harness runs the bundle in a separate
 * vm context, and reading argument arrays made in another realm measured 6 to 7 times slower there
 * (148 ms against 22 ms for 100,000 rows), a cost Excel does not have since it builds the arrays in
 * the bundle's own realm.
 */
function costFromDist(): CostFunction {
  if (loadedFromDist !== null) return loadedFromDist;
  const associated = new Map<string, unknown>();
  installCustomFunctions(associated);
  for (const file of ["runtime.js", "functions.js"]) {
    const full = distDir(file);
    runInThisContext(readFileSync(full, "utf8"), { filename: full });
  }
  const fn = associated.get("COST");
  if (typeof fn !== "function") {
    throw new Error(
      `dist/functions.js associated no COST function (ids: ${[...associated.keys()].join(", ")})`,
    );
  }
  loadedFromDist = fn as CostFunction;
  return loadedFromDist;
}

async function loadCostFunction(): Promise<
  { ok: true; fn: CostFunction; via: string; fromDist: boolean } | { ok: false; why: string }
> {
  if (existsSync(distDir("runtime.js")) && existsSync(distDir("functions.js"))) {
    const stale = distIsStale() ? " (WARNING: dist/ is older than src/, rebuild)" : "";
    return {
      ok: true,
      fn: costFromDist(),
      via: `runtime.js + functions.js of ${distLabel()}${stale}`,
      fromDist: true,
    };
  }
  const associated = new Map<string, unknown>();
  if ((globalThis as { CustomFunctions?: unknown }).CustomFunctions === undefined)
    installCustomFunctions(associated);
  const loaded = await tryLoad(
    "src/functions/functions",
    () => import("../../src/functions/functions"),
  );
  if (!loaded.ok) return { ok: false, why: `${loaded.why}, and dist/ is not built` };
  return {
    ok: true,
    fn: loaded.module.cost as CostFunction,
    via: "src/functions/functions.ts with a CustomFunctions stand-in (dist/ not built)",
    fromDist: false,
  };
}

export async function rangeCalls(options: Options): Promise<Row[]> {
  const layer = await loadCostFunction();
  if (!layer.ok) return [skipped(NAME, METRIC, "x", TARGET, layer.why)];
  // The core loop runs the core the same way the layer does: bundled for dist/, from source for src/.
  const core = await loadCore(layer.fromDist);
  if (!core.ok) return [skipped(NAME, METRIC, "x", TARGET, core.why)];
  const { cost, bundledBook } = core.module;
  const count = options.smoke ? 1_000 : 100_000;
  const rows = costRows(count, typedProviders(core.module, bundledBook), 7);
  const column = <T>(pick: (i: number) => T): T[][] => rows.map((_, i) => [pick(i)]);
  const P = column((i) => rows[i]?.provider);
  const Q = column((i) => rows[i]?.quality);
  const S = column((i) => rows[i]?.size);
  const V = column((i) => rows[i]?.volume);
  const R = column((i) => rows[i]?.retry);

  const viaLayer = (): Matrix => layer.fn(P, Q, S, V, R);
  const viaCore = (): Matrix => {
    const out: Matrix = new Array<unknown[]>(count);
    for (let i = 0; i < count; i++) {
      const r = cost(bundledBook, P[i]?.[0], Q[i]?.[0], S[i]?.[0], V[i]?.[0], R[i]?.[0]);
      out[i] = [r.ok ? r.value : r];
    }
    return out;
  };

  // Same answers, row for row, or the two sides are not doing the same work.
  const a = viaLayer();
  const b = viaCore();
  if (a.length !== count)
    throw new Error(`IMG.COST returned ${a.length} rows for ${count} input rows`);
  for (let i = 0; i < count; i++) {
    const x = a[i]?.[0];
    const y = b[i]?.[0];
    if (typeof x !== "number" || x !== y) {
      throw new Error(
        `row ${i + 1}: IMG.COST gave ${JSON.stringify(x)}, the core gave ${JSON.stringify(y)}`,
      );
    }
  }

  let sink = 0;
  const runs = options.smoke ? 3 : 15;
  const warmup = options.smoke ? 1 : 3;
  const result = paired(
    () => (sink += viaLayer().length),
    () => (sink += viaCore().length),
    runs,
    warmup,
  );
  if (sink <= 0) throw new Error("no rows were computed");
  return [
    measured(
      NAME,
      METRIC,
      result.ratio,
      "x",
      TARGET,
      `${count} rows: one IMG.COST call ${ms(result.subject)}, core loop ${ms(result.baseline)}; ` +
        `${layer.via}, core loop: ${core.via}; median of ${runs} after ${warmup} warm-up`,
    ),
  ];
}
