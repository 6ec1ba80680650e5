/**
 * The pane's wiring inside an Excel host, with a stand-in for office.js: an Office whose onReady
 * reports Excel and whose document settings persist across reloads (sessionStorage stands for the
 * saved file), and an Excel.run that records what the pane writes. The Office.js calls themselves
 * are covered by the office-addin-mock tests; this checks the pane uses them at the right moments.
 */
import type { Page } from "playwright-core";
import { bundledCopy, openaiTier } from "../fixtures";
import {
  EXCEL_ONLY_BUTTONS,
  refreshOptions,
  startHarness,
  SCREENSHOTS,
  tab,
  type Harness,
} from "./harness";
import { join } from "node:path";

jest.setTimeout(60_000);

const OFFICE_STUB = `(() => {
  const store = JSON.parse(sessionStorage.getItem("workbook-settings") || "{}");
  const log = (window.__excelLog = []);
  const answer = { host: "Excel", platform: "PC" };
  const ready = sessionStorage.getItem("hold-office-ready")
    ? new Promise((resolve) => { window.__releaseOffice = () => resolve(answer); })
    : Promise.resolve(answer);
  window.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    // "hold-office-ready" in sessionStorage: Office answers only when the test calls __releaseOffice.
    onReady: () => ready,
    context: { officeTheme: { bodyBackgroundColor: sessionStorage.getItem("office-body-background") || "#ffffff" }, document: { settings: {
      get: (k) => (Object.prototype.hasOwnProperty.call(store, k) ? store[k] : null),
      set: (k, v) => { store[k] = v; },
      remove: (k) => { delete store[k]; },
      saveAsync: (cb) => {
        sessionStorage.setItem("workbook-settings", JSON.stringify(store));
        log.push("settings saved");
        if (cb) cb({ status: "succeeded" });
      },
    } } },
  };
  const cell = { address: "Sheet1!B2", formulas: null, load() {}, getCell() { return cell; } };
  window.__cell = cell;

  // Whatever the stand-in does not model (charts, validation, fonts...) accepts any call or write.
  const any = () => new Proxy(function () {}, {
    get: (_t, k) => (k === "then" || typeof k === "symbol" ? undefined : any()),
    apply: () => any(),
    set: () => true,
  });
  const loose = (obj) => new Proxy(obj, {
    get: (t, k) => (k in t || k === "then" || typeof k === "symbol" ? t[k] : any()),
  });

  // A small workbook: sheets hold cells by "row,column" (0-based); ranges read and write them.
  const colIndex = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const parse = (a) => {
    const [from, to = from] = a.replace(/^.*!/, "").split("$").join("").split(":");
    const p = (x) => {
        // Whole columns ("C:C") count as their first cell here.
        const m = /^([A-Z]+)([0-9]*)$/.exec(x);
        return { r: m[2] === "" ? 0 : Number(m[2]) - 1, c: colIndex(m[1]) };
      };
    return { start: p(from), end: p(to) };
  };
  const letter = (c) => { let s = ""; for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  const quote = (name) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name + "'");
  const range = (sheet, address) => {
    const { start, end } = parse(address);
    const grid = () => {
      const rows = [];
      for (let r = start.r; r <= end.r; r++) {
        const row = [];
        for (let c = start.c; c <= end.c; c++) row.push(sheet.cells.has(r + "," + c) ? sheet.cells.get(r + "," + c) : "");
        rows.push(row);
      }
      return rows;
    };
    return loose({
      load() {},
      address: quote(sheet.name) + "!" + letter(start.c) + (start.r + 1) + ":" + letter(end.c) + (end.r + 1),
      get values() { return grid(); },
      set values(v) { v.forEach((row, i) => row.forEach((x, j) => sheet.cells.set((start.r + i) + "," + (start.c + j), x))); },
      get formulas() { return grid(); },
      set formulas(v) { this.values = v; },
      numberFormat: null,
      format: loose({ font: loose({}), fill: {}, autofitColumns() {} }),
    });
  };
  const sheets = [];
  const tables = [];
  let active = null;
  let nextId = 1;
  const nullObject = { isNullObject: true, load() {} };
  const usedRange = (sheet) => {
    let maxR = -1, maxC = -1;
    for (const [key, v] of sheet.cells) {
      if (v === "" || v === null) continue;
      const [r, c] = key.split(",").map(Number);
      maxR = Math.max(maxR, r); maxC = Math.max(maxC, c);
    }
    if (maxR < 0) return nullObject;
    const used = range(sheet, "A1:" + letter(maxC) + (maxR + 1));
    used.isNullObject = false;
    return used;
  };
  const addSheet = (name) => {
    if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error("A sheet named " + name + " exists");
    const sheet = loose({
      name, id: "{sheet-" + nextId++ + "}", isNullObject: false, cells: new Map(), load() {},
      getRange: (a) => range(sheet, a),
      getUsedRangeOrNullObject: () => usedRange(sheet),
      delete() { sheets.splice(sheets.indexOf(sheet), 1); },
      tables: { add(address) {
        const t = { name: "Table" + (tables.length + 1), style: "", worksheet: sheet, address,
          getHeaderRowRange() { const { start, end } = parse(address); return range(sheet, letter(start.c) + (start.r + 1) + ":" + letter(end.c) + (start.r + 1)); },
          getDataBodyRange() { const { start, end } = parse(address); return range(sheet, letter(start.c) + (start.r + 2) + ":" + letter(end.c) + (end.r + 1)); } };
        tables.push(t); return t; } },
      freezePanes: { freezeRows() {} },
      activate() { active = sheet; },
    });
    sheets.push(sheet);
    return sheet;
  };
  active = addSheet("Sheet1");
  window.__workbook = { sheets, tables, setCell(sheetName, address, value) {
    const s = sheets.find((x) => x.name === sheetName); const { start } = parse(address); s.cells.set(start.r + "," + start.c, value); } };

  window.Excel = {
    CalculationType: { full: "Full" },
    run: async (fn) => fn({
      workbook: {
        getSelectedRange: () => cell,
        application: { calculate: (type) => log.push("calculate " + type) },
        worksheets: {
          load() { return this; }, get items() { return sheets; }, add: addSheet, getActiveWorksheet: () => active,
          getItem: (key) => { const s = sheets.find((x) => x.id === key || x.name === key); if (!s) throw new Error("ItemNotFound"); return s; },
          getItemOrNullObject: (key) => sheets.find((x) => x.id === key || x.name === key) || nullObject,
        },
        tables: { load() { return this; }, get items() { return tables; } },
        names: { load() { return this; }, items: [] },
      },
      sync: async () => undefined,
    }),
  };
})();`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness(OFFICE_STUB);
  const next = bundledCopy();
  next.bookVersion = "test-next";
  // pixazo-pricing-breakdown: OpenAI medium square 0.053 -> 0.06 in this feed.
  openaiTier(next, "medium", "1024x1024").price = 0.06;
  h.feeds.set("/feeds/good.json", (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(next));
  });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

