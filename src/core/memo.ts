/**
 * The memo tables of the core (parsed inputs, provider lookups, prices by date) are keyed by what
 * users type, so each is bounded. A sheet of ever-new inputs (every row a different spelling) must
 * not grow a table without end, and must not throw away the entries the rest of the sheet keeps
 * hitting either: emptying a full table made the next 10,000 lookups of "openai" or "1024x1024"
 * misses too.
 *
 * Two generations: new entries go into the young map; when it is full it becomes the old map (the
 * previous old map is dropped) and a fresh young map starts. A hit in the old map moves the entry
 * back into the young one. So an entry used at least once per `capacity` new entries is never
 * evicted, memory stays within 2 x `capacity` entries, and a hit costs one Map lookup, with no
 * per-hit bookkeeping as a linked-list LRU would need.
 *
 * Flooded: when at least 80% of a window of `capacity` lookups missed, only one miss in 16 is stored
 * until a window misses less (Memo.remember). Storing every one-off key of a flood made its rows pay
 * for inserts and garbage never read again, and turned the hot entries over 16 times faster: with
 * it, the bench's new-spelling case went from 2.87-3.18x to 2.79-2.88x a row spelled one way
 * (three alternating runs each).
 */

/**
 * Entries per generation: a table holds at most twice this. 2,000 rather than 5,000: in the bench's
 * case where every row is a new spelling, generations of 5,000 made that case 3.6-3.7x a row spelled
 * one way, 2,000 made it 2.8-3.0x (two runs each). Smaller tables stay in the processor's cache and
 * are dropped before the garbage collector moves them to its old generation. An entry still stays as
 * long as it is used once per 2,000 new ones; one that is not costs a normalisation (about 100 ns).
 */
export const MEMO_GENERATION = 2_000;

export class Memo<K, V> {
  private young = new Map<K, V>();
  private old: Map<K, V> | null = null;
  /** Lookups and misses in the current window of `capacity` lookups (see remember). */
  private lookups = 0;
  private misses = 0;
  /** True while most lookups miss: a flood of one-off keys, of which only a sample is kept. */
  private flooded = false;
  private offered = 0;

  constructor(private readonly capacity: number = MEMO_GENERATION) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`Memo capacity must be a whole number >= 1, got ${capacity}`);
    }
  }

  /** The value stored under `key`, or undefined; a hit in the old generation is kept. */
  get(key: K): V | undefined {
    if (++this.lookups >= this.capacity) this.endWindow();
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old === null ? undefined : this.old.get(key);
    if (aged === undefined) {
      this.misses++;
      return undefined;
    }
    (this.old as Map<K, V>).delete(key);
    this.set(key, aged);
    return aged;
  }

  /** Stores `value` under `key` in the young generation; returns `value`. */
  set(key: K, value: V): V {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map<K, V>();
    }
    this.young.set(key, value);
    return value;
  }

  /**
   * Stores what a lookup that missed has just worked out, unless the table is flooded: while at least
   * FLOOD_SHARE of the last `capacity` lookups missed, only one in FLOOD_SAMPLE is stored. A flood
   * (every row a new spelling) then costs its lookups, not the inserts and garbage of entries that are
   * never read again, and it turns the hot entries over FLOOD_SAMPLE times more slowly. A key a sheet
   * keeps using is still stored within a few of its misses.
   */
  remember(key: K, value: V): V {
    if (this.flooded && ++this.offered % FLOOD_SAMPLE !== 0) return value;
    return this.set(key, value);
  }

  has(key: K): boolean {
    return this.young.has(key) || (this.old?.has(key) ?? false);
  }

  /** Entries held, both generations. */
  get size(): number {
    return this.young.size + (this.old?.size ?? 0);
  }

  private endWindow(): void {
    this.flooded = this.misses >= this.lookups * FLOOD_SHARE;
    this.lookups = 0;
    this.misses = 0;
  }
}

/** The share of missed lookups in a window that makes a table flooded. */
const FLOOD_SHARE = 0.8;
/** While flooded, one miss in this many is stored. */
const FLOOD_SAMPLE = 16;

/** Stores what a missed lookup of `key` worked out (see Memo.remember); returns `value`. */
export function remember<K, V>(cache: Memo<K, V>, key: K, value: V): V {
  return cache.remember(key, value);
}
