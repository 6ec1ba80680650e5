import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchFeedText } from "../../src/taskpane/refresh/fetchFeed";
import { checkFeedUrl } from "../../src/taskpane/refresh/feedUrl";

// Small limits keep the hostile cases quick; the pane uses 10 s and 2 MB.
const LIMITS = { timeoutMs: 400, maxBytes: 64 * 1024 };

let server: Server;
let base: string;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    switch (req.url) {
      case "/good":
        res.setHeader("content-type", "application/json");
        res.end('{"bookVersion":"x"}');
        return;
      case "/missing":
        res.statusCode = 404;
        res.end("not here");
        return;
      case "/declared-huge":
        // Says 10 MB up front: refused before reading.
        res.setHeader("content-length", String(10 * 1024 * 1024));
        res.write("x".repeat(1024));
        return;
      case "/chunked-huge":
        // No Content-Length: the cap must be enforced while reading.
        for (let i = 0; i < 20; i++) res.write("y".repeat(16 * 1024));
        res.end();
        return;
      case "/endless": {
        // A chunked stream that never ends, fast: the size cap stops it.
        const tick = setInterval(() => res.write("z".repeat(8 * 1024)), 1);
        res.on("close", () => clearInterval(tick));
        return;
      }
      case "/trickle": {
        // A chunked stream that never ends, slow and small: the timeout stops it.
        res.write("[");
        const tick = setInterval(() => res.write(" "), 50);
        res.on("close", () => clearInterval(tick));
        return;
      }
      case "/silent":
        // Never answers at all.
        return;
      case "/latin1":
        res.end(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
        return;
      default:
        res.statusCode = 500;
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("fetchFeedText", () => {
  it("returns the body of a good feed", async () => {
    await expect(fetchFeedText(`${base}/good`, LIMITS)).resolves.toEqual({
      ok: true,
      text: '{"bookVersion":"x"}',
    });
  });

  it("reports an HTTP error status", async () => {
    const out = await fetchFeedText(`${base}/missing`, LIMITS);
    expect(out).toEqual({ ok: false, message: expect.stringContaining("HTTP 404") });
  });

  it("refuses a body declared larger than the cap", async () => {
    const out = await fetchFeedText(`${base}/declared-huge`, LIMITS);
    expect(out).toEqual({ ok: false, message: expect.stringContaining("larger than 64 KB") });
  });

  it("stops reading a chunked body once it passes the cap", async () => {
    const out = await fetchFeedText(`${base}/chunked-huge`, LIMITS);
    expect(out).toEqual({ ok: false, message: expect.stringContaining("larger than 64 KB") });
  });

  it("stops an endless fast stream at the cap", async () => {
    const out = await fetchFeedText(`${base}/endless`, { ...LIMITS, timeoutMs: 5000 });
    expect(out).toEqual({ ok: false, message: expect.stringContaining("larger than") });
  });

  it("times out an endless slow stream", async () => {
    const out = await fetchFeedText(`${base}/trickle`, LIMITS);
    expect(out).toEqual({
      ok: false,
      message: expect.stringContaining("did not answer within 0.4 s"),
    });
  });

  it("times out a server that never answers", async () => {
    const out = await fetchFeedText(`${base}/silent`, LIMITS);
    expect(out).toEqual({
      ok: false,
      message: expect.stringContaining("did not answer within 0.4 s"),
    });
  });

  it("refuses a body that is not UTF-8", async () => {
    const out = await fetchFeedText(`${base}/latin1`, LIMITS);
    expect(out).toEqual({ ok: false, message: expect.stringContaining("not UTF-8") });
  });

  it("reports an unreachable host without throwing", async () => {
    // A port the system just handed out and that was closed again: nothing listens there. (A fixed
    // port such as 9 could be taken on some machine.)
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const out = await fetchFeedText(`http://127.0.0.1:${port}/feed.json`, LIMITS);
    expect(out).toEqual({
      ok: false,
      message: expect.stringMatching(
        new RegExp(
          `^Could not reach 127\\.0\\.0\\.1:${port} \\(.+\\)\\. Check the address and your connection\\.$`,
        ),
      ),
    });
  });

  it("tells a CORS refusal from an unreachable server: the no-cors request gets an answer", async () => {
    // A browser rejects a cross-origin read it is not allowed with the same TypeError as a dead
    // server; the opaque "no-cors" request succeeds only when the server did answer.
    const modes: (string | undefined)[] = [];
    const out = await fetchFeedText(
      "https://prices.example.com/feed.json",
      LIMITS,
      (_url, init) => {
        modes.push(init.mode);
        return init.mode === "no-cors"
          ? Promise.resolve(new Response(null, { status: 200 }))
          : Promise.reject(new TypeError("Failed to fetch"));
      },
    );
    expect(modes).toEqual([undefined, "no-cors"]);
    expect(out).toEqual({
      ok: false,
      message:
        "prices.example.com answered, but the server does not allow add-ins to read it (no CORS permission). Ask its owner to allow it, or publish the feed where add-ins may read it.",
    });
  });
});

describe("checkFeedUrl", () => {
  it.each([
    "https://example.com/p.json",
    "http://localhost:8080/p.json",
    "http://127.0.0.1/p.json",
  ])("accepts %s", (url) => {
    expect(checkFeedUrl(url)).toMatchObject({ ok: true });
  });

  it.each([
    ["http://example.com/p.json", "only accepted for localhost"],
    ["ftp://example.com/p.json", "Only https"],
    ["file:///etc/passwd", "Only https"],
    ["javascript:alert(1)", "Only https"],
    ["data:application/json,{}", "Only https"],
    ["https://user:pw@example.com/p.json", "user name or password"],
    ["not a url", "is not a web address"],
    ["   ", "Enter a feed address"],
    ["http://localhost.evil.com/p.json", "only accepted for localhost"],
    ["http://[::1]:3000/p.json", "use http://localhost or http://127.0.0.1"],
  ])("refuses %s", (url, why) => {
    const out = checkFeedUrl(url);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain(why);
  });

  it("resolves the add-in's own feed against the pane's address", () => {
    const out = checkFeedUrl("prices/gpt-image-2.json", "https://localhost:3000/taskpane.html");
    expect(out.ok && out.url.href).toBe("https://localhost:3000/prices/gpt-image-2.json");
  });
});
