/**
 * Ranges, as in =IMG.COST(A2:A11, B2:B11, C2:C11, D2:D11, 1.2): one result per row, single cells
 * broadcast, a bad row gets its own error cell while the others compute, and mismatched ranges are
 * refused with a message that says which sizes disagree.
 */
import type { LoadedFunctions } from "../support/functions-harness";
import { ExcelError } from "../support/functions-harness";
import {
  BUILD_TIMEOUT_MS,
  cell,
  column,
  expectExcelError,
  loadExcelFunctions,
  only,
  row,
} from "./excel";

let fns: LoadedFunctions;
beforeAll(async () => {
  fns = await loadExcelFunctions();
}, BUILD_TIMEOUT_MS);

describe("IMG.COST over ranges", () => {
  test("ten rows, one bad: the bad row gets its own error, the other nine compute", () => {
    const providers = column(
      "openai",
      "atlas",
      "prospolabs",
      "pixazo",
      "nobody",
      "azure",
      "openai-batch",
      "replicate-byok",
      "atlas",
      "prospolabs",
    );
    const volumes = column(1000, 1000, 1000, 1000, 1000, 100, 2000, 10, 0, 10000);
    const result = fns.call(
      "COST",
      providers,
      cell("high"),
      cell("1024x1024"),
      volumes,
      cell(1.2),
    ) as unknown[][];
    expect(result).toHaveLength(10);
    // High square from the seeds: OpenAI/Pixazo/Azure/Replicate BYOK 0.211 (001), Atlas 0.008 (000),
    // Prospolabs 0.077 (002), Batch 0.211 / 2 = 0.1055 (001); each total is volume x 1.2 x price.
    expect(result[0]).toEqual([253.2]); // 1,000 x 1.2 x 0.211
    expect(result[1]).toEqual([9.6]); // 1,000 x 1.2 x 0.008
    expect(result[2]).toEqual([92.4]); // 1,000 x 1.2 x 0.077
    expect(result[3]).toEqual([253.2]); // 1,000 x 1.2 x 0.211
    expectExcelError(result[4]?.[0], "#N/A", '"nobody"');
    expect(result[5]).toEqual([25.32]); // 100 x 1.2 x 0.211
    expect(result[6]).toEqual([253.2]); // 2,000 x 1.2 x 0.1055
    expect(result[7]).toEqual([2.532]); // 10 x 1.2 x 0.211
    expect(result[8]).toEqual([0]); // 0 images cost nothing
    expect(result[9]).toEqual([924]); // 10,000 x 1.2 x 0.077
  });

  test("each bad row says what is wrong with that row", () => {
    const result = fns.call(
      "COST",
      column("x", "openai", "y", "openai"),
      column("high", "ultra", "high", "low"),
      cell("square"),
      column(1, 1, 1, "-1"),
      null,
    ) as unknown[][];
    expectExcelError(result[0]?.[0], "#N/A", '"x"');
    expectExcelError(result[1]?.[0], "#VALUE!", '"ultra"');
    expectExcelError(result[2]?.[0], "#N/A", '"y"');
    expectExcelError(result[3]?.[0], "#VALUE!", '"-1"', "not a number");
  });

  test("a row of values (1 x N) gives a row of results", () => {
    const result = fns.call(
      "COST",
      cell("atlas"),
      cell("low"),
      cell("square"),
      row(100, 1000, 10000),
      null,
    );
    // atlas-cloud-guide's table: 100, 1,000 and 10,000 images a day cost 0.80, 8.00 and 80.00.
    expect(result).toEqual([[0.8, 8, 80]]);
  });

  test("a 2 x 2 block of volumes gives a 2 x 2 block of totals", () => {
    const result = fns.call(
      "COST",
      cell("prospolabs"),
      cell("medium"),
      cell("square"),
      [
        [1, 2],
        [10, 10000],
      ],
      null,
    );
    // prospolabs-model-page: medium 0.028 each
    expect(result).toEqual([
      [0.028, 0.056],
      [0.28, 280],
    ]);
  });

  test("blank retry cells count as omitted (1); an error cell in a range is that row's result", () => {
    const upstream = new ExcelError("#N/A", "no match upstream");
    const result = fns.call(
      "COST",
      cell("openai"),
      cell("low"),
      cell("square"),
      column(1000, upstream, 1000, 1000),
      column("", 2, null, 0),
    ) as unknown[][];
    // pixazo-pricing-breakdown: low square 0.006; 1,000 x 1 x 0.006 = 6 (a blank or 0 retry is 1)
    expect(result[0]).toEqual([6]);
    expect(result[1]?.[0]).toEqual(new ExcelError("#N/A", "no match upstream"));
    expect(result[2]).toEqual([6]);
    expect(result[3]).toEqual([6]);
  });

  test("#REF! and #NAME?, which Excel cannot show as a result, become #VALUE! naming them", () => {
    const result = fns.call(
      "COST",
      column("openai", "openai", "openai"),
      cell("low"),
      cell("square"),
      column(new ExcelError("#REF!"), 1000, new ExcelError("#NAME?")),
      null,
    ) as unknown[][];
    expectExcelError(result[0]?.[0], "#VALUE!", "volume (row 1) holds #REF!", "cannot show #REF!");
    expect(result[1]).toEqual([6]); // 1,000 x 0.006
    expectExcelError(result[2]?.[0], "#VALUE!", "volume (row 3) holds #NAME?");
  });

  test("mismatched ranges are one #VALUE! naming both sizes", () => {
    const result = fns.call(
      "COST",
      column("openai", "atlas", "pixazo"),
      cell("high"),
      cell("square"),
      column(1, 2),
      null,
    );
    expectExcelError(
      only(result),
      "#VALUE!",
      "volume has 2 rows x 1 column",
      "provider has 3 rows x 1 column",
    );
  });

  test("a column and a row of the same length do not match", () => {
    const result = fns.call(
      "COST",
      column("openai", "atlas"),
      cell("high"),
      cell("square"),
      row(1, 2),
      null,
    );
    expectExcelError(
      only(result),
      "#VALUE!",
      "volume has 1 row x 2 columns",
      "provider has 2 rows x 1 column",
    );
  });

  test("10,000 rows give 10,000 results, each the right one", () => {
    const qualities = ["low", "medium", "high"] as const;
    // prospolabs-model-page: Prospolabs low 0.0072, medium 0.028, high 0.077
    const unit = { low: 0.0072, medium: 0.028, high: 0.077 };
    const count = 10_000;
    const q = Array.from({ length: count }, (_, i) => [qualities[i % 3]]);
    const v = Array.from({ length: count }, (_, i) => [i]);
    const result = fns.call(
      "COST",
      cell("prospolabs"),
      q,
      cell("1024x1024"),
      v,
      null,
    ) as unknown[][];
    expect(result).toHaveLength(count);
    for (let i = 0; i < count; i++) {
      const quality = qualities[i % 3] as keyof typeof unit;
      expect(result[i]?.[0]).toBeCloseTo(i * unit[quality], 9);
    }
    // Exact to the decimal, as a person writes it: row 9,999 is low (9,999 mod 3 = 0),
    // 9,999 x 0.0072 = 71.9928; row 9,998 is high (mod 3 = 2), 9,998 x 0.077 = 769.846.
    expect(result[9999]).toEqual([71.9928]);
    expect(result[9998]).toEqual([769.846]);
  });
});

