/**
 * Pane start: headless Chromium, from navigation to the pane being usable, against a blank page that
 * loads only office.js and waits for Office.onReady. Each load gets a fresh browser profile (cold
 * cache), the pages rotate, and each figure is the ratio of the medians.
 *
 * Two paths, both as inside Excel: office.js is Microsoft's, with a few lines appended (EXCEL_HOST
 * below) that make Office.onReady answer "Excel" once office.js itself is ready and give
 * Office.context.document.settings, the workbook's settings. Without a stored book the pane draws the
 * bundled prices; with one (a workbook reopened after prices were applied) it first runs the
 * validator (zod) on the stored book, every time such a workbook opens. The blank page gets the same
 * office.js.
 *
 * "Usable" = the quick estimate's total (<output id="est-total">, a dash until computed) shows a
 * number on screen (ESTIMATE_SELECTOR below): the pane has loaded the price book, filled the form and
 * priced it, which is the first thing a person reads. On screen: the text holds a digit, the element
 * is laid out, and the frame that draws it is done; the blank page's instant is likewise the frame
 * after Office.onReady. Instants are taken in the page itself (performance.now(), whose origin is the
 * navigation start) by a MutationObserver installed before any page script runs. The instant the text
 * first held a digit is printed beside it: the gap is the layout and paint of the first screen.
 *
 * A fourth page in the rotation is the pane's own page with none of its scripts (skeletonPage): its
 * markup and stylesheet cost this much before any of the pane's JavaScript runs, and it is printed
 * beside both figures as the floor under them.
 *
 * The figures are taken with every file served at once, the pane's worst case: all of its start-up
 * work then lies on the path to its first number. A second rotation holds every response back
 * NETWORK_DELAY_MS, as a network does; there office.js fetches its second script while the pane's
 * scripts run. Its ratios are printed beside the figures, not judged.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/support/chromium";
import { distDir, fromRoot } from "./paths";
import { measured, median, skipped, type Options, type Row, type Target } from "./report";
import { ms } from "./timing";

const NAME = "Pane start";
const TARGET: Target = { op: "<=", limit: 1.3 };
const METRIC = "pane usable vs blank office.js page";
const STORED_METRIC = "pane with a stored book vs blank office.js page";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = fromRoot("node_modules", "@microsoft", "office-js", "dist");
const LOAD_TIMEOUT_MS = 20_000;
/**
 * The second rotation holds every response (pages, scripts, office.js's files) back this long, as a
 * network would: printed beside the figures, which are taken with no delay (the pane's worst case,
 * where nothing of its own start hides behind office.js fetching its second script).
 */
const NETWORK_DELAY_MS = 40;

/** CSS selector of the pane's estimate output; usable once its text holds a digit. */
export const ESTIMATE_SELECTOR = "#est-total";

/**
 * The blank page: office.js, and once Office.onReady answers, one digit shown in an element like the
 * pane's estimate, so both pages are timed the same way (watchPane below).
 */
