/**
 * The IMG functions as registered in HyperFormula for these tests and the bench: the add-in's own
 * function bodies, registered from the JSDoc catalog, with arguments passed the way Excel passes them.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { readCatalog } from "../support/catalog";
import { createImgEngine } from "../support/hyperformula-img";

function compute(formulas: (string | number | null)[][]) {
  const engine = createImgEngine({ S: formulas });
  const sheet = engine.getSheetId("S")!;
  return (row: number, col: number) => engine.getCellValue({ sheet, row, col });
}

describe("IMG functions in HyperFormula", () => {
  it("prices and costs from the core", () => {
    const at = compute([
      [
        '=IMG.PRICE("prospolabs","medium","1024x1024")',
        '=IMG.COST("prospolabs","medium","1024x1024",10000)',
      ],
      [
        '=IMG.COST("atlas","high","1024x1536",100*30)',
        '=IMG.COST("openai","medium","square",1000,1.2)',
      ],
    ]);
    expect(at(0, 0)).toBe(0.028); // prospolabs-model-page
    expect(at(0, 1)).toBe(280); // prospolabs-model-page: 10,000 x 0.028
    expect(at(1, 0)).toBe(24); // atlas-cloud-guide: 100 a day x 30 days x 0.008
    expect(at(1, 1)).toBe(63.6); // pixazo-pricing-breakdown: 1,000 x 1.2 x 0.053 = 63.60
  });

  it("treats an empty cell for the optional retry as 1", () => {
    const at = compute([['=IMG.COST("atlas","low","1024x1024",1000,B1)', null]]);
    expect(at(0, 0)).toBe(8); // atlas-cloud-guide: 1,000 x 0.008
  });

  it("answers whole images for a budget and token costs", () => {
    const at = compute([
      [
        '=IMG.AFFORD(100,"prospolabs","low","1024x1024")',
        '=IMG.TOKENCOST("openai",1000000,2000000,500000)',
      ],
    ]);
    expect(at(0, 0)).toBe(13888); // 100 / 0.0072 = 13,888.9 -> 13,888 (prospolabs-model-page)
    // chatgptimages-api-pricing: 1M x 5.00 + 2M x 8.00 + 0.5M x 30.00 = 5 + 16 + 15 = 36 USD
    expect(at(0, 1)).toBe(36);
  });

  it("turns a price the source does not publish into #N/A with the reason", () => {
    const at = compute([['=IMG.PRICE("replicate","low","1024x1024")']]);
    const value = at(0, 0) as DetailedCellError;
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(value.type).toBe("NA");
    expect(value.message).toMatch(/not publicly listed/);
  });

  it("turns malformed input into #VALUE! naming it and what is accepted", () => {
    const at = compute([
      ['=IMG.COST("openai","medium","1024x1024",1000,0.5)', '=IMG.PRICE("nobody","low","square")'],
    ]);
    const retry = at(0, 0) as DetailedCellError;
    expect(retry.type).toBe("VALUE");
    expect(retry.message).toMatch(/0\.5/);
    const provider = at(0, 1) as DetailedCellError;
    expect(provider.type).toBe("NA"); // an unknown provider is #N/A, listing the providers
    expect(provider.message).toMatch(/nobody/);
    expect(provider.message).toMatch(/openai/);
  });

  it("passes errors in arguments through", () => {
    const at = compute([['=IMG.COST("openai","low","square",1/0)']]);
    expect((at(0, 0) as DetailedCellError).type).toBe("DIV_BY_ZERO");
  });

  it("spills IMG.CHEAPEST: header, cheapest first, footer naming those left out", () => {
    const at = compute([['=IMG.CHEAPEST("low","1024x1024",1000,1,2)']]);
    expect([at(0, 0), at(0, 1), at(0, 2), at(0, 3)]).toEqual([
      "provider",
      "price per image",
      "total",
      "multiple of cheapest",
    ]);
    // Low square: OpenAI Batch 0.006 / 2 = 0.003 x 1,000 = 3; OpenAI 0.006 x 1,000 = 6 ... Atlas 0.008 -> 8
    expect([at(1, 0), at(1, 1), at(1, 2), at(1, 3)]).toEqual(["openai-batch", 0.003, 3, 1]);
    expect([at(2, 0), at(2, 2), at(2, 3)]).toEqual(["openai", 6, 2]);
    // The add-in's own footer: what was asked, who is left out, and that top cut the list.
    expect(String(at(3, 0))).toMatch(
      /^Left out \(no published price for low 1024x1024\): .*replicate.*; showing the cheapest 2 of \d+ priced providers$/,
    );
  });

  it("refuses a top below 0; a top of 0 is a blank cell on desktop Excel, so it means all", () => {
    const at = compute([['=IMG.CHEAPEST("low","1024x1024",1000,1,-1)']]);
    expect((at(0, 0) as DetailedCellError).type).toBe("VALUE");
    const all = compute([
      ['=IMG.CHEAPEST("low","1024x1024",1000,1,0)'],
      ...Array.from({ length: 12 }, () => []),
      ['=IMG.CHEAPEST("low","1024x1024",1000,1)'],
    ]);
    // The same whole table (header, every priced provider, footer) whether top is 0 or left out.
    expect(all(0, 0)).toBe("provider");
    for (let r = 0; r < 12; r++)
      for (let c = 0; c < 4; c++) expect([r, c, all(r, c)]).toEqual([r, c, all(r + 13, c)]);
  });
});

describe("every function the JSDoc declares", () => {
  it("is registered, so a template may use any of them", () => {
    createImgEngine({ S: [] });
    const registered = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const f of readCatalog()) expect(registered).toContain(`IMG.${f.id}`);
    const at = compute([["=IMG.BOOK()", '=IMG.SOURCE("atlas")']]);
    expect(String(at(0, 0))).toMatch(/^Price book .*, from the book bundled with the add-in$/);
    expect(String(at(0, 1))).toMatch(/^Atlas Cloud/);
  });
});
