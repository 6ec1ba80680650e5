/**
 * The pricing core as it ships: src/core/index.ts bundled by webpack in production mode (modules
 * concatenated into one scope, as in dist/), loaded in Node.
 *
 * Why not import src/core directly: the TypeScript runner turns every import between the core's
 * modules into a getter call, which profiling showed to be about a third of an IMG.COST call
 * (`get core/identifiers.ts`, `get core/book.ts`, ... at the top of the profile). Excel never runs
 * that code, so the bench times the bundle Excel does run.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import webpack from "webpack";
import { fromRoot, repoRoot, temporaryDir } from "./paths";

let built: Promise<string> | null = null;

function build(outDir: string): Promise<string> {
  const config: webpack.Configuration = {
    mode: "production",
    target: "node",
    context: repoRoot,
    entry: fromRoot("src", "core", "index.ts"),
    output: { path: outDir, filename: "core.js", library: { type: "commonjs2" } },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true } }],
    },
    // Kept readable for profiles; minifying does not change what V8 optimises.
    optimization: { minimize: false },
    devtool: false,
  };
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats === undefined || stats.hasErrors()) {
        return reject(
          new Error(
            `bundling src/core failed: ${stats?.toString({ all: false, errors: true }) ?? "no stats"}`,
          ),
        );
      }
      resolve(path.join(outDir, "core.js"));
    });
  });
}

/** Path of the bundled core, built once per process (BENCH_CORE_BUNDLE reuses a parent's build). */
export function shippedCoreFile(): Promise<string> {
  const given = process.env.BENCH_CORE_BUNDLE;
  if (given !== undefined && existsSync(given)) return Promise.resolve(given);
  built ??= build(temporaryDir("bench-core-"));
  return built;
}

export async function loadShippedCore<T>(): Promise<T> {
  const file = await shippedCoreFile();
  return createRequire(__filename)(file) as T;
}
