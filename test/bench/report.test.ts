import {
  exitCode,
  failed,
  formatTable,
  measured,
  median,
  meets,
  skipped,
  type Row,
} from "../../scripts/bench/report";

describe("median", () => {
  it("takes the middle sample of an odd count, whatever the order", () => {
    // sorted 1, 3, 5 -> 3
    expect(median([5, 1, 3])).toBe(3);
  });

  it("averages the two middle samples of an even count", () => {
    // sorted 1, 2, 3, 4 -> (2 + 3) / 2 = 2.5
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("refuses an empty list instead of returning NaN", () => {
    expect(() => median([])).toThrow("median of no samples");
  });
});

describe("judging a figure against its target", () => {
  it("treats a limit as inclusive for <= and >=, exclusive for <", () => {
    expect(meets(3, { op: "<=", limit: 3 })).toBe(true);
    expect(meets(3.01, { op: "<=", limit: 3 })).toBe(false);
    expect(meets(50, { op: "<", limit: 50 })).toBe(false);
    expect(meets(49.9, { op: "<", limit: 50 })).toBe(true);
    expect(meets(5_000_000, { op: ">=", limit: 5_000_000 })).toBe(true);
    expect(meets(4_999_999, { op: ">=", limit: 5_000_000 })).toBe(false);
  });

  it("marks a measured row PASS or MISS from its value", () => {
    expect(measured("Core", "ratio", 2.5, "x", { op: "<=", limit: 3 }, "").status).toBe("PASS");
    expect(measured("Core", "ratio", 3.5, "x", { op: "<=", limit: 3 }, "").status).toBe("MISS");
  });

  it("rejects a figure that is not a finite number, naming the measurement", () => {
    expect(() => measured("Refresh", "ms", Number.NaN, "ms", { op: "<", limit: 50 }, "")).toThrow(
      "Refresh: ms came out as NaN; expected a finite number >= 0",
    );
    expect(() => measured("Refresh", "ms", Infinity, "ms", { op: "<", limit: 50 }, "")).toThrow(
      "Infinity",
    );
  });
});

describe("exit code", () => {
  const pass = measured("A", "a", 1, "x", { op: "<=", limit: 2 }, "");
  const miss = measured("B", "b", 3, "x", { op: "<=", limit: 2 }, "");
  const skip = skipped("C", "c", "x", { op: "<=", limit: 2 }, "dist/ not built");
  const error = failed("D", new Error("boom"));

  it("is 0 for a smoke run with misses and skips", () => {
    expect(exitCode([pass, miss, skip], false)).toBe(0);
  });

  it("is 1 for a full run with a miss, 0 without", () => {
    expect(exitCode([pass, miss], true)).toBe(1);
    expect(exitCode([pass, skip], true)).toBe(0);
  });

  it("is 1 whenever a measurement failed, smoke or not", () => {
    expect(exitCode([pass, error], false)).toBe(1);
    expect(exitCode([pass, error], true)).toBe(1);
  });
});

describe("the printed table", () => {
  const rows: Row[] = [
    measured(
      "Core throughput",
      "IMG.COST vs baseline",
      2.04,
      "x",
      { op: "<=", limit: 3 },
      "core 40 ns",
    ),
    measured(
      "Core throughput",
      "calls per second",
      12_500_000,
      "calls/s",
      { op: ">=", limit: 5_000_000 },
      "80 ns",
    ),
    skipped("Bundle size", "functions gzip", "KB", { op: "<=", limit: 30 }, "dist/ not built"),
  ];
  const lines = formatTable(rows).split("\n");

  it("puts value, target and status on each figure's line", () => {
    expect(lines[2]).toMatch(/^Core throughput\s+IMG\.COST vs baseline\s+2\.04x\s+<= 3x\s+PASS$/);
    expect(lines[3]).toMatch(/calls per second\s+12\.5M calls\/s\s+>= 5\.00M calls\/s\s+PASS$/);
    expect(lines[4]).toMatch(/functions gzip\s+-\s+<= 30 KB\s+SKIP$/);
  });

  it("explains every row below the table, skips with their reason", () => {
    expect(lines).toContain("[3] Bundle size / functions gzip: skipped: dist/ not built");
  });
});
