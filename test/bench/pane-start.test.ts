import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { paneStart } from "../../scripts/bench/pane-start";
import { CHROMIUM_MISSING } from "../support/chromium";

const OFFICE = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';
const haveChromium = CHROMIUM_MISSING === undefined;

function fixture(html: string, script: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pane-fixture-"));
  writeFileSync(path.join(dir, "taskpane.html"), html);
  writeFileSync(path.join(dir, "pane.js"), script);
  return dir;
}

(haveChromium ? describe : describe.skip)("pane start in headless Chromium", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("measures a pane that shows its estimate after Office.onReady, against the blank page", async () => {
    const dist = fixture(
      `<!doctype html><html><head>${OFFICE}</head><body><output id="est-total">-</output>` +
        `<script src="pane.js"></script></body></html>`,
      `Office.onReady(function () { document.getElementById("est-total").textContent = "$211.00"; });`,
    );
    dirs.push(dist);
    const [row, ...rest] = await paneStart({ smoke: true }, dist);
    expect(rest).toEqual([]);
    expect(row?.status === "PASS" || row?.status === "MISS").toBe(true);
    expect(row?.value).toBeGreaterThan(0);
    expect(row?.detail).toMatch(/pane usable at .* ms, blank office\.js page ready at .* ms/);
  }, 120_000);

  it("skips, naming the element it looks for, when the page has no estimate output", async () => {
    const dist = fixture(
      `<!doctype html><html><head>${OFFICE}</head><body><main>Loading</main></body></html>`,
      "",
    );
    dirs.push(dist);
    const [row] = await paneStart({ smoke: true }, dist);
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
