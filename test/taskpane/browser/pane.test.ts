/**
 * The built pane in headless Chromium, outside Excel (office.js loads, Office.onReady gives no host):
 * it shows the book, estimates, compares, budgets, refreshes from good and hostile feeds (each
 * failure in words a user acts on), rolls back and redoes, and passes an accessibility scan. IMG.COST is called through what the functions bundle registered in
 * the same page, to show the functions price with the book the pane applied.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { daysSince } from "../../../src/core";
import { bundledCopy, openaiTier, provider, type Json } from "../fixtures";
import { seriousViolations } from "./axe";
import {
  EXCEL_ONLY_BUTTONS,
  refreshOptions,
  SCREENSHOTS,
  startHarness,
  tab,
  type Harness,
} from "./harness";

jest.setTimeout(60_000);

const BUNDLED_VERSION = bundledCopy().bookVersion;
let h: Harness;

/** Addresses of the scripts the page has fetched so far. */
function loadedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script")
      .map((e) => e.name),
  );
}

function jsonFeed(body: string): (req: unknown, res: import("node:http").ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  };
}

function book(change: (b: Json) => void): string {
  const b = bundledCopy();
  change(b);
  return JSON.stringify(b);
}

beforeAll(async () => {
  h = await startHarness();
  // pixazo-pricing-breakdown has OpenAI medium square at 0.053; this feed moves it to 0.06.
  h.feeds.set(
    "/feeds/good.json",
    jsonFeed(
      book((b) => {
        b.bookVersion = "test-next";
        openaiTier(b, "medium", "1024x1024").price = 0.06;
      }),
    ),
  );
  // 2.5 / 0.211 = 11.8x: drastic, needs the confirmation box.
  h.feeds.set(
    "/feeds/drastic.json",
    jsonFeed(
      book((b) => {
        b.bookVersion = "test-drastic";
        openaiTier(b, "high", "1024x1024").price = 2.5;
      }),
    ),
  );
  h.feeds.set(
    "/feeds/markup.json",
    jsonFeed(
      book((b) => {
        b.bookVersion = "<b>v</b>";
        provider(b, "openai").name = '<img src="x" onerror="window.__pwned=1">';
        openaiTier(b, "medium", "1024x1024").price = 0.054;
        const source = b.sources[0];
        if (source) source.title = "<script>window.__pwned=2</script>";
      }),
    ),
  );
}, 180_000);

afterAll(async () => {
  await h?.close();
});

async function estimateTotal(page: Page): Promise<string> {
  return (await page.textContent("#est-total")) ?? "";
}

/** IMG.COST as a cell would call it, through the function the functions bundle registered. */
async function cellCost(page: Page, ...args: unknown[]): Promise<unknown> {
  return page.evaluate((a) => {
    const fn = (window as unknown as { __registered: Record<string, (...x: unknown[]) => unknown> })
      .__registered["COST"];
    if (fn === undefined) return "COST is not registered";
    try {
      // A function declared to return a matrix answers a one-cell call with [[value]].
      const value = fn(...a);
      return Array.isArray(value) &&
        value.length === 1 &&
        Array.isArray(value[0]) &&
        value[0].length === 1
        ? value[0][0]
        : value;
    } catch (error) {
      return `threw ${String(error)}`;
    }
  }, args);
}

async function message(page: Page): Promise<{ text: string; tone: string }> {
  return page.evaluate(() => {
    const m = document.querySelector("#message");
    return { text: m?.textContent ?? "", tone: m?.className ?? "" };
  });
}

async function refreshFrom(
  page: Page,
  url: string | null,
): Promise<{ text: string; tone: string }> {
  await refreshOptions(page);
  if (url === null) await page.check('input[name="feed"][value="own"]');
  else {
    await page.check('input[name="feed"][value="url"]');
    await page.fill("#feed-url", url);
  }
  await page.click("#refresh");
  await page.waitForFunction(
    () =>
      document.body.getAttribute("aria-busy") === "false" &&
      !(document.querySelector("#message")?.textContent ?? "").startsWith("Fetching"),
    undefined,
    { timeout: 20_000 },
  );
  return message(page);
}

