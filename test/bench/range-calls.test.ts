import { neededOwn } from "../../scripts/bench/range-calls";

test("the raw 1M-vs-1k ratio needs this much own work per row to reach 1.5x: 2 x big floor - 3 x small floor", () => {
  // The floors of the full run in docs/performance.md: 9.8 ns/row at 1k rows, 122.2 at 1M.
  // (own + 122.2) / (own + 9.8) <= 1.5  <=>  own >= (122.2 - 14.7) / 0.5 = 215 ns.
  expect(neededOwn(9.8, 122.2)).toBeCloseTo(215, 6);
  // At that own work the ratio is exactly the target; 1 ns less misses it.
  expect((215 + 122.2) / (215 + 9.8)).toBeCloseTo(1.5, 12);
  expect((214 + 122.2) / (214 + 9.8)).toBeGreaterThan(1.5);
  // A floor that does not grow by more than the target asks for no own work at all.
  expect(neededOwn(10, 14)).toBe(0);
});
