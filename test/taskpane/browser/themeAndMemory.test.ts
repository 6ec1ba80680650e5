/**
 * Two things that happen to a pane left open or opened again: Office's theme changes under it, and
 * the user reopens it expecting the tab and inputs they left. Inside a stand-in Excel (an Office whose
 * theme and storage partition the test controls) and in a plain browser.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOTS, startHarness, type Harness } from "./harness";

jest.setTimeout(90_000);

/** Fluent's neutral background 2 (taskpane.css): light and dark. */
const LIGHT_BG = "rgb(250, 250, 250)";
const DARK_BG = "rgb(31, 31, 31)";
const KEY = "img-cost-planner.pane.v1";

/**
 * office.js stand-in: an Excel host with no stored book. Its theme is an object the test changes;
 * like office.js, it knows the storage partition key only once initialized (onReady), and takes it
 * from sessionStorage "partition-key" (none: an unpartitioned host, as Excel on Windows).
 */
const OFFICE_STUB = `(() => {
  const theme = { bodyBackgroundColor: "#ffffff" };
  const handlers = (window.__themeHandlers = []);
  window.Office = {
    HostType: { Excel: "Excel" },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady() {
      const key = sessionStorage.getItem("partition-key");
      if (key) window.Office.context.partitionKey = key;
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    context: {
      officeTheme: theme,
      document: {
        addHandlerAsync(type, handler, cb) {
          handlers.push({ type, handler });
          if (cb) cb({ status: "succeeded" });
        },
        settings: { get: () => null, set() {}, remove() {}, saveAsync: (cb) => cb && cb({ status: "succeeded" }) },
      },
    },
  };
  window.__setOfficeTheme = (color) => { theme.bodyBackgroundColor = color; };
})();`;

async function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

describe("inside Excel", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(OFFICE_STUB);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it("re-themes when Office turns dark with the system while the pane is open, and back", async () => {
    const page = await h.open();
    await page.setViewportSize({ width: 320, height: 620 });
    await page.emulateMedia({ colorScheme: "light" });
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    expect(await background(page)).toBe(LIGHT_BG);
    // Office set to follow Windows, and Windows switches to dark: Office's body background becomes
    // dark (#262626, a dark theme's) and the webview's prefers-color-scheme changes with it.
    await page.evaluate(() =>
      (window as unknown as { __setOfficeTheme: (c: string) => void }).__setOfficeTheme("#262626"),
    );
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.dataset["theme"] === "dark");
    expect(await background(page)).toBe(DARK_BG);
    await page.screenshot({ path: join(SCREENSHOTS, "theme-changed-dark-320.png") });
    await page.evaluate(() =>
      (window as unknown as { __setOfficeTheme: (c: string) => void }).__setOfficeTheme("#ffffff"),
    );
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.documentElement.dataset["theme"] === "light");
    expect(await background(page)).toBe(LIGHT_BG);
    await page.close();
  });

  it("re-themes from Office's theme-changed event where the host sends one", async () => {
    const page = await h.open();
    await page.emulateMedia({ colorScheme: "light" });
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    // The host sends the event with the new theme; the system's scheme does not move.
    const fired = await page.evaluate(() => {
      const handlers = (
        window as unknown as {
          __themeHandlers: { type: string; handler: (a: unknown) => void }[];
        }
      ).__themeHandlers.filter((x) => x.type === "officeThemeChanged");
      for (const x of handlers) x.handler({ officeTheme: { bodyBackgroundColor: "#262626" } });
      return handlers.length;
    });
    expect(fired).toBe(1);
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await background(page)).toBe(DARK_BG);
    await page.close();
  });

  it("keeps the tab and inputs under the storage partition Office gives, and only there", async () => {
    const page = await h.open();
    await page.evaluate(() => sessionStorage.setItem("partition-key", "tenant-a!"));
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    await page.click("#tab-budget");
    await page.fill("#bud-amount", "250");
    await page.selectOption("#bud-per", "day");
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.getAttribute("#tab-budget", "aria-selected")).toBe("true");
    expect(await page.inputValue("#bud-amount")).toBe("250");
    expect(await page.inputValue("#bud-per")).toBe("day");
    const stored = await page.evaluate((key) => {
      const out: Record<string, string | null> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i) ?? "";
        out[k] = localStorage.getItem(k);
      }
      return { partitioned: out[`tenant-a!${key}`] ?? null, plain: out[key] ?? null };
    }, KEY);
    expect(JSON.parse(stored.partitioned ?? "{}")).toMatchObject({
      tab: "budget",
      "input:bud-amount": "250",
      "input:bud-per": "day",
    });
    expect(stored.plain ?? "").not.toContain("250");

    // What sits under the plain key (another context's) is not this partition's: not shown.
    await page.evaluate(
      (key) =>
        localStorage.setItem(key, JSON.stringify({ tab: "prices", "input:bud-amount": "999" })),
      KEY,
    );
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.getAttribute("#tab-budget", "aria-selected")).toBe("true");
    expect(await page.inputValue("#bud-amount")).toBe("250");

    // Another partition starts from the defaults: the Estimate tab, 3000 images a month.
    await page.evaluate(() => sessionStorage.setItem("partition-key", "tenant-b!"));
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.getAttribute("#tab-estimate", "aria-selected")).toBe("true");
    await page.click("#tab-budget");
    expect(await page.inputValue("#bud-amount")).toBe("3000");
    expect(await page.inputValue("#bud-per")).toBe("month");
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.close();
  });

  it("draws the README's picture: an estimate of 1,000 OpenAI medium 1024x1024 images at 320 px", async () => {
    // A fixed day, so the status line does not change with the date the tests run.
    await h.context.clock.setFixedTime(new Date("2026-11-30T12:00:00Z"));
    const page = await h.open();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.emulateMedia({ colorScheme: "light" });
    await page.selectOption("#est-provider", "openai");
    await page.selectOption("#est-quality", "medium");
    await page.fill("#est-size", "1024x1024");
    await page.fill("#est-volume", "1000");
    await page.fill("#est-retry", "1");
    // OpenAI medium 1024x1024 is 0.053 per image: 1000 x 0.053 = 53.00.
    expect(await page.textContent("#est-total")).toBe("$53.00");
    expect(await page.textContent("#est-formula")).toBe(
      '=IMG.COST("openai","medium","1024x1024",1000,1)',
    );
    expect(await page.isEnabled("#insert-formula")).toBe(true);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // docs/images/task-pane.png is a copy of this file.
    await page.screenshot({ path: join(SCREENSHOTS, "readme-task-pane-320.png") });
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it("without a partition key (Excel on Windows) keeps them under the plain key", async () => {
    const page = await h.open();
    await page.click("#tab-compare");
    await page.fill("#cmp-volume", "42");
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.getAttribute("#tab-compare", "aria-selected")).toBe("true");
    expect(await page.inputValue("#cmp-volume")).toBe("42");
    const plain = await page.evaluate((key) => localStorage.getItem(key), KEY);
    expect(JSON.parse(plain ?? "{}")).toMatchObject({ tab: "compare", "input:cmp-volume": "42" });
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe("in a plain browser", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it("re-themes when the system's color scheme changes while the pane is open", async () => {
    const page = await h.open();
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background(page)).toBe(LIGHT_BG);
    // Outside Office nothing sets data-theme: the stylesheet follows prefers-color-scheme.
    expect(await page.getAttribute("html", "data-theme")).toBeNull();
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background(page)).toBe(LIGHT_BG);
    await page.close();
  });
});