const BLANK_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>blank</title>
<script src="${CDN}office.js"></script></head>
<body><output id="est-total" hidden>-</output>
<script>Office.onReady(function () {
  var out = document.getElementById("est-total");
  out.textContent = "1";
  out.hidden = false;
});</script>
</body></html>`;

/**
 * The pane's own page with none of its scripts: its HTML and stylesheet, office.js, and a stand-in that
 * does what the blank page does once Office.onReady answers (shows the tabs and one digit). What it
 * costs over the blank page is the floor under both pane figures: the markup and style of the pane,
 * before any of its JavaScript runs.
 */
const SKELETON_SCRIPT = `Office.onReady(function () {
  document.documentElement.classList.remove("booting");
  document.getElementById("est-total").textContent = "1";
});`;

/** `html` (the pane's page) without its own scripts, and with the skeleton's stand-in instead. */
export function skeletonPage(html: string): string {
  const own = /<script\b[^>]*>[\s\S]*?<\/script>/gi;
  const stripped = html.replace(own, (tag) => (tag.includes(CDN) ? tag : ""));
  const standIn = '<script defer src="__skeleton.js"></script>';
  return stripped.includes("</head>")
    ? stripped.replace("</head>", `${standIn}</head>`)
    : `${standIn}${stripped}`;
}

/**
 * Runs in each page before its own scripts and records when the estimate first shows a number on
 * screen. A string, not a function, because the TypeScript runner wraps named inner functions in a
 * naming call (__name) that does not exist inside the browser.
 *
 * - __numberAt: the text first holds a digit (in the page, not yet laid out or drawn);
 * - __frameAt (the figure): in the next frame (requestAnimationFrame, just before the browser draws),
 *   the element holding it has been laid out: style and layout are forced there (getClientRects) and
 *   the instant taken after them. A hidden element waits for the next change. Raster and compositing
 *   come after, off the page's thread, and are not in the figure.
 */
function watchPane(selector: string): string {
  return `(() => {
  var pending = false;
  var numberIn = function () {
    var el = document.querySelector(${JSON.stringify(selector)});
    return el !== null && /[0-9]/.test(el.textContent || "") ? el : null;
  };
  var check = function () {
    if (window.__frameAt !== undefined || pending || numberIn() === null) return;
    if (window.__numberAt === undefined) window.__numberAt = performance.now();
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      var shown = numberIn();
      if (shown === null || shown.getClientRects().length === 0) return;
      if (window.__frameAt === undefined) window.__frameAt = performance.now();
    });
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

/** The key and envelope format the pane keeps a book under in the workbook's settings (storage.ts). */
const SETTINGS_KEY = "imgPriceBook";
const STORED_FORMAT = 1;

/**
 * Appended to office.js: Office.onReady waits for office.js's own readiness, then answers as Excel
 * does, with the workbook's settings holding `stored` (a settings value, or null for none).
 */
export function excelHost(stored: string | null): string {
  return `
;(function () {
  var stored = ${JSON.stringify(stored)};
  var settings = {
    get: function (k) { return k === ${JSON.stringify(SETTINGS_KEY)} ? stored : null; },
    set: function () {}, remove: function () {},
    saveAsync: function (cb) { if (cb) cb({ status: "succeeded" }); }
  };
  var realReady = Office.onReady;
  Office.onReady = function (callback) {
    return realReady.call(Office).then(function () {
      // Outside Office, Office.context is a fixed property whose object has no document: give it one.
      Object.defineProperty(Office.context, "document", { configurable: true, value: { settings: settings } });
      var info = { host: Office.HostType.Excel, platform: Office.PlatformType.PC };
      if (callback) callback(info);
      return info;
    });
  };
})();
`;
}

/** The settings value of a workbook that holds `book` as the pane stores it. */
export function storedEnvelope(book: unknown): string {
  return JSON.stringify({
    format: STORED_FORMAT,
    savedAt: "2026-05-10T00:00:00.000Z",
    from: "https://example.com/prices.json (fetched 2026-05-10T00:00:00Z)",
    book,
  });
}

/** The bench's own pages, beside what `dist` holds: the blank page and the pane without its scripts. */
function benchPage(dist: string, pathname: string): string | undefined {
  switch (pathname) {
    case "/__blank.html":
      return BLANK_PAGE;
    case "/__skeleton.html":
      return skeletonPage(readFileSync(path.join(dist, "taskpane.html"), "utf8"));
    case "/__skeleton.js":
      return SKELETON_SCRIPT;
    default:
      return undefined;
  }
}

/**
 * Serves `dist` on a free port of 127.0.0.1; `extra` maps paths to texts served instead of files.
 * `delayMs` holds every response back that long (a network's round trip).
 */
export function serve(
  dist: string,
  extra: ReadonlyMap<string, string> = new Map(),
  delayMs = 0,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (delayMs > 0) setTimeout(() => respond(req, res), delayMs);
    else respond(req, res);
  });
  const respond = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const page = benchPage(dist, url.pathname);
    if (page !== undefined) {
      res.writeHead(200, { "content-type": TYPES[path.extname(url.pathname)] as string }).end(page);
      return;
    }
    const text = extra.get(url.pathname);
    if (text !== undefined) {
      res
        .writeHead(200, {
          "content-type": TYPES[path.extname(url.pathname)] ?? "text/plain",
          "cache-control": "no-store",
        })
        .end(text);
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
  };
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

interface Load {
  readonly usableMs: number | null;
  /** When the estimate's text first held a digit (before it was laid out and drawn). */
  readonly numberMs: number | null;
  readonly hasEstimate: boolean;
  readonly bodyText: string;
  /**
   * When the validator was ready, in ms after navigation (it marks the body with
   * data-validator-at), or null when it did not load. The pane loads it at idle after its first
   * screen on every path, so what tells the paths apart is whether it came before the pane was usable.
   */
  readonly validatorAt: number | null;
  /** The pane's start-up warning (a stored book it could not use), "" when none. */
  readonly warning: string;
}

/**
 * A browser with a fresh profile (cold cache), office.js served from @microsoft/office-js with
 * `officeSuffix` appended, every other off-host request aborted, office.js's files `delayMs` late as
 * the page's own. `close` also removes the profile.
 */
export async function freshBrowser(
  officeSuffix: string,
  delayMs = 0,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "bench-pane-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const close = async (): Promise<void> => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await context.route(`${CDN}**`, async (route) => {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const file = path.join(
        OFFICE_DIST,
        new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length),
      );
      if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404 });
      const body = readFileSync(file);
      return route.fulfill({
        status: 200,
        contentType: TYPES[".js"] as string,
        body: file.endsWith(`${path.sep}office.js`)
          ? `${body.toString("utf8")}${officeSuffix}`
          : body,
      });
    });
    // No network on these machines: anything else off-host fails fast instead of timing out.
    await context.route(
      (u) => u.hostname !== "127.0.0.1" && !u.href.startsWith(CDN),
      (route) => route.abort(),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { context, close };
}

