/**
 * Range calls: =IMG.COST(A2:A100001, B2:B100001, C2:C100001, D2:D100001, E2:E100001), one call through
 * the functions layer, against the core looping over the same rows and filling the same rows x 1
 * result matrix. The functions layer is the built dist/functions.js loaded through the test harness
 * when it is there, or src/functions/functions.ts with a CustomFunctions stand-in when dist is not.
 */
import { existsSync } from "node:fs";
import { loadCore, typedProviders } from "./core-subjects";
import { fromRoot, tryLoad } from "./paths";
import { measured, skipped, type Options, type Row, type Target } from "./report";
import { ms, paired } from "./timing";
import { costRows } from "./workload";

const NAME = "Range calls";
const TARGET: Target = { op: "<=", limit: 2 };
const METRIC = "IMG.COST over a range vs core loop";

type Matrix = unknown[][];
type CostFunction = (p: Matrix, q: Matrix, s: Matrix, v: Matrix, r?: Matrix) => Matrix;

/** Just enough of Excel's CustomFunctions global for src/functions to build its error values. */
function installCustomFunctionsStandIn(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions !== undefined) return;
  class StandInError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  g.CustomFunctions = {
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}

async function loadCostFunction(): Promise<
  { ok: true; fn: CostFunction; via: string } | { ok: false; why: string }
> {
  const harnessFile = "test/support/functions-harness.ts";
  if (existsSync(fromRoot("dist", "functions.js")) && existsSync(fromRoot(harnessFile))) {
    // Imported by path at run time: the bench must compile and run before the harness exists.
    const harness = (await import(fromRoot(harnessFile))) as Harness;
    const stale = harness.isBuildStale()
      ? " (WARNING: dist/ is older than its sources, rebuild)"
      : "";
    return {
      ok: true,
      fn: costFromHarness(harness),
      via: `dist/functions.js via ${harnessFile}${stale}`,
    };
  }
  installCustomFunctionsStandIn();
  const loaded = await tryLoad(
    "src/functions/functions",
    () => import("../../src/functions/functions"),
  );
  if (!loaded.ok) return { ok: false, why: `${loaded.why}, and dist/functions.js is not built` };
  return {
    ok: true,
    fn: loaded.module.cost as CostFunction,
    via: "src/functions/functions.ts with a CustomFunctions stand-in (dist/ not built)",
  };
}

interface Harness {
  loadBuiltFunctions(distDir?: string): { get(id: string): (...args: unknown[]) => unknown };
  isBuildStale(): boolean;
}

/** COST from the built bundle, loaded the way Excel's runtime does (runtime.js then functions.js). */
function costFromHarness(harness: Harness): CostFunction {
  return harness.loadBuiltFunctions().get("COST") as CostFunction;
}

export async function rangeCalls(options: Options): Promise<Row[]> {
  const core = await loadCore();
  if (!core.ok) return [skipped(NAME, METRIC, "x", TARGET, core.why)];
  const layer = await loadCostFunction();
  if (!layer.ok) return [skipped(NAME, METRIC, "x", TARGET, layer.why)];
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
        `${layer.via}; median of ${runs} after ${warmup} warm-up`,
    ),
  ];
}
