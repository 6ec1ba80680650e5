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

// ---- development and production identities ----------------------------------------------------

/**
 * manifest.xml in the repository is the development add-in (https://localhost:3000). A build for
 * ADDIN_HOST gives dist/manifest.xml the production identity: another <Id> and the plain name, so
 * Office treats them as two add-ins and both can be installed side by side.
 */
const DEVELOPMENT_ID = "e2b0cae4-e0e5-4c42-be8d-9f9c24e591db";
const PRODUCTION_ID = "f9b563b5-308e-4512-9549-23fab3bfcd15";
const DEVELOPMENT_SUFFIX = " (localhost)";

function productionIdentity(text) {
  const id = `<Id>${DEVELOPMENT_ID}</Id>`;
  const name = /(<DisplayName DefaultValue="[^"]*?) \(localhost\)(" \/>)/;
  if (!text.includes(id) || !name.test(text)) {
    throw new Error(
      `manifest.xml must keep the development <Id> ${DEVELOPMENT_ID} and a DisplayName ending in ` +
        `"${DEVELOPMENT_SUFFIX}"; the production build replaces them.`,
    );
  }
  return text.split(id).join(`<Id>${PRODUCTION_ID}</Id>`).replace(name, "$1$2");
}

/** dist/manifest.xml: addresses on `base`, and the production identity when it is not localhost. */
function manifestFor(text, base) {
  const rewritten = rewriteOrigin(text, base);
  return base === DEV_ORIGIN ? rewritten : productionIdentity(rewritten);
}

// ---- the development server -------------------------------------------------------------------

/**
 * Headers Excel needs to read functions.json, functions.js and the price feed from this server.
 * Excel on the web fetches functions.json from its own origin (*.officeapps.live.com), so without
 * Access-Control-Allow-Origin the functions never register (OfficeDev/Excel-Custom-Functions #212,
 * office-js #3970). Chromium-based browsers and WebView2 also ask a public page for permission
 * before it reads localhost (Private Network Access): the preflight is answered below.
 */
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "*",
  "Access-Control-Allow-Private-Network": "true",
};

/**
 * The https server: the trusted localhost certificate that `npx office-addin-dev-certs install`
 * puts in ~/.office-addin-dev-certs when it exists (Excel on Windows and Mac accept only a
 * certificate the system trusts), otherwise webpack-dev-server's own self-signed one (no install,
 * no sudo; accepted once in the browser for Excel on the web). DEV_CERTS_DIR points elsewhere.
 */
function devServerHttps() {
  const dir =
    process.env.DEV_CERTS_DIR || path.join(require("os").homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const ca = path.join(dir, "ca.crt");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return "https";
  const options = { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
  return { type: "https", options };
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

/**
 * Lets Excel pass error cells to the functions, so an error in an input range stays in its own row
 * (=IMG.COST(A2:A100, ..., B2:B100) with B7 #N/A: #N/A in row 7 only) instead of Excel not calling
 * the function and showing the error for the whole result. Without the flag, "an error value in an
 * argument stops Excel from calling the function"; with it, every parameter of type `any` or
 * `any[][]` receives errors as CustomFunctions.Error values. It is a top-level property of
 * functions.json (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany),
 * and the JSDoc metadata generator cannot emit it ("can only be used with manually created JSON
 * metadata": learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), so it is added
 * here. The build fails if a range parameter is not of type `any`, since the flag would not reach it.
 */
class AllowErrorInputs {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowErrorInputs", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorInputs", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (asset === undefined) {
            compilation.errors.push(new Error("functions.json was not generated"));
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          for (const f of metadata.functions) {
            for (const p of f.parameters) {
              if (p.dimensionality === "matrix" && (p.type ?? "any") !== "any") {
                compilation.errors.push(
                  new Error(
                    `IMG.${f.id} parameter ${p.name} takes a range of type ${p.type}: declare it any[][] ` +
                      "so error cells reach the function row by row.",
                  ),
                );
              }
            }
          }
          const withFlag = { allowErrorForDataTypeAny: true, ...metadata };
          compilation.updateAsset(
            "functions.json",
            new webpack.sources.RawSource(JSON.stringify(withFlag, null, 2)),
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
      // The pane's page always loads functions.js first (shared runtime): the pane's entry takes the
      // core, the bundled book and the active-book module from it instead of carrying a second copy
      // that the page would download and parse for nothing.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
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
      splitChunks: {
        // zod stays inside the validation chunk instead of a numbered vendor chunk beside it: the
        // pane fetches one file, not two one after the other, when it first validates a book.
        cacheGroups: { defaultVendors: false },
      },
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new AllowErrorInputs(),
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
            transform: (content) => manifestFor(content.toString(), origin),
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
          // The self-checking workbook, so the help page can offer it for download.
          { from: "docs/verify-in-excel.xlsx", to: "docs/[name][ext]", noErrorOnMissing: true },
          ...(fs.existsSync(taskpaneCss) ? [{ from: taskpaneCss, to: "taskpane.css" }] : []),
        ],
      }),
    ],
    devServer: {
      // A trusted localhost certificate when one is installed, else webpack-dev-server's own.
      server: devServerHttps(),
      port: DEV_PORT,
      host: "localhost",
      headers: CORS_HEADERS,
      // A CORS preflight (OPTIONS) gets 204 with the headers above instead of a 404.
      setupMiddlewares: (middlewares) => [
        {
          name: "cors-preflight",
          middleware: (req, res, next) => {
            if (req.method !== "OPTIONS") return next();
            for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
            res.statusCode = 204;
            res.end();
          },
        },
        ...middlewares,
      ],
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
