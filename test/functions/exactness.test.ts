/**
 * The reported wrong numbers, as the built IMG functions give them in a cell (docs/exactness.md).
 */
import type { LoadedFunctions } from "../support/functions-harness";
import { BUILD_TIMEOUT_MS, cell, expectExcelError, loadExcelFunctions, only } from "./excel";

let fns: LoadedFunctions;
beforeAll(async () => {
  fns = await loadExcelFunctions();
}, BUILD_TIMEOUT_MS);

const call = (name: string, ...args: unknown[]): unknown =>
  only(fns.call(name, ...args.map((a) => (a === null ? null : cell(a)))));

describe("exact results in cells", () => {
  test('=IMG.AFFORD(323521906.346999,"openai","high","square") is 1533279176', () => {
    // 1533279177 x 0.211 = 323521906.347: the budget is $0.000001 short of that many images.
    expect(call("AFFORD", 323521906.346999, "openai", "high", "square", null)).toBe(1533279176);
  });

  test('=IMG.AFFORD(66562258382.09,"atlas/imagen-4-ultra","low","square",1.05) is 1173937537602', () => {
    // 0.054 x 1.05 = 0.0567; 1173937537603 x 0.0567 = 66562258382.0901, over the budget by 0.0001.
    expect(call("AFFORD", 66562258382.09, "atlas/imagen-4-ultra", "low", "square", 1.05)).toBe(
      1173937537602,
    );
  });

  test('=IMG.COST("openai","high","square",99999999999999) is 21099999999999.79', () => {
    // 99999999999999 x 0.211 = 21099999999999.789 exactly, half up to the cent: .79
    expect(call("COST", "openai", "high", "square", 99999999999999, null)).toBe(21099999999999.79);
  });

  test("a total too large to give to the cent is #VALUE! with the reason (Excel drops #NUM! messages)", () => {
    // 999999999999999 x 0.211 = 210999999999999.789, past $7e13
    expectExcelError(
      call("COST", "openai", "high", "square", 999999999999999, null),
      "#VALUE!",
      "too large to compute to the cent",
    );
    expectExcelError(
      call("TOKENCOST", "openai", 1.11111111111111e21, 1.3e22, 1.23456789012347e23, null, null),
      "#VALUE!",
      "The cost of these token counts is too large to compute to the cent.",
    );
  });

  test('a provider named with a non-ASCII letter is #N/A: "openaié" is not openai', () => {
    expectExcelError(call("PRICE", "openaié", "high", "square"), "#N/A", '"openaié"');
  });

  test("CHEAPEST's top echoes a 32,767-character argument cut to 40 characters", () => {
    const result = only(fns.call("CHEAPEST", "high", "square", null, null, "7".repeat(32_767)));
    expectExcelError(result, "#VALUE!", `got "${"7".repeat(40)}...".`);
    expect((result as { message: string }).message.length).toBeLessThan(200);
  });
});
