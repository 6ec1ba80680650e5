import { costRows, lcg, QUALITIES, RETRIES, SIZES, VOLUMES } from "../../scripts/bench/workload";

describe("the IMG.COST workload", () => {
  it("mixes the typed values with a repeatable sequence", () => {
    // Park-Miller: 42 x 16807 = 705,894; 705,894 x 16807 = 11,863,960,458 mod 2,147,483,647 = 1,126,542,223
    const next = lcg(42);
    expect(next()).toBe(705_894);
    expect(next()).toBe(1_126_542_223);
    expect(costRows(50, ["openai", "atlas"])).toEqual(costRows(50, ["openai", "atlas"]));
  });

  it("uses every quality, size, volume and retry of the lists over a few thousand rows", () => {
    const rows = costRows(4096, ["openai"]);
    expect(new Set(rows.map((r) => r.quality))).toEqual(new Set(QUALITIES));
    expect(new Set(rows.map((r) => r.size))).toEqual(new Set(SIZES));
    expect(new Set(rows.map((r) => r.volume))).toEqual(new Set(VOLUMES));
    expect(new Set(rows.map((r) => r.retry))).toEqual(new Set(RETRIES));
  });

  it("refuses an empty provider list with a message saying so", () => {
    expect(() => costRows(10, [])).toThrow("costRows needs at least one provider");
  });
});
