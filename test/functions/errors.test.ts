/**
 * Every way a formula can go wrong gives #N/A (input fine, no price exists) or #VALUE! (input
 * wrong), with a message that names the bad value and what is accepted. Never a crash, never a
 * silent number.
 */
import type { LoadedFunctions } from "../support/functions-harness";
import { ExcelError } from "../support/functions-harness";
import { BUILD_TIMEOUT_MS, cell, expectExcelError, loadExcelFunctions, only } from "./excel";

let fns: LoadedFunctions;
beforeAll(async () => {
  fns = await loadExcelFunctions();
}, BUILD_TIMEOUT_MS);

const cost = (
  provider: unknown,
  quality: unknown,
  size: unknown,
  volume: unknown,
  retry: unknown = null,
): unknown =>
  only(
    fns.call(
      "COST",
      cell(provider),
      cell(quality),
      cell(size),
      cell(volume),
      retry === null ? null : cell(retry),
    ),
  );

describe("#N/A: the input is fine but no price exists for it", () => {
  test("UNKNOWN_PROVIDER names the provider and lists the accepted ones", () => {
    expectExcelError(
      cost("midjourney", "high", "square", 10),
      "#N/A",
      '"midjourney"',
      "openai",
      "atlas",
    );
  });

  test("NOT_PUBLISHED: Replicate without your own key lists no price (pixazo-pricing-breakdown)", () => {
    expectExcelError(
      cost("replicate", "high", "square", 10),
      "#N/A",
      "Replicate",
      "not publicly listed",
    );
  });

  test("NOT_PUBLISHED: fal's medium 'scales between these bounds', which fixes no number (pixazo-pricing-breakdown)", () => {
    expectExcelError(cost("fal", "medium", "1024x768", 10), "#N/A", "fal.ai", "medium");
  });

  test("SIZE_NOT_PRICED names the size and the sizes that are priced", () => {
    // pixazo-pricing-breakdown lists OpenAI prices for 1024x1024, 1024x1536 and 1536x1024 only.
    expectExcelError(
      only(fns.call("PRICE", cell("openai"), cell("high"), cell("2048x2048"))),
      "#N/A",
      "2048x2048",
      "1024x1024",
    );
  });

  test("NO_TOKEN_METERS: Atlas bills per image, not by token (atlas-cloud-guide)", () => {
    expectExcelError(
      only(fns.call("TOKENCOST", cell("atlas"), cell(1), cell(0), cell(1), null, null)),
      "#N/A",
      "Atlas",
    );
  });

  test("NO_TOKEN_METERS: Vercel publishes no cached meter (llm-reference-openai-api gives input and output only)", () => {
    const result = only(
      fns.call("TOKENCOST", cell("vercel"), cell(0), cell(0), cell(0), cell(5000), null),
    );
    expectExcelError(result, "#N/A", "cached text input", "5000");
  });

  test("the ranking and the price list of an unknown provider", () => {
    expectExcelError(only(fns.call("PRICES", "midjourney")), "#N/A", '"midjourney"');
  });
});

describe("#VALUE!: the input itself is wrong", () => {
  test.each([
    ["EMPTY provider", () => cost("", "high", "square", 10), ["Provider is empty", "openai"]],
    [
      "EMPTY size (a blank cell on desktop arrives as 0)",
      () => cost("openai", "high", 0, 10),
      ["Size is empty"],
    ],
    [
      "BAD_QUALITY",
      () => cost("openai", "ultra", "square", 10),
      ['"ultra"', "low, medium, high, auto"],
    ],
    ["BAD_SIZE", () => cost("openai", "high", "huge", 10), ['"huge"', "1024x1024"]],
    ["BAD_NUMBER text", () => cost("openai", "high", "square", "1,000"), ['"1,000"', "number"]],
    ["BAD_NUMBER boolean", () => cost("openai", "high", "square", true), ["TRUE", "number"]],
    ["NEGATIVE volume", () => cost("openai", "high", "square", -5), ["-5", "0 or more"]],
    ["RETRY_BELOW_ONE", () => cost("openai", "high", "square", 10, 0.5), ["0.5", "1"]],
    [
      "NEGATIVE budget",
      () => only(fns.call("AFFORD", cell(-1), cell("atlas"), cell("low"), cell("square"), null)),
      ["-1"],
    ],
    [
      "NEGATIVE tokens",
      () => only(fns.call("TOKENCOST", cell("openai"), cell(-3), cell(0), cell(0), null, null)),
      ["-3"],
    ],
  ])("%s", (_name, run, fragments) => {
    expectExcelError(run(), "#VALUE!", ...(fragments as string[]));
  });

  test.each([
    [-1, "got -1"],
    [1.5, "got 1.5"],
    ["three", 'got "three"'],
    [true, "got TRUE"],
  ])("CHEAPEST top %p is refused", (top, fragment) => {
    expectExcelError(
      only(fns.call("CHEAPEST", "high", "square", null, null, top)),
      "#VALUE!",
      "top",
      fragment,
    );
  });

  test("CHEAPEST passes the core's quality and size errors on", () => {
    expectExcelError(
      only(fns.call("CHEAPEST", "best", "square", null, null, null)),
      "#VALUE!",
      '"best"',
    );
    expectExcelError(
      only(fns.call("CHEAPEST", "low", "0x0", null, null, null)),
      "#VALUE!",
      '"0x0"',
    );
  });
});

describe("errors that arrive as arguments", () => {
  test("an error cell is that row's result, unchanged", () => {
    const upstream = new ExcelError("#DIV/0!");
    const result = fns.call(
      "COST",
      cell("openai"),
      cell("high"),
      cell("square"),
      cell(upstream),
      null,
    );
    expect(only(result)).toEqual(new ExcelError("#DIV/0!"));
  });
});

test("an error cell given to CHEAPEST, PRICES, ASOF or SOURCE is their result", () => {
  const upstream = new ExcelError("#N/A", "lookup failed upstream");
  const same = new ExcelError("#N/A", "lookup failed upstream");
  expect(only(fns.call("CHEAPEST", upstream, "square", null, null, null))).toEqual(same);
  expect(only(fns.call("CHEAPEST", "low", "square", null, null, upstream))).toEqual(same);
  expect(only(fns.call("PRICES", upstream))).toEqual(same);
  expect(fns.call("ASOF", upstream)).toEqual(same);
  expect(fns.call("SOURCE", upstream)).toEqual(same);
  // #REF! cannot be a result: #VALUE! that names it, for the scalar functions too.
  expectExcelError(
    fns.call("ASOF", new ExcelError("#REF!")),
    "#VALUE!",
    "IMG.ASOF: provider holds #REF!",
  );
  expectExcelError(
    only(fns.call("CHEAPEST", "low", new ExcelError("#NAME?"), null, null, null)),
    "#VALUE!",
    "IMG.CHEAPEST: size holds #NAME?",
  );
});

describe("IMG.ASOF and IMG.SOURCE throw their error, as Excel expects of a scalar function", () => {
  test("the raw function throws the CustomFunctions.Error", () => {
    expect(() => fns.get("ASOF")("")).toThrow(ExcelError);
    expect(() => fns.get("SOURCE")(null)).toThrow(ExcelError);
  });
});
