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

  constructor(private readonly capacity: number = MEMO_GENERATION) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`Memo capacity must be a whole number >= 1, got ${capacity}`);
    }
  }

  /** The value stored under `key`, or undefined; a hit in the old generation is kept. */
  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined || this.old === null) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
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

  has(key: K): boolean {
    return this.young.has(key) || (this.old?.has(key) ?? false);
  }

  /** Entries held, both generations. */
  get size(): number {
    return this.young.size + (this.old?.size ?? 0);
  }
}

/** Stores `value` under `key` in `cache`; returns `value`. */
export function remember<K, V>(cache: Memo<K, V>, key: K, value: V): V {
  return cache.set(key, value);
}
