/**
 * The benchmarks: `npm run bench` measures each figure as a ratio against a baseline timed in the same
 * run, prints a table with the target beside each, and exits 1 if a target is missed.
 *
 *   npm run bench                      full sizes, targets enforced
 *   npm run bench -- --smoke           small sizes, targets not enforced (CI: proves the bench runs)
 *   npm run bench -- --only core,refresh   some measurements only
 *   npm run bench -- --json out.json   also write the rows as JSON
 *
 * A measurement whose piece of the add-in is missing (dist/ not built, a module not written yet)
 * prints SKIP with the reason; one that throws prints ERROR and makes the run exit 1 in every mode.
 */
import { writeFileSync } from "node:fs";
import { bundleSize } from "./bench/bundle-size";
import { coreThroughput } from "./bench/core-throughput";
import { memory } from "./bench/memory";
import { paneStart } from "./bench/pane-start";
import { rangeCalls } from "./bench/range-calls";
import { refresh } from "./bench/refresh";
import { exitCode, failed, formatTable, type Options, type Row } from "./bench/report";
import { spreadsheet } from "./bench/spreadsheet";

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
}

function parseArgs(argv: readonly string[]): Args {
  let smoke = false;
  let only: string[] | null = null;
  let json: string | null = null;
  const keys = MEASUREMENTS.map((m) => m.key);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--smoke") smoke = true;
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
        `unknown argument "${arg}"; accepted: --smoke, --only <${keys.join(",")}>, --json <file>`,
      );
    }
  }
  return { smoke, only, json };
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
  const chosen = MEASUREMENTS.filter((m) => args.only === null || args.only.includes(m.key));
  process.stdout.write(
    `bench: ${args.smoke ? "smoke run (small sizes, targets not enforced)" : "full run (targets enforced)"}; ` +
      `node ${process.version}, ${process.platform}/${process.arch}\n`,
  );
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
      `${JSON.stringify({ smoke: args.smoke, node: process.version, rows }, null, 2)}\n`,
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
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
