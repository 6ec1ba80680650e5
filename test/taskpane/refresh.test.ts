import { bundledBook, cost, price, priceHistory } from "../../src/core";
import { diffBooks } from "../../src/taskpane/refresh/diff";
import { parseJsonText, prepareFeedText } from "../../src/taskpane/refresh/prepare";
import { bundledCopy, compiled, openaiTier, provider } from "./fixtures";

const ORIGIN = {
  kind: "url",
  url: "https://example.com/p.json",
  fetchedAt: "2026-11-21T00:00:00Z",
} as const;

function feed(change: (book: ReturnType<typeof bundledCopy>) => void): string {
  const book = bundledCopy();
  book.bookVersion = "next";
  change(book);
  return JSON.stringify(book);
}

describe("diffBooks", () => {
  it("lists one changed OpenAI price and every provider billed at OpenAI's rates", () => {
    const next = bundledCopy();
    // pixazo-pricing-breakdown: OpenAI medium square is 0.053; the feed says 0.06.
    openaiTier(next, "medium", "1024x1024").price = 0.06;
    const diff = diffBooks(bundledBook, compiled(next));
    const lines = diff.changed.map(
      (c) => `${c.before.providerId} ${c.before.price} -> ${c.after.price}`,
    );
    // Azure, Pixazo and Replicate BYOK are billed at OpenAI's rates (pixazo-pricing-breakdown), so they move with it;
    // the Batch API is 50% off: 0.053 x 0.5 = 0.0265 -> 0.06 x 0.5 = 0.03.
    expect(lines.sort()).toEqual(
      [
        "azure 0.053 -> 0.06",
        "openai 0.053 -> 0.06",
        "openai-batch 0.0265 -> 0.03",
        "pixazo 0.053 -> 0.06",
        "replicate-byok 0.053 -> 0.06",
      ].sort(),
    );
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.same).toBe(false);
  });

  it("says nothing changed for the same book", () => {
    const diff = diffBooks(bundledBook, compiled(bundledCopy()));
    expect(diff.same).toBe(true);
  });

  it("lists a removed provider and its rows", () => {
    const next = bundledCopy();
    next.providers = next.providers.filter((p) => p.id !== "replicate");
    const diff = diffBooks(bundledBook, compiled(next));
    expect(diff.removedProviders).toEqual([{ id: "replicate", name: "Replicate" }]);
    expect(diff.removed.map((r) => r.providerId)).toEqual(["replicate"]);
  });
});

