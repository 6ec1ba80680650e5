/**
 * The benchmarks: `npm run bench` measures each figure as a ratio against a baseline timed in the same
 * run, prints a table with the target beside each, and exits 1 if a target is missed.
 *
 *   npm run bench                      full sizes, targets enforced
 *   npm run bench -- --smoke           small sizes, targets not enforced (CI: proves the bench runs)
 *   npm run bench -- --only core,refresh   some measurements only
 *   npm run bench -- --json out.json   also write the rows as JSON
 *   npm run bench -- --wall            time in-process work by the wall clock, not CPU time
 *   npm run bench -- --build           measure a fresh production build (in a temporary folder)
 *                                      instead of dist/, so the figures match the sources
 *
 * Each measurement runs in a Node process of its own: what one loads (the browser driver, the
 * spreadsheet engine, 100,000-row sheets) would otherwise sit on the heap of the next and slow its
 * garbage collection (the refresh measured 12.5 ms after them, 7.5 ms alone), and its JIT state
 * would leak into the next figure.
 *
 * A measurement whose piece of the add-in is missing (dist/ not built, a module not written yet)
 * prints SKIP with the reason; one that throws or crashes prints ERROR and makes the run exit 1 in
 * every mode.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import * as path from "node:path";
import { parseArgs as parseFlags } from "node:util";
import {
  distDir,
  fromRoot,
  removeTemporaryDirs,
  repoRoot,
  temporaryDir,
  useDistDir,
} from "./bench/paths";
import { exitCode, failed, formatTable, type Options, type Row } from "./bench/report";
import { shippedCoreFile } from "./bench/shipped-core";
import { currentClock, useClock } from "./bench/timing";

type Run = (options: Options) => Row[] | Promise<Row[]>;

interface Measurement {
  readonly key: string;
  readonly name: string;
  /** Loaded only in the child process that runs it. */
  readonly load: () => Promise<Run>;
  /** Needs the bundled core (built once by the parent and shared). */
  readonly usesCore: boolean;
}

const MEASUREMENTS: readonly Measurement[] = [
  {
    key: "core",
    name: "Core throughput",
    usesCore: true,
    load: async () => (await import("./bench/core-throughput")).coreThroughput,
  },
  {
    key: "range",
    name: "Range calls",
    usesCore: true,
    load: async () => (await import("./bench/range-calls")).rangeCalls,
  },
  {
    key: "sheet",
    name: "Spreadsheet engine",
    usesCore: false,
    load: async () => (await import("./bench/spreadsheet")).spreadsheet,
  },
  {
    key: "refresh",
    name: "Refresh",
    usesCore: true,
    load: async () => (await import("./bench/refresh")).refresh,
  },
  {
    key: "bundle",
    name: "Bundle size",
    usesCore: false,
    load: async () => {
      const { bundleSize } = await import("./bench/bundle-size");
      return () => bundleSize();
    },
  },
  {
    key: "pane",
    name: "Pane start",
    usesCore: false,
    load: async () => {
      const { paneStart } = await import("./bench/pane-start");
      return (options) => paneStart(options);
    },
  },
  {
    key: "first",
    name: "First use (cold)",
    usesCore: false,
    load: async () => (await import("./bench/first-use")).firstUse,
  },
  {
    key: "peer",
    name: "Peer (genai-prices)",
    usesCore: true,
    load: async () => (await import("./bench/peer")).peer,
  },
  {
    key: "memory",
    name: "Memory",
    usesCore: true,
    load: async () => (await import("./bench/memory")).memory,
  },
];

const KEYS = MEASUREMENTS.map((m) => m.key);
const USAGE = `accepted: --smoke, --only <${KEYS.join(",")}>, --json <file>, --wall, --build`;

interface Args {
  readonly smoke: boolean;
  readonly only: readonly string[] | null;
  readonly json: string | null;
  readonly wall: boolean;
  readonly build: boolean;
  /** Internal: run one measurement in this process and write its rows to --json. */
  readonly child: string | null;
}

/** Flags with node's util.parseArgs (strict: an unknown flag or a missing value is an error). */
function parseArgs(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseFlags({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        smoke: { type: "boolean", default: false },
        wall: { type: "boolean", default: false },
        build: { type: "boolean", default: false },
        only: { type: "string" },
        json: { type: "string" },
        child: { type: "string" },
      },
    });
  } catch (error) {
    // util.parseArgs says e.g. "Unknown option '--fast'" or "Option '--only <value>' argument missing".
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(why ?? "");
    const positional = /Unexpected argument '([^']+)'/.exec(why ?? "");
    const missing = /Option '--(\w+)[^']*' argument (missing|is ambiguous)/.exec(why ?? "");
    const text =
      unknown !== null
        ? `unknown argument "${unknown[1]}"`
        : positional !== null
          ? `unknown argument "${positional[1]}"`
          : missing !== null
            ? `--${missing[1]} needs a value`
            : why;
    throw new Error(`${text}; ${USAGE}`, { cause: error });
  }
  const { values } = parsed;
  for (const flag of ["only", "json", "child"] as const) {
    const value = values[flag];
    if (value !== undefined && (value === "" || value.startsWith("--")))
      throw new Error(`--${flag} needs a value; ${USAGE}`);
  }
  let only: string[] | null = null;
  if (values.only !== undefined) {
    only = values.only.split(",").map((k) => k.trim());
    const unknown = only.filter((k) => !KEYS.includes(k));
    if (unknown.length > 0) {
      throw new Error(
        `--only: unknown measurement ${unknown.join(", ")}; accepted: ${KEYS.join(", ")}`,
      );
    }
  }
  return {
    smoke: values.smoke ?? false,
    only,
    json: values.json ?? null,
    wall: values.wall ?? false,
    build: values.build ?? false,
    child: values.child ?? null,
  };
}

