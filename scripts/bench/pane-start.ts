/**
 * Pane start: headless Chromium, from navigation to the pane being usable, against a blank page that
 * loads only office.js and waits for Office.onReady. Each load gets a fresh browser profile (cold
 * cache), pane and blank alternate, and the figure is the ratio of the medians.
 *
 * "Usable" = the quick estimate's total (<output id="est-total">, a dash until computed) shows a
 * number (ESTIMATE_SELECTOR below): the pane has loaded the price book, filled the form and priced it,
 * which is the first thing a person reads. The instant is taken in the page itself (performance.now(), whose origin is the
 * navigation start) by a MutationObserver installed before any page script runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/support/chromium";
import { distDir, fromRoot } from "./paths";
import { measured, median, skipped, type Options, type Row, type Target } from "./report";
import { ms } from "./timing";

const NAME = "Pane start";
const TARGET: Target = { op: "<=", limit: 2 };
const METRIC = "pane usable vs blank office.js page";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = fromRoot("node_modules", "@microsoft", "office-js", "dist");
const LOAD_TIMEOUT_MS = 20_000;

/** CSS selector of the pane's estimate output; usable once its text holds a digit. */
export const ESTIMATE_SELECTOR = "#est-total";

const BLANK_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>blank</title>
<script src="${CDN}office.js"></script></head>
<body><script>Office.onReady(function () { window.__usableAt = performance.now(); });</script></body></html>`;

/**
 * Runs in the page before its own scripts: records when the estimate first shows a number. A string,
 * not a function, because the TypeScript runner wraps named inner functions in a naming call
 * (__name) that does not exist inside the browser.
 */
function watchPane(selector: string): string {
  return `(() => {
  const check = () => {
    if (window.__usableAt !== undefined) return;
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el !== null && /\\d/.test(el.textContent || "")) window.__usableAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

function serve(dist: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/__blank.html") {
      res.writeHead(200, { "content-type": TYPES[".html"] as string }).end(BLANK_PAGE);
      return;
    }
    const file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

interface Load {
  readonly usableMs: number | null;
  readonly hasEstimate: boolean;
  readonly bodyText: string;
}

async function loadOnce(url: string, isPane: boolean): Promise<Load> {
  const profile = mkdtempSync(path.join(tmpdir(), "bench-pane-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    await context.route(`${CDN}**`, async (route) => {
      const file = path.join(
        OFFICE_DIST,
        new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length),
      );
      if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({
        status: 200,
        contentType: TYPES[".js"] as string,
        body: readFileSync(file),
      });
    });
    // No network on these machines: anything else off-host fails fast instead of timing out.
    await context.route(
      (u) => u.hostname !== "127.0.0.1" && !u.href.startsWith(CDN),
      (route) => route.abort(),
    );
    const page = await context.newPage();
    if (isPane) await page.addInitScript(watchPane(ESTIMATE_SELECTOR));
    await page.goto(url, { waitUntil: "commit" });
    let usableMs: number | null = null;
    try {
      // Stop early on a page that has no estimate output two seconds after its load event: it never will.
      await page.waitForFunction(
        (selector) => {
          const w = window as unknown as { __usableAt?: number };
          if (w.__usableAt !== undefined) return true;
          const nav = performance.getEntriesByType("navigation")[0] as
            PerformanceNavigationTiming | undefined;
          const loadedAt = nav !== undefined && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
          return (
            loadedAt !== null &&
            performance.now() > loadedAt + 2000 &&
            document.querySelector(selector) === null
          );
        },
        isPane ? ESTIMATE_SELECTOR : "body",
        { timeout: LOAD_TIMEOUT_MS, polling: 50 },
      );
      usableMs = await page.evaluate(
        () => (window as unknown as { __usableAt?: number }).__usableAt ?? null,
      );
    } catch {
      usableMs = null;
    }
    const hasEstimate = await page.evaluate(
      (s) => document.querySelector(s) !== null,
      ESTIMATE_SELECTOR,
    );
    const bodyText = (await page.evaluate(() => document.body?.innerText ?? "")).slice(0, 120);
    return { usableMs, hasEstimate, bodyText };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `dist` is the built add-in folder; tests point it at a small fixture page. */
export async function paneStart(options: Options, dist = distDir()): Promise<Row[]> {
  if (!existsSync(path.join(dist, "taskpane.html"))) {
    return [
      skipped(
        NAME,
        METRIC,
        "x",
        TARGET,
        "dist/taskpane.html not built (run `npm run build` first)",
      ),
    ];
  }
  if (!existsSync(CHROMIUM_PATH))
    return [skipped(NAME, METRIC, "x", TARGET, `${CHROMIUM_PATH} not installed`)];
  if (!existsSync(path.join(OFFICE_DIST, "office.js"))) {
    return [skipped(NAME, METRIC, "x", TARGET, "@microsoft/office-js is not installed")];
  }

  const server = await serve(dist);
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const runs = options.smoke ? 1 : 11;
    const pane: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      // Round 0 warms the OS file cache and Chromium's binary; it is not counted.
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const isPane of order) {
        const load = await loadOnce(
          isPane ? `${base}/taskpane.html` : `${base}/__blank.html`,
          isPane,
        );
        if (load.usableMs === null) {
          if (isPane && !load.hasEstimate) {
            return [
              skipped(
                NAME,
                METRIC,
                "x",
                TARGET,
                `dist/taskpane.html has no estimate output (${ESTIMATE_SELECTOR}) yet; page shows "${load.bodyText}"`,
              ),
            ];
          }
          throw new Error(
            `${isPane ? "the pane's estimate never showed a number" : "Office.onReady never resolved on the blank page"} ` +
              `within ${LOAD_TIMEOUT_MS} ms; page shows "${load.bodyText}"`,
          );
        }
        if (i > 0) (isPane ? pane : blank).push(load.usableMs);
      }
    }
    const p = median(pane);
    const b = median(blank);
    return [
      measured(
        NAME,
        METRIC,
        p / b,
        "x",
        TARGET,
        `pane usable at ${ms(p)}, blank office.js page ready at ${ms(b)} after navigation; ` +
          `median of ${runs} cold loads each (fresh profile per load)`,
      ),
    ];
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
