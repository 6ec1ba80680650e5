/**
 * The bundled price book as a user sees it at 320 px: its disputed prices (Vercel AI Gateway's image
 * input, 8 or 5; Atlas Cloud's sizes above 1536), derived ones (OpenAI Batch, 50% of OpenAI), bound
 * ones (Imagen 4 Ultra "0.054+", Flux 2 Pro 0.03-0.05), undated pages (Pixazo, Prospolabs) and, a
 * month and a half after they were read, stale ones: on Estimate, Compare and Prices, each label in
 * view and the other reading of a disputed price beside it. No fixture: the book shipped with the
 * add-in. Screenshots go to test-results/screenshots/real-*.png.
 */
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { SCREENSHOTS, startHarness, type Harness } from "./harness";

jest.setTimeout(90_000);

const WIDTH = 320;
/** Every price in the bundled book was read on 2026-11-21; nine days later none is stale. */
const FRESH_DAY = new Date("2026-11-30T12:00:00Z");
/** 2026-11-21 to 2027-01-15: 9 + 31 + 15 = 55 days, past the 30-day line. */
const LATE_DAY = new Date("2027-01-15T12:00:00Z");

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

async function openAt(day: Date): Promise<Page> {
  await h.context.clock.setFixedTime(day);
  const page = await h.open();
  await page.setViewportSize({ width: WIDTH, height: 700 });
  return page;
}

/** The element is drawn, inside the 320 px pane, and the page does not scroll sideways. */
async function expectInView(page: Page, locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(WIDTH + 0.5);
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(sideways).toBeLessThanOrEqual(0);
}

async function estimate(
  page: Page,
  provider: string,
  quality: string,
  size: string,
  images = "1000",
): Promise<void> {
  await page.click("#tab-estimate");
  await page.selectOption("#est-provider", provider);
  await page.selectOption("#est-quality", quality);
  await page.fill("#est-size", size);
  await page.fill("#est-volume", images);
  await page.fill("#est-retry", "1");
}

function group(page: Page, provider: string): Locator {
  return page.locator(`#price-groups .price-group[data-provider="${provider}"]`);
}

/** The price cell of the row whose first two cells read `what` and `which`. */
function priceCell(page: Page, provider: string, what: string, which: string): Locator {
  return group(page, provider)
    .locator("tbody tr")
    .filter({ has: page.locator(`td:nth-child(1):text-is("${what}")`) })
    .filter({ has: page.locator(`td:nth-child(2):text-is("${which}")`) })
    .locator("td.num")
    .first();
}

