/**
 * The CI smoke run of the bench: small sizes, targets not enforced. It must finish, exit 0, and give
 * every measurement a row that is either a figure or a skip with its reason. Timings are never
 * asserted here; the figures are judged by `npm run bench`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Row } from "../../scripts/bench/report";
import { CHROMIUM_MISSING } from "../support/chromium";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function bench(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [TSX, "scripts/bench.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 240_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run bench -- --smoke --build", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-smoke-"));
  const jsonFile = path.join(dir, "rows.json");
  let run: ReturnType<typeof bench>;
  let rows: Row[];

  beforeAll(() => {
    // --build: measure a build of its own, not a dist/ that a parallel test may be rewriting.
    run = bench("--smoke", "--build", "--json", jsonFile);
    rows = (JSON.parse(readFileSync(jsonFile, "utf8")) as { rows: Row[] }).rows;
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 with no measurement failing", () => {
    const errors = rows
      .filter((r) => r.status === "ERROR")
      .map((r) => `${r.measurement}: ${r.detail}`);
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("reports every measurement of the issue with its target", () => {
    const targets = rows.map((r) => `${r.measurement} ${r.target.op} ${r.target.limit} ${r.unit}`);
    expect(targets).toEqual([
      "Core throughput <= 3 x",
      "Core throughput >= 5000000 calls/s",
      // The scale curve: 1k, 10k and 100k rows in a smoke run (1M too in a full run), then the
      // curve's slope (raw and above the floor), the heap kept per row and the new-spelling case.
      "Range calls <= 15 x",
      "Range calls <= 15 x",
      "Range calls <= 15 x",
      "Range calls <= 1.5 x",
      "Range calls <= 1.5 x",
      "Range calls <= 1.25 x",
      "Range calls <= 3 x",
      "Spreadsheet engine <= 0.5 x",
      "Spreadsheet engine <= 3 x",
      "Refresh <= 10 x",
      "Refresh < 50 ms",
      "Bundle size <= 30 KB",
      "Bundle size <= 120 KB",
      "Pane start <= 1.3 x",
      "Pane start <= 1.3 x",
      "First use (cold) < 50 ms",
      "First use (cold) < 20 ms",
      "Peer (genai-prices) <= 1e-9 USD",
      "Peer (genai-prices) <= 1 x",
      "Memory < 1 MB",
    ]);
  });

  it("gives each row a figure judged against its target, or a skip that says why", () => {
    for (const row of rows) {
      if (row.status === "SKIP") {
        expect(row.value).toBeNull();
        expect(row.detail).toMatch(/^skipped: \S/);
      } else {
        expect(["PASS", "MISS"]).toContain(row.status);
        expect(Number.isFinite(row.value)).toBe(true);
        const value = row.value as number;
        const met =
          row.target.op === "<="
            ? value <= row.target.limit
            : row.target.op === "<"
              ? value < row.target.limit
              : value >= row.target.limit;
        expect(row.status).toBe(met ? "PASS" : "MISS");
      }
    }
  });

  it("prints the table with a status on every figure line", () => {
    for (const row of rows) {
      const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      expect(run.stdout).toMatch(
        new RegExp(`${escape(row.measurement)}\\s+${escape(row.metric)}.*${row.status}`),
      );
    }
  });

  it("measures every piece: the core, the functions, the sheet engine, the built pane", () => {
    // All parts of the add-in exist and --build builds them, so a SKIP here means the bench lost
    // track of one (a renamed export, a pane without #est-total). Only Chromium may be missing.
    // Without it, the pane start and the first refresh (both in a browser) may skip.
    const allowed =
      CHROMIUM_MISSING === undefined
        ? []
        : ["Pane start", "First use (cold) first refresh in a fresh page"];
    const skips = rows
      .filter(
        (r) =>
          r.status === "SKIP" &&
          !allowed.includes(r.measurement) &&
          !allowed.includes(`${r.measurement} ${r.metric}`),
      )
      .map((r) => `${r.measurement}: ${r.detail}`);
    expect(skips).toEqual([]);
  });
});

describe("bench arguments", () => {
  it("rejects an unknown measurement, naming the accepted ones", () => {
    const run = bench("--only", "speed");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "--only: unknown measurement speed; accepted: core, range, sheet, refresh, bundle, pane, first, peer, memory",
    );
  });

  it("rejects an unknown flag, listing the accepted ones", () => {
    const run = bench("--fast");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown argument "--fast"; accepted: --smoke, --only');
  });
});
