import { bundledBookJson, cost, loadBook } from "../../src/core";
import { parseAddress, readPricesSheet, writePricesSheet } from "../../src/taskpane/pricesSheet/io";
import { bookToRows, HEADER, rowsToBook } from "../../src/taskpane/pricesSheet/rows";
import { uniqueSheetName } from "../../src/templates/naming";
import { fakeExcel } from "./fakeExcel";

describe("writePricesSheet", () => {
  it("adds a new sheet with the book as an Excel table", async () => {
    const excel = fakeExcel({ sheets: ["Sheet1"] });
    const written = await writePricesSheet(excel.context, bundledBookJson);
    const rows = bookToRows(bundledBookJson);
    expect(written).toEqual({ sheetName: "Prices", tableName: "ImgPrices", rows: rows.length });
    const sheet = excel.sheets.find((s) => s.name === "Prices");
    expect(sheet?.ranges.get("A3:P3")?.["values"]).toEqual([[...HEADER]]);
    expect(sheet?.ranges.get(`A4:P${3 + rows.length}`)?.["values"]).toEqual(rows);
    expect(excel.tables.map((t) => [t.name, t.address])).toEqual([
      ["ImgPrices", `A3:P${3 + rows.length}`],
    ]);
    // Identifying and date columns are text, so Excel keeps "2026-04-21" as written; prices are USD.
    const formats = sheet?.ranges.get(`A4:P${3 + rows.length}`)?.["numberFormat"] as string[][];
    expect(formats[0]?.[2]).toBe("@");
    expect(formats[0]?.[7]).toBe("$#,##0.00####");
    expect(sheet?.activated).toBe(true);
    expect(sheet?.frozenRows).toBe(3);
  });

  it('names it "Prices (2)" when "Prices" exists, and never writes to an existing sheet', async () => {
    const excel = fakeExcel({
      sheets: ["Sheet1", "prices"],
      tables: [{ name: "ImgPrices", sheet: "prices", address: "A3:M5", header: [], body: [] }],
      names: ["ImgPrices2"],
    });
    const written = await writePricesSheet(excel.context, bundledBookJson);
    expect(written.sheetName).toBe("Prices (2)");
    // "ImgPrices" is a table and "ImgPrices2" a defined name: both taken.
    expect(written.tableName).toBe("ImgPrices3");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "prices", "Prices (2)"]);
    for (const s of excel.sheets.filter((x) => x.original !== undefined)) {
      expect(s.ranges.size).toBe(0);
      expect(s.activated).toBe(false);
    }
  });

  it("removes its own half-made sheet when Excel refuses the write, and says so", async () => {
    // The second sync is the write (the first reads the names already taken).
    const excel = fakeExcel({ sheets: ["Sheet1", "Prices"], refuseSync: 2 });
    await expect(writePricesSheet(excel.context, bundledBookJson)).rejects.toThrow(
      /^Excel could not insert the prices sheet: The argument is invalid.*No existing sheet was changed\.$/,
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "Prices"]);
    expect(excel.tables).toEqual([]);
    expect(excel.syncs).toBe(3); // read, the refused write, the removal
  });

  it("counts on up: Prices (3) when Prices and Prices (2) exist", () => {
    expect(uniqueSheetName("Prices", ["Prices", "PRICES (2)"])).toBe("Prices (3)");
  });
});

describe("readPricesSheet", () => {
  function workbookWithPrices(
    sheetName: string,
    edit?: (rows: (string | number | boolean)[][]) => void,
  ) {
    const body = bookToRows(bundledBookJson).map((r) => [...r]);
    edit?.(body);
    return fakeExcel({
      sheets: ["Sheet1", sheetName],
      active: sheetName,
      tables: [
        { name: "ImgPrices", sheet: sheetName, address: "B5:N40", header: [[...HEADER]], body },
      ],
    });
  }

  it("reads the edited table back into a book that prices with the edit", async () => {
    const excel = workbookWithPrices("Prices", (rows) => {
      const openaiHighSquare = rows.find(
        (r) => r[0] === "openai" && r[4] === "high" && r[5] === "1024x1024",
      );
      if (openaiHighSquare) openaiHighSquare[7] = 0.2;
    });
    const read = await readPricesSheet(excel.context);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.place).toEqual({ sheetName: "Prices", headerRow: 5, firstColumn: 1 });
    const built = rowsToBook(bundledBookJson, read.sheet.header, read.sheet.rows, read.sheet.place);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const book = loadBook(built.book, { kind: "sheet", sheetName: "Prices" });
    // 1,000 x 0.2 = 200 (pixazo-pricing-breakdown had 0.211: 211).
    expect(book.ok && cost(book.value, "openai", "high", "1024x1024", 1000)).toEqual({
      ok: true,
      value: 200,
    });
  });

  it("points errors at the cell where the table really sits", async () => {
    const excel = workbookWithPrices("Prices (2)", (rows) => {
      const first = rows[0];
      if (first) first[7] = "free";
    });
    const read = await readPricesSheet(excel.context);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const built = rowsToBook(bundledBookJson, read.sheet.header, read.sheet.rows, read.sheet.place);
    // Table from B5: header row 5, first data row 6; Price is the 8th column: B + 7 = I.
    expect(built).toEqual({
      ok: false,
      errors: [`'Prices (2)'!I6: price must be a number >= 0 in US dollars (got "free").`],
    });
  });

  it("says to write a sheet first when there is none", async () => {
    const read = await readPricesSheet(fakeExcel({ sheets: ["Sheet1"] }).context);
    expect(read).toEqual({
      ok: false,
      message: 'No prices sheet in this workbook. Choose "Write prices to a sheet" first.',
    });
  });

  it("asks which one when several prices sheets exist and none is active", async () => {
    const excel = fakeExcel({
      sheets: ["Sheet1", "Prices", "Prices (2)"],
      active: "Sheet1",
      tables: [
        { name: "ImgPrices", sheet: "Prices", address: "A3:M9", header: [[...HEADER]], body: [] },
        {
          name: "ImgPrices2",
          sheet: "Prices (2)",
          address: "A3:M9",
          header: [[...HEADER]],
          body: [],
        },
      ],
    });
    const read = await readPricesSheet(excel.context);
    expect(read).toEqual({
      ok: false,
      message:
        "This workbook has 2 prices sheets (Prices, Prices (2)); go to the one to use, then try again.",
    });
  });

  it("parses the addresses Excel returns", () => {
    expect(parseAddress("'Prices (2)'!$C$12:$O$12")).toEqual({ row: 12, column: 2 });
    expect(parseAddress("Prices!AA3:AM3")).toEqual({ row: 3, column: 26 });
  });
});
