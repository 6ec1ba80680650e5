/**
 * Run by first-use.ts in a fresh Node process per sample: loads runtime.js + functions.js of the
 * given dist folder into this realm as Excel's runtime loads them, then times the first IMG.COST call
 * (nothing compiled, memo tables empty), the same call warm, and the first call of a function that
 * only builds its [[number]] result. Prints JSON. Argument 2: "cpu" or "wall".
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { runInThisContext } from "node:vm";
import { installCustomFunctions } from "./range-calls";
import { median } from "./report";
import { timeMs, useClock, type Clock } from "./timing";

type Fn = (...args: unknown[]) => unknown[][];

/** The least a function can do with COST's arguments: read them and build [[number]]. */
function floorFunction(...args: unknown[]): unknown[][] {
  const [p, q, s, v, r] = args as [
    string[][],
    string[][],
    string[][],
    number[][],
    number[][] | null,
  ];
  const touched = (p[0]?.[0]?.length ?? 0) + (q[0]?.[0]?.length ?? 0) + (s[0]?.[0]?.length ?? 0);
  return [[(v[0]?.[0] ?? 0) * (r === null ? 1 : (r[0]?.[0] ?? 1)) * (touched > 0 ? 0.211 : 0)]];
}

function main(): void {
  const dist = process.argv[2];
  if (dist === undefined) throw new Error("first-result-child: give the dist folder");
  useClock((process.argv[3] ?? "cpu") as Clock);
  const associated = new Map<string, unknown>();
  installCustomFunctions(associated);
  // Read the files first: the figure is the runtime's work, not the disk.
  const sources = ["runtime.js", "functions.js"].map((f) => ({
    file: path.join(dist, f),
    text: readFileSync(path.join(dist, f), "utf8"),
  }));
  const loadMs = timeMs(() => {
    for (const s of sources) runInThisContext(s.text, { filename: s.file });
  });
  const cost = associated.get("COST") as Fn | undefined;
  if (typeof cost !== "function") throw new Error("functions.js associated no COST");
  // Excel passes every argument of a matrix parameter as [[value]]; the omitted retry as null.
  const args = (): unknown[] => [[["openai"]], [["high"]], [["1024x1024"]], [[100]], null];
  let value: unknown;
  const firstMs = timeMs(() => (value = cost(...args())[0]?.[0]));
  const warm: number[] = [];
  for (let i = 0; i < 200; i++) warm.push(timeMs(() => cost(...args())));
  // (V8 compiles it lazily on this first call, as it does IMG.COST.)
  const floor = floorFunction;
  const floorFirstMs = timeMs(() => floor(...args()));
  process.stdout.write(
    JSON.stringify({ loadMs, firstMs, warmMs: median(warm), floorFirstMs, value }),
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
}
