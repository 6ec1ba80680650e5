/**
 * The portable prices table: what it holds, the diff shown before a refresh rewrites it, and
 * reading edited prices back into a book through the prices sheet reader and the book validator.
 */
import { bundledBook, loadBook, price } from "../../src/core";
import { PORTABLE_HEADER, portableCells, portableRows } from "../../src/templates/portablePrices";
import {
  applyToSheetRows,
  describeDiff,
  diffPortable,
  readTable,
  tableChanges,
  type TableRow,
} from "../../src/templates/portableSync";
import { bookToRows, HEADER, rowsToBook } from "../../src/taskpane/pricesSheet/rows";

const TODAY = "2026-11-30";

function table(edit?: (cells: (string | number)[][]) => void): TableRow[] {
  const body = portableRows(bundledBook, TODAY).map(portableCells);
  edit?.(body);
  const read = readTable([...PORTABLE_HEADER], body);
  if (!read.ok) throw new Error(read.message);
  return read.rows;
}

function rowIndex(key: string): number {
  return portableRows(bundledBook, TODAY).findIndex((r) => r.key === key);
}

describe("the portable prices table", () => {
  const rows = portableRows(bundledBook, TODAY);
  const byKey = new Map(rows.map((r) => [r.key, r]));

  it("keys each price by provider, quality and size, as the formulas look it up", () => {
    // pixazo-pricing-breakdown: OpenAI high 1024x1024 = 0.211; atlas-cloud-guide: Atlas flat 0.008 at every quality
    expect(byKey.get("openai|high|1024x1024")?.price).toBe(0.211);
    expect(byKey.get("atlas|low|1536x1024")?.price).toBe(0.008);
    expect(byKey.get("atlas|high|1536x1024")?.price).toBe(0.008);
    // prospolabs-model-page: Prospolabs medium at any size 0.028
    expect(byKey.get("prospolabs|medium|any")?.price).toBe(0.028);
    // fal.ai's low price is for 1024x768 ("about 1024x768" in the size column)
    expect(byKey.get("fal|low|1024x768")?.size).toBe("1024x768 (about 1024x768)");
    // Token meters (llm-reference-openai-api): Vercel AI Gateway $5 input, $30 output per 1M tokens
    expect(byKey.get("vercel|token|textInput")?.price).toBe(5);
    expect(byKey.get("vercel|token|imageOutput")?.price).toBe(30);
  });

  it("gives a price that is not published no key, so no lookup can read it as 0", () => {
    const replicate = rows.filter((r) => r.providerId === "replicate");
    expect(replicate.length).toBeGreaterThan(0);
    expect(replicate.every((r) => r.key === "" && r.price === null)).toBe(true);
    expect(replicate[0]?.status).toBe("not published");
  });

  it("carries source, dates and a status on every row", () => {
    for (const r of rows) {
      expect(r.source).not.toBe("");
      expect(r.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.status).toMatch(/^(published|derived|bound|disputed|not published)$/);
    }
    // The book's own statuses: OpenAI's rates are published; Azure bills at OpenAI's.
    expect(byKey.get("openai|high|1024x1024")?.status).toBe("published");
    // OpenAI's image prices were read 2026-11-21: more than 30 days before 2027-01-05.
    const later = portableRows(bundledBook, "2027-01-05");
    expect(later.find((r) => r.key === "openai|high|1024x1024")?.status).toBe(
      "published, checked over 30 days ago",
    );
  });
});

