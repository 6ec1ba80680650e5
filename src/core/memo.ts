/**
 * The memo tables of the core (parsed inputs, provider lookups, prices by date) are keyed by what
 * users type, so each is capped: a sheet of ever-new inputs empties it rather than growing it.
 */
const MAX_CACHE = 10_000;

/** Stores `value` under `key`, first emptying `cache` when it is full; returns `value`. */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}