describe("the bundled book at 320 px", () => {
  let page: Page;

  beforeAll(async () => {
    page = await openAt(FRESH_DAY);
  });

  afterAll(async () => {
    await page.close();
  });

  it("Prices: a disputed price shows its other reading beside it", async () => {
    await page.click("#tab-prices");
    // Vercel's page gives one input meter, 5.00 per 1M; the same page (and ChatGPTImages) prices
    // image input at 8.00. The book bills 8 and keeps 5 as the other reading.
    const vercel = priceCell(page, "vercel", "per 1M tokens", "image input");
    await expectInView(page, vercel);
    expect(await vercel.textContent()).toMatch(/^\$8\.00.*disputed.*other reading: \$5\.00$/);
    expect(await vercel.locator(".badge-disputed").isVisible()).toBe(true);
    expect(await vercel.locator(".other-reading").isVisible()).toBe(true);
    await vercel.screenshot({ path: join(SCREENSHOTS, `real-prices-vercel-${WIDTH}.png`) });
    await group(page, "vercel").screenshot({
      path: join(SCREENSHOTS, `real-prices-vercel-group-${WIDTH}.png`),
    });

    // Atlas Cloud's table and parameter list offer 2048x2048 at the flat 0.008; its FAQ says the
    // long edge caps at 1536. The book reads "not offered"; the other reading is "offered at 0.008".
    const atlas = priceCell(page, "atlas", "any", "2048x2048");
    await expectInView(page, atlas);
    expect(await atlas.textContent()).toBe("not offereddisputedother reading: offered at $0.008");
    // The sizes every part of the page agrees on are not disputed: 0.008, list 0.01 (20% off).
    expect(await priceCell(page, "atlas", "any", "1024x1024").textContent()).toBe(
      "$0.008 (list $0.01)",
    );
    await group(page, "atlas").screenshot({
      path: join(SCREENSHOTS, `real-prices-atlas-${WIDTH}.png`),
    });
  });

  it("Prices: derived and bound prices say so, and bound ones read as a range or a minimum", async () => {
    await page.click("#tab-prices");
    // OpenAI Batch is 50% of OpenAI: medium square 0.053 / 2 = 0.0265.
    const batch = priceCell(page, "openai-batch", "medium", "1024x1024");
    await expectInView(page, batch);
    expect(await batch.textContent()).toBe("$0.0265derived");
    expect(await batch.locator(".status-tag").getAttribute("title")).toMatch(/^Derived: /);
    // Imagen 4 Ultra: "USD0.054+", a minimum. Flux 2 Pro: "USD0.03-0.05", a range.
    const imagen = group(page, "atlas/imagen-4-ultra").locator("td.num").first();
    await expectInView(page, imagen);
    expect(await imagen.textContent()).toBe("$0.054 or morebound");
    const flux = group(page, "atlas/flux-2-pro").locator("td.num").first();
    await expectInView(page, flux);
    expect(await flux.textContent()).toBe("$0.03–$0.05bound");
    await group(page, "openai-batch").screenshot({
      path: join(SCREENSHOTS, `real-prices-batch-${WIDTH}.png`),
    });
    await group(page, "atlas/flux-2-pro").screenshot({
      path: join(SCREENSHOTS, `real-prices-flux-${WIDTH}.png`),
    });
  });

  it("Prices: undated pages are badged and dated as undated, with the day they were read", async () => {
    await page.click("#tab-prices");
    for (const provider of ["pixazo", "prospolabs"]) {
      const heading = group(page, provider).locator("h3 .badge-undated");
      await expectInView(page, heading);
      expect(await heading.textContent()).toBe("undated");
      expect(await group(page, provider).locator("p.source").textContent()).toMatch(
        / · undated, read Nov 21, 2026$/,
      );
      // Nine days after reading: not stale.
      expect(await group(page, provider).locator(".badge-stale").count()).toBe(0);
    }
    // Atlas Cloud's page is dated: no undated badge.
    expect(await group(page, "atlas").locator("h3 .badge-undated").count()).toBe(0);
    expect(await group(page, "atlas").locator("p.source").textContent()).toMatch(
      / · May 4, 2026, read Nov 21, 2026$/,
    );
    await group(page, "pixazo").screenshot({
      path: join(SCREENSHOTS, `real-prices-pixazo-${WIDTH}.png`),
    });
  });

  it("Estimate: Atlas Cloud at 2048x2048 has no price, and says the size is disputed and how else it reads", async () => {
    await estimate(page, "atlas", "medium", "2048x2048");
    expect(await page.textContent("#est-total")).toMatch(/^Atlas Cloud does not offer 2048x2048/);
    const badges = page.locator("#est-badges");
    await expectInView(page, badges.locator(".badge-disputed"));
    expect(await badges.locator(".other-reading").textContent()).toBe(
      "other reading: offered at $0.008",
    );
    // At a size the page agrees on, 1000 images at the flat 0.008 cost $8.00, undisputed.
    await page.fill("#est-size", "1024x1024");
    expect(await page.textContent("#est-total")).toBe("$8.00");
    expect(await badges.locator(".badge-disputed").count()).toBe(0);
    await page.fill("#est-size", "2048x2048");
    await page.screenshot({ path: join(SCREENSHOTS, `real-estimate-atlas-2048-${WIDTH}.png`) });
  });

  it("Estimate: OpenAI Batch is derived and undated (its source is Pixazo's undated page)", async () => {
    // 1000 x 0.0265 = 26.50.
    await estimate(page, "openai-batch", "medium", "1024x1024");
    expect(await page.textContent("#est-total")).toBe("$26.50");
    const badges = page.locator("#est-badges");
    expect(await badges.locator(".status-tag").textContent()).toBe("derived");
    expect(await badges.locator(".badge-undated").textContent()).toBe("undated");
    expect(await badges.textContent()).toContain("Derived: computed by a rule the source states");
    await expectInView(page, badges);
    await page.screenshot({ path: join(SCREENSHOTS, `real-estimate-batch-${WIDTH}.png`) });
  });

  it("Estimate: bound prices read as a minimum or a range and are labelled bound", async () => {
    // Imagen 4 Ultra: 1000 x 0.054 = 54.00, at least.
    await estimate(page, "atlas/imagen-4-ultra", "high", "1024x1024");
    expect(await page.textContent("#est-total")).toBe("$54.00");
    expect(await page.textContent("#est-detail")).toMatch(/^\$0\.054 or more per image/);
    expect(await page.locator("#est-badges .status-tag").textContent()).toBe("bound");
    // Flux 2 Pro: 0.03 to 0.05; budgeted at the top, 1000 x 0.05 = 50.00.
    await estimate(page, "atlas/flux-2-pro", "high", "1024x1024");
    expect(await page.textContent("#est-total")).toBe("$50.00");
    expect(await page.textContent("#est-detail")).toMatch(/^\$0\.03 to \$0\.05 per image/);
    expect(await page.locator("#est-badges .status-tag").textContent()).toBe("bound");
    expect(await page.textContent("#est-badges")).toContain("Bound: the source gives a range");
    await expectInView(page, page.locator("#est-badges"));
    await page.screenshot({ path: join(SCREENSHOTS, `real-estimate-flux-${WIDTH}.png`) });
  });

  it("Estimate: Pixazo and Prospolabs are undated", async () => {
    for (const provider of ["pixazo", "prospolabs"]) {
      await estimate(page, provider, "medium", "1024x1024");
      expect(await page.locator("#est-badges .badge-undated").textContent()).toBe("undated");
      expect(await page.textContent("#est-badges")).toContain(
        "Undated: the source page gives no date for this price.",
      );
    }
  });

  it("Compare: derived, undated and bound in the ranking and the other models", async () => {
    await page.click("#tab-compare");
    await page.selectOption("#cmp-quality", "medium");
    await page.fill("#cmp-size", "1024x1024");
    await page.fill("#cmp-volume", "1000");
    await page.fill("#cmp-retry", "1");
    const batch = page.locator('#cmp-list li[data-provider="openai-batch"] .rank-sub');
    await expectInView(page, batch);
    expect(await batch.locator(".status-tag").textContent()).toBe("derived");
    expect(await batch.locator(".badge-undated").textContent()).toBe("undated");
    for (const provider of ["pixazo", "prospolabs"]) {
      expect(
        await page
          .locator(`#cmp-list li[data-provider="${provider}"] .rank-sub .badge-undated`)
          .count(),
      ).toBe(1);
    }
    // Atlas Cloud at 1024x1024 is neither disputed nor undated; it is the cheapest at 0.008.
    const first = page.locator("#cmp-list li").first();
    expect(await first.getAttribute("data-provider")).toBe("atlas");
    expect(await first.locator(".badge").count()).toBe(0);

    const other = page.locator("#cmp-other li");
    const flux = other.filter({ hasText: "Flux 2 Pro" }).locator(".rank-sub");
    const imagen = other.filter({ hasText: "Imagen 4 Ultra" }).locator(".rank-sub");
    await expectInView(page, flux);
    expect(await flux.textContent()).toBe("$0.03–$0.05 per image bound");
    await expectInView(page, imagen);
    expect(await imagen.textContent()).toBe("$0.054 or more per image bound");
    await page.locator("#cmp-other").screenshot({
      path: join(SCREENSHOTS, `real-compare-other-${WIDTH}.png`),
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `real-compare-${WIDTH}.png`) });
  });

  it("Compare: at 2048x2048 Atlas Cloud is left out as disputed, with its other reading", async () => {
    await page.click("#tab-compare");
    await page.fill("#cmp-size", "2048x2048");
    expect(await page.textContent("#cmp-left-out-summary")).toMatch(
      /providers without a price here \(1 disputed\)$/,
    );
    await page.click("#cmp-left-out-summary");
    const atlas = page.locator("#cmp-left-out-list li").filter({ hasText: "Atlas Cloud:" });
    await expectInView(page, atlas.locator(".badge-disputed"));
    expect(await atlas.locator(".other-reading").textContent()).toBe(
      "other reading: offered at $0.008",
    );
    // OpenAI has no 2048x2048 price at all: left out, but nothing is in dispute.
    const openai = page.locator("#cmp-left-out-list li").filter({ hasText: /^OpenAI:/ });
    expect(await openai.locator(".badge").count()).toBe(0);
    await page.locator("#cmp-left-out").screenshot({
      path: join(SCREENSHOTS, `real-compare-left-out-${WIDTH}.png`),
    });
  });
});

