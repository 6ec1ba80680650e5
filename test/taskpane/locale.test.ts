import { bundledBook, type PriceRow } from "../../src/core";
import {
  formatDate,
  formatMoney,
  readLocaleNumber,
  setPaneLocale,
} from "../../src/taskpane/locale";
import { readImages, readRetryInput } from "../../src/taskpane/inputs";
import { priceStatus } from "../../src/taskpane/priceStatus";

afterEach(() => setPaneLocale(null));

describe("numbers typed in the user's locale", () => {
  it.each([
    ["en-US", "0.5", 0.5],
    ["en-US", "1,000", 1000],
    ["en-US", "1,234.5", 1234.5],
    ["de-DE", "0,5", 0.5],
    ["de-DE", "1.000", 1000],
    ["de-DE", "1.234,5", 1234.5],
    // A "." that is not in groups of three is a decimal point typed on an English keyboard.
    ["de-DE", "1.5", 1.5],
    ["fr-FR", "0,5", 0.5],
    ["fr-FR", "1 000", 1000],
    ["fr-FR", "1\u202f000,25", 1000.25],
  ])("%s reads %s as %d", (locale, text, value) => {
    expect(readLocaleNumber(text, "Images", locale)).toEqual({ ok: true, value });
  });

  it.each([
    ["en-US", "0,5"],
    ["en-US", "1,00"],
    ["de-DE", "1,2,3"],
    ["en-US", "many"],
    ["en-US", "1e3"],
  ])("%s refuses %s, naming it and what is accepted", (locale, text) => {
    const read = readLocaleNumber(text, "Images", locale);
    expect(read).toEqual({
      ok: false,
      message: expect.stringContaining(`Images "${text}" is text, not a number`),
    });
  });

  it("says what an empty input needs", () => {
    expect(readLocaleNumber(" ", "Monthly cap", "de-DE")).toEqual({
      ok: false,
      message: "Monthly cap is empty. Enter a number, e.g. 1.000 or 0,5.",
    });
  });
});

describe("whole images and the retry multiplier", () => {
  it("refuses 1.5 images with a message saying what to enter", () => {
    setPaneLocale("en-US");
    expect(readImages("1.5")).toEqual({
      ok: false,
      message: "Images must be a whole number: 1.5 images cannot be made. Enter 1 or 2.",
    });
  });

  it("reads a German 1,2 retry multiplier and refuses one below 1", () => {
    setPaneLocale("de-DE");
    expect(readRetryInput("1,2")).toEqual({ ok: true, value: 1.2 });
    expect(readRetryInput("")).toEqual({ ok: true, value: 1 });
    expect(readRetryInput("0,5")).toEqual({
      ok: false,
      message: expect.stringContaining("Retry multiplier 0,5 is below 1."),
    });
  });
});

describe("money and dates in the user's locale", () => {
  it("writes dates as people read them", () => {
    setPaneLocale("en-US");
    expect(formatDate("2026-05-04")).toBe("May 4, 2026");
    setPaneLocale("de-DE");
    expect(formatDate("2026-05-04")).toBe("4. Mai 2026");
  });

  it("writes money with the locale's separators", () => {
    setPaneLocale("en-US");
    expect(formatMoney(1234.5)).toBe("$1,234.50");
    setPaneLocale("de-DE");
    expect(formatMoney(1234.5).replace(/\s/g, " ")).toBe("1.234,50 $");
  });
});

describe("price status badges", () => {
  const openai = bundledBook.providers.find((p) => p.id === "openai");
  if (openai === undefined) throw new Error("no openai");

  it("flags an undated page and a price read more than 30 days ago", () => {
    setPaneLocale("en-US");
    const read = openai.checked;
    // pixazo-pricing-breakdown (Pixazo) gives no date of its own.
    const fresh = priceStatus(openai, read);
    expect(fresh.badges).toEqual(["undated"]);
    expect(fresh.dateText).toBe(`undated, read ${formatDate(read)}`);
    const later = new Date(Date.parse(read) + 31 * 86_400_000).toISOString().slice(0, 10);
    expect(priceStatus(openai, later).badges).toEqual(["stale", "undated"]);
  });

  it("reads status, page date and other readings from a price row when the row has them", () => {
    setPaneLocale("en-US");
    const row = {
      providerId: "openai",
      checked: "2026-11-21",
      status: "disputed",
      pageDate: "2026-05-04",
      readDate: "2026-11-21",
      otherReadings: [{ price: 0.06, source: "another page" }],
    } as unknown as PriceRow;
    const status = priceStatus(openai, "2026-11-22", row);
    expect(status.badges).toEqual(["disputed"]);
    expect(status.dateText).toBe("May 4, 2026, read Nov 21, 2026");
    expect(status.otherReadings).toEqual(["0.06, another page"]);
    const undated = {
      ...row,
      status: "published",
      pageDate: null,
      otherReadings: [],
    } as unknown as PriceRow;
    expect(priceStatus(openai, "2026-11-22", undated).dateText).toBe("undated, read Nov 21, 2026");
  });
});
