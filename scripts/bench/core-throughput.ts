/**
 * Core throughput: one IMG.COST through the core, arguments as typed (parsing included), against a
 * hand-written baseline over the same rows in the same kind of loop.
 *
 * The baseline is what a person would write without the core: the price for each typed
 * provider/quality/size looked up beforehand into nested Maps, then per row three Map lookups and a
 * multiply by volume and retry. A multiply-only floor (the price already resolved per row) is printed
 * beside it for reference.
 */
import { loadCore, typedProviders } from "./core-subjects";
import { measured, skipped, type Options, type Row, type Target } from "./report";
import { currentClock, paired } from "./timing";
import { costRows, type CostRow } from "./workload";

const NAME = "Core throughput";
const RATIO: Target = { op: "<=", limit: 3 };
const RATE: Target = { op: ">=", limit: 5_000_000 };

type PriceTable = Map<string, Map<string, Map<string, number>>>;

export async function coreThroughput(options: Options): Promise<Row[]> {
  const loaded = await loadCore();
  if (!loaded.ok) {
    return [
      skipped(NAME, "IMG.COST vs baseline", "x", RATIO, loaded.why),
      skipped(NAME, "IMG.COST calls per second", "calls/s", RATE, loaded.why),
    ];
  }
  const core = loaded.module;
  // Read once: the bundle's exports are getters, and a user's call site holds the function itself.
  const { cost, price } = core;
  const book = core.bundledBook;
  const rows = costRows(4096, typedProviders(core, book));
  const callsPerRun = options.smoke ? 20_000 : 2_000_000;
  const rounds = Math.max(1, Math.round(callsPerRun / rows.length));
  const calls = rounds * rows.length;

  const table: PriceTable = new Map();
  const resolved = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const p = price(book, row.provider, row.quality, row.size);
    if (!p.ok)
      throw new Error(`core.price rejected a workload row ${JSON.stringify(row)}: ${p.message}`);
    const byQuality = table.get(row.provider) ?? new Map<string, Map<string, number>>();
    const bySize = byQuality.get(row.quality) ?? new Map<string, number>();
    bySize.set(row.size, p.value);
    byQuality.set(row.quality, bySize);
    table.set(row.provider, byQuality);
    resolved[i] = p.value;
  });

  const viaCore = (r: CostRow): number => {
    const result = cost(book, r.provider, r.quality, r.size, r.volume, r.retry);
    return result.ok ? result.value : Number.NaN;
  };
  const viaTable = (r: CostRow): number =>
    (table.get(r.provider)?.get(r.quality)?.get(r.size) ?? Number.NaN) * r.volume * r.retry;

  // Both sides must compute the same money, or the figure compares different work.
  rows.forEach((row) => {
    const a = viaCore(row);
    const b = viaTable(row);
    if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)))) {
      throw new Error(
        `core.cost and the baseline disagree on ${JSON.stringify(row)}: ${a} vs ${b}`,
      );
    }
  });

  let sink = 0;
  const runCore = (): void => {
    let sum = 0;
    for (let k = 0; k < rounds; k++)
      for (let i = 0; i < rows.length; i++) sum += viaCore(rows[i] as CostRow);
    sink += sum;
  };
  const runBaseline = (): void => {
    let sum = 0;
    for (let k = 0; k < rounds; k++)
      for (let i = 0; i < rows.length; i++) sum += viaTable(rows[i] as CostRow);
    sink += sum;
  };
  const runFloor = (): void => {
    let sum = 0;
    for (let k = 0; k < rounds; k++) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] as CostRow;
        sum += (resolved[i] as number) * r.volume * r.retry;
      }
    }
    sink += sum;
  };

  const runs = options.smoke ? 3 : 9;
  const warmup = options.smoke ? 1 : 3;
  const result = paired(runCore, runBaseline, runs, warmup);
  const floor = paired(runFloor, runBaseline, options.smoke ? 1 : 5, 1);
  if (!Number.isFinite(sink)) throw new Error("a core.cost call failed during the timed loop");

  const nsCore = (result.subject * 1e6) / calls;
  const nsBase = (result.baseline * 1e6) / calls;
  const nsFloor = (floor.subject * 1e6) / calls;
  const perSecond = 1e9 / nsCore;
  const detail =
    `core ${nsCore.toFixed(1)} ns/call, Map-lookup baseline ${nsBase.toFixed(1)} ns/call, ` +
    `multiply-only floor ${nsFloor.toFixed(1)} ns/call (core = ${(nsCore / nsFloor).toFixed(0)}x floor); ` +
    `${calls} calls per run over ${rows.length} typed rows; ${loaded.via}; median of ${runs} after ${warmup} warm-up`;
  return [
    measured(NAME, "IMG.COST vs baseline", result.ratio, "x", RATIO, detail),
    measured(
      NAME,
      "IMG.COST calls per second",
      perSecond,
      "calls/s",
      RATE,
      `one thread; ${nsCore.toFixed(1)} ns/call (${currentClock() === "cpu" ? "CPU" : "wall"} time)`,
    ),
  ];
}
