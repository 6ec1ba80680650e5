/**
 * Memory: heap retained by one loaded price book (its data and its compiled lookups), measured in a
 * child Node process with --expose-gc from heapUsed before and after holding N copies, divided by N.
 * The baseline of the ratio is the target itself.
 */
import { spawnSync } from "node:child_process";
import { fromRoot, repoRoot } from "./paths";
import { loadCore } from "./core-subjects";
import { shippedCoreFile } from "./shipped-core";
import { measured, skipped, type Options, type Row, type Target } from "./report";

const NAME = "Memory";
const METRIC = "heap per loaded price book";
const TARGET: Target = { op: "<", limit: 1 };
const MB = 1024 * 1024;

interface ChildReport {
  skipped?: string;
  copies: number;
  textBytes: number;
  perBook: number;
  perCompile: number;
}

export async function memory(options: Options): Promise<Row[]> {
  const core = await loadCore();
  if (!core.ok) return [skipped(NAME, METRIC, "MB", TARGET, core.why)];
  const copies = options.smoke ? 10 : 200;
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      fromRoot("scripts", "bench", "memory-child.ts"),
      String(copies),
    ],
    {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, BENCH_CORE_BUNDLE: shippedCoreFile() },
    },
  );
  if (child.status !== 0) {
    throw new Error(
      `memory-child exited with ${child.status ?? child.signal}: ${(child.stderr || "").slice(0, 600)}`,
    );
  }
  const report = JSON.parse(child.stdout) as ChildReport;
  if (report.skipped !== undefined) return [skipped(NAME, METRIC, "MB", TARGET, report.skipped)];
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    measured(
      NAME,
      METRIC,
      report.perBook / MB,
      "MB",
      TARGET,
      `${kb(report.perBook)} per book (data + compiled lookups), of which ${kb(report.perCompile)} compiled lookups ` +
        `alone; bundled book is ${kb(report.textBytes)} of minified JSON; ${report.copies} copies held, ` +
        `node --expose-gc, heapUsed after/before; ${core.via}`,
    ),
  ];
}
