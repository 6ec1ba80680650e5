/**
 * `npm start` on a machine without Excel: it builds, serves the add-in over https on
 * localhost (on a free port here; 3000, the one manifest.xml names, by default), and says how to sideload it.
 * Here it finds a trusted localhost certificate as `npx office-addin-dev-certs install` leaves one
 * (a development CA and a localhost certificate it signed, made with openssl for the test), and
 * serves with it, as Excel on Windows and Mac require.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get, request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const START_TIMEOUT_MS = 150_000;

interface Response {
  status: number;
  type: string;
  cors: string;
  body: string;
}

/** GET over https, trusting only the development CA, as a system with it installed does. */
function fetchDev(path: string): Promise<Response> {
  return new Promise((done, fail) => {
    const request = get(`https://localhost:${port}${path}`, { ca: devCa() }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        done({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? ""),
          cors: String(res.headers["access-control-allow-origin"] ?? ""),
          body,
        }),
      );
    });
    request.on("error", fail);
  });
}

let certs = "";
const devCa = (): Buffer => readFileSync(join(certs, "ca.crt"));

/** A development CA and a localhost certificate it signed, in the files office-addin-dev-certs writes. */
function makeDevCertificates(dir: string): void {
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const newKey = ["-newkey", "rsa:2048", "-nodes", "-days", "2"];
  openssl("req", "-x509", ...newKey, "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=Dev CA");
  openssl("req", ...newKey, "-keyout", "localhost.key", "-out", "l.csr", "-subj", "/CN=localhost");
  writeFileSync(join(dir, "ext"), "subjectAltName=DNS:localhost\n");
  openssl(
    "x509",
    "-req",
    "-in",
    "l.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "localhost.crt",
    "-days",
    "2",
    "-extfile",
    "ext",
  );
}

let server: ChildProcess | null = null;
let output = "";
// A free port, never 3000: the test must pass while a developer's `npm start` is serving.
let port = 0;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "localhost", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  certs = mkdtempSync(join(tmpdir(), "img-dev-certs-"));
  makeDevCertificates(certs);
  const child = spawn(process.execPath, [join(ROOT, "scripts", "start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DEV_CERTS_DIR: certs },
    detached: true, // its own process group, so the test can stop it and its children
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  await new Promise<void>((done, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes("Press Ctrl+C to stop.")) done();
      if (output.includes("The build has errors"))
        fail(new Error(`npm start could not build:\n${output}`));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}, START_TIMEOUT_MS);

afterAll(() => {
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  if (certs !== "") rmSync(certs, { recursive: true, force: true });
});

test("serves with the trusted localhost certificate when one is installed, and says so", async () => {
  // fetchDev trusts only the test's development CA: this request fails with any other certificate.
  expect((await fetchDev("/taskpane.html")).status).toBe(200);
  expect(output).toContain("trusted localhost certificate");
});

test("answers a CORS preflight, including the private-network question of browsers", async () => {
  const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
    (done, fail) => {
      const req = httpsRequest(
        `https://localhost:${port}/functions.json`,
        {
          method: "OPTIONS",
          ca: devCa(),
          headers: {
            Origin: "https://excel.officeapps.live.com",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Private-Network": "true",
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers }));
        },
      );
      req.on("error", fail);
      req.end();
    },
  );
  expect(answer.status).toBe(204);
  expect(answer.headers["access-control-allow-origin"]).toBe("*");
  expect(answer.headers["access-control-allow-private-network"]).toBe("true");
  expect(String(answer.headers["access-control-allow-methods"])).toContain("GET");
});

test("without a trusted certificate, the self-signed default (no install, no sudo)", () => {
  const empty = mkdtempSync(join(tmpdir(), "img-no-certs-"));
  const saved = process.env.DEV_CERTS_DIR;
  try {
    process.env.DEV_CERTS_DIR = empty;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require("../../webpack.config.js") as (
      env: unknown,
      argv: { mode: string },
    ) => { devServer: { server: unknown } };
    expect(makeConfig({}, { mode: "development" }).devServer.server).toBe("https");
    process.env.DEV_CERTS_DIR = certs;
    expect(makeConfig({}, { mode: "development" }).devServer.server).toMatchObject({
      type: "https",
    });
  } finally {
    if (saved === undefined) delete process.env.DEV_CERTS_DIR;
    else process.env.DEV_CERTS_DIR = saved;
    rmSync(empty, { recursive: true, force: true });
  }
});

test("prints where it serves and how to sideload on the web, Windows and Mac", () => {
  expect(output).toContain(`https://localhost:${port}/taskpane.html`);
  expect(output).toContain(`https://localhost:${port}/functions.json`);
  expect(output).toContain("Upload My Add-in");
  expect(output).toContain("npx office-addin-debugging start manifest.xml desktop");
});

test("serves the task pane page with the runtime, functions and pane scripts in that order", async () => {
  const page = await fetchDev("/taskpane.html");
  expect(page.status).toBe(200);
  expect(page.type).toContain("text/html");
  const scripts = [...page.body.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual([
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    "runtime.js",
    "functions.js",
    "taskpane.js",
  ]);
});

test("serves functions.json with every IMG function, open to Excel's origin", async () => {
  const metadata = await fetchDev("/functions.json");
  expect(metadata.status).toBe(200);
  expect(metadata.cors).toBe("*");
  const json = JSON.parse(metadata.body) as {
    allowErrorForDataTypeAny: boolean;
    functions: { id: string }[];
  };
  expect(json.allowErrorForDataTypeAny).toBe(true);
  const ids = json.functions.map((f) => f.id);
  expect(ids).toEqual(
    expect.arrayContaining(["COST", "PRICE", "TOKENCOST", "AFFORD", "CHEAPEST", "BOOK"]),
  );
});

test("serves the price feed, the icons and the help page the manifest points at", async () => {
  const feed = await fetchDev("/prices/gpt-image-2.json");
  expect(feed.status).toBe(200);
  expect((JSON.parse(feed.body) as { currency: string }).currency).toBe("USD");
  expect((await fetchDev("/assets/icon-80.png")).status).toBe(200);
  expect((await fetchDev("/help.html")).body).toMatch(/id="?imgcost"?/);
  expect((await fetchDev("/no-such-file.js")).status).toBe(404);
});