describe("the bundled book 55 days after it was read", () => {
  let page: Page;

  beforeAll(async () => {
    page = await openAt(LATE_DAY);
  });

  afterAll(async () => {
    await page.close();
    await h.context.clock.setFixedTime(FRESH_DAY);
  });

  it("flags stale prices in the status line, Estimate, Compare and Prices", async () => {
    // All 14 providers (10 GPT Image 2, 4 comparison models) were read on 2026-11-21.
    expect(await page.textContent("#book-summary")).toMatch(/ · 14 stale$/);
    await estimate(page, "openai", "medium", "1024x1024");
    expect(await page.locator("#est-badges .badge-stale").textContent()).toBe("stale");
    expect(await page.textContent("#est-badges")).toContain("Stale: read 55 days ago");
    await expectInView(page, page.locator("#est-badges"));
    await page.screenshot({ path: join(SCREENSHOTS, `real-estimate-stale-${WIDTH}.png`) });

    await page.click("#tab-compare");
    await page.fill("#cmp-size", "1024x1024");
    const ranked = await page.locator("#cmp-list li").count();
    expect(ranked).toBeGreaterThan(0);
    expect(await page.locator("#cmp-list li .badge-stale").count()).toBe(ranked);

    await page.click("#tab-prices");
    const headings = page.locator("#price-groups .price-group h3");
    expect(await headings.locator(".badge-stale").count()).toBe(14);
    await expectInView(page, headings.first().locator(".badge-stale"));
    await page.screenshot({ path: join(SCREENSHOTS, `real-prices-stale-${WIDTH}.png`) });
  });
});
