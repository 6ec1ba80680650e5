import { bundledBookJson, cost, loadBook } from "../../src/core";
import {
  bookToRows,
  HEADER,
  rowsToBook,
  type Cell,
  type SheetPlace,
} from "../../src/taskpane/pricesSheet/rows";
import { bundledCopy, openaiTier } from "./fixtures";

const PLACE: SheetPlace = { sheetName: "Prices", headerRow: 3, firstColumn: 0 };
const col = (name: (typeof HEADER)[number]): number => HEADER.indexOf(name);

function sheet(): Cell[][] {
  return bookToRows(bundledBookJson).map((r) => [...r]);
}

/** Index of the data row for (provider, quality, size[, meter]). */
function find(
  rows: Cell[][],
  providerId: string,
  quality: string,
  size: string,
  meter = "",
): number {
  const i = rows.findIndex(
    (r) =>
      r[0] === providerId &&
      r[col("Quality")] === quality &&
      r[col("Size")] === size &&
      r[col("Meter")] === meter,
  );
  if (i < 0) throw new Error(`no row ${providerId} ${quality} ${size} ${meter}`);
  return i;
}

function set(rows: Cell[][], i: number, column: number, value: Cell): void {
  const r = rows[i];
  if (r === undefined) throw new Error("no row");
  r[column] = value;
}

describe("writing the book as sheet rows", () => {
  it("has one row per editable price with the source's numbers", () => {
    const rows = sheet();
    // pixazo-pricing-breakdown: OpenAI high square 0.211, portrait 0.165.
    expect(rows[find(rows, "openai", "high", "1024x1024")]?.[col("Price (USD)")]).toBe(0.211);
    expect(rows[find(rows, "openai", "high", "1024x1536")]?.[col("Price (USD)")]).toBe(0.165);
    // prospolabs-model-page: Prospolabs medium 0.028 (retail 0.047).
    const pro = rows[find(rows, "prospolabs", "medium", "any")];
    expect([pro?.[col("Price (USD)")], pro?.[col("List price (USD)")]]).toEqual([0.028, 0.047]);
    // atlas-cloud-guide: Atlas flat 0.008 (list 0.01).
    const atlas = rows.find((r) => r[0] === "atlas");
    expect([atlas?.[col("Price (USD)")], atlas?.[col("List price (USD)")]]).toEqual([0.008, 0.01]);
    // chatgptimages-api-pricing: image output 30.00 per 1M tokens.
    expect(rows[find(rows, "openai", "any", "any", "image output")]?.[col("Price (USD)")]).toBe(30);
  });

  it("shows each price's status, the readings not used and the page's own date", () => {
    const rows = sheet();
    const cells = (i: number, ...names: (typeof HEADER)[number][]) =>
      names.map((n) => rows[i]?.[col(n)]);
    // atlas-cloud-guide "Last Updated: May 4, 2026"; its FAQ "No 4K option": 3840x2160 is not offered.
    expect(
      cells(find(rows, "atlas", "any", "3840x2160"), "Price (USD)", "Status", "Page date"),
    ).toEqual(["", "disputed", "2026-05-04"]);
    expect(
      String(rows[find(rows, "atlas", "any", "3840x2160")]?.[col("Other readings")]),
    ).toContain("0.008 offered (Atlas Cloud:");
    // llm-reference-openai-api: Vercel "Input (per 1M) $5.00" is the other reading of image input, priced at 8.
    expect(
      cells(
        find(rows, "vercel", "any", "any", "image input"),
        "Price (USD)",
        "Status",
        "Page date",
      ),
    ).toEqual([8, "disputed", "2026-05-10"]);
    // pixazo-pricing-breakdown (Pixazo) gives no date; Batch is derived from "50% off".
    expect(
      cells(find(rows, "openai", "low", "1024x1024"), "Status", "Page date", "Read on"),
    ).toEqual(["published", "undated", "2026-11-21"]);
    expect(cells(find(rows, "openai-batch", "any", "any"), "Status")).toEqual(["derived"]);
  });

  it("reads a sheet with not-offered rows back unchanged, and refuses a price typed into one", () => {
    const rows = sheet();
    const same = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(same.ok && same.book.providers).toEqual(bundledBookJson.providers);
    set(rows, find(rows, "atlas", "any", "3840x2160"), col("Price (USD)"), 0.008);
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.join(" ")).toContain("read as not offered");
  });

  it("marks rows billed at another provider's rates instead of copying numbers", () => {
    const rows = sheet();
    const pixazo = rows.find((r) => r[0] === "pixazo");
    expect(pixazo?.[col("Price (USD)")]).toBe("");
    expect(String(pixazo?.[col("Notes")])).toContain("Billed at OpenAI's rates");
  });
});

