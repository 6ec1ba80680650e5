import { OfficeMockObject } from "office-addin-mock";
import { SETTINGS_KEY, storeBook, forgetBook, type SettingsLike } from "../../src/taskpane/storage";
import { readStoredBook } from "../../src/taskpane/storedBook";
import { bundledCopy, compiled, openaiTier } from "./fixtures";

/** Office.context.document.settings as office-addin-mock builds it, backed by a plain map. */
function mockSettings(saveFails = false) {
  const saved = new Map<string, unknown>();
  const pending = new Map<string, unknown>();
  const office = new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (name: string) => (pending.has(name) ? pending.get(name) : null),
          set: (name: string, value: unknown) => {
            pending.set(name, value);
          },
          remove: (name: string) => {
            pending.delete(name);
          },
          saveAsync: (
            callback?: (result: { status: string; error?: { message: string } }) => void,
          ) => {
            if (saveFails) {
              callback?.({ status: "failed", error: { message: "The document is read-only." } });
              return;
            }
            saved.clear();
            for (const [k, v] of pending) saved.set(k, v);
            callback?.({ status: "succeeded" });
          },
        },
      },
    },
  }) as unknown as { context: { document: { settings: SettingsLike } } };
  return { settings: office.context.document.settings, saved, pending };
}

describe("storing the applied book in the workbook", () => {
  it("saves the book and reads the same prices back when the file reopens", async () => {
    const { settings, saved } = mockSettings();
    const json = bundledCopy();
    json.bookVersion = "from-feed";
    openaiTier(json, "medium", "1024x1024").price = 0.06;
    const book = compiled(json, {
      kind: "url",
      url: "https://example.com/p.json",
      fetchedAt: "2026-11-21T08:00:00Z",
    });
    await storeBook(settings, book, "2026-11-21T08:00:01Z");
    expect(typeof saved.get(SETTINGS_KEY)).toBe("string");

    const read = readStoredBook(settings);
    expect(read.kind).toBe("ok");
    if (read.kind !== "ok") return;
    expect(read.book.bookVersion).toBe("from-feed");
    expect(read.book.origin).toEqual({ kind: "workbook" });
    expect(read.from).toBe("https://example.com/p.json (fetched 2026-11-21T08:00:00Z)");
    expect(read.book.json).toEqual(json);
  });

  it("reports nothing stored in a new workbook", () => {
    expect(readStoredBook(mockSettings().settings)).toEqual({ kind: "none" });
  });

  it("forgets the stored book on reset, so the workbook follows the bundled prices", async () => {
    const { settings, saved } = mockSettings();
    await storeBook(settings, compiled(bundledCopy()), "2026-11-21T08:00:00Z");
    await forgetBook(settings);
    expect(saved.has(SETTINGS_KEY)).toBe(false);
    expect(readStoredBook(settings)).toEqual({ kind: "none" });
  });

  it("says why saving failed", async () => {
    const { settings } = mockSettings(true);
    await expect(
      storeBook(settings, compiled(bundledCopy()), "2026-11-21T08:00:00Z"),
    ).rejects.toThrow("The workbook did not save its settings: The document is read-only.");
  });

  it.each([
    ["text that is not JSON", "{oops", "not valid JSON"],
    ["a number", 42, "not in a readable form"],
    ["an unknown format", JSON.stringify({ format: 9, book: {} }), "has format 9"],
    ["a book with a negative price", null, "is invalid"],
    ["a book with an extra key", undefined, "is invalid"],
  ])("ignores a stored book that is %s, with a reason", (_what, value, why) => {
    const { settings } = mockSettings();
    let stored: unknown = value;
    if (value === null || value === undefined) {
      const json = bundledCopy() as unknown as Record<string, unknown>;
      if (value === null) openaiTier(json as never, "low", "1024x1024").price = -1;
      else json["injected"] = "<script>";
      stored = JSON.stringify({ format: 1, savedAt: "x", from: "y", book: json });
    }
    settings.set(SETTINGS_KEY, stored);
    const read = readStoredBook(settings);
    expect(read.kind).toBe("invalid");
    if (read.kind === "invalid") expect(read.message).toContain(why);
  });
});
