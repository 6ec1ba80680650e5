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
 * A measurement whose piece of the add-in is missing (dist/ not built, a module not written yet)
 * prints SKIP with the reason; one that throws prints ERROR and makes the run exit 1 in every mode.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { bundleSize } from "./bench/bundle-size";
import { coreThroughput } from "./bench/core-throughput";
import { memory } from "./bench/memory";
import { paneStart } from "./bench/pane-start";
import { rangeCalls } from "./bench/range-calls";
import { refresh } from "./bench/refresh";
import { fromRoot, removeTemporaryDirs, repoRoot, temporaryDir, useDistDir } from "./bench/paths";
import { exitCode, failed, formatTable, type Options, type Row } from "./bench/report";
import { spreadsheet } from "./bench/spreadsheet";
import { currentClock, useClock } from "./bench/timing";

interface Measurement {
  readonly key: string;
  readonly name: string;
  readonly run: (options: Options) => Row[] | Promise<Row[]>;
}

// Core throughput first, while the process is fresh and its JIT has seen nothing else.
const MEASUREMENTS: readonly Measurement[] = [
  { key: "core", name: "Core throughput", run: coreThroughput },
  { key: "range", name: "Range calls", run: rangeCalls },
  { key: "sheet", name: "Spreadsheet engine", run: spreadsheet },
  { key: "refresh", name: "Refresh", run: refresh },
  { key: "bundle", name: "Bundle size", run: () => bundleSize() },
  { key: "pane", name: "Pane start", run: paneStart },
  { key: "memory", name: "Memory", run: memory },
];

interface Args {
  readonly smoke: boolean;
  readonly only: readonly string[] | null;
  readonly json: string | null;
  readonly wall: boolean;
  readonly build: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let smoke = false;
  let only: string[] | null = null;
  let json: string | null = null;
  let wall = false;
  let build = false;
  const keys = MEASUREMENTS.map((m) => m.key);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--smoke") smoke = true;
    else if (arg === "--wall") wall = true;
    else if (arg === "--build") build = true;
    else if (arg === "--only" || arg === "--json") {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new Error(`${arg} needs a value`);
      i++;
      if (arg === "--json") json = value;
      else {
        only = value.split(",").map((k) => k.trim());
        const unknown = only.filter((k) => !keys.includes(k));
        if (unknown.length > 0) {
          throw new Error(
            `--only: unknown measurement ${unknown.join(", ")}; accepted: ${keys.join(", ")}`,
          );
        }
      }
    } else {
      throw new Error(
        `unknown argument "${arg}"; accepted: --smoke, --only <${keys.join(",")}>, --json <file>, --wall, --build`,
      );
    }
  }
  return { smoke, only, json, wall, build };
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

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const options: Options = { smoke: args.smoke };
  useClock(args.wall ? "wall" : "cpu");
  if (args.build) {
    process.stdout.write(
      "bench: building the add-in (webpack, production) into a temporary folder...\n",
    );
    useDistDir(freshBuild());
  }
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
  for (const m of chosen) {
    process.stdout.write(`  ${m.name}...\n`);
    try {
      rows.push(...(await m.run(options)));
    } catch (error) {
      rows.push(failed(m.name, error));
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
