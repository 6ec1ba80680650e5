/**
 * The same answer on Excel on the web, Windows and Mac. Every function is called through every
 * platform mode (web: blanks null; web with "" in ranges; desktop: blanks 0) for a blank and an
 * error cell in each parameter, alone and inside a range, and the results must be identical. Then
 * each blank rule is checked against a value worked out by hand.
 */
import {
  BLANK,
  callOn,
  ExcelError,
  excelArguments,
  OMITTED,
  PLATFORMS,
  readFunctionsJson,
  unshowableCells,
  type LoadedFunctions,
  type Platform,
} from "../support/functions-harness";
import { BUILD_TIMEOUT_MS, expectExcelError, loadExcelFunctions, only } from "./excel";

let fns: LoadedFunctions;
beforeAll(async () => {
  fns = await loadExcelFunctions();
}, BUILD_TIMEOUT_MS);

const [WEB, WEB_TEXT, DESKTOP] = PLATFORMS as [Platform, Platform, Platform];

/** A valid call of every function, one value per parameter in order. */
const BASE: Record<string, unknown[]> = {
  COST: ["openai", "high", "1024x1024", 1000, 1.2],
  PRICE: ["openai", "high", "portrait"],
  TOKENCOST: ["openai", 1e6, 1e6, 1e6, 1e6, 1e6],
  AFFORD: [100, "openai", "high", "1024x1024", 1.2],
  CHEAPEST: ["high", "square", 1000, 1.2, 2],
  PRICES: ["prospolabs"],
  PROVIDERS: [],
  ASOF: ["atlas"],
  SOURCE: ["atlas"],
  BOOK: [],
};

/** The answer on every platform; fails unless all platforms agree and every cell can be shown. */
function onEveryPlatform(id: string, args: unknown[]): unknown {
  const answers = PLATFORMS.map((platform) => callOn(fns, platform, id, ...args));
  for (let i = 0; i < PLATFORMS.length; i++) {
    expect([PLATFORMS[i]?.name, unshowableCells(answers[i])]).toEqual([PLATFORMS[i]?.name, []]);
    expect([PLATFORMS[i]?.name, answers[i]]).toEqual([PLATFORMS[i]?.name, answers[0]]);
  }
  return answers[0];
}

const variants = (): [string, string, number, unknown][] => {
  const list: [string, string, number, unknown][] = [];
  const { functions } = readFunctionsJson();
  for (const f of functions) {
    const base = BASE[f.id];
    if (base === undefined) throw new Error(`no base call for ${f.id}`);
    f.parameters.forEach((p, i) => {
      const value = base[i];
      list.push([f.id, `${p.name} blank`, i, BLANK]);
      list.push([f.id, `${p.name} omitted`, i, OMITTED]);
      list.push([f.id, `${p.name} #N/A`, i, new ExcelError("#N/A", "missing upstream")]);
      list.push([f.id, `${p.name} #REF!`, i, new ExcelError("#REF!")]);
      if (p.dimensionality === "matrix") {
        list.push([f.id, `${p.name} range with a blank`, i, [[value], [BLANK], [value]]]);
        list.push([
          f.id,
          `${p.name} range with an error`,
          i,
          [[value], [new ExcelError("#DIV/0!")], [BLANK]],
        ]);
      }
    });
  }
  return list;
};

describe("every function, every parameter, every platform: one answer", () => {
  test("the base calls agree on every platform", async () => {
    await loadExcelFunctions();
    for (const [id, args] of Object.entries(BASE)) onEveryPlatform(id, args);
  });

  // Built lazily: functions.json exists once beforeAll has built dist/.
  test("a blank, an omitted argument and error cells in each parameter", () => {
    const cases = variants();
    expect(cases.length).toBeGreaterThan(80);
    for (const [id, , index, replacement] of cases) {
      const args = [...(BASE[id] as unknown[])];
      args[index] = replacement;
      onEveryPlatform(id, args);
    }
  });
});