/** A production build of the add-in into a temporary folder, with the project's own webpack config. */
function freshBuild(): string {
  const out = temporaryDir("bench-dist-");
  const cli = fromRoot("node_modules", "webpack-cli", "bin", "cli.js");
  const run = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", out], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`--build: webpack failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

/** Child mode: one measurement, rows to the JSON file; a throw becomes an ERROR row. */
async function runChild(args: Args): Promise<number> {
  const m = MEASUREMENTS.find((x) => x.key === args.child);
  if (m === undefined || args.json === null)
    throw new Error(`--child needs a measurement and --json; ${USAGE}`);
  useClock(args.wall ? "wall" : "cpu");
  if (process.env.BENCH_DIST !== undefined) useDistDir(process.env.BENCH_DIST);
  let rows: Row[];
  try {
    rows = await (await m.load())({ smoke: args.smoke });
  } catch (error) {
    rows = [failed(m.name, error)];
  }
  writeFileSync(args.json, JSON.stringify(rows));
  return 0;
}

/** Runs one measurement in a fresh Node process and reads back its rows. */
function runIsolated(m: Measurement, args: Args, env: NodeJS.ProcessEnv): Row[] {
  const out = path.join(temporaryDir("bench-rows-"), "rows.json");
  const flags = [args.smoke ? "--smoke" : null, args.wall ? "--wall" : null].filter(
    (f): f is string => f !== null,
  );
  const child = spawnSync(
    process.execPath,
    // --expose-gc: the range and memory measurements read the heap after a full collection.
    ["--expose-gc", "--import", "tsx", __filename, "--child", m.key, "--json", out, ...flags],
    {
      cwd: repoRoot,
      env,
      encoding: "utf8",
      stdio: ["ignore", "inherit", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (existsSync(out)) return JSON.parse(readFileSync(out, "utf8")) as Row[];
  const why = child.error?.message ?? `exit ${child.status ?? child.signal}`;
  return [
    failed(
      m.name,
      new Error(`the measurement process crashed (${why}): ${(child.stderr ?? "").slice(-800)}`),
    ),
  ];
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (args.child !== null) return runChild(args);

  useClock(args.wall ? "wall" : "cpu");
  const chosen = MEASUREMENTS.filter((m) => args.only === null || args.only.includes(m.key));
  const load = loadavg()[0] ?? 0;
  const cores = cpus().length;
  process.stdout.write(
    `bench: ${args.smoke ? "smoke run (small sizes, targets not enforced)" : "full run (targets enforced)"}; ` +
      `node ${process.version}, ${process.platform}/${process.arch}, ${cores} CPUs, load average ${load.toFixed(1)}; ` +
      `in-process times are ${currentClock() === "cpu" ? "CPU time" : "wall time"}, page loads wall time\n`,
  );
  if (load > cores) {
    process.stdout.write(
      `bench: WARNING the machine is busy (load ${load.toFixed(1)} on ${cores} CPUs): figures are noisy\n`,
    );
  }

  const rows: Row[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env };
  try {
    if (args.build) {
      process.stdout.write(
        "bench: building the add-in (webpack, production) into a temporary folder...\n",
      );
      useDistDir(freshBuild());
      env.BENCH_DIST = distDir();
    }
    // Bundle the core once for every measurement that uses it; a core that does not exist yet is a
    // SKIP inside each measurement, so only bundle when it is there.
    if (chosen.some((m) => m.usesCore) && existsSync(fromRoot("src", "core", "index.ts"))) {
      env.BENCH_CORE_BUNDLE = shippedCoreFile();
    }
  } catch (error) {
    rows.push(failed("Setup", error));
  }
  if (rows.length === 0) {
    for (const m of chosen) {
      const started = Date.now();
      rows.push(...runIsolated(m, args, env));
      process.stdout.write(`  ${m.name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  }

  process.stdout.write(`\n${formatTable(rows)}\n`);
  if (args.json !== null) {
    writeFileSync(
      args.json,
      `${JSON.stringify({ smoke: args.smoke, node: process.version, clock: currentClock(), load, rows }, null, 2)}\n`,
    );
  }
  const code = exitCode(rows, !args.smoke);
  if (code !== 0) {
    process.stdout.write(
      rows.some((r) => r.status === "ERROR")
        ? "\nbench: a measurement failed (ERROR above)\n"
        : "\nbench: a target was missed\n",
    );
  }
  return code;
}

main().then(
  (code) => {
    removeTemporaryDirs();
    process.exitCode = code;
  },
  (error: unknown) => {
    removeTemporaryDirs();
    process.stderr.write(
      `bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
