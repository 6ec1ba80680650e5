/**
 * In a spreadsheet engine: a planning sheet of N rows (provider, quality, size, volume, retry, total)
 * built and fully evaluated by HyperFormula, the total as =IMG.COST(A2,B2,C2,D2,E2) against the same
 * sheet with what a person would write without the add-in:
 *   =VLOOKUP(A2&"|"&B2&"|"&C2,Prices!$A$1:$B$K,2,FALSE())*D2*E2   (HyperFormula spells FALSE as FALSE())
 * over a price table holding every provider|quality|size the rows use, priced from the same book.
 * That VLOOKUP is HyperFormula's, written in JavaScript, not Excel's native one: the ratio says how
 * the add-in's function compares with a lookup formula in the same engine, nothing about Excel.
 * A third sheet is the floor of any formula in that engine: the same rows with the trivial =D2*E2*1,
 * which reads two cells and multiplies, so the engine's own cost per formula cell is known.
 * Timed: HyperFormula.buildFromSheets (parse, dependency graph, evaluation of every cell).
 */
import { HyperFormula } from "hyperformula";
import { loadCore, typedProviders } from "./core-subjects";
import { fromRoot, tryLoad } from "./paths";
import { measured, skipped, type Options, type Row, type Target } from "./report";
import { interleaved, ms } from "./timing";
import { costRows, type CostRow } from "./workload";

const NAME = "Spreadsheet engine";
const TARGET: Target = { op: "<=", limit: 0.5 };
const METRIC = "=IMG.COST sheet vs HyperFormula's VLOOKUP sheet";
/** The trivial formula is the least any formula costs in the engine; IMG.COST within 3x of it. */
const FLOOR_TARGET: Target = { op: "<=", limit: 3 };
const FLOOR_METRIC = "=IMG.COST sheet vs trivial =D*E*1 sheet";
const SUPPORT = "test/support/hyperformula-img";

type Cell = string | number;

/**
 * Registers the IMG functions with HyperFormula through the tests' support module
 * (registerImgFunctions: a FunctionPlugin over the pricing core). Loaded by path at run time so a
 * missing module is a SKIP, not a crash.
 */
async function registerImg(): Promise<{ ok: true } | { ok: false; why: string }> {
  const loaded = await tryLoad(
    SUPPORT,
    async () => (await import(fromRoot(SUPPORT))) as { registerImgFunctions?: unknown },
  );
  if (!loaded.ok) return loaded;
  const register = loaded.module.registerImgFunctions;
  if (typeof register !== "function")
    return { ok: false, why: `${SUPPORT} exports no registerImgFunctions` };
  (register as () => void)();
  if (!HyperFormula.getRegisteredFunctionNames("enGB").includes("IMG.COST")) {
    return { ok: false, why: `${SUPPORT} did not register IMG.COST with HyperFormula` };
  }
  return { ok: true };
}

const build = (sheets: Record<string, Cell[][]>, config: Record<string, unknown>): HyperFormula =>
  HyperFormula.buildFromSheets(sheets, config);

export async function spreadsheet(options: Options): Promise<Row[]> {
  const core = await loadCore();
  if (!core.ok)
    return [
      skipped(NAME, METRIC, "x", TARGET, core.why),
      skipped(NAME, FLOOR_METRIC, "x", FLOOR_TARGET, core.why),
    ];
  const registered = await registerImg();
  if (!registered.ok)
    return [
      skipped(NAME, METRIC, "x", TARGET, registered.why),
      skipped(NAME, FLOOR_METRIC, "x", FLOOR_TARGET, registered.why),
    ];
  const { price, bundledBook } = core.module;

  const count = options.smoke ? 1_000 : 100_000;
  const rows = costRows(count, typedProviders(core.module, bundledBook), 11);
  const header: Cell[] = ["provider", "quality", "size", "volume", "retry", "total"];

  // One price-table row per distinct typed key; VLOOKUP ignores case, as Excel's does.
  const keyOf = (r: CostRow): string => `${r.provider}|${r.quality}|${r.size}`.toLowerCase();
  const table = new Map<string, number>();
  for (const r of rows) {
    const p = price(bundledBook, r.provider, r.quality, r.size);
    if (!p.ok) throw new Error(`core.price rejected ${JSON.stringify(r)}: ${p.message}`);
    table.set(keyOf(r), p.value);
  }
  const priceSheet: Cell[][] = [...table].map(([k, v]) => [k, v]);
  const lookupRange = `Prices!$A$1:$B$${priceSheet.length}`;

  const planSheet = (formula: (line: number) => string): Cell[][] => [
    header,
    ...rows.map((r, i) => [r.provider, r.quality, r.size, r.volume, r.retry, formula(i + 2)]),
  ];
  const imgSheets = { Plan: planSheet((n) => `=IMG.COST(A${n},B${n},C${n},D${n},E${n})`) };
  const nativeSheets = {
    Prices: priceSheet,
    Plan: planSheet(
      (n) => `=VLOOKUP(A${n}&"|"&B${n}&"|"&C${n},${lookupRange},2,FALSE())*D${n}*E${n}`,
    ),
  };
  const floorSheets = { Plan: planSheet((n) => `=D${n}*E${n}*1`) };
  const config = { licenseKey: "gpl-v3", maxRows: Math.max(200_000, count + 10), maxColumns: 64 };

  const totals = (hf: HyperFormula): unknown[] => {
    const sheet = hf.getSheetId("Plan");
    if (sheet === undefined) throw new Error("the Plan sheet is missing");
    return hf
      .getSheetValues(sheet)
      .slice(1)
      .map((line) => line[5]);
  };

  // Both sheets must show the same totals (to float noise), or they are not the same plan.
  const img = build(imgSheets, config);
  const native = build(nativeSheets, config);
  const a = totals(img);
  const b = totals(native);
  img.destroy();
  native.destroy();
  for (let i = 0; i < count; i++) {
    const x = a[i];
    const y = b[i];
    if (
      typeof x !== "number" ||
      typeof y !== "number" ||
      Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))
    ) {
      throw new Error(
        `row ${i + 2}: IMG.COST shows ${JSON.stringify(x)}, the VLOOKUP formula ${JSON.stringify(y)}`,
      );
    }
  }

  const buildAndDrop = (sheets: Record<string, Cell[][]>) => (): void => {
    build(sheets, config).destroy();
  };
  // Three sheets of 100,000 rows take 2 to 8 s each to build: three timed rounds keep the run short.
  const runs = 3;
  const warmup = 1;
  const [imgMs, vlookupMs, floorMs] = interleaved(
    [buildAndDrop(imgSheets), buildAndDrop(nativeSheets), buildAndDrop(floorSheets)],
    runs,
    warmup,
  ) as [number, number, number];
  const how = `HyperFormula ${HyperFormula.version} (JavaScript, not Excel); median of ${runs} after ${warmup} warm-up, the three sheets in rotation`;
  return [
    measured(
      NAME,
      METRIC,
      imgMs / vlookupMs,
      "x",
      TARGET,
      `${count} rows built + evaluated: IMG.COST ${ms(imgMs)}, HyperFormula's VLOOKUP ${ms(vlookupMs)} ` +
        `(price table of ${priceSheet.length} keys); ${how}`,
    ),
    measured(
      NAME,
      FLOOR_METRIC,
      imgMs / floorMs,
      "x",
      FLOOR_TARGET,
      `${count} rows: IMG.COST ${ms(imgMs)}, =D*E*1 ${ms(floorMs)} (the engine's least cost per formula cell); same runs`,
    ),
  ];
}