async function loadOnce(url: string, officeSuffix: string, delayMs = 0): Promise<Load> {
  const { context, close } = await freshBrowser(officeSuffix, delayMs);
  try {
    const page = await context.newPage();
    await page.addInitScript(watchPane(ESTIMATE_SELECTOR));
    await page.goto(url, { waitUntil: "commit" });
    let usableMs: number | null = null;
    let numberMs: number | null = null;
    try {
      // Stop early on a page that has no estimate output two seconds after its load event: it never will.
      await page.waitForFunction(
        (selector) => {
          const w = window as unknown as { __frameAt?: number };
          if (w.__frameAt !== undefined) return true;
          const nav = performance.getEntriesByType("navigation")[0] as
            PerformanceNavigationTiming | undefined;
          const loadedAt = nav !== undefined && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
          return (
            loadedAt !== null &&
            performance.now() > loadedAt + 2000 &&
            document.querySelector(selector) === null
          );
        },
        ESTIMATE_SELECTOR,
        { timeout: LOAD_TIMEOUT_MS, polling: 50 },
      );
      const at = await page.evaluate(() => {
        const w = window as unknown as { __numberAt?: number; __frameAt?: number };
        return { number: w.__numberAt ?? null, frame: w.__frameAt ?? null };
      });
      usableMs = at.frame;
      numberMs = at.number;
    } catch {
      usableMs = null;
    }
    const hasEstimate = await page.evaluate(
      (s) => document.querySelector(s) !== null,
      ESTIMATE_SELECTOR,
    );
    const bodyText = (await page.evaluate(() => document.body?.innerText ?? "")).slice(0, 120);
    const validatorAt = await page.evaluate(() => {
      const at = document.body?.dataset["validatorAt"];
      return at === undefined ? null : Number(at);
    });
    const warning = await page.evaluate(() => {
      const el = document.getElementById("startup-warning");
      return el === null || el.hidden ? "" : (el.textContent ?? "");
    });
    return { usableMs, numberMs, hasEstimate, bodyText, validatorAt, warning };
  } finally {
    await close();
  }
}

type Page_ = "pane" | "stored" | "skeleton" | "blank";

/**
 * `dist` is the built add-in folder; tests point it at a small fixture page. `storedBook` is the book
 * the workbook holds on the stored-book path (default: dist's own price feed).
 */
export async function paneStart(
  options: Options,
  dist = distDir(),
  storedBook?: unknown,
): Promise<Row[]> {
  const skip = (why: string): Row[] => [
    skipped(NAME, METRIC, "x", TARGET, why),
    skipped(NAME, STORED_METRIC, "x", TARGET, why),
  ];
  if (!existsSync(path.join(dist, "taskpane.html")))
    return skip("dist/taskpane.html not built (run `npm run build` first)");
  if (!existsSync(CHROMIUM_PATH)) return skip(`${CHROMIUM_PATH} not installed`);
  if (!existsSync(path.join(OFFICE_DIST, "office.js")))
    return skip("@microsoft/office-js is not installed");
  const feed = path.join(dist, "prices", "gpt-image-2.json");
  const book =
    storedBook ?? (existsSync(feed) ? (JSON.parse(readFileSync(feed, "utf8")) as unknown) : null);
  if (book === null) return skip("no book to store: dist/prices/gpt-image-2.json not built");
  const suffix: Record<Page_, string> = {
    pane: excelHost(null),
    stored: excelHost(storedEnvelope(book)),
    skeleton: excelHost(null),
    blank: excelHost(null),
  };

  const local = await rotation(dist, suffix, options, 0);
  if ("skip" in local) return skip(local.skip);
  const network = await rotation(dist, suffix, options, NETWORK_DELAY_MS);
  if ("skip" in network) return skip(network.skip);
  const { pane: p, stored: s, blank: b, skeleton: k } = local;
  const page =
    "the pane's own page with none of its scripts (its HTML and stylesheet, office.js, a digit shown at Office.onReady)";
  const floor =
    k === null
      ? `${page} never showed its digit (the markup hides the estimate until a script shows it)`
      : `${page} on screen at ${ms(k)}, ${(k / b).toFixed(2)}x the blank page: the floor under both figures`;
  const ratio = (x: number | null): string =>
    x === null ? "not shown" : `${(x / network.blank).toFixed(2)}x`;
  const delayed =
    `with every response ${NETWORK_DELAY_MS} ms late (a network, where office.js's own second script is fetched while ` +
    `the pane's scripts run), same rotation: pane ${ratio(network.pane)}, stored book ${ratio(network.stored)}, ` +
    `page without its scripts ${ratio(network.skeleton)} (blank page ${ms(network.blank)})`;
  const how =
    `median of ${local.runs} cold loads each (fresh profile per load, pages in rotation), as in Excel (office.js answering "Excel"); ` +
    `on screen = laid out in the frame that draws it`;
  return [
    measured(
      NAME,
      METRIC,
      p / b,
      "x",
      TARGET,
      `no book in the workbook: the number on screen at ${ms(p)} (in the page at ${ms(local.paneNumber)}), ` +
        `the blank office.js page's digit on screen at ${ms(b)} after navigation; ${floor}; ${how}; ${delayed}`,
    ),
    measured(
      NAME,
      STORED_METRIC,
      s / b,
      "x",
      TARGET,
      `a book stored in the workbook (the validator run on it before the first number): ` +
        `the number on screen at ${ms(s)} (in the page at ${ms(local.storedNumber)}), blank page ${ms(b)}, ` +
        `the page without its scripts ${k === null ? "not shown" : ms(k)}; same runs`,
    ),
  ];
}

