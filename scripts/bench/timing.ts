/**
 * Timing. These machines are noisy, so the subject and its baseline are timed alternately in
 * the same process (A B A B ...) after a warm-up, and each figure is the ratio of the two medians.
 *
 * In-process work is timed in CPU time (user + system of this process) by default: on a machine
 * shared with other jobs, wall time charges a long task for every time slice the scheduler gives
 * away, so a 20 ms subject against a 1.5 ms baseline came out 2 to 4 times slower at a load average
 * of 12 on 2 CPUs while its CPU time did not move. CPU time includes V8's background threads (parallel
 * GC), which makes allocation-heavy work look slightly slower, never faster. `--wall` switches back.
 */
import { median } from "./report";

export type Clock = "cpu" | "wall";

let clock: Clock = "cpu";

export function useClock(which: Clock): void {
  clock = which;
}

export function currentClock(): Clock {
  return clock;
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/**
 * A young-generation collection before a timed sample, untimed, where the process runs with
 * --expose-gc (every bench child does); paired() does it before each sample when asked. A sample then starts with no garbage left by the one before
 * it and pays for the collections its own allocations cause. Without it, in a pair such as "every row
 * a new spelling" against "one spelling", whichever ran second paid for part of the first one's
 * garbage: making the flood allocate less made the one-spelling call look slower. Only the young
 * generation: a full collection (gc() with no options) before each sample made every sample 1.6 to
 * 10 times slower, which no call in Excel sees.
 */
function settle(): void {
  (globalThis as { gc?: (options?: { type: "minor" }) => void }).gc?.({ type: "minor" });
}

export function timeMs(fn: () => unknown): number {
  if (clock === "cpu") {
    const start = cpuMicros();
    fn();
    return (cpuMicros() - start) / 1e3;
  }
  const start = process.hrtime.bigint();
  fn();
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

/**
 * Times subject and baseline alternately, `warmup` untimed rounds first, then `runs` timed rounds.
 * `settleEach`: a young-generation collection before each sample (see settle), for pairs where one
 * side leaves much more garbage than the other (the range calls).
 */
export function paired(
  subject: () => unknown,
  baseline: () => unknown,
  runs: number,
  warmup: number,
  settleEach = false,
): Paired {
  const settled = settleEach ? settle : () => undefined;
  for (let i = 0; i < warmup; i++) {
    subject();
    baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Swap the order every round so neither side always runs right after a GC-heavy sibling.
    if (i % 2 === 0) {
      settled();
      s.push(timeMs(subject));
      settled();
      b.push(timeMs(baseline));
    } else {
      settled();
      b.push(timeMs(baseline));
      settled();
      s.push(timeMs(subject));
    }
  }
  const subjectMs = median(s);
  const baselineMs = median(b);
  return { subject: subjectMs, baseline: baselineMs, ratio: subjectMs / baselineMs, runs };
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toPrecision(3)} ms`;
}

/**
 * Times several subjects in rotation (A B C, B C A, C A B, ...), `warmup` untimed rounds first, and
 * returns the median milliseconds of each, in the order given.
 */
export function interleaved(
  subjects: readonly (() => unknown)[],
  runs: number,
  warmup: number,
): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of subjects) fn();
  const samples = subjects.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < subjects.length; k++) {
      const j = (i + k) % subjects.length;
      (samples[j] as number[]).push(timeMs(subjects[j] as () => unknown));
    }
  }
  return samples.map((s) => median(s));
}
