/**
 * `npm start` on a machine without Excel: it builds, serves the add-in over https on
 * localhost (on a free port here; 3000, the one manifest.xml names, by default), and says how to sideload it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:https";
import { createServer } from "node:net";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const START_TIMEOUT_MS = 150_000;

interface Response {
  status: number;
  type: string;
  cors: string;
  body: string;
}

/** GET over https, accepting the dev server's self-signed certificate (as the user does once). */
function fetchDev(path: string): Promise<Response> {
  return new Promise((done, fail) => {
    const request = get(`https://localhost:${port}${path}`, { rejectUnauthorized: false }, (res) => {
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
  const child = spawn(process.execPath, [join(ROOT, "scripts", "start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
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
  const ids = (JSON.parse(metadata.body) as { functions: { id: string }[] }).functions.map(
    (f) => f.id,
  );
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
