/**
 * "As of" pricing with a book that holds two price sets (test/fixtures/books/dated.two-price-sets.json):
 * OpenAI's launch rates from 2026-04-21 and a cut from 2026-06-01; a Batch offer at 50% of whichever
 * OpenAI set is in effect; and a provider whose only price starts 2026-07-01.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  cost,
  loadBook,
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
