/**
 * A reopened workbook computes with the book stored in it. The runtime's start (src/shared/startup.ts)
 * runs against stand-ins for Office (the workbook's settings, Office.onReady) and Excel (a sheet of
 * IMG formulas that Excel computes, and recomputes on a full calculation), with the real IMG
 * functions, the real active book and the real reading of the stored book.
 *
 * The stored book prices OpenAI high 1024x1024 at 0.30 where the bundled book says 0.211, so
 * =IMG.COST("openai","high","1024x1024",1000) is 211 with the bundled book and 300 with the stored one.
 */
import type { CompiledBook } from "../../src/core";
import { SETTINGS_KEY, storeBook } from "../../src/taskpane/storage";
import { bundledCopy, compiled, openaiTier } from "../taskpane/fixtures";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
(globalThis as Record<string, unknown>)["CustomFunctions"] = {
  Error: FakeError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};

type Modules = {
  functions: typeof import("../../src/functions/functions");
  startup: typeof import("../../src/shared/startup");
  activeBook: typeof import("../../src/shared/activeBook");
};

/**
 * Fresh modules for each test: the active book and the runtime start are per page load. Loaded
 * after the Office stand-in, as functions.js loads after office.js in the page.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a fresh module registry per page needs require */
function load(): Modules {
  // A fresh registry also for what the start imports later (the schema chunk), as one page has one.
  jest.resetModules();
  return {
    functions: require("../../src/functions/functions"),
    startup: require("../../src/shared/startup"),
    activeBook: require("../../src/shared/activeBook"),
  };
}

/** The workbook's settings, as Office.context.document.settings. */
function settingsWith(stored: Map<string, unknown>) {
  return {
    get: (name: string) => stored.get(name) ?? null,
    set: (name: string, value: unknown) => void stored.set(name, value),
    remove: (name: string) => void stored.delete(name),
    saveAsync: (callback?: (result: Office.AsyncResult<void>) => void) =>
      callback?.({ status: "succeeded" } as unknown as Office.AsyncResult<void>),
  };
}

function storedPricesBook(): CompiledBook {
  const json = bundledCopy();
  json.bookVersion = "stored-in-workbook";
  openaiTier(json, "high", "1024x1024").price = 0.3;
  return compiled(json, {
    kind: "url",
    url: "https://example.com/p.json",
    fetchedAt: "2026-11-20",
  });
}

/** A sheet with one IMG.COST formula; Excel computes it and recomputes it on a full calculation. */
function sheet(m: Modules) {
  const shown: unknown[] = [];
  const calculate = () =>
    shown.push(
      m.functions.cost([["openai"]], [["high"]], [["1024x1024"]], [[1000]], undefined)[0]?.[0],
    );
  return { shown, calculate };
}

/** Stand-ins for the Office and Excel globals the start uses in a workbook. */
function installOffice(settings: ReturnType<typeof settingsWith>, onFullCalculation: () => void) {
  const g = globalThis as Record<string, unknown>;
  let ready!: (info: { host: string }) => void;
  const onReady = new Promise<{ host: string }>((resolve) => (ready = resolve));
  g["Office"] = {
    onReady: () => onReady,
    HostType: { Excel: "Excel" },
    context: { document: { settings } },
  };
  const calculations: string[] = [];
  g["Excel"] = {
    CalculationType: { full: "Full", recalculate: "Recalculate" },
    run: async (batch: (context: unknown) => Promise<unknown>) =>
      batch({
        workbook: {
          application: {
            calculate: (type: string) => {
              calculations.push(type);
              if (type === "Full") onFullCalculation();
            },
          },
        },
        sync: async () => undefined,
      }),
  };
  // The schema chunk's loader notes on the page whether zod runs without eval.
  g["document"] = { body: { dataset: {} } };
  return { officeReady: () => ready({ host: "Excel" }), calculations };
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g["Office"];
  delete g["Excel"];
  delete g["document"];
});

async function storeIn(settings: ReturnType<typeof settingsWith>): Promise<void> {
  await storeBook(settings, storedPricesBook(), "2026-11-20T09:00:00Z");
}

/** The page: Office stand-ins first, then the add-in's modules and a sheet of formulas. */
function page(settings: ReturnType<typeof settingsWith>) {
  const holder: { book?: ReturnType<typeof sheet> } = {};
  const office = installOffice(settings, () => holder.book?.calculate());
  const m = load();
  const book = sheet(m);
  holder.book = book;
  return { m, book, office };
}

test("functions that ran before the stored book was read are recomputed with it, unasked", async () => {
  const settings = settingsWith(new Map());
  await storeIn(settings);
  const { m, book, office } = page(settings);

  const started = m.startup.startRuntime();
  // Excel computes the sheet as the workbook opens, before office.js is ready: the bundled book.
  book.calculate();
  expect(book.shown).toEqual([211]); // 1,000 x 0.211
  office.officeReady();
  const outcome = await started;

  expect(outcome).toMatchObject({ kind: "applied", recalculated: true });
  expect(office.calculations).toEqual(["Full"]);
  // The recalculation the start asked for shows the stored prices: 1,000 x 0.30 = 300.
  expect(book.shown).toEqual([211, 300]);
  expect(m.activeBook.getActiveBook().bookVersion).toBe("stored-in-workbook");
  expect(m.functions.book()).toContain("the book stored in this workbook");
});

test("when the stored book is in place before any function runs, the first values are its own", async () => {
  const settings = settingsWith(new Map());
  await storeIn(settings);
  const { m, book, office } = page(settings);

  const started = m.startup.startRuntime();
  office.officeReady();
  expect(await started).toMatchObject({ kind: "applied", recalculated: false });
  book.calculate();
  expect(book.shown).toEqual([300]); // 1,000 x 0.30, never 211
  expect(office.calculations).toEqual([]); // nothing computed with another book: no recalculation
});

test("a workbook without a stored book keeps the bundled prices and recalculates nothing", async () => {
  const { m, book, office } = page(settingsWith(new Map()));
  const started = m.startup.startRuntime();
  book.calculate();
  office.officeReady();
  expect(await started).toEqual({ kind: "none" });
  expect(book.shown).toEqual([211]);
  expect(office.calculations).toEqual([]);
});

test("prices the user applied while the stored book was read are kept", async () => {
  const settings = settingsWith(new Map());
  await storeIn(settings);
  const { m, book, office } = page(settings);
  const started = m.startup.startRuntime();
  // The page's own core (the one the fresh modules use) compiles the user's prices.
  const core = require("../../src/core") as typeof import("../../src/core");
  const loaded = core.loadBook(bundledCopy(), { kind: "sheet", sheetName: "Prices" });
  if (!loaded.ok) throw new Error(loaded.message);
  m.activeBook.setActiveBook(loaded.value);
  office.officeReady();
  expect(await started).toEqual({ kind: "superseded" });
  expect(m.activeBook.getActiveBook()).toBe(loaded.value);
  book.calculate();
  expect(book.shown).toEqual([211]); // the user's prices (the bundled ones copied), not 300
});

test("an unreadable stored book is reported and the bundled prices stay", async () => {
  const { m, book, office } = page(settingsWith(new Map([[SETTINGS_KEY, "{not json"]])));
  const started = m.startup.startRuntime();
  office.officeReady();
  const outcome = await started;
  expect(outcome).toMatchObject({ kind: "invalid" });
  expect((outcome as { message: string }).message).toContain("not valid JSON");
  book.calculate();
  expect(book.shown).toEqual([211]);
});

test("outside Excel the start does nothing", async () => {
  const m = load();
  expect(await m.startup.startRuntime()).toEqual({ kind: "not in Excel" });
});
