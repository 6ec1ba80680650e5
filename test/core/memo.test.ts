/**
 * The memo tables' eviction: a bounded table that keeps the entries a sheet keeps using while a flood
 * of one-off spellings passes through it.
 */
import { Memo, MEMO_GENERATION, remember } from "../../src/core/memo";
import { parseSize } from "../../src/core/identifiers";

describe("Memo (two generations)", () => {
  it("keeps an entry that is used while many new keys pass through", () => {
    const memo = new Memo<string, number>(4);
    memo.set("hot", 1);
    // 20 one-off keys, the hot key read between each: 5 generations turn over.
    for (let i = 0; i < 20; i++) {
      memo.set(`once-${i}`, i);
      expect(memo.get("hot")).toBe(1);
    }
    expect(memo.get("hot")).toBe(1);
  });

  it("evicts an entry nobody reads within two generations", () => {
    const memo = new Memo<string, number>(4);
    memo.set("cold", 1);
    // Generation 1 = cold + a,b,c (full); d starts generation 2 (cold now old); h starts generation 3
    // and drops generation 1, cold with it.
    for (const k of ["a", "b", "c", "d", "e", "f", "g", "h"]) memo.set(k, 0);
    expect(memo.has("cold")).toBe(false);
    expect(memo.get("cold")).toBeUndefined();
  });

  it("never holds more than two generations", () => {
    const memo = new Memo<number, number>(100);
    for (let i = 0; i < 10_000; i++) memo.set(i, i);
    expect(memo.size).toBeLessThanOrEqual(200);
    // The newest entries are all there: 9,999 back to 9,900 at least.
    for (let i = 9_900; i < 10_000; i++) expect(memo.get(i)).toBe(i);
  });

  it("moves an old-generation hit back to the young generation, once", () => {
    const memo = new Memo<string, string>(2);
    memo.set("x", "X");
    memo.set("y", "Y"); // young full: x, y
    memo.set("z", "Z"); // old: x, y; young: z
    expect(memo.size).toBe(3);
    expect(memo.get("x")).toBe("X"); // promoted: old y; young z, x
    expect(memo.size).toBe(3);
    memo.set("w", "W"); // young full -> old: z, x; young: w (y dropped)
    expect(memo.get("x")).toBe("X");
    expect(memo.has("y")).toBe(false);
  });

  it("remember stores and returns the value", () => {
    const memo = new Memo<string, number>();
    expect(remember(memo, "k", 7)).toBe(7);
    expect(memo.get("k")).toBe(7);
  });

  it("rejects a capacity that is not a whole number of at least 1", () => {
    expect(() => new Memo(0)).toThrow("Memo capacity must be a whole number >= 1, got 0");
    expect(() => new Memo(2.5)).toThrow("got 2.5");
  });
});

describe("Memo under a flood (most lookups miss)", () => {
  /** Looks `key` up as the core does: get, and on a miss remember what was worked out. */
  const use = (memo: Memo<string, number>, key: string, value = 0): number =>
    memo.get(key) ?? remember(memo, key, value);

  it("stores every miss while most lookups hit", () => {
    const memo = new Memo<string, number>(100);
    for (let i = 0; i < 1_000; i++) {
      for (let j = 0; j < 9; j++) use(memo, "hot");
      use(memo, `new-${i}`, i);
      expect(memo.has(`new-${i}`)).toBe(true);
    }
  });

  it("stores only one miss in 16 once a whole window of lookups has mostly missed", () => {
    const memo = new Memo<string, number>(100);
    for (let i = 0; i < 100; i++) use(memo, `k${i}`, i);
    // The first window (100 lookups) stored all but its last miss, which ended the window.
    const firstWindow = Array.from({ length: 100 }, (_, i) => memo.has(`k${i}`));
    expect(firstWindow.filter(Boolean).length).toBe(99);
    for (let i = 100; i < 1_700; i++) use(memo, `k${i}`, i);
    const flooded = Array.from({ length: 1_600 }, (_, i) => memo.has(`k${i + 100}`));
    // 1,601 misses offered while flooded (k99 to k1699): every 16th is stored.
    expect(flooded.filter(Boolean).length).toBe(100);
  });

  it("keeps a hot key through a flood, and stores every miss again once lookups hit", () => {
    const memo = new Memo<string, number>(100);
    use(memo, "hot", 1);
    for (let i = 0; i < 5_000; i++) {
      use(memo, `once-${i}`, i);
      if (i % 50 === 0) expect(memo.get("hot")).toBe(1);
    }
    expect(memo.has("once-4998")).toBe(false); // flooded: most misses are not stored
    // Two windows in which every lookup hits end the flood.
    for (let i = 0; i < 200; i++) use(memo, "hot", 1);
    use(memo, "after", 2);
    expect(memo.has("after")).toBe(true);
  });

  it("set always stores, flooded or not", () => {
    const memo = new Memo<string, number>(10);
    for (let i = 0; i < 100; i++) use(memo, `k${i}`, i);
    memo.set("explicit", 1);
    expect(memo.get("explicit")).toBe(1);
  });
});

describe("the core's size table under a flood of distinct spellings", () => {
  it("still answers the common spelling from the table after more than a table's worth of new ones", () => {
    const first = parseSize("1024x1024");
    expect(first.ok).toBe(true);
    // 3 generations of one-off spellings ("1024 x 1024" padded with i spaces is still 1024x1024),
    // with the common spelling read now and then as a sheet would.
    for (let i = 0; i < 3 * MEMO_GENERATION; i++) {
      parseSize(`${" ".repeat(i % 50)}1024x${1024 + (i % 977)}${" ".repeat(Math.floor(i / 50))}`);
      if (i % 100 === 0) parseSize("1024x1024");
    }
    // The same result object: served from the table, not parsed again.
    expect(parseSize("1024x1024")).toBe(first);
  });
});
