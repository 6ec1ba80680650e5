/**
 * What every measurement returns, how a figure is judged against its target, and how the table is
 * printed. Pure: no timing, no I/O, so the judging and the table are unit-tested.
 */

export type Comparison = "<=" | "<" | ">=";

export interface Target {
  readonly op: Comparison;
  readonly limit: number;
}

/** PASS/MISS when measured; SKIP when a piece is missing; ERROR when the measurement itself threw. */
export type Status = "PASS" | "MISS" | "SKIP" | "ERROR";

export interface Row {
  readonly measurement: string;
  /** What the figure is, e.g. "IMG.COST vs baseline". */
  readonly metric: string;
  /** The figure; null when skipped or failed. */
  readonly value: number | null;
  /** Unit of value and of the target limit: "x" for a ratio. */
  readonly unit: string;
  readonly target: Target;
  readonly status: Status;
  /** The raw times/sizes behind the figure, or why it was skipped. */
  readonly detail: string;
}

export interface Options {
  /** Small sizes, few runs, no targets enforced. */
  readonly smoke: boolean;
}

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case "<=":
      return value <= target.limit;
    case "<":
      return value < target.limit;
    case ">=":
      return value >= target.limit;
  }
}

/** A measured row; a non-finite figure is a bench bug, not a miss, so it throws. */
export function measured(
  measurement: string,
  metric: string,
  value: number,
  unit: string,
  target: Target,
  detail: string,
): Row {
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(
      `${measurement}: ${metric} came out as ${value}; expected a finite number >= 0`,
    );
  }
  return {
    measurement,
    metric,
    value,
    unit,
    target,
    status: meets(value, target) ? "PASS" : "MISS",
    detail,
  };
}

export function skipped(
  measurement: string,
  metric: string,
  unit: string,
  target: Target,
  why: string,
): Row {
  return {
    measurement,
    metric,
    value: null,
    unit,
    target,
    status: "SKIP",
    detail: `skipped: ${why}`,
  };
}

export function failed(measurement: string, error: unknown): Row {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    measurement,
    metric: "(measurement failed)",
    value: null,
    unit: "",
    target: { op: "<=", limit: 0 },
    status: "ERROR",
    detail: message.split("\n").slice(0, 4).join(" | "),
  };
}

/** Median of the samples (mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error("median of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** Three significant digits, without exponent notation for the magnitudes the bench prints. */
export function formatNumber(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
  if (abs >= 100) return value.toFixed(0);
  return value.toPrecision(3);
}

export function formatTarget(target: Target, unit: string): string {
  const limit = unit === "calls/s" ? formatNumber(target.limit) : String(target.limit);
  return `${target.op} ${limit}${unit === "x" ? "x" : ` ${unit}`}`;
}

export function formatValue(row: Row): string {
  if (row.value === null) return "-";
  return row.unit === "x"
    ? `${formatNumber(row.value)}x`
    : `${formatNumber(row.value)} ${row.unit}`;
}

/** A plain-text table: one line per row, details below so the columns stay readable. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["measurement", "figure", "value", "target", "status"];
  const cells = rows.map((row) => [
    row.measurement,
    row.metric,
    formatValue(row),
    formatTarget(row.target, row.unit),
    row.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]): string =>
    c
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const c of cells) out.push(line(c));
  out.push("");
  rows.forEach((row, i) =>
    out.push(`[${i + 1}] ${row.measurement} / ${row.metric}: ${row.detail}`),
  );
  return out.join("\n");
}

/** Exit code of a run: errors always fail; misses fail only when targets are enforced. */
export function exitCode(rows: readonly Row[], enforceTargets: boolean): number {
  if (rows.some((r) => r.status === "ERROR")) return 1;
  if (enforceTargets && rows.some((r) => r.status === "MISS")) return 1;
  return 0;
}
