import { bundledBook } from "../../src/core";
import { estimate, formatTotal } from "../../src/taskpane/estimate";
import { costFormula, excelString } from "../../src/taskpane/formula";

const input = (
  over: Partial<Record<"provider" | "quality" | "size" | "volume" | "retry", string>>,
) => ({
  provider: "openai",
  quality: "medium",
  size: "1024x1024",
  volume: "1000",
  retry: "1",
  ...over,
});

describe("quick estimate", () => {
  it("prices OpenAI medium square", () => {
    // pixazo-pricing-breakdown: 1,000 x 0.053 = 53
    const out = estimate(bundledBook, input({}));
    expect(out.ok && out.total).toBe(53);
    expect(out.ok && formatTotal(out.total)).toBe("$53.00");
  });

  it("applies the retry multiplier", () => {
    // pixazo-pricing-breakdown + chatgptimages-api-pricing's formula: 1,000 x 0.211 x 1.2 = 253.2
    const out = estimate(bundledBook, input({ quality: "high", retry: "1.2" }));
    expect(out.ok && out.total).toBe(253.2);
  });

  it("reproduces prospolabs-model-page's 10,000-image Medium example", () => {
    // prospolabs-model-page: 10,000 x 0.028 = 280
    const out = estimate(bundledBook, input({ provider: "prospolabs", volume: "10000" }));
    expect(out.ok && out.total).toBe(280);
  });

  it("reproduces atlas-cloud-guide's monthly cost at 100 images a day", () => {
    // atlas-cloud-guide: 100 x 30 days x 0.008 = 24
    const out = estimate(bundledBook, input({ provider: "atlas", quality: "low", volume: "3000" }));
    expect(out.ok && out.total).toBe(24);
  });

  it.each([
    ["an unknown provider", { provider: "nobody" }, /nobody/],
    ["a bad quality", { quality: "ultra" }, /ultra/],
    ["a bad size", { size: "big" }, /big/],
    ["a volume that is text", { volume: "many" }, /many/],
    ["a negative volume", { volume: "-5" }, /-5/],
    ["a retry below 1", { retry: "0.5" }, /0\.5/],
  ])("shows a readable reason for %s", (_what, over, named) => {
    const out = estimate(bundledBook, input(over));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(named);
  });
});

describe("formula text", () => {
  it("writes the estimate as an IMG.COST formula with numbers unquoted", () => {
    expect(costFormula(input({ quality: "high", retry: "1.2" }))).toBe(
      '=IMG.COST("openai","high","1024x1024",1000,1.2)',
    );
  });

  it("leaves out an empty retry", () => {
    expect(costFormula(input({ retry: "" }))).toBe('=IMG.COST("openai","medium","1024x1024",1000)');
  });

  it("doubles quotes inside strings and keeps non-numbers as text for the function to name", () => {
    expect(excelString('Atlas "Cloud"')).toBe('"Atlas ""Cloud"""');
    expect(costFormula(input({ provider: 'a"b', volume: "lots" }))).toBe(
      '=IMG.COST("a""b","medium","1024x1024","lots",1)',
    );
  });
});
