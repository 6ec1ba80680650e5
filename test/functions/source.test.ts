/**
 * Checks on the TypeScript source that the built bundle cannot expose: the shared active book (the
 * pane swaps it, the functions see it on their next call) and the mapping of every core error code.
 */
import { ExcelError, ErrorCode } from "../support/functions-harness";
import { bundledBook, compileBook, type ErrorCode as CoreErrorCode } from "../../src/core";
import { cost, book, price } from "../../src/functions/functions";
import { toExcelError } from "../../src/functions/errors";
import { getActiveBook, onActiveBookChange, setActiveBook } from "../../src/shared/activeBook";

// What Excel's runtime provides. The source reads it only when a function runs, not at import.
Object.assign(globalThis, { CustomFunctions: { Error: ExcelError, ErrorCode } });

afterEach(() => setActiveBook(bundledBook));

/** The bundled book with Atlas's flat price changed, as a refreshed feed would bring it. */
function bookWithAtlasAt(price: number): ReturnType<typeof compileBook> {
  const json = structuredClone(bundledBook.json) as {
    providers: { id: string; image?: { pricing: { price?: number } }[] }[];
  };
  const atlas = json.providers.find((p) => p.id === "atlas");
  const pricing = atlas?.image?.[0]?.pricing;
  if (pricing?.price === undefined) throw new Error("the bundled book has no flat Atlas price");
  pricing.price = price;
  return compileBook(json as typeof bundledBook.json, {
    kind: "url",
    url: "https://prices.example.com/feed.json",
    fetchedAt: "2026-06-01T00:00:00Z",
  });
}

describe("the active price book", () => {
  test("starts as the bundled book", () => {
    expect(getActiveBook()).toBe(bundledBook);
  });

  test("functions read it at call time: a new book changes the next result", () => {
    // atlas-cloud-guide: 1,000 x 0.008 = 8
    expect(cost([["atlas"]], [["low"]], [["square"]], [[1000]])).toEqual([[8]]);
    setActiveBook(bookWithAtlasAt(0.01));
    // the feed's 0.01 (Atlas's list price in atlas-cloud-guide): 1,000 x 0.01 = 10
    expect(cost([["atlas"]], [["low"]], [["square"]], [[1000]])).toEqual([[10]]);
    expect(price([["atlas"]], [["high"]], [["portrait"]])).toEqual([[0.01]]);
    expect(book()).toContain(
      "from https://prices.example.com/feed.json, fetched 2026-06-01T00:00:00Z",
    );
  });

  test("tells listeners about a change once, not about re-applying the same book, and can stop", () => {
    const seen: string[] = [];
    const stop = onActiveBookChange((next, previous) =>
      seen.push(`${previous.origin.kind}->${next.origin.kind}`),
    );
    const refreshed = bookWithAtlasAt(0.01);
    setActiveBook(refreshed);
    setActiveBook(refreshed);
    stop();
    setActiveBook(bundledBook);
    expect(seen).toEqual(["bundled->url"]);
  });

  test("a listener that throws does not stop the change or the other listeners", () => {
    const seen: string[] = [];
    const stopA = onActiveBookChange(() => {
      throw new Error("pane not ready");
    });
    const stopB = onActiveBookChange(() => seen.push("b"));
    const refreshed = bookWithAtlasAt(0.01);
    expect(() => setActiveBook(refreshed)).toThrow("pane not ready");
    expect(getActiveBook()).toBe(refreshed);
    expect(seen).toEqual(["b"]);
    stopA();
    stopB();
  });
});

describe("core error codes become the Excel error the contract names", () => {
  const NOT_AVAILABLE: CoreErrorCode[] = [
    "UNKNOWN_PROVIDER",
    "NOT_PUBLISHED",
    "SIZE_NOT_PRICED",
    "NO_TOKEN_METERS",
    "NO_PRICE_ON_DATE",
  ];
  const INVALID: CoreErrorCode[] = [
    "EMPTY",
    "BAD_NUMBER",
    "NEGATIVE",
    "RETRY_BELOW_ONE",
    "BAD_QUALITY",
    "BAD_SIZE",
    "BAD_DATE",
    "BAD_ARGUMENT",
    "BAD_BOOK",
  ];

  test.each(NOT_AVAILABLE)("%s -> #N/A with the core's message", (code) => {
    const error = toExcelError({ ok: false, code, message: `why ${code}` });
    expect(error).toEqual(new ExcelError("#N/A", `why ${code}`));
  });

  test.each(INVALID)("%s -> #VALUE! with the core's message", (code) => {
    const error = toExcelError({ ok: false, code, message: `why ${code}` });
    expect(error).toEqual(new ExcelError("#VALUE!", `why ${code}`));
  });
});
