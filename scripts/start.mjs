// `npm start`: builds the add-in and serves it on https://localhost:3000, then says how to sideload
// it. The certificate is the trusted one of office-addin-dev-certs when installed, otherwise
// webpack-dev-server's own self-signed one (no certificate install, no sudo).
// Works on a machine without Excel: the server is what Excel on the web, Windows or Mac connects to.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config.js");

const config = makeConfig({}, { mode: "development" });
// PORT serves on another port (tests use a free one, so they pass while `npm start` is running).
// The manifest names port 3000, so Excel only finds the add-in there.
if (process.env.PORT) config.devServer.port = Number(process.env.PORT);
const { port, host } = config.devServer;
const origin = `https://${host}:${port}`;

// webpack.config.js picks the trusted certificate of office-addin-dev-certs when it is installed.
const trusted = typeof config.devServer.server === "object";
const certificateNote = trusted
  ? `The certificate is the trusted localhost certificate of office-addin-dev-certs
(~/.office-addin-dev-certs): Excel on the web, Windows and Mac accept it.`
  : `The certificate is self-signed. For Excel on the web, open ${origin}/taskpane.html in your browser
once and accept it. Excel on Windows and Mac need a trusted certificate: run
  npx office-addin-dev-certs install
once (it asks for your administrator password), then npm start again (see docs/platforms.md).`;

const compiler = webpack(config);
const server = new WebpackDevServer(config.devServer, compiler);

let announced = false;
compiler.hooks.done.tap("start", (stats) => {
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, colors: true }));
    console.error("\nThe build has errors (above); fix them and save, the server rebuilds.");
    return;
  }
  if (announced) {
    console.log(`Rebuilt at ${new Date().toLocaleTimeString()}. Reload the add-in to use it.`);
    return;
  }
  announced = true;
  console.log(`
GPT Image 2 cost planner is served on ${origin}
  task pane        ${origin}/taskpane.html
  functions        ${origin}/functions.json  (${origin}/functions.js)
  price feed       ${origin}/prices/gpt-image-2.json
  manifest         ${join(root, "manifest.xml")}

${certificateNote}

Sideload it:
  Excel on the web  Open a workbook, then Insert > Add-ins > Upload My Add-in (under "More Add-ins"
                    or "Manage My Add-ins"), and choose manifest.xml.
  Excel on Windows  npx office-addin-debugging start manifest.xml desktop
  or Mac            (not a project dependency: it needs native keytar and cannot sideload on Linux;
                    details and the manual way in docs/platforms.md)

Then type =IMG.COST("openai","high","1024x1024",1000,1.2) in a cell, or open the pane from Home > Image costs.
Press Ctrl+C to stop.`);
});

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

try {
  await server.start();
} catch (error) {
  if (error && error.code === "EADDRINUSE") {
    console.error(
      `Port ${port} is already in use. Stop whatever serves ${origin} (an earlier npm start?) and retry.`,
    );
  } else {
    console.error(error);
  }
  process.exit(1);
}