describe("the blank rules, worked out by hand", () => {
  test("a blank provider, quality or size is #VALUE! saying it is empty, never 'Provider 0'", () => {
    for (const [index, word] of [
      [0, "Provider is empty"],
      [1, "Quality is empty"],
      [2, "Size is empty"],
    ] as const) {
      const args = [...(BASE["COST"] as unknown[])];
      args[index] = BLANK;
      const answer = only(onEveryPlatform("COST", args));
      expectExcelError(answer, "#VALUE!", word);
      expect((answer as ExcelError).message).not.toMatch(/\b0\b/);
    }
    expectExcelError(onEveryPlatform("ASOF", [BLANK]), "#VALUE!", "Provider is empty");
  });

  test("a blank volume, budget or token count is 0, as in Excel's arithmetic", () => {
    expect(only(onEveryPlatform("COST", ["openai", "high", "square", BLANK, 1.2]))).toBe(0);
    expect(only(onEveryPlatform("AFFORD", [BLANK, "openai", "high", "square", 1.2]))).toBe(0);
    // 0 text tokens; 1M image input at 8 + 1M image output at 30 = 38
    expect(only(onEveryPlatform("TOKENCOST", ["openai", BLANK, 1e6, 1e6]))).toBe(38);
  });

  test("a blank or 0 retry is 1; blank or 0 cached tokens are 0", () => {
    // 1,000 x 1 x 0.211 = 211
    expect(only(onEveryPlatform("COST", ["openai", "high", "square", 1000, BLANK]))).toBe(211);
    expect(only(onEveryPlatform("COST", ["openai", "high", "square", 1000, 0]))).toBe(211);
    // 100 / 0.211 = 473.9 -> 473
    expect(only(onEveryPlatform("AFFORD", [100, "openai", "high", "square", BLANK]))).toBe(473);
    // 5 + 8 + 30 = 43 with no cached tokens
    expect(only(onEveryPlatform("TOKENCOST", ["openai", 1e6, 1e6, 1e6, BLANK, 0]))).toBe(43);
  });

  test("blank rows in a range: 0 for volumes, 1 for retries", () => {
    const result = onEveryPlatform("COST", [
      "atlas",
      "low",
      "square",
      [[1000], [BLANK], [1000]],
      [[BLANK], [2], [1.5]],
    ]);
    // atlas 0.008 flat: 1,000 x 1 x 0.008 = 8; blank volume 0; 1,000 x 1.5 x 0.008 = 12
    expect(result).toEqual([[8], [0], [12]]);
  });

  test("CHEAPEST: a blank or 0 volume is 1, retry 1, top all", () => {
    const omitted = onEveryPlatform("CHEAPEST", ["high", "square"]);
    expect(onEveryPlatform("CHEAPEST", ["high", "square", BLANK, BLANK, BLANK])).toEqual(omitted);
    expect(onEveryPlatform("CHEAPEST", ["high", "square", 0, 0, 0])).toEqual(omitted);
    // atlas is cheapest at high square: 0.008, total for 1 image x 1 = 0.008, a published price
    // with no other reading
    expect((omitted as unknown[][])[1]).toEqual(["atlas", 0.008, 0.008, 1, "published", ""]);
  });

  test("PRICES with a blank provider lists the whole book, as when left out", () => {
    expect(onEveryPlatform("PRICES", [BLANK])).toEqual(onEveryPlatform("PRICES", []));
  });
});

describe("error cells", () => {
  test("an #N/A in B7 of a column of volumes is #N/A in row 7 only", () => {
    const volumes: unknown[][] = Array.from({ length: 10 }, () => [1000]);
    volumes[6] = [new ExcelError("#N/A")];
    const result = onEveryPlatform("COST", ["openai", "high", "1024x1024", volumes]) as unknown[][];
    result.forEach((row, r) =>
      // 1,000 x 0.211 = 211 in every other row
      expect([r, row]).toEqual([r, r === 6 ? [new ExcelError("#N/A")] : [211]]),
    );
  });

  test("#DIV/0!, #NUM!, #NULL!, #VALUE! and #N/A come back as themselves", () => {
    for (const code of ["#DIV/0!", "#NUM!", "#NULL!", "#VALUE!", "#N/A"]) {
      const result = onEveryPlatform("PRICE", [
        [["openai"], [new ExcelError(code)]],
        "low",
        "square",
      ]);
      expect(result).toEqual([[0.006], [new ExcelError(code)]]);
    }
  });

  test("#REF! and #NAME? come back as #VALUE! naming them", () => {
    for (const code of ["#REF!", "#NAME?"]) {
      const result = onEveryPlatform("PRICE", ["openai", [[new ExcelError(code)]], "square"]);
      expectExcelError(only(result), "#VALUE!", `quality holds ${code}`);
    }
  });

  test("without allowErrorForDataTypeAny, Excel would not call the function at all", () => {
    const metadata = readFunctionsJson();
    const error = new ExcelError("#N/A");
    const args = ["openai", "high", "square", [[1], [error]]];
    expect(excelArguments(metadata, WEB, "COST", args)).toHaveProperty("passed");
    const strict = { ...metadata, allowErrorForDataTypeAny: false };
    expect(excelArguments(strict, DESKTOP, "COST", args)).toEqual({ shows: error });
  });

  test("the platforms pass a blank as the issues describe", () => {
    const metadata = readFunctionsJson();
    const passed = (p: Platform) =>
      (
        excelArguments(metadata, p, "COST", ["openai", "high", "square", [[BLANK]]]) as {
          passed: unknown[];
        }
      ).passed;
    expect(passed(WEB)[3]).toEqual([[null]]);
    expect(passed(WEB_TEXT)[3]).toEqual([[""]]);
    expect(passed(DESKTOP)[3]).toEqual([[0]]);
    const scalar = (p: Platform) =>
      (excelArguments(metadata, p, "ASOF", [BLANK]) as { passed: unknown[] }).passed[0];
    expect([scalar(WEB), scalar(DESKTOP)]).toEqual([null, 0]);
  });
});
