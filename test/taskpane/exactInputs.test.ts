/**
 * The pane's side of exactness: the prices sheet and the quick estimate read typed numbers strictly,
 * name the cell of a price too large to hold, books over the size limit are refused on every path,
 * and a candidate under review is always diffed against the book in force.
 */
import { bundledBook, bundledBookJson, loadBook, MAX_BOOK_CHARS } from "../../src/core";
import { estimate, costFormula } from "../../src/taskpane/estimate";
import { bookToRows, HEADER, rowsToBook, type Cell } from "../../src/taskpane/pricesSheet/rows";
import { prepareFeedText } from "../../src/taskpane/refresh/prepare";
import { rebase } from "../../src/taskpane/refresh/rebase";
import { readStoredBook } from "../../src/taskpane/storedBook";
import {
  SETTINGS_KEY,
  STORED_FORMAT,
  storeBook,
  type SettingsLike,
} from "../../src/taskpane/storage";
import { bundledCopy, compiled, openaiTier } from "./fixtures";

const PLACE = { sheetName: "Prices", headerRow: 3, firstColumn: 0 };
const PRICE = HEADER.indexOf("Price (USD)");

/** The bundled book as sheet rows with OpenAI's high square price (the 7th row: worksheet row 10) set to `cell`. */
function sheetWithHighSquare(cell: Cell): ReturnType<typeof rowsToBook> {
  const rows = bookToRows(bundledBookJson).map((r) => [...r]);
  // Rows are low x3, medium x3, then high square: index 6, worksheet row 3 + 1 + 6 = 10.
  const target = rows[6];
  if (target === undefined || target[0] !== "openai") throw new Error("unexpected sheet layout");
  target[PRICE] = cell;
  return rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
}

describe("3. the prices sheet reads only plain decimals", () => {
  it.each([
    ["0x10", "$16"],
    ["0b1", "$1"],
    ["0o7", "$7"],
    ["1e-1", "$0.1"],
    ["Infinity", "Infinity"],
  ])("%j (which Number() reads as %s) is refused at Prices!H10", (typed) => {
    const read = sheetWithHighSquare(typed);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual([
      `Prices!H10: price must be a number >= 0 in US dollars (got "${typed}"); text is read only as a plain decimal number such as 1200 or 0.0265 (no thousands separators, exponents, hex or binary).`,
    ]);
  });

  it('"0.25" typed as text is read as 0.25', () => {
    const read = sheetWithHighSquare(" 0.25 ");
    expect(read.ok && openaiTier(read.book, "high", "1024x1024").price).toBe(0.25);
  });
});

describe("4. a sheet price of 1e308 names its cell", () => {
  it("is refused at Prices!H10 as too large, not later as Infinity at a JSON path", () => {
    // 1e308 US dollars is 1e314 micro-dollars: far past the 2^53 a book's whole micro-dollars hold.
    const read = sheetWithHighSquare(1e308);
    expect(read).toEqual({
      ok: false,
      errors: [
        "Prices!H10: price is too large (got 1e+308); prices are whole micro-dollars up to 9007199254.740991.",
      ],
    });
  });

  it("a long text cell is echoed cut to 40 characters", () => {
    const read = sheetWithHighSquare("9".repeat(32_767) + "x");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]).toContain(`(got "${"9".repeat(40)}...")`);
    expect(read.errors[0]?.length).toBeLessThan(300);
  });
});