async function excelLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __excelLog: string[] }).__excelLog);
}

async function reopen(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector("body[data-ready]");
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __workbook: { sheets: { name: string }[] } }).__workbook.sheets.map(
      (s) => s.name,
    ),
  );
}

async function messageStarting(page: Page, start: string): Promise<string> {
  await page.waitForFunction(
    (s) => (document.querySelector("#message")?.textContent ?? "").startsWith(s),
    start,
  );
  return (await page.textContent("#message")) ?? "";
}

async function applyGoodFeed(page: Page): Promise<void> {
  await refreshOptions(page);
  await page.check('input[name="feed"][value="url"]');
  await page.fill("#feed-url", `${h.origin}/feeds/good.json`);
  await page.click("#refresh");
  await page.waitForSelector("#review:not([hidden])");
  await page.click("#apply");
  await page.waitForFunction(() =>
    (document.querySelector("#message")?.textContent ?? "").startsWith("Applied"),
  );
}

it("enables inserting and writes the estimate's formula into the selected cell", async () => {
  const page = await h.open();
  expect(await page.getAttribute("body", "data-ready")).toBe("excel");
  for (const id of EXCEL_ONLY_BUTTONS) expect(await page.isDisabled(id)).toBe(false);
  expect(await page.isDisabled("#templates button")).toBe(false);
  await page.selectOption("#est-quality", "high");
  await page.fill("#est-retry", "1.2");
  await page.click("#insert-formula");
  await page.waitForFunction(() =>
    (document.querySelector("#message")?.textContent ?? "").startsWith("Inserted"),
  );
  const formula = '=IMG.COST("openai","high","1024x1024",1000,1.2)';
  expect(await page.textContent("#message")).toBe(`Inserted ${formula} in Sheet1!B2.`);
  expect(
    await page.evaluate(
      () => (window as unknown as { __cell: { formulas: unknown } }).__cell.formulas,
    ),
  ).toEqual([[formula]]);
  await page.close();
});