interface Medians {
  /** Cold loads counted per page. */
  readonly runs: number;
  readonly pane: number;
  readonly stored: number;
  /** null where the page without its scripts never showed the digit (a fixture's markup). */
  readonly skeleton: number | null;
  readonly blank: number;
  /** When the pane's text first held the number, before layout. */
  readonly paneNumber: number;
  readonly storedNumber: number;
}

/**
 * One rotation of cold loads of the four pages, every response `delayMs` late (0: as fast as this
 * machine serves them). Throws when a page fails; { skip } when dist has no pane to measure.
 */
async function rotation(
  dist: string,
  suffix: Record<Page_, string>,
  options: Options,
  delayMs: number,
): Promise<Medians | { skip: string }> {
  const server = await serve(dist, new Map(), delayMs);
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const runs = options.smoke ? 1 : 11;
    const times: Record<Page_, number[]> = { pane: [], stored: [], skeleton: [], blank: [] };
    const numbers = { pane: [] as number[], stored: [] as number[] };
    const pages: readonly Page_[] = ["pane", "stored", "skeleton", "blank"];
    const address: Record<Page_, string> = {
      pane: "taskpane",
      stored: "taskpane",
      skeleton: "__skeleton",
      blank: "__blank",
    };
    // Round 0 warms the OS file cache and Chromium's binary and is not counted, except in a smoke run,
    // which only proves the measurement works and must stay quick.
    const firstCounted = options.smoke ? 0 : 1;
    for (let i = 0; i < runs + firstCounted; i++) {
      for (let k = 0; k < pages.length; k++) {
        const which = pages[(i + k) % pages.length] as Page_;
        const isPane = which === "pane" || which === "stored";
        const load = await loadOnce(`${base}/${address[which]}.html`, suffix[which], delayMs);
        if (load.usableMs === null) {
          // The page without its scripts is only a reference: where its markup keeps the estimate
          // hidden until a script shows it (a fixture), it is left out, not an error.
          if (which === "skeleton") continue;
          if (isPane && !load.hasEstimate) {
            return {
              skip: `dist/taskpane.html has no estimate output (${ESTIMATE_SELECTOR}) yet; page shows "${load.bodyText}"`,
            };
          }
          const what = {
            pane: "the pane's estimate never showed a number (no stored book)",
            stored: "the pane's estimate never showed a number (stored book)",
            blank: "Office.onReady never resolved on the blank page",
          };
          throw new Error(
            `${what[which]} within ${LOAD_TIMEOUT_MS} ms; page shows "${load.bodyText}"`,
          );
        }
        // The stored-book path must really check the stored book before it shows a number, and the
        // other path must not wait for the validator.
        const numberAt = load.numberMs ?? load.usableMs;
        const validatedFirst = load.validatorAt !== null && load.validatorAt <= numberAt;
        if (which === "stored" && (!validatedFirst || load.warning !== "")) {
          throw new Error(
            `the pane did not use the stored book (validator loaded at ${load.validatorAt ?? "never"} ms, number shown at ${numberAt} ms; warning: "${load.warning}")`,
          );
        }
        if (which === "pane" && validatedFirst && load.hasEstimate) {
          throw new Error(
            "the pane loaded the validator before its first screen although the workbook holds no book",
          );
        }
        if (i >= firstCounted) {
          times[which].push(load.usableMs);
          if (isPane) numbers[which].push(numberAt);
        }
      }
    }
    return {
      runs,
      pane: median(times.pane),
      stored: median(times.stored),
      skeleton: times.skeleton.length > 0 ? median(times.skeleton) : null,
      blank: median(times.blank),
      paneNumber: median(numbers.pane),
      storedNumber: median(numbers.stored),
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