async function shot(page: Page, name: string, selector?: string): Promise<void> {
  if (selector !== undefined) await page.locator(selector).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe("the pane outside Excel", () => {
  it("loads and shows the book's status in one line, and its prices grouped by provider", async () => {
    const page = await h.open();
    const json = bundledCopy();
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    const stale = json.providers.filter((p) => {
      const checked =
        [...p.image, ...p.tokens]
          .map((s) => s.checked)
          .sort()
          .pop() ?? "";
      return daysSince(checked, today) > 30;
    }).length;
    // One line: version, where from, freshness; the stale count when any provider is stale.
    const summary = await page.textContent("#book-summary");
    expect(summary).toContain(`Prices version ${BUNDLED_VERSION} · bundled · published `);
    expect(summary?.endsWith(stale > 0 ? ` · ${stale} stale` : "")).toBe(true);
    expect(
      await page.evaluate(() => document.querySelector("#book-summary")?.getClientRects().length),
    ).toBe(1);
    await tab(page, "prices");
    // One group per provider, in book order; the source is named once per group.
    const groups = await page.$$eval("#price-groups .price-group", (sections) =>
      sections.map((s) => ({
        id: (s as HTMLElement).dataset["provider"],
        name: s.querySelector("h3")?.textContent ?? "",
        source: s.querySelector(".source")?.textContent ?? "",
        rows: [...s.querySelectorAll(":scope > table tbody tr")].map((tr) =>
          [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
        ),
      })),
    );
    expect(groups.map((g) => g.id)).toEqual(json.providers.map((p) => p.id));
    const openai = groups.find((g) => g.id === "openai");
    // pixazo-pricing-breakdown: OpenAI high square 0.211, from Pixazo's page, which gives no date of its own.
    expect(openai?.rows).toContainEqual(["high", "1024x1024", "$0.211"]);
    expect(openai?.source).toMatch(
      /^Source: Pixazo: .* · undated, read [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
    );
    expect(openai?.name).toContain("undated");
    // Inserting needs Excel, and the pane says so.
    for (const id of EXCEL_ONLY_BUTTONS) expect(await page.isDisabled(id)).toBe(true);
    expect(await page.textContent("#insert-help")).toContain("Inserting needs Excel");
    // The validator (zod) is not needed to show the bundled book: it travels inside taskpane.js (no
    // second download: a reopened workbook checks its stored book with it before its first number),
    // runs only when idle after the first screen (so the first refresh does not wait for it), and
    // runs without eval.
    await page.waitForSelector("body[data-validator-at]");
    const order = await page.evaluate(() => ({
      firstScreen: performance.getEntriesByName("first-screen")[0]?.startTime ?? null,
      validatorAt: Number(document.body.dataset["validatorAt"]),
    }));
    expect(order.firstScreen).not.toBeNull();
    expect(order.validatorAt).toBeGreaterThanOrEqual(Math.floor(order.firstScreen ?? Infinity));
    expect(await loadedScripts(page)).not.toContainEqual(expect.stringMatching(/validation\.js$/));
    expect(await page.getAttribute("body", "data-eval-free")).toBe("true");
    await shot(page, "01-prices");
    expect(h.problems).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it("estimates at once and shows errors as text", async () => {
    const page = await h.open();
    // pixazo-pricing-breakdown: 1,000 x 0.053 = 53
    expect(await estimateTotal(page)).toBe("$53.00");
    await page.selectOption("#est-quality", "high");
    await page.fill("#est-retry", "1.2");
    // pixazo-pricing-breakdown + chatgptimages-api-pricing's retry multiplier: 1,000 x 0.211 x 1.2 = 253.2
    expect(await estimateTotal(page)).toBe("$253.20");
    expect(await page.textContent("#est-formula")).toBe(
      '=IMG.COST("openai","high","1024x1024",1000,1.2)',
    );
    await page.selectOption("#est-provider", "prospolabs");
    await page.selectOption("#est-quality", "medium");
    await page.fill("#est-retry", "1");
    await page.fill("#est-volume", "10000");
    // prospolabs-model-page: 10,000 x 0.028 = 280
    expect(await estimateTotal(page)).toBe("$280.00");
    await page.fill("#est-volume", "many");
    expect(await estimateTotal(page)).toContain('"many"');
    expect(await page.getAttribute("#est-total", "class")).toContain("is-error");
    // Whole images only.
    await page.fill("#est-volume", "1.5");
    expect(await estimateTotal(page)).toBe(
      "Images must be a whole number: 1.5 images cannot be made. Enter 1 or 2.",
    );
    await shot(page, "03-estimate-error");
    await page.close();
  });

  it("shows the formula before inserting it, and flags an undated price", async () => {
    const page = await h.open();
    await page.fill("#est-volume", "1000");
    expect(await page.textContent("#est-formula")).toBe(
      '=IMG.COST("openai","medium","1024x1024",1000,1)',
    );
    // OpenAI's prices are read from Pixazo's page, which gives no date (pixazo-pricing-breakdown).
    expect(await page.textContent("#est-badges")).toContain(
      "Undated: the source page gives no date for this price.",
    );
    await page.close();
  });

  it("refreshes from the add-in's own feed: already up to date, nothing to apply", async () => {
    const page = await h.open();
    const out = await refreshFrom(page, null);
    expect(out.text).toBe(
      `Already up to date: the feed holds the prices in use (version ${BUNDLED_VERSION}). Nothing to apply.`,
    );
    expect(await page.isHidden("#review")).toBe(true);
    // The refresh ran the validator carried in taskpane.js (from the add-in's origin, under
    // script-src 'self'), with zod told not to probe for eval: no policy violation was reported.
    expect(await loadedScripts(page)).toContainEqual(
      expect.stringMatching(new RegExp(`^${h.origin}/taskpane\\.js$`)),
    );
    expect(await page.getAttribute("body", "data-eval-free")).toBe("true");
    expect(h.problems).toEqual([]);
    await page.close();
  });

  it("applies a good feed after review; pane and functions price with it; rollback and reset work", async () => {
    const page = await h.open();
    expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(53);
    const out = await refreshFrom(page, `${h.origin}/feeds/good.json`);
    expect(out.text).toContain("passed the checks (version test-next)");
    const review = await page.textContent("#review-body");
    expect(review).toContain("OpenAI: medium, 1024x1024: $0.053 -> $0.06");
    expect(await page.isVisible("#confirm-drastic")).toBe(false);
    expect(await page.isDisabled("#apply")).toBe(false);
    // Nothing changes before the user confirms.
    expect(await estimateTotal(page)).toBe("$53.00");
    await shot(page, "04-review", "#review");
    await page.click("#apply");
    await page.waitForFunction(() =>
      document.querySelector("#message")?.className.includes("is-success"),
    );
    expect(await page.textContent("#book-summary")).toContain("version test-next");
    // 1,000 x 0.06 = 60, in the pane and in a cell.
    expect(await estimateTotal(page)).toBe("$60.00");
    expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(60);
    // Pixazo is billed at OpenAI's rates (pixazo-pricing-breakdown): 1,000 x 0.06 = 60.
    expect(await cellCost(page, "pixazo", "medium", "1024x1024", 1000, null)).toBe(60);
    expect(await page.textContent("#price-groups")).toContain("$0.06");
    await shot(page, "05-applied");

    expect(await page.textContent("#rollback")).toBe("Roll back");
    await page.click("#rollback");
    await page.waitForFunction(() =>
      (document.querySelector("#message")?.textContent ?? "").startsWith("Rolled back"),
    );
    expect(await page.textContent("#book-summary")).toContain(`version ${BUNDLED_VERSION}`);
    expect(await estimateTotal(page)).toBe("$53.00");
    expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(53);

    // After a roll back the same button redoes, and says so: back to the feed's book.
    expect(await page.textContent("#rollback")).toBe("Redo");
    await page.click("#rollback");
    await page.waitForFunction(() =>
      (document.querySelector("#book-summary")?.textContent ?? "").includes("test-next"),
    );
    expect((await message(page)).text).toMatch(/^Redone: back to prices version test-next/);
    expect(await page.textContent("#rollback")).toBe("Roll back");
    expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(60);
    // Reset always goes to the bundled book.
    await page.click("#reset");
    await page.waitForFunction(() =>
      (document.querySelector("#message")?.textContent ?? "").startsWith("Reset to the bundled"),
    );
    expect(await page.textContent("#book-summary")).toContain(`version ${BUNDLED_VERSION}`);
    expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(53);
    expect(h.problems).toEqual([]);
    await page.close();
  });

  it("applies a drastic change only after the confirmation box is ticked", async () => {
    const page = await h.open();
    await refreshFrom(page, `${h.origin}/feeds/drastic.json`);
    expect(await page.textContent("#review-warnings")).toContain(
      "OpenAI: high, 1024x1024: $0.211 -> $2.5 moves by more than 10x",
    );
    expect(await page.isVisible("#confirm-drastic")).toBe(true);
    expect(await page.isDisabled("#apply")).toBe(true);
    await shot(page, "06-drastic-review", "#review");
    await page.check("#confirm-drastic");
    expect(await page.isDisabled("#apply")).toBe(false);
    await page.click("#apply");
    await page.waitForFunction(() =>
      (document.querySelector("#book-summary")?.textContent ?? "").includes("test-drastic"),
    );
    await tab(page, "estimate");
    await page.selectOption("#est-quality", "high");
    // 1,000 x 2.5 = 2,500
    expect(await estimateTotal(page)).toBe("$2,500.00");
    await page.close();
  });

  it("shows a provider's price history when the book holds more than one price set", async () => {
    h.feeds.set(
      "/feeds/two-sets.json",
      jsonFeed(
        readFileSync(resolve(__dirname, "../../fixtures/books/dated.two-price-sets.json"), "utf8"),
      ),
    );
    const page = await h.open();
    await refreshFrom(page, `${h.origin}/feeds/two-sets.json`);
    // Older and smaller than the bundled book: applying it needs the confirmation box.
    await page.check("#confirm-drastic");
    await page.click("#apply");
    await page.waitForFunction(() =>
      (document.querySelector("#book-summary")?.textContent ?? "").includes("test.1"),
    );
    const openai = page.locator('.price-group[data-provider="openai"]');
    expect(await openai.locator(".history summary").textContent()).toBe(
      "Price history (2 price sets)",
    );
    const sets = await openai.locator(".history .history-date").allTextContents();
    // Newest first: the June cut, then the April launch prices.
    expect(sets).toEqual(["In effect from Jun 1, 2026", "In effect from Apr 21, 2026"]);
    await openai.locator(".history summary").click();
    const launch = await openai
      .locator(".history table")
      .nth(1)
      .locator("tbody tr")
      .allTextContents();
    // The fixture's launch set: low 1024x1024 at 0.006, its June cut 0.004.
    expect(launch[0]).toBe("low1024x1024$0.006");
    expect(await openai.locator(":scope > table tbody tr").first().textContent()).toBe(
      "low1024x1024$0.004",
    );
    // The feed's provider "later" has one price set and is new to the book: no history.
    expect(await page.locator('.price-group[data-provider="later"]').count()).toBe(1);
    expect(await page.locator('.price-group[data-provider="later"] .history').count()).toBe(0);
    await shot(page, "12-price-history", '.price-group[data-provider="openai"]');
    await page.close();
  });

  it("renders markup in a feed as text", async () => {
    const page = await h.open();
    await refreshFrom(page, `${h.origin}/feeds/markup.json`);
    expect(await page.textContent("#review-body")).toContain(
      '<img src="x" onerror="window.__pwned=1">',
    );
    await page.click("#apply");
    await page.waitForFunction(() =>
      (document.querySelector("#book-summary")?.textContent ?? "").includes("<b>v</b>"),
    );
    expect(await page.textContent("#price-groups")).toContain(
      '<img src="x" onerror="window.__pwned=1">',
    );
    expect(await page.textContent("#price-groups")).toContain("<script>window.__pwned=2</script>");
    expect(
      await page.evaluate(
        () => document.querySelectorAll("main img, main script, #book-summary b").length,
      ),
    ).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await shot(page, "07-markup-as-text", "#price-groups");
    await page.close();
  });
});

describe("hostile feeds change nothing and say why", () => {
  const valid = bundledCopy();
  const text = JSON.stringify(valid);
  const cases: [string, (req: unknown, res: import("node:http").ServerResponse) => void, string][] =
    [
      [
        "huge",
        (_req, res) => {
          // 3 MB, chunked, no Content-Length.
          res.writeHead(200, { "content-type": "application/json" });
          for (let i = 0; i < 48; i++) res.write(" ".repeat(64 * 1024));
          res.end(text);
        },
        "larger than 2 MB",
      ],
      [
        "endless",
        (_req, res) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.write("[");
          const tick = setInterval(() => res.write("0,".repeat(32 * 1024)), 5);
          res.on("close", () => clearInterval(tick));
        },
        "larger than 2 MB",
      ],
      ["malformed", jsonFeed(text.slice(0, -20)), "not valid JSON"],
      [
        "html",
        jsonFeed("<html><body>Gateway timeout</body></html>"),
        "not valid JSON: the address returned a web page",
      ],
      [
        "wrong-types",
        jsonFeed(
          book((b) => ((openaiTier(b, "low", "1024x1024") as { price: unknown }).price = "cheap")),
        ),
        // providers[0] is openai; its first price set's first tier is low 1024x1024.
        'not a valid price book: providers[0] ("openai").image[0].pricing.tiers[0].price: expected a number, found the text "cheap".',
      ],
      ["proto", jsonFeed(`{"__proto__":{"polluted":"yes"},${text.slice(1)}`), "__proto__"],
      [
        "absurd",
        jsonFeed(book((b) => (openaiTier(b, "high", "1024x1024").price = 500))),
        "$500 per image is implausible",
      ],
      [
        "negative",
        jsonFeed(book((b) => (openaiTier(b, "low", "1024x1024").price = -0.01))),
        'not a valid price book: providers[0] ("openai").image[0].pricing.tiers[0].price: must be at least 0, found the number -0.01.',
      ],
      [
        "missing",
        (_req, res) => {
          res.writeHead(404).end("no");
        },
        "The feed answered HTTP 404 (nothing is at that address).",
      ],
    ];

  beforeAll(() => {
    for (const [name, handler] of cases) h.feeds.set(`/hostile/${name}`, handler);
  });

  it.each(cases.map(([name, , why]) => [name, why]))(
    "rejects the %s feed (%s)",
    async (name, why) => {
      const page = await h.open();
      const out = await refreshFrom(page, `${h.origin}/hostile/${name}`);
      expect(out.tone).toContain("is-error");
      expect(out.text).toContain("rejected");
      expect(out.text).toContain(why);
      expect(out.text).toContain(
        `Nothing was changed; the prices in use are still version ${BUNDLED_VERSION}.`,
      );
      expect(await page.isHidden("#review")).toBe(true);
      expect(await page.textContent("#book-summary")).toContain(`version ${BUNDLED_VERSION}`);
      await tab(page, "estimate");
      expect(await estimateTotal(page)).toBe("$53.00");
      expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(53);
      expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty(
        "polluted",
      );
      if (name === "huge") await shot(page, "08-rejected");
      await page.close();
    },
  );

  it("times out a feed that trickles forever", async () => {
    h.feeds.set("/hostile/slow", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
      const tick = setInterval(() => res.write(" "), 200);
      res.on("close", () => clearInterval(tick));
    });
    const page = await h.open();
    await refreshOptions(page);
    await page.check('input[name="feed"][value="url"]');
    await page.fill("#feed-url", `${h.origin}/hostile/slow`);
    await page.click("#refresh");
    // The progress indicator shows while the pane waits.
    expect(await page.isVisible("#refresh-progress")).toBe(true);
    await shot(page, "09-refreshing");
    await page.waitForFunction(
      () => document.body.getAttribute("aria-busy") === "false",
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.textContent("#message")).toBe(
      `Refresh rejected: The feed did not answer within 10 s. Try again later, or check the address. Nothing was changed; the prices in use are still version ${BUNDLED_VERSION}.`,
    );
    await tab(page, "estimate");
    expect(await estimateTotal(page)).toBe("$53.00");
    await page.close();
  });

  it("says when a server does not allow add-ins to read its feed (CORS)", async () => {
    // The same valid feed, from another origin that sends no Access-Control-Allow-Origin.
    h.feeds.set("/cors/prices.json", jsonFeed(text));
    const page = await h.open();
    const out = await refreshFrom(page, `${h.otherOrigin}/cors/prices.json`);
    const host = new URL(h.otherOrigin).host;
    expect(out.text).toBe(
      `Refresh rejected: ${host} answered, but the server does not allow add-ins to read it (no CORS permission). Ask its owner to allow it, or publish the feed where add-ins may read it. Nothing was changed; the prices in use are still version ${BUNDLED_VERSION}.`,
    );
    expect(out.tone).toContain("is-error");
    await page.close();
  });

  it("says when a feed's server cannot be reached", async () => {
    // A port the system just handed out and closed again: nothing listens there.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((done) => probe.close(() => done()));
    const page = await h.open();
    const out = await refreshFrom(page, `http://127.0.0.1:${port}/prices.json`);
    expect(out.text).toMatch(
      new RegExp(
        `^Refresh rejected: Could not reach 127\\.0\\.0\\.1:${port} \\(.+\\)\\. Check the address and your connection\\. Nothing was changed; the prices in use are still version `,
      ),
    );
    await page.close();
  });

  it("lists every problem of an invalid feed under Details, in a short message bar", async () => {
    h.feeds.set(
      "/hostile/two-problems",
      jsonFeed(
        book((b) => {
          (b as unknown as Record<string, unknown>)["extra"] = 1;
          (openaiTier(b, "low", "1024x1024") as { price: unknown }).price = "cheap";
        }),
      ),
    );
    const page = await h.open();
    const out = await refreshFrom(page, `${h.origin}/hostile/two-problems`);
    expect(out.text).toContain("The feed is not a valid price book (2 problems; see Details).");
    const details = await page.$$eval("#message .message-details li", (lis) =>
      lis.map((li) => li.textContent),
    );
    expect(details).toEqual(
      expect.arrayContaining([
        'providers[0] ("openai").image[0].pricing.tiers[0].price: expected a number, found the text "cheap"',
        `the feed's top level: has field a price book does not have: "extra"; remove it`,
      ]),
    );
    // The details are folded: the bar stays a couple of lines tall.
    const bar = await page.locator("#message-bar").boundingBox();
    expect(bar?.height ?? Infinity).toBeLessThan(130);
    await page.close();
  });

  it.each([
    ["http://example.com/p.json", "only accepted for localhost"],
    ["file:///etc/passwd", "Only https"],
    ["javascript:alert(1)", "Only https"],
  ])("refuses to fetch %s", async (url, why) => {
    // Typed into the feed address box: the refusal names what is accepted.
    const page = await h.open();
    const out = await refreshFrom(page, url);
    expect(out.text).toContain(why);
    expect(await page.getAttribute("#feed-url", "aria-invalid")).toBe("true");
    await page.close();
  });
});

describe("messages", () => {
  it("are short, dismissible, and sit above the tabs without covering any control", async () => {
    const page = await h.open();
    await refreshFrom(page, "http://example.com/p.json");
    expect(await page.isVisible("#message-bar")).toBe(true);
    const overlaps = await page.evaluate(() => {
      const bar = document.querySelector("#message-bar")?.getBoundingClientRect();
      if (bar === undefined) return ["no bar"];
      const hits: string[] = [];
      for (const el of document.querySelectorAll("button, input, select, summary, [role=tab]")) {
        if ((el as HTMLElement).closest("#message-bar") !== null) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < bar.right && r.right > bar.left && r.top < bar.bottom && r.bottom > bar.top)
          hits.push(el.id || el.tagName);
      }
      return hits;
    });
    expect(overlaps).toEqual([]);
    await page.click("#dismiss");
    expect(await page.isHidden("#message-bar")).toBe(true);
    await page.close();
  });

  it("a failed insert outside Excel says why, and an estimate of 1.5 images inserts nothing", async () => {
    const page = await h.open();
    await page.fill("#est-volume", "1.5");
    // The insert button is disabled outside Excel; the estimate itself says what is wrong.
    expect(await estimateTotal(page)).toContain("must be a whole number");
    expect(await page.textContent("#est-formula")).toBe("");
    await page.fill("#est-volume", "1000");
    await page.close();
  });
});

describe("numbers in the user's locale", () => {
  it("reads 0,5 and writes money the German way in a German pane", async () => {
    const page = await h.open({ locale: "de-DE" });
    await page.fill("#est-volume", "1000");
    await page.selectOption("#est-quality", "high");
    await page.fill("#est-retry", "1,2");
    // 1,000 x 0.211 x 1.2 = 253.2, written the German way.
    expect((await estimateTotal(page)).replace(/\s/g, " ")).toBe("253,20 $");
    // The formula is Excel's en-US formula language whatever the locale (Office.js writes it so).
    expect(await page.textContent("#est-formula")).toBe(
      '=IMG.COST("openai","high","1024x1024",1000,1.2)',
    );
    await tab(page, "budget");
    await page.fill("#bud-amount", "1.000");
    await page.fill("#bud-cap", "100,5");
    // German 1.000 is a thousand: 1,000 x 0.053 = 53 a month; 100.5 - 53 = 47.5 left.
    expect((await page.textContent("#bud-total"))?.replace(/\s/g, " ")).toBe("53,00 $ a month");
    expect((await page.textContent("#bud-facts"))?.replace(/\s/g, " ")).toContain("47,50 $ left");
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe("accessibility", () => {
  it("has no serious or critical violations, at rest and while reviewing a refresh", async () => {
    const page = await h.open();
    expect(await seriousViolations(page)).toEqual([]);
    await refreshFrom(page, `${h.origin}/feeds/drastic.json`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("can be driven from the keyboard: tab reaches the pivot and every estimate input", async () => {
    const page = await h.open();
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      seen.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        "tab-estimate",
        "est-provider",
        "est-quality",
        "est-size",
        "est-volume",
        "est-retry",
      ]),
    );
    await page.close();
  });
});