describe("3. the quick estimate reads the volume strictly", () => {
  const input = { provider: "openai", quality: "high", size: "square", volume: "", retry: "" };

  it('"0x10" images is refused with the text named, as IMG.COST would', () => {
    const result = estimate(bundledBook, { ...input, volume: "0x10" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('"0x10" is text, not a number');
    // The formula it would insert keeps it as text too, so the cell gives the same error.
    expect(costFormula({ ...input, volume: "0x10" })).toBe(
      '=IMG.COST("openai","high","square","0x10")',
    );
  });

  it("1000 images x 1.2 retries at 0.211 = 253.2", () => {
    const result = estimate(bundledBook, { ...input, volume: "1000", retry: "1.2" });
    expect(result.ok && result.total).toBe(253.2);
  });
});

describe("5. books over 2 MB are refused on every path", () => {
  const huge = JSON.stringify({
    ...bundledBookJson,
    bookVersion: "x".repeat(MAX_BOOK_CHARS + 100_000),
  });

  it("a refresh", () => {
    const prepared = prepareFeedText(
      huge,
      { kind: "url", url: "https://x", fetchedAt: "2026-11-30T09:00:00Z" },
      bundledBook,
    );
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.message).toMatch(/over the limit of 2 MB/);
  });

  it("the book stored in a workbook, read at start, before JSON.parse", () => {
    const raw = JSON.stringify({ format: STORED_FORMAT, book: JSON.parse(huge) as unknown });
    let parsed = false;
    const settings: SettingsLike = {
      get: (name) => (name === SETTINGS_KEY ? raw : null),
      set: () => undefined,
      remove: () => undefined,
      saveAsync: () => undefined,
    };
    const original = JSON.parse;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      parsed = true;
      return original(...args) as unknown;
    }) as typeof JSON.parse;
    let read: ReturnType<typeof readStoredBook>;
    try {
      read = readStoredBook(settings);
    } finally {
      JSON.parse = original;
    }
    expect(parsed).toBe(false);
    expect(read.kind).toBe("invalid");
    if (read.kind === "invalid") expect(read.message).toMatch(/over the limit of 2 MB/);
  });

  it("a book just under the limit is accepted by a refresh, stored, and read back at start", async () => {
    const near = bundledCopy();
    // Padded to 1,000 characters under the limit, whatever the bundled book's own size.
    const pad = MAX_BOOK_CHARS - JSON.stringify(near).length - 1_000;
    near.providers[0]?.image[0]?.notes.push("n".repeat(pad));
    const text = JSON.stringify(near);
    expect(text.length).toBeLessThanOrEqual(MAX_BOOK_CHARS);
    const origin = { kind: "url" as const, url: "https://x", fetchedAt: "2026-11-30T09:00:00Z" };
    const prepared = prepareFeedText(text, origin, bundledBook);
    if (!prepared.ok) throw new Error(prepared.message);
    const saved = new Map<string, unknown>();
    const settings: SettingsLike = {
      get: (name) => saved.get(name) ?? null,
      set: (name, value) => void saved.set(name, value),
      remove: (name) => void saved.delete(name),
      saveAsync: (callback) =>
        callback?.({ status: "succeeded" } as unknown as Office.AsyncResult<void>),
    };
    await storeBook(settings, prepared.candidate.book, "2026-11-30T09:00:00Z");
    expect(readStoredBook(settings).kind).toBe("ok");
  });

  it("the prices sheet (its book goes through the same loading)", () => {
    // The sheet's rows are applied to the book in force; a book that grew past the limit there
    // (a huge note) is refused by the loading every path shares.
    const big = bundledCopy();
    big.providers[0]?.image[0]?.notes.push("n".repeat(MAX_BOOK_CHARS));
    const rows = bookToRows(big).map((r) => [...r]);
    const read = rowsToBook(big, [...HEADER], rows, PLACE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // What "Use prices from the sheet" does with the rows it read (workbookActions.ts).
    const loaded = loadBook(read.book, { kind: "sheet", sheetName: "Prices" });
    expect(loaded.ok ? "loaded" : loaded.message).toMatch(/over the limit of 2 MB/);
  });
});

describe("6. a candidate under review is diffed against the book in force", () => {
  it("is re-diffed when the stored book replaces the one it was diffed against", () => {
    // The feed raises OpenAI high square from 0.211 to 0.25. While it waits, the workbook's stored
    // book (high square 0.3) finishes loading and takes over: the change shown must be 0.3 -> 0.25.
    const feed = bundledCopy();
    feed.bookVersion = "feed";
    openaiTier(feed, "high", "1024x1024").price = 0.25;
    const stored = bundledCopy();
    stored.bookVersion = "stored";
    openaiTier(stored, "high", "1024x1024").price = 0.3;
    const storedBook = compiled(stored, { kind: "workbook" });

    const prepared = prepareFeedText(
      JSON.stringify(feed),
      { kind: "url", url: "https://x", fetchedAt: "2026-11-30T09:00:00Z" },
      bundledBook,
    );
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.candidate.against).toBe(bundledBook);
    const before = prepared.candidate.diff.changed.find((c) => c.label.includes("high"));
    expect(before?.before.price).toBe(0.211);

    const rebased = rebase(prepared.candidate, storedBook);
    expect(rebased.ok).toBe(true);
    if (!rebased.ok) return;
    expect(rebased.candidate.against).toBe(storedBook);
    expect(rebased.candidate.diff.versionBefore).toBe("stored");
    const change = rebased.candidate.diff.changed.filter((c) => c.label.includes("high"));
    expect(change.map((c) => [c.before.price, c.after.price])).toContainEqual([0.3, 0.25]);
    expect(rebased.candidate.diff.changed.some((c) => c.before.price === 0.211)).toBe(false);
  });

  it("is the same candidate when the book in force did not change", () => {
    const prepared = prepareFeedText(
      JSON.stringify(bundledBookJson),
      { kind: "url", url: "https://x", fetchedAt: "2026-11-30T09:00:00Z" },
      bundledBook,
    );
    if (!prepared.ok) throw new Error(prepared.message);
    const same = rebase(prepared.candidate, bundledBook);
    expect(same.ok && same.candidate).toBe(prepared.candidate);
  });
});
