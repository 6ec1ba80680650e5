/**
 * The built pane in headless Chromium, outside Excel (office.js loads, Office.onReady gives no host):
 * it shows the book, estimates, refreshes from good and hostile feeds, rolls back and resets, and
 * passes an accessibility scan. IMG.COST is called through what the functions bundle registered in
 * the same page, to show the functions price with the book the pane applied.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { daysSince } from "../../../src/core";
import { bundledCopy, openaiTier, provider, type Json } from "../fixtures";
import { SCREENSHOTS, startHarness, type Harness } from "./harness";

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
  // seed 001 has OpenAI medium square at 0.053; this feed moves it to 0.06.
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

async function refreshFrom(
  page: Page,
  url: string | null,
): Promise<{ text: string; tone: string }> {
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
  return page.evaluate(() => {
    const m = document.querySelector("#message");
    return { text: m?.textContent ?? "", tone: m?.className ?? "" };
  });
}

async function shot(page: Page, name: string, selector?: string): Promise<void> {
  if (selector !== undefined) await page.locator(selector).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe("the pane outside Excel", () => {
  it("loads and shows the bundled book, its sources, stale flags and prices", async () => {
    const page = await h.open();
    expect(await page.textContent("#book-summary")).toBe(
      `Prices: version ${BUNDLED_VERSION}, published ${bundledCopy().published}, from the prices bundled with the add-in.`,
    );
    // Every provider is listed with its checked date; stale exactly when checked more than 30 days ago.
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    const items = await page.$$eval("#providers li", (lis) =>
      lis.map((li) => ({ text: li.textContent ?? "", stale: li.querySelector(".stale") !== null })),
    );
    const json = bundledCopy();
    expect(items).toHaveLength(json.providers.length);
    json.providers.forEach((p, i) => {
      const checked =
        [...p.image, ...p.tokens]
          .map((s) => s.checked)
          .sort()
          .pop() ?? "";
      expect(items[i]?.text).toContain(p.name);
      expect(items[i]?.text).toContain(`Checked ${checked}`);
      expect(items[i]?.stale).toBe(daysSince(checked, today) > 30);
    });
    // seed 001: OpenAI high square 0.211, with its source.
    const rows = await page.$$eval("#prices-table tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    expect(rows).toContainEqual([
      "OpenAI",
      "high",
      "1024x1024",
      "$0.211",
      "per image", // the unit in IMG.PRICES' words
      expect.any(String),
      expect.stringContaining("Pixazo: "),
    ]);
    // Inserting needs Excel, and the pane says so.
    for (const id of ["#insert-formula", "#write-sheet", "#read-sheet"])
      expect(await page.isDisabled(id)).toBe(true);
    expect(await page.textContent("#insert-help")).toContain("Inserting needs Excel");
    // The validator (zod) is not needed to show the bundled book: its chunk is not fetched at start.
    expect(await loadedScripts(page)).not.toContainEqual(expect.stringMatching(/validation/));
    expect(await page.getAttribute("body", "data-eval-free")).toBeNull();
    await shot(page, "01-loaded");
    await shot(page, "02-price-book", "#book-heading");
    expect(h.problems).toEqual([]);
    await page.close();
  });

  it("estimates at once and shows errors as text", async () => {
    const page = await h.open();
    // seed 001: 1,000 x 0.053 = 53
    expect(await estimateTotal(page)).toBe("$53.00");
    await page.selectOption("#est-quality", "high");
    await page.fill("#est-retry", "1.2");
    // seed 001 + seed 004's retry multiplier: 1,000 x 0.211 x 1.2 = 253.2
    expect(await estimateTotal(page)).toBe("$253.20");
    expect(await page.textContent("#est-detail")).toContain(
      '=IMG.COST("openai","high","1024x1024",1000,1.2)',
    );
    await page.selectOption("#est-provider", "prospolabs");
    await page.selectOption("#est-quality", "medium");
    await page.fill("#est-retry", "1");
    await page.fill("#est-volume", "10000");
    // seed 002: 10,000 x 0.028 = 280
    expect(await estimateTotal(page)).toBe("$280.00");
    await page.fill("#est-volume", "many");
    expect(await estimateTotal(page)).toContain('"many"');
    expect(await page.getAttribute("#est-total", "class")).toContain("is-error");
    await shot(page, "03-estimate-error");
    await page.close();
  });

  it("refreshes from the add-in's own feed: same prices, nothing to change", async () => {
    const page = await h.open();
    const out = await refreshFrom(page, null);
    expect(out.text).toContain("passed the checks");
    expect(await page.textContent("#review-body")).toContain("No price changes.");
    // The refresh loaded the validator's chunk from the add-in's origin, under script-src 'self',
    // with zod told not to probe for eval: no policy violation was reported.
    expect(await loadedScripts(page)).toContainEqual(
      expect.stringMatching(new RegExp(`^${h.origin}/validation\\.js$`)),
    );
    expect(await page.getAttribute("body", "data-eval-free")).toBe("true");
    expect(h.problems).toEqual([]);
    await page.click("#discard");
    expect(await page.textContent("#message")).toContain(`still version ${BUNDLED_VERSION}`);
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
    // Pixazo is billed at OpenAI's rates (seed 001): 1,000 x 0.06 = 60.
    expect(await cellCost(page, "pixazo", "medium", "1024x1024", 1000, null)).toBe(60);
    expect(await page.textContent("#prices-table")).toContain("$0.06");
    await shot(page, "05-applied");

    await page.click("#rollback");
    await page.waitForFunction(() =>
      (document.querySelector("#message")?.textContent ?? "").startsWith("Rolled back"),
    );
    expect(await page.textContent("#book-summary")).toContain(`version ${BUNDLED_VERSION}`);
    expect(await estimateTotal(page)).toBe("$53.00");
    expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(53);

    // Rolling back again returns to the feed's book; reset always goes to the bundled one.
    await page.click("#rollback");
    await page.waitForFunction(() =>
      (document.querySelector("#book-summary")?.textContent ?? "").includes("test-next"),
    );
    expect(await cellCost(page, "openai", "medium", "1024x1024", 1000, null)).toBe(60);
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
    await page.selectOption("#est-quality", "high");
    // 1,000 x 2.5 = 2,500
    expect(await estimateTotal(page)).toBe("$2,500.00");
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
    expect(await page.textContent("#providers")).toContain(
      '<img src="x" onerror="window.__pwned=1">',
    );
    expect(await page.textContent("#prices-table")).toContain("<script>window.__pwned=2</script>");
    expect(
      await page.evaluate(
        () => document.querySelectorAll("main img, main script, #book-summary b").length,
      ),
    ).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await shot(page, "07-markup-as-text", "#providers");
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
      ["html", jsonFeed("<html><body>Gateway timeout</body></html>"), "not valid JSON"],
      [
        "wrong-types",
        jsonFeed(
          book((b) => ((openaiTier(b, "low", "1024x1024") as { price: unknown }).price = "cheap")),
        ),
        "not a valid price book",
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
        "not a valid price book",
      ],
      [
        "missing",
        (_req, res) => {
          res.writeHead(404).end("no");
        },
        "HTTP 404",
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
      expect(out.text).toContain(`version ${BUNDLED_VERSION}`);
      expect(await page.isHidden("#review")).toBe(true);
      expect(await page.textContent("#book-summary")).toContain(`version ${BUNDLED_VERSION}`);
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
    expect(await page.textContent("#message")).toContain("did not answer within 10 s");
    expect(await estimateTotal(page)).toBe("$53.00");
    await page.close();
  });

  it.each([
    ["http://example.com/p.json", "only accepted for localhost"],
    ["file:///etc/passwd", "Only https"],
    ["javascript:alert(1)", "Only https"],
  ])("refuses to fetch %s", async (url, why) => {
    const page = await h.open();
    const out = await refreshFrom(page, url);
    expect(out.text).toContain(why);
    expect(await page.getAttribute("#feed-url", "aria-invalid")).toBe("true");
    await page.close();
  });
});

describe("accessibility", () => {
  const AXE = readFileSync(resolve(__dirname, "../../../node_modules/axe-core/axe.min.js"), "utf8");

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (ctx: Document) => Promise<{
              violations: { id: string; impact: string; help: string; nodes: unknown[] }[];
            }>;
          };
        }
      ).axe;
      return (await axe.run(document)).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        count: v.nodes.length,
      }));
    });
    return result
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.count})`);
  }

  it("has no serious or critical violations, at rest and while reviewing a refresh", async () => {
    const page = await h.open();
    expect(await seriousViolations(page)).toEqual([]);
    await refreshFrom(page, `${h.origin}/feeds/drastic.json`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("can be driven from the keyboard: tab reaches the estimate and the refresh button", async () => {
    const page = await h.open();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      seen.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        "est-provider",
        "est-quality",
        "est-size",
        "est-volume",
        "est-retry",
        "refresh",
      ]),
    );
    await page.close();
  });
});
