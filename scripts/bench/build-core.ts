/**
 * Bundles src/core/index.ts with webpack in production mode (modules concatenated into one scope, as
 * in dist/) into the folder given as the first argument, as core.js (CommonJS). Run by shipped-core.ts
 * in a child process, so webpack and the TypeScript compiler never sit on the heap being measured.
 */
import webpack from "webpack";
import { fromRoot, repoRoot } from "./paths";

const outDir = process.argv[2];
if (outDir === undefined) {
  process.stderr.write("build-core: give the output folder as the first argument\n");
  process.exit(2);
}

const config: webpack.Configuration = {
  mode: "production",
  target: "node",
  context: repoRoot,
  entry: fromRoot("src", "core", "index.ts"),
  output: { path: outDir, filename: "core.js", library: { type: "commonjs2" } },
  resolve: { extensions: [".ts", ".js"] },
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
