/**
 * "As of" pricing with a book that holds two price sets (test/fixtures/books/dated.two-price-sets.json):
 * OpenAI's launch rates from 2026-04-21 and a cut from 2026-06-01; a Batch offer at 50% of whichever
 * OpenAI set is in effect; and a provider whose only price starts 2026-07-01.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bundledBook,
  cost,
  loadBook,
  priceHistory,
  price,
  priceRows,
  quote,
  rank,
  tokenCost,
  type CompiledBook,
} from "../../src/core";
import { failure, value } from "./expect-result";

const json: unknown = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "books", "dated.two-price-sets.json"), "utf8"),
);
const book: CompiledBook = value(
  loadBook(json, {
    kind: "url",
    url: "https://example.test/book.json",
    fetchedAt: "2026-06-02T09:00:00Z",
  }),
);

describe("as of a date, the newest price set in effect that day", () => {
  it("defaults to the newest set", () => {
    expect(value(price(book, "openai", "low", "square"))).toBe(0.004); // June set
  });

  it("the day before the cut, on it, and after it", () => {
    expect(value(price(book, "openai", "low", "square", "2026-05-31"))).toBe(0.006);
    expect(value(price(book, "openai", "low", "square", "2026-06-01"))).toBe(0.004);
    expect(value(price(book, "openai", "high", "portrait", "2026-12-31"))).toBe(0.15);
  });

  it("accepts an Excel serial: 46140 is 2026-04-28, before the cut", () => {
    // 1,000 x 0.053 = 53 on launch rates; 1,000 x 0.04 = 40 after the cut
    expect(value(cost(book, "openai", "medium", "square", 1000, 1, 46140))).toBe(53);
    expect(value(cost(book, "openai", "medium", "square", 1000, 1))).toBe(40);
  });

  it("nothing in effect before the first set", () => {
    const message = failure(
      price(book, "openai", "low", "square", "2026-04-20"),
      "NO_PRICE_ON_DATE",
    );
    expect(message).toContain("2026-04-20");
    expect(message).toContain("2026-04-21");
  });

  it("a scaled offer follows the set its base has in effect that day", () => {
    // launch: 0.006 / 2 = 0.003; June: 0.004 / 2 = 0.002
    expect(value(price(book, "openai-batch", "low", "square", "2026-05-01"))).toBe(0.003);
    expect(value(price(book, "openai-batch", "low", "square"))).toBe(0.002);
  });

  it("a provider whose first price starts later has none before then", () => {
    expect(value(price(book, "later", "low", "square"))).toBe(0.001);
    failure(price(book, "later", "low", "square", "2026-06-15"), "NO_PRICE_ON_DATE");
  });

  it("quotes name the set used", () => {
    const before = value(quote(book, "openai", "low", "square", "2026-05-01"));
    expect([before.effective, before.source.title, before.notes]).toEqual([
      "2026-04-21",
      "Rates page",
      ["Launch."],
    ]);
    const after = value(quote(book, "openai", "low", "square"));
    expect([after.effective, after.source.title, after.notes]).toEqual([
      "2026-06-01",
      "Rates page, June",
      ["June cut."],
    ]);
  });

  it("token meters too", () => {
    // launch: 1M text input x 5 = 5; June: x 4 = 4
    const tokens = { textInput: 1_000_000, imageInput: 0, imageOutput: 0 };
    expect(value(tokenCost(book, "openai", tokens, "2026-05-01"))).toBe(5);
    expect(value(tokenCost(book, "openai", tokens))).toBe(4);
    failure(tokenCost(book, "openai", tokens, "2026-01-01"), "NO_PRICE_ON_DATE");
  });

  it("rankings and the price table", () => {
    const ranking = value(rank(book, "medium", "square", 100, 1, "2026-05-01"));
    // batch 0.0265 x 100 = 2.65; openai 0.053 x 100 = 5.3 (multiple 2)
    expect(ranking.rows.map((r) => [r.provider.id, r.total, r.multiple])).toEqual([
      ["openai-batch", 2.65, 1],
      ["openai", 5.3, 2],
    ]);
    expect(ranking.leftOut.map((x) => [x.provider.id, x.reason.includes("2026-07-01")])).toEqual([
      ["later", true],
    ]);
    const rows = value(priceRows(book, "openai", "2026-05-01"));
    expect(rows.find((r) => r.quality === "low" && r.size === "1024x1024")?.price).toBe(0.006);
  });

  it("asking the same date again gives the same answer", () => {
    for (let i = 0; i < 3; i++)
      expect(value(price(book, "openai-batch", "high", "square", "2026-05-02"))).toBe(0.1055);
  });

  it("keeps where the book came from", () => {
    expect(book.origin).toEqual({
      kind: "url",
      url: "https://example.test/book.json",
      fetchedAt: "2026-06-02T09:00:00Z",
    });
    expect(book.bookVersion).toBe("test.1");
  });
});

describe("as of a date on the bundled book", () => {
  // pixazo-pricing-breakdown: High $0.211 / 1024x1024, in effect from GPT Image 2's release, 2026-04-21 (llm-reference-openai-api).
  it('=IMG.COST("openai","high","1024x1024",1000,1,DATE(2026,6,1)) is 1,000 x 0.211 = 211', () => {
    // DATE(2026,6,1) is serial 46174: 46143 is 2026-05-01, + 31 days (May) = 2026-06-01.
    expect(value(cost(bundledBook, "openai", "high", "1024x1024", 1000, 1, 46174))).toBe(211);
    expect(value(cost(bundledBook, "openai", "high", "1024x1024", 1000, 1, "2026-06-01"))).toBe(
      211,
    );
  });

  it("before any price took effect, #N/A says when the first did", () => {
    // DATE(2026,3,1) = 46082 (46174 - 31 - 30 - 31 = 2026-03-01)
    const message = failure(
      cost(bundledBook, "openai", "high", "1024x1024", 1000, 1, 46082),
      "NO_PRICE_ON_DATE",
    );
    expect(message).toContain("2026-03-01");
    expect(message).toContain("2026-04-21");
  });

  it("a ranking before any price names the first date prices apply", () => {
    const message = failure(
      rank(bundledBook, "low", "square", 1, 1, "2026-03-01"),
      "NO_PRICE_ON_DATE",
    );
    expect(message).toBe(
      "No price in this book is in effect on 2026-03-01; the first takes effect on 2026-04-21.",
    );
  });

  it("a ranking between release and Atlas's page date ranks those in effect and names Atlas", () => {
    // 2026-05-01: Atlas's price applies from its page's 2026-05-04; OpenAI low square 0.006.
    const ranking = value(rank(bundledBook, "low", "square", 1, 1, "2026-05-01"));
    expect(ranking.rows.map((r) => r.provider.id)).not.toContain("atlas");
    const atlas = ranking.leftOut.find((l) => l.provider.id === "atlas");
    expect(atlas?.reason).toContain("2026-05-04");
  });
});

describe("priceHistory: a provider's price sets and when each applied", () => {
  it("OpenAI in the two-set book: launch rates until the June cut, then the cut", () => {
    const history = value(priceHistory(book, "openai"));
    expect(history.map((h) => [h.billing, h.effective, h.until, h.dateLabel])).toEqual([
      ["image", "2026-04-21", "2026-06-01", "2026-04-21 (read 2026-04-21)"],
      ["image", "2026-06-01", null, "2026-06-01 (read 2026-06-01)"],
      ["tokens", "2026-04-21", "2026-06-01", "2026-04-21 (read 2026-04-21)"],
      ["tokens", "2026-06-01", null, "2026-06-01 (read 2026-06-01)"],
    ]);
    const lowSquare = (rows: { quality: string; size: string; price: number | null }[]) =>
      rows.find((r) => r.quality === "low" && r.size === "1024x1024")?.price;
    // launch 0.006, June 0.004 (the fixture's two tables)
    expect(lowSquare(history[0]?.rows ?? [])).toBe(0.006);
    expect(lowSquare(history[1]?.rows ?? [])).toBe(0.004);
  });

  it("an offer billed from OpenAI lists the date OpenAI's prices changed", () => {
    // Batch (one set from 2026-04-21, 50% of OpenAI) changes with OpenAI's June cut.
    const history = value(priceHistory(book, "openai-batch"));
    expect(history.map((h) => [h.effective, h.until])).toEqual([
      ["2026-04-21", "2026-06-01"],
      ["2026-06-01", null],
    ]);
    const lowSquare = (i: number) =>
      history[i]?.rows.find((r) => r.quality === "low" && r.size === "1024x1024")?.price;
    // 0.006 / 2 = 0.003 at launch; 0.004 / 2 = 0.002 from June
    expect([lowSquare(0), lowSquare(1)]).toEqual([0.003, 0.002]);
  });

  it("an unknown provider is UNKNOWN_PROVIDER", () => {
    failure(priceHistory(book, "dall-e"), "UNKNOWN_PROVIDER");
  });
});
