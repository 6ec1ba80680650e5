import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { paneStart, skeletonPage } from "../../scripts/bench/pane-start";
import { CHROMIUM_MISSING } from "../support/chromium";

const OFFICE = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';
const haveChromium = CHROMIUM_MISSING === undefined;

function fixture(html: string, script: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pane-fixture-"));
  writeFileSync(path.join(dir, "taskpane.html"), html);
  writeFileSync(path.join(dir, "pane.js"), script);
  return dir;
}

test("the page without its scripts keeps office.js, the markup and the stylesheet, and drops the pane's scripts", () => {
  const page =
    `<!doctype html><html class=booting><head><link rel=stylesheet href=taskpane.css>${OFFICE}` +
    '<script async src=localeWarm.js></script><script defer src="runtime.js"></script>' +
    "<script defer src=taskpane.js></script></head><body><output id=est-total>-</output>" +
    "<script>inline()</script></body></html>";
  const skeleton = skeletonPage(page);
  expect(skeleton).toContain(OFFICE);
  expect(skeleton).toContain("<link rel=stylesheet href=taskpane.css>");
  expect(skeleton).toContain("<output id=est-total>-</output>");
  expect([...skeleton.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1])).toEqual([
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    "__skeleton.js",
  ]);
  expect(skeleton).not.toContain("inline()");
});

(haveChromium ? describe : describe.skip)("pane start in headless Chromium", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("measures a pane that shows its estimate after Office.onReady, with and without a stored book", async () => {
    // As the real pane does: only a workbook holding a book makes it load the validator before the
    // first number, which marks the body with the time it arrived (data-validator-at).
    const dist = fixture(
      `<!doctype html><html><head>${OFFICE}</head><body><output id="est-total">-</output>` +
        `<script src="pane.js"></script></body></html>`,
      `Office.onReady(function (info) {
        if (info.host !== "Excel") return;
        if (Office.context.document.settings.get("imgPriceBook") !== null) document.body.dataset.validatorAt = String(performance.now());
        document.getElementById("est-total").textContent = "$211.00";
      });`,
    );
    dirs.push(dist);
    const rows = await paneStart({ smoke: true }, dist, { bookVersion: "fixture" });
    expect(rows.map((r) => r.metric)).toEqual([
      "pane usable vs blank office.js page",
      "pane with a stored book vs blank office.js page",
    ]);
    for (const row of rows) {
      expect(row.status === "PASS" || row.status === "MISS").toBe(true);
      expect(row.value).toBeGreaterThan(0);
    }
    expect(rows[0]?.detail).toMatch(
      /the number on screen at .* ms \(in the page at .* ms\), the blank office\.js page's digit on screen at .* ms/,
    );
    expect(rows[0]?.detail).toMatch(
      /the pane's own page with none of its scripts .* on screen at [\d.]+ ms, [\d.]+x the blank page/,
    );
    expect(rows[0]?.detail).toMatch(
      /with every response 40 ms late .*: pane [\d.]+x, stored book [\d.]+x, page without its scripts [\d.]+x \(blank page [\d.]+ ms\)/,
    );
    expect(rows[1]?.detail).toMatch(
      /a book stored in the workbook .* the number on screen at .* ms/,
    );
  }, 180_000);

  it("counts a number as shown only once it is laid out, not while hidden text holds it", async () => {
    // The number is in the page at once, but inside a hidden element for 400 ms.
    const dist = fixture(
      `<!doctype html><html><head>${OFFICE}</head><body><main hidden><output id="est-total">-</output></main>` +
        `<script src="pane.js"></script></body></html>`,
      `Office.onReady(function (info) {
        if (Office.context.document.settings.get("imgPriceBook") !== null) document.body.dataset.validatorAt = String(performance.now());
        document.getElementById("est-total").textContent = "$211.00";
        setTimeout(function () { document.querySelector("main").hidden = false; }, 400);
      });`,
    );
    dirs.push(dist);
    const [row] = await paneStart({ smoke: true }, dist, { bookVersion: "fixture" });
    const m = /the number on screen at ([\d.]+) ms \(in the page at ([\d.]+) ms\)/.exec(
      row?.detail ?? "",
    );
    expect(m).not.toBeNull();
    expect(Number(m?.[1]) - Number(m?.[2])).toBeGreaterThanOrEqual(400);
  }, 180_000);

  it("fails when the pane ignores the stored book", async () => {
    const dist = fixture(
      `<!doctype html><html><head>${OFFICE}</head><body><output id="est-total">-</output>` +
        `<script src="pane.js"></script></body></html>`,
      `Office.onReady(function () { document.getElementById("est-total").textContent = "$211.00"; });`,
    );
    dirs.push(dist);
    await expect(paneStart({ smoke: true }, dist, { bookVersion: "fixture" })).rejects.toThrow(
      "the pane did not use the stored book",
    );
  }, 180_000);

  it("fails when the pane loads the validator before its first number without a stored book", async () => {
    const dist = fixture(
      `<!doctype html><html><head>${OFFICE}</head><body><output id="est-total">-</output>` +
        `<script src="pane.js"></script></body></html>`,
      `Office.onReady(function () {
        document.body.dataset.validatorAt = String(performance.now());
        document.getElementById("est-total").textContent = "$211.00";
      });`,
    );
    dirs.push(dist);
    await expect(paneStart({ smoke: true }, dist, { bookVersion: "fixture" })).rejects.toThrow(
      "loaded the validator before its first screen although the workbook holds no book",
    );
  }, 180_000);

  it("skips, naming the element it looks for, when the page has no estimate output", async () => {
    const dist = fixture(
      `<!doctype html><html><head>${OFFICE}</head><body><main>Loading</main></body></html>`,
      "",
    );
    dirs.push(dist);
    const [row] = await paneStart({ smoke: true }, dist, { bookVersion: "fixture" });
    expect(row?.status).toBe("SKIP");
    expect(row?.detail).toContain("has no estimate output (#est-total)");
    expect(row?.detail).toContain('page shows "Loading"');
  }, 120_000);

  it("skips with the build command when taskpane.html is not built", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), "bench-pane-empty-"));
    dirs.push(dist);
    const [row] = await paneStart({ smoke: true }, dist);
    expect(row?.status).toBe("SKIP");
    expect(row?.detail).toBe("skipped: dist/taskpane.html not built (run `npm run build` first)");
  });
});