describe("refreshing the table", () => {
  it("finds nothing to change when the table matches the book", () => {
    expect(diffPortable(table(), portableRows(bundledBook, TODAY)).same).toBe(true);
  });

  it("lists a changed price with its before and after", () => {
    const i = rowIndex("openai|high|1024x1024");
    const edited = table((body) => {
      body[i]![6] = 0.2;
    });
    const diff = diffPortable(edited, portableRows(bundledBook, TODAY));
    expect(describeDiff(diff)).toEqual(["OpenAI: high, 1024x1024: $0.2 -> $0.211"]);
  });

  it("lists a row someone deleted as added back", () => {
    const i = rowIndex("atlas|low|1024x1024");
    const edited = table((body) => body.splice(i, 1));
    const diff = diffPortable(edited, portableRows(bundledBook, TODAY));
    expect(diff.added.map((c) => c.label)).toEqual(["Atlas Cloud: low, 1024x1024"]);
  });

  it("refuses a table whose columns were changed, naming the expected columns", () => {
    const read = readTable(["Key", "Provider"], []);
    expect(read).toMatchObject({ ok: false, message: expect.stringContaining("Key, Provider id") });
  });

  it("refuses a price finer than a millionth of a dollar", () => {
    const body = portableRows(bundledBook, TODAY).map(portableCells);
    body[2]![6] = 0.0000015;
    expect(readTable([...PORTABLE_HEADER], body)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Row 3 .*more than 6 decimals/),
    });
  });

  it("refuses a price that is not a number of 0 or more", () => {
    const body = portableRows(bundledBook, TODAY).map(portableCells);
    body[0]![6] = "cheap";
    expect(readTable([...PORTABLE_HEADER], body)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Row 1 .*"cheap".*Accepted: a number of 0 or more/),
    });
  });
});

describe("using prices from the table", () => {
  function bookFrom(rows: TableRow[]) {
    const changes = tableChanges(rows, portableRows(bundledBook, TODAY));
    if (!changes.ok) return { errors: changes.errors };
    const applied = applyToSheetRows(
      bundledBook.json,
      bookToRows(bundledBook.json),
      changes.changes,
    );
    if (!applied.ok) return { errors: applied.errors };
    const place = { sheetName: "Portable prices", headerRow: 4, firstColumn: 0 };
    const built = rowsToBook(bundledBook.json, [...HEADER], applied.rows, place);
    if (!built.ok) return { errors: built.errors };
    const loaded = loadBook(built.book, { kind: "sheet", sheetName: "Portable prices" });
    if (!loaded.ok) return { errors: [loaded.message] };
    return { book: loaded.value };
  }

  it("applies an edited price, and the functions then use it", () => {
    const i = rowIndex("prospolabs|low|any");
    const result = bookFrom(
      table((body) => {
        body[i]![6] = 0.0065;
      }),
    );
    expect(result.book).toBeDefined();
    expect(price(result.book!, "prospolabs", "low", "square")).toEqual({ ok: true, value: 0.0065 });
    // Everything else is as before: OpenAI high square 0.211 (pixazo-pricing-breakdown)
    expect(price(result.book!, "openai", "high", "square")).toEqual({ ok: true, value: 0.211 });
  });

  it("applies an edited token meter", () => {
    const i = rowIndex("openai|token|imageOutput");
    const result = bookFrom(
      table((body) => {
        body[i]![6] = 32;
      }),
    );
    expect(
      result.book?.json.providers.find((p) => p.id === "openai")?.tokens.at(-1)?.meters.imageOutput,
    ).toBe(32);
  });

  it("refuses a price that follows another provider's rates, saying what to do", () => {
    // Azure bills at OpenAI's rates: its rows come from OpenAI's.
    const i = rowIndex("azure|high|1024x1024");
    const result = bookFrom(
      table((body) => {
        body[i]![6] = 0.3;
      }),
    );
    expect(result.errors?.[0]).toMatch(/Azure OpenAI: high, 1024x1024 .*another provider's rates/);
  });

  it("refuses two table prices that the book keeps as one", () => {
    // Atlas Cloud: one flat price for every quality and size (atlas-cloud-guide).
    const a = rowIndex("atlas|low|1024x1024");
    const b = rowIndex("atlas|high|1536x1024");
    const result = bookFrom(
      table((body) => {
        body[a]![6] = 0.007;
        body[b]![6] = 0.009;
      }),
    );
    expect(result.errors?.[0]).toMatch(/share one price/);
  });

  it("refuses a row the book does not have", () => {
    const result = bookFrom(
      table((body) => {
        body.push([
          "openai|high|9999x9999",
          "openai",
          "OpenAI",
          "high",
          "9999x9999",
          "",
          1,
          "image",
          "",
          "",
          "",
          "",
          "",
        ]);
      }),
    );
    expect(result.errors?.[0]).toMatch(/not a price of the active book/);
  });
});
