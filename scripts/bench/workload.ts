/**
 * The rows every IMG.COST measurement feeds: arguments as users type them in a planning sheet. A small
 * set of realistic strings and numbers, mixed by a fixed pseudo-random sequence so the JIT sees varied
 * inputs and runs are repeatable.
 */

export interface CostRow {
  readonly provider: string;
  readonly quality: string;
  readonly size: string;
  readonly volume: number;
  readonly retry: number;
}

/** What a planner types: tiers in the casing people use, the three sizes every source prices. */
export const QUALITIES = ["low", "medium", "high", "High", "medium", "high"] as const;
export const SIZES = ["1024x1024", "1024x1536", "1536x1024", "1024x1024"] as const;
export const VOLUMES = [100, 1000, 2500, 10000, 1234, 50000, 750] as const;
export const RETRIES = [1, 1.2, 1.5, 1.1, 2] as const;

/** Park-Miller minimal standard generator: deterministic, good enough to mix a few lists. */
export function lcg(seed: number): () => number {
  let state = seed % 2147483647;
  if (state <= 0) state += 2147483646;
  return () => {
    state = (state * 16807) % 2147483647;
    return state;
  };
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[next() % list.length] as T;
}

/**
 * `count` rows over the given providers. Each string is copied into a fresh string object, as Excel
 * hands a function new strings on every call, so a cache keyed on string identity gains nothing here.
 */
export function costRows(count: number, providers: readonly string[], seed = 42): CostRow[] {
  if (providers.length === 0) throw new Error("costRows needs at least one provider");
  const next = lcg(seed);
  const fresh = (s: string): string => s.split("").join("");
  const rows: CostRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      provider: fresh(pick(providers, next)),
      quality: fresh(pick(QUALITIES, next)),
      size: fresh(pick(SIZES, next)),
      volume: pick(VOLUMES, next),
      retry: pick(RETRIES, next),
    });
  }
  return rows;
}