describe("reading the sheet back", () => {
  it("names each token meter in the words IMG.PRICES uses, and still reads a sheet with the book's keys", () => {
    const rows = sheet();
    const meters = rows.filter((r) => r[0] === "openai" && r[col("Billing")] === "tokens");
    // OpenAI's token page (the LLM Reference source) lists five meters.
    expect(meters.map((r) => r[col("Meter")])).toEqual([
      "text input",
      "cached text input",
      "image input",
      "cached image input",
      "image output",
    ]);
    // A sheet written before the Meter column used words holds "cachedTextInput": same prices.
    const old = sheet();
    for (const r of old) {
      if (r[col("Meter")] === "cached text input") r[col("Meter")] = "cachedTextInput";
    }
    const read = rowsToBook(bundledBookJson, [...HEADER], old, PLACE);
    expect(read.ok).toBe(true);
    expect(read.ok && read.book.providers).toEqual(bundledBookJson.providers);
  });

  it("round-trips an unedited sheet to the same prices", () => {
    const read = rowsToBook(bundledBookJson, [...HEADER], sheet(), PLACE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const expected = bundledCopy();
    expected.bookVersion = `${expected.bookVersion} (edited in a sheet)`;
    expect(read.book).toEqual(expected);
    expect(loadBook(read.book).ok).toBe(true);
  });

  it("applies an edited price, typed as a number or as text, and prices with it", () => {
    const rows = sheet();
    set(rows, find(rows, "openai", "medium", "1024x1024"), col("Price (USD)"), 0.05);
    set(rows, find(rows, "prospolabs", "medium", "any"), col("Price (USD)"), "0.03");
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const book = loadBook(read.book, { kind: "sheet", sheetName: "Prices" });
    expect(book.ok).toBe(true);
    if (!book.ok) return;
    // 1,000 x 0.05 = 50; 10,000 x 0.03 = 300 (was 280 at prospolabs-model-page's 0.028).
    expect(cost(book.value, "openai", "medium", "1024x1024", 1000)).toEqual({
      ok: true,
      value: 50,
    });
    expect(cost(book.value, "prospolabs", "medium", "1024x1024", 10000)).toEqual({
      ok: true,
      value: 300,
    });
    // Pixazo is billed at OpenAI's rates, so it follows the edit: 1,000 x 0.05 = 50.
    expect(cost(book.value, "pixazo", "medium", "1024x1024", 1000)).toEqual({
      ok: true,
      value: 50,
    });
  });

  it("reads a date Excel turned into a serial number", () => {
    const rows = sheet();
    // Excel serial 46350: 46023 is 2026-01-01, plus 327 days (Jan..Oct = 304, + 23) = 2026-11-24.
    for (const meter of [
      "text input",
      "cached text input",
      "image input",
      "cached image input",
      "image output",
    ]) {
      set(rows, find(rows, "openai", "any", "any", meter), col("Read on"), 46350);
    }
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read.ok && read.book.providers[0]?.tokens[0]?.checked).toBe("2026-11-24");
  });

  it("names the cell of a price that is not a number", () => {
    const rows = sheet();
    const i = find(rows, "openai", "high", "1024x1024");
    set(rows, i, col("Price (USD)"), "abc");
    set(rows, find(rows, "openai", "low", "1024x1024"), col("Price (USD)"), -1);
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    // Header on row 3, so data row 0 is worksheet row 4; OpenAI low square is the first row,
    // high square the seventh (low x3, medium x3, then high): rows 4 and 10. Price is column H.
    expect(read).toEqual({
      ok: false,
      errors: [
        "Prices!H4: price must be a number >= 0 in US dollars (got -1).",
        'Prices!H10: price must be a number >= 0 in US dollars (got "abc").',
      ],
    });
  });

  it("quotes a sheet name with spaces the way Excel does", () => {
    const rows = sheet();
    set(rows, 0, col("Price (USD)"), "");
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, {
      ...PLACE,
      sheetName: "Prices (2)",
    });
    expect(read).toEqual({
      ok: false,
      errors: ["'Prices (2)'!H4: price is required for this row."],
    });
  });

  it("refuses more than 6 decimals", () => {
    const rows = sheet();
    set(rows, 0, col("Price (USD)"), 0.0060001);
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]).toMatch(/^Prices!H4: price has more than 6 decimals/);
  });

  it("refuses a price on a row billed at another provider's rates", () => {
    const rows = sheet();
    const i = rows.findIndex((r) => r[0] === "pixazo");
    set(rows, i, col("Price (USD)"), 0.01);
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read).toEqual({
      ok: false,
      errors: [`Prices!H${4 + i}: billed at OpenAI's rates; edit that provider's rows instead.`],
    });
  });

  it("refuses a price for a provider whose source publishes none", () => {
    const rows = sheet();
    const i = rows.findIndex((r) => r[0] === "replicate");
    set(rows, i, col("Price (USD)"), 0.01);
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read.ok || read.errors).toEqual([
      `Prices!H${4 + i}: the source publishes no price here, and none may be invented.`,
    ]);
  });

  it("refuses a row whose identifying columns were changed, and reports the one now missing", () => {
    const rows = sheet();
    set(rows, 0, col("Quality"), "ultra");
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]).toMatch(
      /^Prices!A4: no price in the book matches openai, 2026-04-21, image, ultra, 1024x1024/,
    );
    expect(read.errors[1]).toMatch(
      /^Prices: the row for OpenAI, low 1024x1024 from 2026-04-21 is missing/,
    );
  });

  it("refuses two different checked dates in one price set", () => {
    const rows = sheet();
    set(rows, find(rows, "openai", "any", "any", "image output"), col("Read on"), "2026-12-01");
    const read = rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]).toContain("read on 2026-12-01 differs from 2026-11-21");
  });

  it("refuses a sheet whose columns were renamed", () => {
    const header: Cell[] = [...HEADER];
    header[7] = "Cost";
    const read = rowsToBook(bundledBookJson, header, sheet(), PLACE);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.errors[0]).toMatch(/^Prices!H3: the table's columns must be Provider id, /);
  });

  it("does not touch the book it was given", () => {
    const before = JSON.stringify(bundledBookJson);
    const rows = sheet();
    set(rows, 0, col("Price (USD)"), 0.5);
    rowsToBook(bundledBookJson, [...HEADER], rows, PLACE);
    expect(JSON.stringify(bundledBookJson)).toBe(before);
    expect(openaiTier(bundledCopy(), "low", "1024x1024").price).toBe(0.006);
  });
});