describe("the other range functions", () => {
  test("PRICE over a column of providers", () => {
    const result = fns.call(
      "PRICE",
      column("openai", "atlas", "replicate"),
      cell("medium"),
      cell("portrait"),
    );
    const rows = result as unknown[][];
    expect(rows[0]).toEqual([0.041]); // pixazo-pricing-breakdown: medium portrait 0.041
    expect(rows[1]).toEqual([0.008]); // atlas-cloud-guide: flat 0.008
    expectExcelError(rows[2]?.[0], "#N/A", "Replicate");
  });

  test("AFFORD over a column of budgets", () => {
    // atlas-cloud-guide: 0.008 per image: 1 -> 125 images (the page's "about 125 images"), 24 -> 3,000, 0 -> 0
    const result = fns.call(
      "AFFORD",
      column(1, 24, 0),
      cell("atlas"),
      cell("low"),
      cell("square"),
      null,
    );
    expect(result).toEqual([[125], [3000], [0]]);
  });

  test("TOKENCOST over a column of output counts", () => {
    // chatgptimages-api-pricing: image output 30.00 per 1M: 1M -> 30, 100,000 -> 3, 0 -> 0
    const result = fns.call(
      "TOKENCOST",
      cell("openai"),
      cell(0),
      cell(0),
      column(1e6, 1e5, 0),
      null,
      null,
    );
    expect(result).toEqual([[30], [3], [0]]);
  });
});
