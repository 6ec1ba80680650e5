/**
 * The pricing core as it ships: src/core/index.ts bundled by webpack in production mode (see
 * build-core.ts), loaded in Node.
 *
 * Why not import src/core directly: the TypeScript runner turns every import between the core's
 * modules into a getter call, which profiling showed to be about a third of an IMG.COST call
 * (`get core/identifiers.ts`, `get core/book.ts`, ... at the top of the profile). Excel never runs
 * that code, so the bench times the bundle Excel does run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fromRoot, repoRoot, temporaryDir } from "./paths";

let built: string | null = null;

/** Path of the bundled core, built once per run (BENCH_CORE_BUNDLE reuses a parent process's build). */
export function shippedCoreFile(): string {
  const given = process.env.BENCH_CORE_BUNDLE;
  if (given !== undefined && existsSync(given)) return given;
  if (built !== null) return built;
  const outDir = temporaryDir("bench-core-");
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", fromRoot("scripts", "bench", "build-core.ts"), outDir],
    {
      cwd: repoRoot,
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`bundling src/core failed: ${run.stderr || run.stdout}`);
  built = path.join(outDir, "core.js");
  return built;
}

export function loadShippedCore<T>(): T {
  return createRequire(__filename)(shippedCoreFile()) as T;
}
