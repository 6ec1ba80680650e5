/**
 * Range calls: =IMG.COST(A2:A1000001, B2:B1000001, C2:C1000001, D2:D1000001, E2:E1000001), one call
 * through the functions layer, at 1,000, 10,000, 100,000 and 1,000,000 rows (smoke: up to 100,000):
 * the scale curve a user sees when a plan grows.
 *
 * The baseline at each size is a floor: the least work Excel demands of any function over those
 * ranges, reading each row's five arguments and building the rows x 1 `[[number]]` result column.
 * For each size the bench prints ns per row, the share of the call's wall time spent in garbage
 * collection (perf_hooks 'gc' entries), and the heap the returned column retains per row (node
 * --expose-gc, heapUsed with the result held minus without), against the same for the floor, whose
 * column is exactly the result's own size.
 *
 * A last case feeds every row a different spelling of a provider ("Open AI", "open-ai", "OPENai"
 * ...), which misses the memo tables on every row, against the same rows spelled one way.
 *
 * The functions layer is the built dist/functions.js when it is there (see costFromDist), or
 * src/functions/functions.ts with a CustomFunctions stand-in when dist is not.
 */
import { PerformanceObserver, performance } from "node:perf_hooks";
import { existsSync, readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";
import { distIsStale } from "./bundle-size";
import { loadCore, typedProviders } from "./core-subjects";
import { distDir, distLabel, tryLoad } from "./paths";
import { measured, skipped, type Options, type Row, type Target } from "./report";
import { ms, paired, timeMs } from "./timing";
import { costRows, type CostRow } from "./workload";

const NAME = "Range calls";
/** Per row, IMG.COST against the floor at each size: a guard that the curve stays where it is. */
const VS_FLOOR: Target = { op: "<=", limit: 15 };
/** The issue's targets: the per-row cost at the largest size within 1.5x of 1,000 rows ... */
const SCALE: Target = { op: "<=", limit: 1.5 };
/** ... and the heap a result retains per row close to the result column's own size. */
const RETAINED: Target = { op: "<=", limit: 1.25 };
/** Every row a new spelling: a miss in every memo table, against the same rows spelled one way. */
const SPELLINGS: Target = { op: "<=", limit: 3 };

/**
 * The least own work per row (ns, the same at both sizes) for which the raw ratio
 * (own + big floor) / (own + small floor) is within SCALE: own >= (big - limit x small) / (limit - 1).
 * The floor grows with the rows (V8 promotes a large result column out of its young generation), so
 * the raw ratio rewards a function for being slow; the ratio above the floor does not.
 */
export function neededOwn(smallFloor: number, bigFloor: number): number {
  return Math.max(0, (bigFloor - SCALE.limit * smallFloor) / (SCALE.limit - 1));
}

const METRIC = "IMG.COST over a range vs floor";

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
export function installCustomFunctions(associated: Map<string, unknown>): void {
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

/** A price for the floor to multiply by; any number would do. */
const FLOOR_PRICE = 0.053;

interface Columns {
  readonly P: Matrix;
  readonly Q: Matrix;
  readonly S: Matrix;
  readonly V: Matrix;
  readonly R: Matrix;
}

function columnsOf(rows: readonly CostRow[]): Columns {
  const column = <T>(pick: (r: CostRow) => T): T[][] => rows.map((r) => [pick(r)]);
  return {
    P: column((r) => r.provider),
    Q: column((r) => r.quality),
    S: column((r) => r.size),
    V: column((r) => r.volume),
    R: column((r) => r.retry),
  };
}

/**
 * The floor: what any function over these ranges must do. Reads every row's five arguments (the
 * strings' lengths, so the reads are not optimised away) and builds the rows x 1 result column.
 */
function floor(c: Columns): Matrix {
  const { P, Q, S, V, R } = c;
  const n = P.length;
  const out: Matrix = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) {
    const touched =
      ((P[i] as unknown[])[0] as string).length +
      ((Q[i] as unknown[])[0] as string).length +
      ((S[i] as unknown[])[0] as string).length;
    out[i] = [
      ((V[i] as unknown[])[0] as number) * ((R[i] as unknown[])[0] as number) * FLOOR_PRICE +
        touched * 0,
    ];
  }
  return out;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined)
    throw new Error("the range bench needs node --expose-gc (bench.ts passes it)");
  for (let i = 0; i < 3; i++) gc();
}

/** Heap retained by what `make` returns, while it is held, in bytes. */
function retainedBy(make: () => unknown): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [make()];
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  // Read after the measurement so the result is still reachable when the heap is read.
  if (held.length !== 1) throw new Error("the result was lost");
  return after - before;
}

/**
 * Share of the wall time of `times` back-to-back runs of `fn` (recalculations one after another)
 * spent in garbage-collection pauses of this thread, from perf_hooks 'gc' entries.
 */