it("saves an applied book in the workbook, recalculates, and reopens with it", async () => {
  const page = await h.open();
  await applyGoodFeed(page);
  expect(await page.textContent("#message")).toContain(
    "Saved in this workbook; every IMG cell recalculated.",
  );
  expect(await excelLog(page)).toEqual(["settings saved", "calculate Full"]);
  await page.screenshot({ path: join(SCREENSHOTS, "10-applied-in-excel.png") });

  await reopen(page);
  const summary = await page.textContent("#book-summary");
  expect(summary).toContain("version test-next");
  expect(summary).toContain("saved in this workbook");
  // The one line's tooltip and the Prices tab's facts give the whole story.
  const whence = `from this workbook (saved from ${h.origin}/feeds/good.json (fetched `;
  expect(await page.getAttribute("#book-summary", "title")).toContain(whence);
  expect(await page.textContent("#book-facts")).toContain(whence.slice("from ".length));
  // 1,000 x 0.06 = 60
  expect(await page.textContent("#est-total")).toBe("$60.00");
  // The stored book was checked by the validator carried in taskpane.js: no second download (the
  // chunk of its own is only for a page without the pane's script).
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => e.name),
  );
  expect(scripts).toContainEqual(expect.stringMatching(/\/taskpane\.js$/));
  expect(scripts).not.toContainEqual(expect.stringMatching(/\/validation\.js$/));

  // Reset forgets the stored book: the workbook reopens with the bundled prices.
  await refreshOptions(page);
  await page.click("#reset");
  await page.waitForFunction(() =>
    (document.querySelector("#message")?.textContent ?? "").startsWith("Reset"),
  );
  await reopen(page);
  expect(await page.textContent("#book-summary")).toContain(`version ${bundledCopy().bookVersion}`);
  expect(await page.textContent("#est-total")).toBe("$53.00");
  await page.close();
});

