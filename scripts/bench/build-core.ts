/**
 * Bundles src/core/index.ts with webpack in production mode (modules concatenated into one scope, as
 * in dist/) into the folder given as the first argument, as core.js (CommonJS). Run by shipped-core.ts
 * in a child process, so webpack and the TypeScript compiler never sit on the heap being measured.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import webpack from "webpack";
import { fromRoot, repoRoot } from "./paths";

const outDir = process.argv[2];
if (outDir === undefined) {
  process.stderr.write("build-core: give the output folder as the first argument\n");
  process.exit(2);
}

// The pane, where refreshes run, sets zod to jitless before any schema is built (its Content-Security-
// Policy forbids eval; see src/taskpane/noEval.ts). The entry does the same, so the bench validates
// books the way the pane does, not with the faster generated code Node would allow.
const entry = path.join(outDir, "entry.js");
writeFileSync(
  entry,
  `import { config } from "zod";\nconfig({ jitless: true });\nexport * from ${JSON.stringify(fromRoot("src", "core", "index.ts").replace(/\.ts$/, ""))};\n`,
);

const config: webpack.Configuration = {
  mode: "production",
  target: "node",
  context: repoRoot,
  entry,
  output: { path: outDir, filename: "core.js", library: { type: "commonjs2" } },
  resolve: { extensions: [".ts", ".js"], modules: [fromRoot("node_modules"), "node_modules"] },
  module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true } }] },
  // Kept readable for profiles; minifying does not change what V8 optimises.
  optimization: { minimize: false },
  devtool: false,
};

webpack(config, (error, stats) => {
  if (error || stats === undefined || stats.hasErrors()) {
    process.stderr.write(
      `bundling src/core failed: ${error?.message ?? stats?.toString({ all: false, errors: true })}\n`,
    );
    process.exit(1);
  }
});