async function gcShare(fn: () => unknown, times: number): Promise<number> {
  let gcMs = 0;
  let from = 0;
  let to = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Only pauses that began during the timed call.
      if (entry.startTime >= from && entry.startTime <= to) gcMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  from = performance.now();
  for (let i = 0; i < times; i++) fn();
  to = performance.now();
  // gc entries are delivered asynchronously: let them arrive before reading the sum.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return to > from ? gcMs / (to - from) : 0;
}

interface Point {
  readonly rows: number;
  readonly nsRow: number;
  readonly nsFloor: number;
  readonly gcShare: number;
  readonly gcShareFloor: number;
  readonly bytesRow: number;
  readonly bytesFloor: number;
  readonly detail: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

function label(rows: number): string {
  return rows >= 1_000_000
    ? `${rows / 1_000_000}M`
    : rows >= 1_000
      ? `${rows / 1_000}k`
      : String(rows);
}

/** Different spellings of `name` that all normalise to it: casing and separators between letters. */
export function spellings(name: string, count: number): string[] {
  const letters = [...name];
  const SEPARATORS = ["", " ", "-", "_", "."];
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < count; i++) {
    let k = i;
    let text = "";
    letters.forEach((ch, j) => {
      text += (k & 1) === 1 ? ch.toUpperCase() : ch.toLowerCase();
      k >>>= 1;
      if (j < letters.length - 1) {
        text += SEPARATORS[k % SEPARATORS.length] as string;
        k = Math.floor(k / SEPARATORS.length);
      }
    });
    if (k > 0) text += " ".repeat(k);
    if (!seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

export async function rangeCalls(options: Options): Promise<Row[]> {
  const sizes = options.smoke ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000];
  const largest = sizes[sizes.length - 1] as number;
  const skipAll = (why: string): Row[] => [
    ...sizes.map((n) => skipped(NAME, `${METRIC}, ${label(n)} rows`, "x", VS_FLOOR, why)),
    skipped(NAME, `ns/row at ${label(largest)} vs 1k rows`, "x", SCALE, why),
    skipped(NAME, `ns/row above the floor at ${label(largest)} vs 1k rows`, "x", SCALE, why),
    skipped(NAME, `heap kept per row at ${label(largest)} vs result column`, "x", RETAINED, why),
    skipped(NAME, "every row a new provider spelling vs one", "x", SPELLINGS, why),
  ];
  const layer = await loadCostFunction();
  if (!layer.ok) return skipAll(layer.why);
  // The answers are checked against the core, bundled for dist/, from source for src/.
  const core = await loadCore(layer.fromDist);
  if (!core.ok) return skipAll(core.why);
  const { cost, bundledBook } = core.module;
  const providers = typedProviders(core.module, bundledBook);

  const points: Point[] = [];
  let sink = 0;
  for (const count of sizes) {
    const c = columnsOf(costRows(count, providers, 7));
    const viaLayer = (): Matrix => layer.fn(c.P, c.Q, c.S, c.V, c.R);

    // Same answers as the core, row for row, or the figure times something else.
    const a = viaLayer();
    if (a.length !== count)
      throw new Error(`IMG.COST returned ${a.length} rows for ${count} input rows`);
    for (let i = 0; i < count; i++) {
      const x = a[i]?.[0];
      const r = cost(bundledBook, c.P[i]?.[0], c.Q[i]?.[0], c.S[i]?.[0], c.V[i]?.[0], c.R[i]?.[0]);
      if (typeof x !== "number" || !r.ok || x !== r.value) {
        throw new Error(
          `row ${i + 1}: IMG.COST gave ${JSON.stringify(x)}, the core gave ${JSON.stringify(r)}`,
        );
      }
    }

    // Small sizes repeat the call so each sample covers about 200,000 rows (CPU time has a coarse grain).
    const reps = Math.max(1, Math.round((options.smoke ? 50_000 : 200_000) / count));
    const subject = (): void => {
      for (let k = 0; k < reps; k++) sink += viaLayer().length;
    };
    const base = (): void => {
      for (let k = 0; k < reps; k++) sink += floor(c).length;
    };
    const runs = options.smoke ? 3 : count >= 1_000_000 ? 7 : 11;
    const warmup = options.smoke ? 1 : 2;
    const timed = paired(subject, base, runs, warmup, true);
    const rowsTimed = reps * count;
    const gcLayer = await gcShare(subject, 3);
    const gcFloor = await gcShare(base, 3);
    const bytesLayer = retainedBy(viaLayer) / count;
    const bytesFloor = retainedBy(() => floor(c)) / count;
    const nsRow = (timed.subject * 1e6) / rowsTimed;
    const nsFloor = (timed.baseline * 1e6) / rowsTimed;
    points.push({
      rows: count,
      nsRow,
      nsFloor,
      gcShare: gcLayer,
      gcShareFloor: gcFloor,
      bytesRow: bytesLayer,
      bytesFloor,
      detail:
        `${count} rows: IMG.COST ${nsRow.toFixed(0)} ns/row (${ms(timed.subject / reps)} a call), GC pauses ${pct(gcLayer)} of its wall time, ` +
        `keeps ${bytesLayer.toFixed(0)} B/row; floor ${nsFloor.toFixed(1)} ns/row, GC ${pct(gcFloor)}, keeps ${bytesFloor.toFixed(0)} B/row; ` +
        `median of ${runs} after ${warmup} warm-up${reps > 1 ? `, ${reps} calls a sample` : ""}`,
    });
  }

  // Every row a distinct spelling of the providers, against the same rows spelled one way.
  const spellCount = options.smoke ? 10_000 : 100_000;
  const plain = costRows(spellCount, providers, 13);
  const pool = new Map(providers.map((p) => [p, spellings(p, spellCount)] as const));
  const varied = plain.map((r, i) => ({
    ...r,
    provider: (pool.get(r.provider) as string[])[i] as string,
  }));
  const distinct = new Set(varied.map((r) => r.provider)).size;
  const plainC = columnsOf(plain);
  const variedC = columnsOf(varied);
  const viaPlain = (): Matrix => layer.fn(plainC.P, plainC.Q, plainC.S, plainC.V, plainC.R);
  const viaVaried = (): Matrix => layer.fn(variedC.P, variedC.Q, variedC.S, variedC.V, variedC.R);
  const pa = viaPlain();
  const va = viaVaried();
  for (let i = 0; i < spellCount; i++) {
    if (pa[i]?.[0] !== va[i]?.[0] || typeof pa[i]?.[0] !== "number") {
      throw new Error(
        `row ${i + 1}: "${varied[i]?.provider}" gave ${JSON.stringify(va[i]?.[0])}, "${plain[i]?.provider}" ${JSON.stringify(pa[i]?.[0])}`,
      );
    }
  }
  // Each timed call meets spellings it has seen two calls ago at the earliest: the tables hold far
  // fewer entries than a call brings, so every row misses, as on a first calculation.
  const spell = paired(
    () => (sink += viaVaried().length),
    () => (sink += viaPlain().length),
    options.smoke ? 3 : 9,
    1,
    true,
  );
  // One plain call after the flood: the common spellings must still be in the tables.
  const afterFlood = timeMs(() => (sink += viaPlain().length));
  if (sink <= 0) throw new Error("no rows were computed");

  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  const rows: Row[] = points.map((p) =>
    measured(
      NAME,
      `${METRIC}, ${label(p.rows)} rows`,
      p.nsRow / p.nsFloor,
      "x",
      VS_FLOOR,
      `${p.detail}; ${layer.via}`,
    ),
  );
  rows.push(
    measured(
      NAME,
      `ns/row at ${label(last.rows)} vs 1k rows`,
      last.nsRow / first.nsRow,
      "x",
      SCALE,
      `IMG.COST ${last.nsRow.toFixed(0)} ns/row at ${label(last.rows)}, ${first.nsRow.toFixed(0)} at ${label(first.rows)} ` +
        `(floor ${last.nsFloor.toFixed(1)} and ${first.nsFloor.toFixed(1)}); GC ${pct(last.gcShare)} of the ${label(last.rows)} call; ` +
        `with these floors, a function doing the same own work per row at both sizes meets ${SCALE.op} ${SCALE.limit}x only if that ` +
        `work is at least ${neededOwn(first.nsFloor, last.nsFloor).toFixed(0)} ns/row (IMG.COST's: ${(first.nsRow - first.nsFloor).toFixed(0)}): ` +
        `a slower function would meet it`,
    ),
    measured(
      NAME,
      `ns/row above the floor at ${label(last.rows)} vs 1k rows`,
      (last.nsRow - last.nsFloor) / Math.max(1e-9, first.nsRow - first.nsFloor),
      "x",
      SCALE,
      `IMG.COST's own work per row, its time minus the floor's: ${(last.nsRow - last.nsFloor).toFixed(0)} ns at ${label(last.rows)}, ` +
        `${(first.nsRow - first.nsFloor).toFixed(0)} ns at ${label(first.rows)}; the floor alone grows ${(last.nsFloor / first.nsFloor).toFixed(1)}x ` +
        `(GC ${pct(last.gcShareFloor)} of its ${label(last.rows)} call: building a column of ${label(last.rows)} arrays)`,
    ),
    measured(
      NAME,
      `heap kept per row at ${label(last.rows)} vs result column`,
      last.bytesRow / last.bytesFloor,
      "x",
      RETAINED,
      `IMG.COST's result keeps ${last.bytesRow.toFixed(1)} B/row, a [[number]] column built by the floor ${last.bytesFloor.toFixed(1)} B/row ` +
        `(node --expose-gc, heapUsed with the result held minus without)`,
    ),
    measured(
      NAME,
      "every row a new provider spelling vs one",
      spell.ratio,
      "x",
      SPELLINGS,
      `${spellCount} rows, ${distinct} distinct spellings ("${varied[1]?.provider}", "${varied[2]?.provider}" ...): ` +
        `${ms(spell.subject)} a call, one spelling ${ms(spell.baseline)}; the one-spelling call right after the flood ${ms(afterFlood)}; median of ${options.smoke ? 3 : 9}`,
    ),
  );
  return rows;
}