describe("prepareFeedText", () => {
  it("accepts a plausible feed and keeps the diff for review", () => {
    const out = prepareFeedText(
      feed((b) => {
        openaiTier(b, "high", "1024x1024").price = 0.2;
      }),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.candidate.warnings).toEqual([]);
    expect(out.candidate.book.origin).toEqual(ORIGIN);
    expect(
      out.candidate.diff.changed.find((c) => c.before.providerId === "openai")?.after.price,
    ).toBe(0.2);
  });

  it("asks for confirmation when a price moves more than 10x", () => {
    // pixazo-pricing-breakdown: high square 0.211; 2.2 / 0.211 = 10.4x.
    const out = prepareFeedText(
      feed((b) => (openaiTier(b, "high", "1024x1024").price = 2.2)),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(
      out.candidate.warnings.some((w) =>
        w.includes("OpenAI: high, 1024x1024: $0.211 -> $2.2 moves by more than 10x"),
      ),
    ).toBe(true);
  });

  it("asks for confirmation when a price drops below a tenth", () => {
    // 0.211 / 0.02 = 10.55x down.
    const out = prepareFeedText(
      feed((b) => (openaiTier(b, "high", "1024x1024").price = 0.02)),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok && out.candidate.warnings.length).toBeGreaterThan(0);
  });

  it("does not ask for a move of exactly 10x or less", () => {
    // 0.211 x 10 = 2.11: not more than 10x.
    const out = prepareFeedText(
      feed((b) => (openaiTier(b, "high", "1024x1024").price = 2.11)),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok && out.candidate.warnings).toEqual([]);
  });

  it("asks for confirmation when a provider disappears", () => {
    const out = prepareFeedText(
      feed((b) => {
        b.providers = b.providers.filter((p) => p.id !== "replicate");
      }),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok && out.candidate.warnings).toEqual([
      "Removes the provider Replicate (replicate); its cells would show #N/A.",
    ]);
  });

  it("refuses an absurd image price", () => {
    const out = prepareFeedText(
      feed((b) => (openaiTier(b, "high", "1024x1024").price = 150)),
      ORIGIN,
      bundledBook,
    );
    expect(out).toEqual({
      ok: false,
      message: expect.stringContaining(
        "$150 per image is implausible (the limit is $100 per image)",
      ),
    });
  });

  it("refuses an absurd token price", () => {
    const out = prepareFeedText(
      feed((b) => {
        const set = provider(b, "openai").tokens[0];
        if (set) set.meters.imageOutput = 30_000;
      }),
      ORIGIN,
      bundledBook,
    );
    expect(out).toEqual({
      ok: false,
      message: expect.stringContaining("per 1M tokens is implausible"),
    });
  });

  it("refuses a negative price through the schema", () => {
    const out = prepareFeedText(
      feed((b) => (openaiTier(b, "low", "1024x1024").price = -0.006)),
      ORIGIN,
      bundledBook,
    );
    expect(out).toEqual({ ok: false, message: expect.stringContaining("not a valid price book") });
  });

  it.each([
    ["empty text", ""],
    ["truncated JSON", '{"schemaVersion": 1, "providers": ['],
    ["HTML error page", "<html><body>502 Bad Gateway</body></html>"],
  ])("refuses %s as not JSON", (_what, text) => {
    const out = prepareFeedText(text, ORIGIN, bundledBook);
    expect(out).toEqual({ ok: false, message: expect.stringContaining("not valid JSON") });
  });

  it.each([
    ["a number", "42"],
    ["an array", "[]"],
    ["null", "null"],
    [
      "prices as text",
      feed((b) => ((openaiTier(b, "low", "1024x1024") as { price: unknown }).price = "0.006")),
    ],
    ["a missing field", JSON.stringify({ ...bundledCopy(), published: undefined })],
  ])("refuses %s as not a price book", (_what, text) => {
    const out = prepareFeedText(text, ORIGIN, bundledBook);
    expect(out).toEqual({ ok: false, message: expect.stringContaining("not a valid price book") });
  });

  it("refuses __proto__ keys and leaves Object.prototype untouched", () => {
    const book = JSON.stringify(bundledCopy());
    const hostile = `{"__proto__":{"polluted":"yes"},${book.slice(1)}`;
    const nested = book.replace('"id":"openai",', '"id":"openai","__proto__":{"polluted":"yes"},');
    expect(nested).not.toBe(book);
    for (const text of [hostile, nested]) {
      const parsed = parseJsonText(text);
      expect(parsed.ok).toBe(true);
      const out = prepareFeedText(text, ORIGIN, bundledBook);
      expect(out).toEqual({ ok: false, message: expect.stringContaining("__proto__") });
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("keeps markup in names as plain data (rendering it is the pane's job, as text)", () => {
    const out = prepareFeedText(
      feed((b) => (provider(b, "openai").name = '<img src=x onerror="alert(1)">')),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok && out.candidate.book.providers[0]?.name).toBe('<img src=x onerror="alert(1)">');
  });

  it("asks for confirmation before replacing newer prices with an older book", () => {
    const out = prepareFeedText(
      feed((b) => (b.published = "2026-01-01")),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok && out.candidate.warnings.join(" ")).toContain(
      "published 2026-01-01, before the book in use",
    );
  });
});

describe("a refresh keeps the price history", () => {
  it("a feed that changes a price without a new date adds a set from the refresh date", () => {
    // pixazo-pricing-breakdown: OpenAI medium square 0.053; the feed (fetched 2026-11-21) says 0.06 from the same
    // 2026-04-21, which would rewrite history: the change applies from 2026-11-21 instead.
    const out = prepareFeedText(
      feed((b) => (openaiTier(b, "medium", "1024x1024").price = 0.06)),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const book = out.candidate.book;
    const openai = provider(book.json, "openai");
    expect(openai.image.map((s) => s.effective)).toEqual(["2026-04-21", "2026-11-21"]);
    // the published set is kept as it was
    expect(openai.image[0]).toEqual(provider(bundledBook.json, "openai").image[0]);
    expect(out.candidate.redated).toHaveLength(1);
    expect(out.candidate.redated?.[0]).toContain("apply from 2026-11-21");
    // last month's and today's prices: 1,000 x 0.053 = 53 on 2026-10-31; 1,000 x 0.06 = 60 now
    expect(cost(book, "openai", "medium", "square", 1000, 1, "2026-10-31")).toEqual({
      ok: true,
      value: 53,
    });
    expect(cost(book, "openai", "medium", "square", 1000)).toEqual({ ok: true, value: 60 });
    // Batch is 50% of whichever OpenAI set applies: 0.0265 x 1,000 = 26.5, then 0.03 x 1,000 = 30
    expect(cost(book, "openai-batch", "medium", "square", 1000, 1, "2026-10-31")).toEqual({
      ok: true,
      value: 26.5,
    });
    expect(cost(book, "openai-batch", "medium", "square", 1000)).toEqual({ ok: true, value: 30 });
  });

  it("a feed set with its own new date is added as it is, and older sets stay", () => {
    const out = prepareFeedText(
      feed((b) => {
        const set = provider(b, "prospolabs").image[0];
        if (set === undefined || set.pricing.kind !== "perQuality") throw new Error("fixture");
        set.pricing.low.price = 0.006;
        set.effective = "2026-11-01";
      }),
      ORIGIN,
      bundledBook,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const history = priceHistory(out.candidate.book, "prospolabs");
    expect(history.ok && history.value.map((h) => [h.effective, h.until])).toEqual([
      ["2026-04-21", "2026-11-01"],
      ["2026-11-01", null],
    ]);
    expect(out.candidate.redated).toEqual([]);
    // prospolabs-model-page: Low $0.0072 until the feed's 0.006 from 2026-11-01
    expect(price(out.candidate.book, "prospolabs", "low", "square", "2026-10-31")).toEqual({
      ok: true,
      value: 0.0072,
    });
  });

  it("the same book merges to itself", () => {
    const out = prepareFeedText(JSON.stringify(bundledCopy()), ORIGIN, bundledBook);
    expect(out.ok && out.candidate.book.json.providers).toEqual(bundledBook.json.providers);
    expect(out.ok && out.candidate.diff.same).toBe(true);
  });
});
