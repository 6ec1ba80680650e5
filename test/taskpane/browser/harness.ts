/**
 * Runs the built pane in headless Chromium with no network: dist/ and the test feeds come from a
 * local server on 127.0.0.1, office.js from @microsoft/office-js's dist (the CDN address is
 * intercepted), everything else is refused.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, normalize, resolve } from "node:path";
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { CHROMIUM_ARGS, requireChromium } from "../../support/chromium";
import { DIST, ensureBuilt } from "../../support/functions-harness";

const ROOT = resolve(__dirname, "..", "..", "..");
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");
export const PANE_WIDTH = 350;
/** The buttons that write to the workbook: enabled inside Excel, disabled in a plain browser. */
export const EXCEL_ONLY_BUTTONS = [
  "#insert-formula",
  "#insert-table",
  "#insert-sheet",
  "#write-sheet",
  "#read-sheet",
];

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  png: "image/png",
};

export type FeedHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Harness {
  origin: string;
  /** The same server under another origin (http://localhost:port): a cross-origin feed for CORS tests. */
  otherOrigin: string;
  context: BrowserContext;
  /** Page errors, console errors and CSP violations seen so far. */
  problems: string[];
  feeds: Map<string, FeedHandler>;
  /** Opens the pane; `locale` stands for the user's language (navigator.language). */
  open(options?: { locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Before any page script: a CustomFunctions stand-in that keeps what the functions bundle
 * associates (office.js fills in the rest of the object), so a test can call IMG.COST the way a
 * cell would, in the same page as the pane.
 */
const CAPTURE_FUNCTIONS = `(() => {
  const registered = {};
  window.__registered = registered;
  const target = {};
  let officeAssociate;
  Object.defineProperty(target, "associate", {
    configurable: true,
    get() {
      return (id, fn) => {
        if (typeof id === "string") registered[id.toUpperCase()] = fn;
        else for (const [k, v] of Object.entries(id)) registered[k.toUpperCase()] = v;
        if (typeof officeAssociate === "function") {
          try { officeAssociate(id, fn); } catch (e) { /* outside Excel office.js may refuse */ }
        }
      };
    },
    set(v) { officeAssociate = v; },
  });
  window.CustomFunctions = target;
  document.addEventListener("securitypolicyviolation", (e) => {
    console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI + " at " + e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber);
  });
})();`;

/**
 * Outside an Office host, office.js itself sometimes tries to frame Microsoft's telemetry page and
 * set an inline style; the pane's policy blocks both, harmlessly. Those reports come from office.js
 * (its own script, or the telemetry frame it adds), not from the pane, and are left out.
 */
function fromOfficeJs(m: ConsoleMessage): boolean {
  const text = m.text();
  const where = m.location().url;
  return (
    /telemetryservice\.firstpartyapps\.oaspapps\.com/.test(text) ||
    (/Content Security Policy|CSP violation/.test(text) &&
      (where.startsWith(CDN) || text.includes(CDN)))
  );
}

/**
 * `officeStub`: script served in place of office.js, for tests of the pane inside an Excel host
 * (a stand-in Office and Excel); omitted, the real office.js loads and finds no host.
 */
export async function startHarness(officeStub?: string): Promise<Harness> {
  // First, so a machine without Chromium hears what to install rather than a launch error.
  const executablePath = requireChromium();
  await ensureBuilt();
  const feeds = new Map<string, FeedHandler>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const feed = feeds.get(url.pathname);
    if (feed !== undefined) {
      res.setHeader("cache-control", "no-store");
      feed(req, res);
      return;
    }
    const file = normalize(join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !existsSync(file) || url.pathname.endsWith("/")) {
      res.writeHead(404).end("not found");
      return;
    }
    const ext = file.slice(file.lastIndexOf(".") + 1);
    res
      .writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const otherOrigin = `http://localhost:${port}`;

  const profile = mkdtempSync(join(tmpdir(), "pane-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: PANE_WIDTH, height: 900 },
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN) && officeStub !== undefined) {
      await route.fulfill({
        status: 200,
        contentType: "text/javascript; charset=utf-8",
        body: officeStub,
      });
      return;
    }
    if (url.startsWith(CDN)) {
      const name = url.slice(CDN.length).split("?")[0] ?? "";
      const file = normalize(join(OFFICE_DIST, name));
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) {
        await route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: readFileSync(file),
        });
      } else {
        await route.fulfill({ status: 404, body: "" });
      }
      return;
    }
    if (url.startsWith(origin) || url.startsWith(otherOrigin)) {
      await route.continue();
      return;
    }
    await route.abort("internetdisconnected");
  });
  await context.addInitScript({ content: CAPTURE_FUNCTIONS });
  const problems: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    origin,
    otherOrigin,
    context,
    problems,
    feeds,
    async open(options = {}) {
      const page = await context.newPage();
      if (options.locale !== undefined) {
        await page.addInitScript((locale: string) => {
          Object.defineProperty(navigator, "language", { get: () => locale });
        }, options.locale);
      }
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && !/Failed to load resource/.test(m.text()) && !fromOfficeJs(m))
          problems.push(`console: ${m.text()}`);
      });
      // Each test starts from a pane that remembers nothing (the tab and inputs it saves).
      await page.goto(`${origin}/blank`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${origin}/taskpane.html`);
      await page.waitForSelector("body[data-ready]", { timeout: 20_000 });
      return page;
    },
    async close() {
      await context.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Shows a tab, as a click on it does. */
export async function tab(page: Page, name: string): Promise<void> {
  await page.click(`#tab-${name}`);
}

/** Opens the Prices tab's "Where from, reset, prices as a sheet" section. */
export async function refreshOptions(page: Page): Promise<void> {
  await tab(page, "prices");
  await page.evaluate(() => {
    const details = document.querySelector<HTMLDetailsElement>("#refresh-options");
    if (details !== null) details.open = true;
  });
}
