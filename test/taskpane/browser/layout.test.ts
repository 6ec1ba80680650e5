/**
 * The pane at the widths Excel gives it (350 px as it opens, 320 px at the narrowest), in light and
 * dark: every tab fits without horizontal scrolling, its main answer is on the first screen, and
 * axe finds no serious or critical problem. Screenshots of every tab go to test-results/screenshots.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { seriousViolations } from "./axe";
import { SCREENSHOTS, startHarness, type Harness } from "./harness";

jest.setTimeout(120_000);

/** A small laptop's Excel window: the pane's visible height below the ribbon. */
const PANE_HEIGHT = 620;

const TABS: { tab: string; answer: string; what: string }[] = [
  { tab: "estimate", answer: "#est-total", what: "the estimate's total" },
  { tab: "compare", answer: "#cmp-list li:first-child", what: "the cheapest provider" },
  { tab: "budget", answer: "#bud-facts", what: "the monthly cost and cap" },
  { tab: "prices", answer: "#price-groups .price-group:first-child td.num", what: "a price" },
  { tab: "templates", answer: "#templates li:first-child button", what: "the first template" },
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/** Elements sticking out of the viewport on the right, by id or class, and the page's scroll width. */
async function overflow(page: Page): Promise<{ scroll: number; width: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        const name = el.id !== "" ? `#${el.id}` : `${el.tagName.toLowerCase()}.${el.className}`;
        wide.push(`${name} (${Math.round(box.left)}..${Math.round(box.right)})`);
      }
    }
    return {
      scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      width,
      wide: wide.filter((w) => !w.startsWith(".visually-hidden") && !w.includes("visually-hidden")),
    };
  });
}

describe.each([320, 350])("at %i px", (width) => {
  describe.each(["light", "dark"] as const)("in the %s theme", (scheme) => {
    let page: Page;

    beforeAll(async () => {
      page = await h.open();
      await page.setViewportSize({ width, height: PANE_HEIGHT });
      await page.emulateMedia({ colorScheme: scheme });
    });

    afterAll(async () => {
      await page.close();
    });

    it("follows the color scheme", async () => {
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Fluent's neutral background 2: #fafafa in light, #1f1f1f in dark.
      expect(background).toBe(scheme === "light" ? "rgb(250, 250, 250)" : "rgb(31, 31, 31)");
    });

    it.each(TABS)(
      "fits the $tab tab, with $what in view, and passes axe",
      async ({ tab, answer }) => {
        await page.click(`#tab-${tab}`);
        expect(await page.getAttribute(`#tab-${tab}`, "aria-selected")).toBe("true");
        await page.evaluate(() => window.scrollTo(0, 0));
        const o = await overflow(page);
        expect(o.wide).toEqual([]);
        expect(o.scroll).toBeLessThanOrEqual(o.width);
        const box = await page.locator(answer).first().boundingBox();
        expect(box).not.toBeNull();
        expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(PANE_HEIGHT);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `pane-${tab}-${width}-${scheme}.png`) });
      },
    );
  });
});

it("remembers the chosen tab and the inputs when the pane is reopened", async () => {
  const page = await h.open();
  await page.click("#tab-budget");
  await page.fill("#bud-amount", "250");
  await page.selectOption("#bud-per", "day");
  await page.selectOption("#bud-provider", "prospolabs");
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  expect(await page.getAttribute("#tab-budget", "aria-selected")).toBe("true");
  expect(await page.isVisible("#panel-budget")).toBe(true);
  expect(await page.inputValue("#bud-amount")).toBe("250");
  expect(await page.inputValue("#bud-per")).toBe("day");
  expect(await page.inputValue("#bud-provider")).toBe("prospolabs");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

it("moves between tabs with the arrow keys", async () => {
  const page = await h.open();
  await page.click("#tab-estimate");
  await page.keyboard.press("ArrowRight");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-compare");
  expect(await page.isVisible("#panel-compare")).toBe(true);
  await page.keyboard.press("End");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-templates");
  await page.keyboard.press("ArrowRight");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-estimate");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});
