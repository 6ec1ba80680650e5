/**
 * Timing helpers. These machines are noisy, so the subject and its baseline are timed alternately in
 * the same process (A B A B ...) after a warm-up, and each figure is the ratio of the two medians.
 */
import { median } from "./report";

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Paired {
  /** Median milliseconds of the subject. */
  readonly subject: number;
  /** Median milliseconds of the baseline. */
  readonly baseline: number;
  /** subject / baseline. */
  readonly ratio: number;
  readonly runs: number;
}

/** Times subject and baseline alternately, `warmup` untimed rounds first, then `runs` timed rounds. */
export function paired(
  subject: () => unknown,
  baseline: () => unknown,
  runs: number,
  warmup: number,
): Paired {
  for (let i = 0; i < warmup; i++) {
    subject();
    baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Swap the order every round so neither side always runs right after a GC-heavy sibling.
    if (i % 2 === 0) {
      s.push(timeMs(subject));
      b.push(timeMs(baseline));
    } else {
      b.push(timeMs(baseline));
      s.push(timeMs(subject));
    }
  }
  const subjectMs = median(s);
  const baselineMs = median(b);
  return { subject: subjectMs, baseline: baselineMs, ratio: subjectMs / baselineMs, runs };
}

export async function pairedAsync(
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
  runs: number,
  warmup: number,
): Promise<Paired> {
  for (let i = 0; i < warmup; i++) {
    await subject();
    await baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      s.push(await subject());
      b.push(await baseline());
    } else {
      b.push(await baseline());
      s.push(await subject());
    }
  }
  const subjectMs = median(s);
  const baselineMs = median(b);
  return { subject: subjectMs, baseline: baselineMs, ratio: subjectMs / baselineMs, runs };
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toPrecision(3)} ms`;
}
