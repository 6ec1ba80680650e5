/**
 * Builds the add-in into dist/:
 *   taskpane.html   the shared-runtime page: runtime.js, functions.js and taskpane.js in that order
 *   functions.json  generated from the JSDoc in src/functions/functions.ts
 *   prices/*.json   the price book feed the task pane refreshes from
 *   assets/*.png    icons; manifest.xml
 *   help.html       the README as a page, for the functions' help links; docs/*.html beside it
 *
 * Production builds point every https://localhost:3000 address (manifest, help links) at ADDIN_HOST:
 *   ADDIN_HOST=https://prices.example.com npm run build
 */
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;

/**
 * Where production dist/ is served, from ADDIN_HOST: an https address, optionally with a path
 * (https://example.github.io/img-planner), without query or trailing slash.
 */
function productionBase() {
  const raw = (process.env.ADDIN_HOST || "").trim();
  if (raw === "") {
    console.warn(
      `ADDIN_HOST is not set: dist/manifest.xml keeps ${DEV_ORIGIN}. ` +
        "Set it to where you host dist/, e.g. ADDIN_HOST=https://prices.example.com npm run build",
    );
    return DEV_ORIGIN;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `ADDIN_HOST "${raw}" is not a web address. Use an https address such as https://prices.example.com`,
    );
  }
  if (url.protocol !== "https:") {
    throw new Error(
      `ADDIN_HOST must use https (Office loads add-ins over https only); got "${raw}"`,
    );
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error(
      `ADDIN_HOST takes no query, fragment or user name, such as https://prices.example.com; got "${raw}"`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** Points development addresses at `base`; an AppDomain gets the origin alone, as Office expects. */
function rewriteOrigin(text, base) {
  if (base === DEV_ORIGIN) return text;
  const origin = new URL(base).origin;
  return text
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(base);
}

// ---- help pages: README.md -> help.html, docs/*.md -> docs/*.html (scripts/help-page.mjs) ------

/** Renders Markdown with marked (an ES module, hence the dynamic import from this CommonJS file). */
async function helpPage(content) {
  const { markdownToHtml } = await import("./scripts/help-page.mjs");
  return markdownToHtml(content.toString());
}

// ---- the build --------------------------------------------------------------------------------

/** Rewrites the help links inside the generated functions.json for production. */
class RewriteFunctionsJsonOrigin {
  constructor(origin) {
    this.origin = origin;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteFunctionsJsonOrigin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "RewriteFunctionsJsonOrigin",
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS,
        },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (asset === undefined || this.origin === DEV_ORIGIN) return;
          const text = asset.source.source().toString();
          compilation.updateAsset(
            "functions.json",
            new webpack.sources.RawSource(rewriteOrigin(text, this.origin)),
          );
        },
      );
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  const origin = production ? productionBase() : DEV_ORIGIN;
  const taskpaneCss = path.resolve(__dirname, "src/taskpane/taskpane.css");

  return {
    mode: production ? "production" : "development",
    // No source maps in production: they would double what Excel downloads.
    devtool: production ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // globalThis rather than self: the same bundle then also loads in Node for tests and the bench.
      globalObject: "globalThis",
      // Chunks the pane loads on demand sit beside taskpane.html. A relative public path keeps the
      // runtime free of webpack's "auto" detection, which throws where there is no document (Node).
      publicPath: "",
      clean: true,
      // Rewrite every file on each build, so file times say when dist/ was built (tests check them).
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      // transpileOnly skips type checking, so an import of a name a module no longer exports would
      // otherwise only warn and ship as undefined; fail the build instead.
      parser: { javascript: { exportsPresence: "error" } },
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { sourceMap: !production } },
          },
        },
      ],
    },
    optimization: {
      // One runtime for all entries: modules imported by both the functions and the pane (the
      // active price book) are then instantiated once, as the shared runtime needs.
      runtimeChunk: "single",
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new RewriteFunctionsJsonOrigin(origin),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "data/prices/*.json", to: "prices/[name][ext]", noErrorOnMissing: true },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteOrigin(content.toString(), origin),
          },
          // Not host-rewritten: their localhost addresses describe `npm start`.
          { from: "README.md", to: "help.html", transform: helpPage },
          { from: "CHANGELOG.md", to: "CHANGELOG.html", transform: helpPage },
          {
            from: "docs/*.md",
            to: "docs/[name].html",
            transform: helpPage,
            noErrorOnMissing: true,
          },
          { from: "docs/images/*", to: "docs/images/[name][ext]", noErrorOnMissing: true },
          ...(fs.existsSync(taskpaneCss) ? [{ from: taskpaneCss, to: "taskpane.css" }] : []),
        ],
      }),
    ],
    devServer: {
      // webpack-dev-server's own self-signed certificate: works without installing a CA (no sudo).
      server: "https",
      port: DEV_PORT,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      // Serves the build's output (what a build writes to dist/) from memory: a development build
      // must not overwrite a production dist/ that tests and the bench use, nor stale files leak in.
      static: false,
      devMiddleware: { stats: "errors-warnings" },
      // No injected reload client: it would touch window in functions.js. Reload the add-in after a change.
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