it("shows only the status line until Office answers, then the first screen with its number", async () => {
  const page = await h.open();
  await page.evaluate(() => sessionStorage.setItem("hold-office-ready", "1"));
  await page.reload();
  // The pane's scripts have run (deferred scripts run before DOMContentLoaded)...
  await page.waitForFunction(
    () =>
      (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
        .domContentLoadedEventEnd > 0,
  );
  await page.waitForFunction(
    () => typeof (window as { __releaseOffice?: unknown }).__releaseOffice === "function",
  );
  // ...but until Office says which workbook this is, no tab and no number shows.
  expect(await page.textContent("#book-summary")).toBe("Loading the price book…");
  expect(await page.isVisible("#book-summary")).toBe(true);
  expect(await page.isVisible("#tab-estimate")).toBe(false);
  expect(await page.isVisible("#est-total")).toBe(false);
  await page.evaluate(() => {
    sessionStorage.removeItem("hold-office-ready");
    (window as unknown as { __releaseOffice: () => void }).__releaseOffice();
  });
  await page.waitForSelector("body[data-ready]");
  expect(await page.isVisible("#est-total")).toBe(true);
  expect(await page.textContent("#est-total")).toBe("$53.00"); // 1,000 x 0.053, the bundled price
  await page.close();
});

it("ignores a tampered stored book with a visible warning and uses the bundled book", async () => {
  const page = await h.open();
  const tampered = bundledCopy();
  tampered.bookVersion = "tampered";
  openaiTier(tampered, "medium", "1024x1024").price = -1;
  await page.evaluate((book) => {
    sessionStorage.setItem(
      "workbook-settings",
      JSON.stringify({
        imgPriceBook: JSON.stringify({ format: 1, savedAt: "x", from: "y", book }),
      }),
    );
  }, tampered);
  await reopen(page);
  const warning = page.locator("#startup-warning");
  expect(await warning.isVisible()).toBe(true);
  expect(await warning.textContent()).toContain(
    "The price book stored in this workbook is invalid",
  );
  expect(await warning.textContent()).toContain(
    `the bundled prices (version ${bundledCopy().bookVersion}) are used`,
  );
  expect(await page.textContent("#book-summary")).toContain(`version ${bundledCopy().bookVersion}`);
  expect(await page.textContent("#est-total")).toBe("$53.00");
  await page.screenshot({ path: join(SCREENSHOTS, "11-stored-book-invalid.png") });
  expect(await page.textContent("#startup-warning")).toContain(
    'choose "Reset to bundled prices" to remove it',
  );
  await refreshOptions(page);
  await page.click("#reset");
  await page.waitForFunction(() =>
    (document.querySelector("#message")?.textContent ?? "").startsWith("Removed"),
  );
  await reopen(page);
  expect(await page.isVisible("#startup-warning")).toBe(false);
  await page.close();
});

it("writes the prices to a new sheet, reads an edit back through the review, and points at a bad cell", async () => {
  const page = await h.open();
  await refreshOptions(page);
  await page.click("#write-sheet");
  await page.waitForFunction(() =>
    (document.querySelector("#message")?.textContent ?? "").startsWith("Wrote"),
  );
  expect(await page.textContent("#message")).toContain('to the new sheet "Prices"');

  // The header is on row 3; OpenAI's rows come first: low x3, medium square is the 4th (row 7). Price is column H.
  const header = await page.evaluate(() => {
    const wb = (
      window as unknown as {
        __workbook: { sheets: { name: string; cells: Map<string, unknown> }[] };
      }
    ).__workbook;
    const sheet = wb.sheets.find((s) => s.name === "Prices");
    return [0, 4, 5, 7].map((c) => [sheet?.cells.get(`2,${c}`), sheet?.cells.get(`6,${c}`)]);
  });
  expect(header).toEqual([
    ["Provider id", "openai"],
    ["Quality", "medium"],
    ["Size", "1024x1024"],
    ["Price (USD)", 0.053],
  ]);

  const setPrice = (value: unknown) =>
    page.evaluate((v) => {
      (
        window as unknown as { __workbook: { setCell: (s: string, a: string, v: unknown) => void } }
      ).__workbook.setCell("Prices", "H7", v);
    }, value);

  // Unedited, the sheet holds the prices in use: nothing to review.
  await page.click("#read-sheet");
  expect(await messageStarting(page, "Already up to date")).toBe(
    'Already up to date: the sheet "Prices" holds the prices in use. Nothing to apply.',
  );
  expect(await page.isHidden("#review")).toBe(true);

  await setPrice("abc");
  await page.click("#read-sheet");
  await page.waitForFunction(() =>
    document.querySelector("#message")?.className.includes("is-error"),
  );
  expect(await page.textContent("#message")).toContain(
    'Prices!H7: price must be a number >= 0 in US dollars (got "abc").',
  );
  expect(await page.textContent("#est-total")).toBe("$53.00");
  await refreshOptions(page);

  await setPrice(0.05);
  await page.click("#read-sheet");
  await page.waitForSelector("#review:not([hidden])");
  expect(await page.textContent("#review-body")).toContain(
    "OpenAI: medium, 1024x1024: $0.053 -> $0.05",
  );
  await page.click("#apply");
  await page.waitForFunction(() =>
    (document.querySelector("#message")?.textContent ?? "").startsWith("Applied"),
  );
  expect(await page.textContent("#book-summary")).toContain('from the sheet "Prices"');
  // 1,000 x 0.05 = 50
  expect(await page.textContent("#est-total")).toBe("$50.00");

  // Writing again never overwrites: a second sheet, "Prices (2)".
  await page.click("#write-sheet");
  await page.waitForFunction(() =>
    (document.querySelector("#message")?.textContent ?? "").includes("Prices (2)"),
  );
  expect(
    await page.evaluate(() =>
      (window as unknown as { __workbook: { sheets: { name: string }[] } }).__workbook.sheets.map(
        (s) => s.name,
      ),
    ),
  ).toEqual(["Sheet1", "Prices", "Prices (2)"]);
  await page.evaluate(() => sessionStorage.clear());
  await page.close();
});

it("inserts a template on a new sheet and says where", async () => {
  const page = await h.open();
  await tab(page, "templates");
  const title = await page.textContent("#templates li:first-child .template-title");
  expect(title).toBe("Cost estimate");
  await page.click("#templates li:first-child button");
  await page.waitForFunction(() => document.body.getAttribute("aria-busy") === "false");
  expect(await page.textContent("#message")).toBe(
    'Inserted the template "Cost estimate" on the new sheet "Cost estimate".',
  );
  const sheets = await page.evaluate(() =>
    (
      window as unknown as {
        __workbook: { sheets: { name: string; cells: Map<string, unknown> }[] };
      }
    ).__workbook.sheets.map((s) => [s.name, s.cells.size > 0]),
  );
  // The new sheet holds the template; the user's sheet is untouched.
  expect(sheets).toEqual([
    ["Sheet1", false],
    ["Cost estimate", true],
  ]);
  await page.close();
});

it("removes an inserted template's sheet, and only that sheet, when it was not edited", async () => {
  const page = await h.open();
  await tab(page, "templates");
  await page.click("#templates li:first-child button");
  await messageStarting(page, "Inserted the template");
  expect(await sheetNames(page)).toEqual(["Sheet1", "Cost estimate"]);
  expect(await page.isVisible("#template-remove")).toBe(true);
  await page.click("#template-remove");
  expect(await messageStarting(page, "Removed")).toBe(
    'Removed the sheet "Cost estimate"; no other sheet was touched.',
  );
  expect(await sheetNames(page)).toEqual(["Sheet1"]);
  expect(await page.isHidden("#template-undo")).toBe(true);
  await page.close();
});

it("asks before removing an inserted template the user has edited, and keeps it if told to", async () => {
  const page = await h.open();
  await tab(page, "templates");
  await page.click("#templates li:first-child button");
  await messageStarting(page, "Inserted the template");
  const edit = () =>
    page.evaluate(() => {
      (
        window as unknown as { __workbook: { setCell: (s: string, a: string, v: unknown) => void } }
      ).__workbook.setCell("Cost estimate", "C7", 5000);
    });
  await edit();
  await page.click("#template-remove");
  await page.waitForSelector("#template-remove-confirm:not([hidden])");
  expect(await page.textContent("#template-undo-text")).toBe(
    'The sheet "Cost estimate" was changed after it was inserted. Delete it with your changes?',
  );
  // Nothing is deleted while it asks.
  expect(await sheetNames(page)).toEqual(["Sheet1", "Cost estimate"]);
  await page.click("#template-keep");
  expect(await page.textContent("#message")).toBe('Kept the sheet "Cost estimate".');
  expect(await sheetNames(page)).toEqual(["Sheet1", "Cost estimate"]);

  // Insert again (a second sheet), edit it, and this time confirm.
  await page.click("#templates li:first-child button");
  await messageStarting(page, "Inserted the template");
  await page.evaluate(() => {
    (
      window as unknown as { __workbook: { setCell: (s: string, a: string, v: unknown) => void } }
    ).__workbook.setCell("Cost estimate (2)", "C7", 5000);
  });
  await page.click("#template-remove");
  await page.waitForSelector("#template-remove-confirm:not([hidden])");
  await page.click("#template-remove-confirm");
  expect(await messageStarting(page, "Removed")).toBe(
    'Removed the sheet "Cost estimate (2)"; no other sheet was touched.',
  );
  expect(await sheetNames(page)).toEqual(["Sheet1", "Cost estimate"]);
  await page.close();
});

it("inserts the comparison as a live IMG.CHEAPEST formula", async () => {
  const page = await h.open();
  await tab(page, "compare");
  await page.selectOption("#cmp-quality", "high");
  await page.fill("#cmp-volume", "500");
  await page.fill("#cmp-retry", "1.2");
  await page.click("#insert-table");
  const formula = '=IMG.CHEAPEST("high","1024x1024",500,1.2)';
  expect(await messageStarting(page, "Inserted")).toBe(
    `Inserted ${formula} in Sheet1!B2; the table spills below and right of it and follows the prices.`,
  );
  expect(
    await page.evaluate(
      () => (window as unknown as { __cell: { formulas: unknown } }).__cell.formulas,
    ),
  ).toEqual([[formula]]);
  await page.close();
});

it("inserts the budget plan as a sheet of IMG formulas", async () => {
  const page = await h.open();
  await tab(page, "budget");
  await page.fill("#bud-amount", "100");
  await page.selectOption("#bud-per", "day");
  await page.click("#insert-sheet");
  expect(await messageStarting(page, "Inserted the plan")).toBe(
    'Inserted the plan on the new sheet "Budget plan": live IMG formulas and a chart.',
  );
  const cells = await page.evaluate(() => {
    const wb = (
      window as unknown as {
        __workbook: { sheets: { name: string; cells: Map<string, unknown> }[] };
      }
    ).__workbook;
    return [...(wb.sheets.find((s) => s.name === "Budget plan")?.cells.values() ?? [])].map(String);
  });
  // 100 a day is written as the input; the month is a formula of it, the cost an IMG.COST of that.
  expect(cells).toContain("100");
  expect(cells).toContain("=Images_per_day*30");
  expect(
    cells.some((c) => c.startsWith("=IMG.COST(Provider,Quality,Size,$B$9,Retry_multiplier)")),
  ).toBe(true);
  expect(cells.some((c) => c.startsWith("=IMG.AFFORD(Monthly_cap,Provider,Quality,Size,"))).toBe(
    true,
  );
  await page.close();
});

it("follows Office's dark theme inside Excel, whatever the browser prefers", async () => {
  const page = await h.open();
  await page.emulateMedia({ colorScheme: "light" });
  // A dark Office theme reports a dark body background (OfficeTheme.bodyBackgroundColor).
  await page.evaluate(() => sessionStorage.setItem("office-body-background", "#262626"));
  await reopen(page);
  expect(await page.getAttribute("html", "data-theme")).toBe("dark");
  // Fluent's dark neutral background 2.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    "rgb(31, 31, 31)",
  );
  await page.screenshot({ path: join(SCREENSHOTS, "13-office-dark-theme.png") });
  await page.evaluate(() => sessionStorage.setItem("office-body-background", "#ffffff"));
  await reopen(page);
  expect(await page.getAttribute("html", "data-theme")).toBe("light");
  await page.evaluate(() => sessionStorage.clear());
  await page.close();
});
