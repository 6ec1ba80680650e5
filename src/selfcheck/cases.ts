/**
 * The self-check cases: one list that the generated workbook (docs/verify-in-excel.xlsx), the
 * "Check this add-in" sheet the pane inserts, and the tests all read.
 *
 * Each case is one row: what it checks in words, the IMG formula (reading helper cells on its own
 * row where the case is about cell contents: blanks, error cells, ranges), the expected result
 * worked out by hand from the source pages, and a PASS/FAIL cell that uses only functions both
 * Excel and LibreOffice have.
 *
 * Sources (the pages the price book cites):
 *   000 Atlas Cloud's guide: flat 0.008 per image, every quality and size; "Last Updated: May 4, 2026"
 *   001 Pixazo's breakdown of OpenAI's rates: square low 0.006 / medium 0.053 / high 0.211,
 *       portrait and landscape high 0.165; Batch 50% off; Azure, Pixazo, Replicate BYOK at
 *       OpenAI's rates; fal.ai low about 1024x768 0.01, medium not fixed; Replicate without BYOK
 *       not listed
 *   002 Prospolabs: low 0.0072 / medium 0.028 / high 0.077 (retail 0.012 / 0.047 / 0.128)
 *   003 token meters: Vercel AI Gateway input 5.00 / output 30.00 per 1M tokens
 *   004 the pricing guide: OpenAI text in 5.00, cached text in 1.25, image in 8.00, cached image
 *       in 2.00, image out 30.00 per 1M tokens
 */

/** The Excel errors a row can expect, with the number ERROR.TYPE gives for each. */
export const ERROR_TYPES = {
  "#NULL!": 1,
  "#DIV/0!": 2,
  "#VALUE!": 3,
  "#REF!": 4,
  "#NAME?": 5,
  "#NUM!": 6,
  "#N/A": 7,
} as const;
export type ExcelErrorName = keyof typeof ERROR_TYPES;

export type Expectation =
  /** A number, equal within 1e-9 (prices and sums that need not be exact to the last bit). */
  | { readonly kind: "number"; readonly value: number }
  /** A number compared with `=`: money that must come out as the decimal a person works out. */
  | { readonly kind: "exact"; readonly value: number }
  /** Text, compared case-sensitively with EXACT. */
  | { readonly kind: "text"; readonly value: string }
  /** Text that starts with `value`. */
  | { readonly kind: "textStart"; readonly value: string }
  /** A formula that must give TRUE. */
  | { readonly kind: "true" }
  /** A date: the expected cell is =DATE(y,m,d), so it follows the workbook's date system. */
  | { readonly kind: "date"; readonly year: number; readonly month: number; readonly day: number }
  /** An Excel error, checked with ERROR.TYPE. */
  | { readonly kind: "error"; readonly error: ExcelErrorName };

/**
 * A helper cell on the case's row: a constant, a formula (=NA(), =1/0 ...), or null for a cell
 * left blank on purpose.
 */
export type HelperCell = string | number | { readonly formula: string } | null;

/** Addresses of the case's helper cells, as the formula must spell them. */
export interface HelperRefs {
  /** The i-th helper cell (0-based), e.g. "H7". */
  cell(i: number): string;
  /** Helper cells from..to (0-based, inclusive) as one range, e.g. "H7:J7". */
  range(from: number, to: number): string;
}

export interface CheckCase {
  /** Stable id, shown in column A; what a report names. */
  readonly id: string;
  /** What the row checks, in words. */
  readonly checks: string;
  /** How the expected value follows from the sources. */
  readonly workedOut: string;
  /** Helper cells, left to right; the formula reads them through `refs`. */
  readonly helpers?: readonly HelperCell[];
  /** The formula under test, starting with "=". */
  readonly formula: (refs: HelperRefs) => string;
  readonly expect: Expectation;
}

const NA: HelperCell = { formula: "=NA()" };
const DIV0: HelperCell = { formula: "=1/0" };
/**
 * #REF! typed as a formula. (OFFSET(A1,-1,0) is #REF! in Excel but #VALUE! in LibreOffice; the
 * error literal is #REF! in both.)
 */
const REF: HelperCell = { formula: "=#REF!" };
/** #NUM! typed as a formula (SQRT(-1) is #NUM! in Excel but #VALUE! in LibreOffice). */
const NUM: HelperCell = { formula: "=#NUM!" };
const VALUE: HelperCell = { formula: '="a"+1' };

const fixed = (formula: string) => (): string => formula;

export const CASES: readonly CheckCase[] = [
  // IMG.COST
  {
    id: "COST-1",
    checks: "IMG.COST with every argument: provider, quality, size, volume, retry",
    workedOut: "OpenAI high 1024x1024 0.211 (Pixazo): 1,000 x 1.2 x 0.211 = 253.2",
    formula: fixed('=IMG.COST("openai","high","1024x1024",1000,1.2)'),
    expect: { kind: "exact", value: 253.2 },
  },
  {
    id: "COST-2",
    checks: "IMG.COST without retry uses 1; size by name (square)",
    workedOut: "Prospolabs medium 0.028: 10,000 x 0.028 = 280",
    formula: fixed('=IMG.COST("prospolabs","medium","square",10000)'),
    expect: { kind: "exact", value: 280 },
  },
  {
    id: "COST-3",
    checks: "Money is exact: 100 x 0.211 is 21.1, not 21.099999999999998",
    workedOut: "100 x 0.211 = 21.1",
    formula: fixed('=IMG.COST("openai","high","1024x1024",100)'),
    expect: { kind: "exact", value: 21.1 },
  },
  {
    id: "COST-4",
    checks: "A provider given by its name (Azure OpenAI), at OpenAI's rates",
    workedOut: "Azure at OpenAI's medium square 0.053 (Pixazo): 100 x 0.053 = 5.3",
    formula: fixed('=IMG.COST("Azure OpenAI","medium","1024x1024",100)'),
    expect: { kind: "exact", value: 5.3 },
  },
  {
    id: "COST-5",
    checks: "OpenAI Batch is half of OpenAI's price",
    workedOut: "0.211 / 2 = 0.1055; 1,000 x 0.1055 = 105.5",
    formula: fixed('=IMG.COST("openai-batch","high","1024x1024",1000)'),
    expect: { kind: "exact", value: 105.5 },
  },
  {
    id: "COST-6",
    checks: "quality auto is budgeted at the high price",
    workedOut: "auto as high 0.211: 10 x 0.211 = 2.11",
    formula: fixed('=IMG.COST("openai","auto","1024x1024",10)'),
    expect: { kind: "exact", value: 2.11 },
  },
  {
    id: "COST-7",
    checks: "#N/A for a provider with no published price (Replicate without your own key)",
    workedOut: "Pixazo: Replicate without BYOK is not publicly listed",
    formula: fixed('=IMG.COST("replicate","high","1024x1024",1)'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "COST-8",
    checks: "#N/A for a size OpenAI does not price (2048x2048)",
    workedOut: "Pixazo prices OpenAI at 1024x1024, 1024x1536 and 1536x1024 only",
    formula: fixed('=IMG.COST("openai","high","2048x2048",1)'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "COST-9",
    checks: "#VALUE! for a negative volume",
    workedOut: "volume must be 0 or more",
    formula: fixed('=IMG.COST("openai","high","1024x1024",-5)'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "COST-10",
    checks: '#VALUE! for a volume typed as text ("1,000")',
    workedOut: "volume must be a number",
    formula: fixed('=IMG.COST("openai","high","1024x1024","1,000")'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "COST-11",
    checks: "#VALUE! for a retry multiplier below 1",
    workedOut: "retry must be 1 or more",
    formula: fixed('=IMG.COST("openai","high","1024x1024",10,0.5)'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "COST-12",
    checks: "#VALUE! for an unknown quality (ultra)",
    workedOut: "quality is low, medium, high or auto",
    formula: fixed('=IMG.COST("openai","ultra","1024x1024",10)'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "COST-13",
    checks: "A range of volumes (H:J) gives one total per cell; the 2nd read with INDEX",
    workedOut: "volumes 10, 100, 1,000 at 0.211: the 2nd is 100 x 0.211 = 21.1",
    helpers: [10, 100, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,2)`,
    expect: { kind: "exact", value: 21.1 },
  },
  {
    id: "COST-14",
    checks: "A range of qualities (H:J) with a single volume: the 3rd result",
    workedOut: "low, medium, high square x 1,000: the 3rd is 1,000 x 0.211 = 211",
    helpers: ["low", "medium", "high"],
    formula: (h) => `=INDEX(IMG.COST("openai",${h.range(0, 2)},"square",1000),1,3)`,
    expect: { kind: "exact", value: 211 },
  },
  {
    id: "COST-15",
    checks: "#VALUE! when two ranges differ in size (H:I against H:J)",
    workedOut: "ranges must be the same size; a single cell is used for every row",
    helpers: ["openai", "atlas", 1000],
    formula: (h) => `=INDEX(IMG.COST(${h.range(0, 1)},"high","1024x1024",${h.range(0, 2)}),1,1)`,
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "COST-16",
    checks: "An error cell (=1/0 in H) given as the volume: the result is that error",
    workedOut: "an error argument is the cell's result",
    helpers: [DIV0],
    formula: (h) => `=IMG.COST("openai","high","1024x1024",${h.cell(0)})`,
    expect: { kind: "error", error: "#DIV/0!" },
  },
  // IMG.PRICE
  {
    id: "PRICE-1",
    checks: "IMG.PRICE by shape name: OpenAI high portrait",
    workedOut: "Pixazo: high portrait 1024x1536 = 0.165",
    formula: fixed('=IMG.PRICE("openai","high","portrait")'),
    expect: { kind: "exact", value: 0.165 },
  },
  {
    id: "PRICE-2",
    checks: "IMG.PRICE at fal.ai's one published low point (1024x768)",
    workedOut: "Pixazo: fal.ai low at about 1024x768 = 0.01",
    formula: fixed('=IMG.PRICE("fal","low","1024x768")'),
    expect: { kind: "exact", value: 0.01 },
  },
  {
    id: "PRICE-3",
    checks: "#N/A for fal.ai at medium (the source fixes no number)",
    workedOut: "Pixazo: fal.ai medium scales between its two points",
    formula: fixed('=IMG.PRICE("fal","medium","1024x1024")'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "PRICE-4",
    checks: "#VALUE! for a malformed size (huge)",
    workedOut: "size is WIDTHxHEIGHT, square, portrait or landscape",
    formula: fixed('=IMG.PRICE("openai","high","huge")'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "PRICE-5",
    checks: 'A size written "1024 X 1024" and quality in capitals',
    workedOut: "Pixazo: high square 0.211",
    formula: fixed('=IMG.PRICE("openai","HIGH","1024 X 1024")'),
    expect: { kind: "exact", value: 0.211 },
  },
  {
    id: "PRICE-6",
    checks: "Prospolabs low tier (four decimals)",
    workedOut: "Prospolabs: low 0.0072",
    formula: fixed('=IMG.PRICE("prospolabs","low","square")'),
    expect: { kind: "exact", value: 0.0072 },
  },
  {
    id: "PRICE-7",
    checks: "#N/A for a provider that is not in the book",
    workedOut: "no such provider",
    formula: fixed('=IMG.PRICE("nobody","high","1024x1024")'),
    expect: { kind: "error", error: "#N/A" },
  },
  // IMG.TOKENCOST
  {
    id: "TOKENCOST-1",
    checks: "IMG.TOKENCOST with text, image input and image output tokens",
    workedOut: "pricing guide: 1M x 5.00 + 1M x 8.00 + 1M x 30.00 per 1M = 43",
    formula: fixed('=IMG.TOKENCOST("openai",1000000,1000000,1000000)'),
    expect: { kind: "exact", value: 43 },
  },
  {
    id: "TOKENCOST-2",
    checks: "IMG.TOKENCOST with both cached arguments",
    workedOut: "30.00 + 1.25 (cached text) + 2.00 (cached image) = 33.25",
    formula: fixed('=IMG.TOKENCOST("openai",0,0,1000000,1000000,1000000)'),
    expect: { kind: "exact", value: 33.25 },
  },
  {
    id: "TOKENCOST-3",
    checks: "Small token counts stay exact",
    workedOut: "1,000 x 5.00 / 1,000,000 = 0.005",
    formula: fixed('=IMG.TOKENCOST("openai",1000,0,0)'),
    expect: { kind: "exact", value: 0.005 },
  },
  {
    id: "TOKENCOST-4",
    checks: "Vercel AI Gateway's meters",
    workedOut: "token reference page: input 5.00 + output 30.00 per 1M = 35",
    formula: fixed('=IMG.TOKENCOST("vercel",1000000,0,1000000)'),
    expect: { kind: "exact", value: 35 },
  },
  {
    id: "TOKENCOST-5",
    checks: "#N/A for a provider that bills per image (Atlas Cloud)",
    workedOut: "Atlas Cloud publishes no token meters",
    formula: fixed('=IMG.TOKENCOST("atlas",1,1,1)'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "TOKENCOST-6",
    checks: "#N/A for cached tokens at Vercel (no cached meter published)",
    workedOut: "the token reference page gives Vercel no cache meter",
    formula: fixed('=IMG.TOKENCOST("vercel",0,0,0,1000)'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "TOKENCOST-7",
    checks: "#VALUE! for a negative token count",
    workedOut: "counts must be 0 or more",
    formula: fixed('=IMG.TOKENCOST("openai",-1,0,0)'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  // IMG.AFFORD
  {
    id: "AFFORD-1",
    checks: "IMG.AFFORD: whole images a budget buys",
    workedOut: "Atlas Cloud 0.008: 24 / 0.008 = 3,000",
    formula: fixed('=IMG.AFFORD(24,"atlas","low","square")'),
    expect: { kind: "exact", value: 3000 },
  },
  {
    id: "AFFORD-2",
    checks: "IMG.AFFORD with retry rounds down",
    workedOut: "100 / (0.211 x 1.2) = 100 / 0.2532 = 394.9 -> 394",
    formula: fixed('=IMG.AFFORD(100,"openai","high","1024x1024",1.2)'),
    expect: { kind: "exact", value: 394 },
  },
  {
    id: "AFFORD-3",
    checks: "Money is exact: 3.30 buys 20 portraits at 0.165, not 19",
    workedOut: "3.3 / 0.165 = 20 exactly",
    formula: fixed('=IMG.AFFORD(3.3,"openai","high","portrait")'),
    expect: { kind: "exact", value: 20 },
  },
  {
    id: "AFFORD-4",
    checks: "#VALUE! for a negative budget",
    workedOut: "budget must be 0 or more",
    formula: fixed('=IMG.AFFORD(-1,"openai","high","1024x1024")'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "AFFORD-5",
    checks: "A range of budgets (H:J): the 3rd result",
    workedOut: "budgets 0.8, 8, 80 at Atlas Cloud 0.008: 80 / 0.008 = 10,000",
    helpers: [0.8, 8, 80],
    formula: (h) => `=INDEX(IMG.AFFORD(${h.range(0, 2)},"atlas","high","1024x1024"),1,3)`,
    expect: { kind: "exact", value: 10000 },
  },
  // IMG.CHEAPEST
  {
    id: "CHEAPEST-1",
    checks: "IMG.CHEAPEST spill: header row, read with INDEX",
    workedOut: "the first column's header",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2),1,1)'),
    expect: { kind: "text", value: "provider" },
  },
  {
    id: "CHEAPEST-2",
    checks: "IMG.CHEAPEST: the cheapest provider for high square",
    workedOut: "Atlas Cloud 0.008 is below every other high square price",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2),2,1)'),
    expect: { kind: "text", value: "atlas" },
  },
  {
    id: "CHEAPEST-3",
    checks: "IMG.CHEAPEST total column uses volume and retry",
    workedOut: "1,000 x 1.2 x 0.008 = 9.6",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2),2,3)'),
    expect: { kind: "exact", value: 9.6 },
  },
  {
    id: "CHEAPEST-4",
    checks: "IMG.CHEAPEST: second place and its multiple of the cheapest",
    workedOut: "Prospolabs high 0.077 / 0.008 = 9.625",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2),3,4)'),
    expect: { kind: "exact", value: 9.625 },
  },
  {
    id: "CHEAPEST-5",
    checks: "IMG.CHEAPEST top 2: the footer follows the two rows",
    workedOut: "header, 2 providers, then the footer naming those left out",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2),4,1)'),
    expect: { kind: "textStart", value: "Left out" },
  },
  {
    id: "CHEAPEST-6",
    checks: "IMG.CHEAPEST without volume: total = price",
    workedOut: "volume 1, retry 1: Atlas Cloud 0.008",
    formula: fixed('=INDEX(IMG.CHEAPEST("medium","1024x1024"),2,3)'),
    expect: { kind: "exact", value: 0.008 },
  },
  {
    id: "CHEAPEST-7",
    checks: "#VALUE! for a top that is not a whole number (1.5)",
    workedOut: "top is a whole number of 1 or more (blank or 0 for all)",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1,1,1.5),1,1)'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "CHEAPEST-8",
    checks: "IMG.CHEAPEST top 0 means all: the footer follows all 7 priced providers",
    workedOut:
      "high square is priced by 7 providers (not Replicate, fal.ai, Vercel): footer on row 9",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1,1,0),9,1)'),
    expect: { kind: "textStart", value: "Left out" },
  },
  // IMG.PRICES
  {
    id: "PRICES-1",
    checks: "IMG.PRICES spill: the price column's header",
    workedOut: "columns: provider, model, quality, size, price, ...",
    formula: fixed('=INDEX(IMG.PRICES("prospolabs"),1,5)'),
    expect: { kind: "text", value: "price" },
  },
  {
    id: "PRICES-2",
    checks: "IMG.PRICES for one provider: its high tier's price (4th row)",
    workedOut: "Prospolabs tiers low, medium, high; high 0.077",
    formula: fixed('=INDEX(IMG.PRICES("prospolabs"),4,5)'),
    expect: { kind: "exact", value: 0.077 },
  },
  {
    id: "PRICES-3",
    checks: "IMG.PRICES: the list price column",
    workedOut: "Prospolabs high at retail 0.128",
    formula: fixed('=INDEX(IMG.PRICES("prospolabs"),4,6)'),
    expect: { kind: "exact", value: 0.128 },
  },
  {
    id: "PRICES-4",
    checks: "IMG.PRICES for one provider lists only that provider",
    workedOut: "every row of the provider column reads prospolabs",
    formula: fixed('=INDEX(IMG.PRICES("prospolabs"),2,1)&"/"&INDEX(IMG.PRICES("prospolabs"),4,1)'),
    expect: { kind: "text", value: "prospolabs/prospolabs" },
  },
  {
    id: "PRICES-5",
    checks: "#N/A from IMG.PRICES for an unknown provider",
    workedOut: "no such provider",
    formula: fixed('=INDEX(IMG.PRICES("nobody"),1,1)'),
    expect: { kind: "error", error: "#N/A" },
  },
  // IMG.PROVIDERS
  {
    id: "PROVIDERS-1",
    checks: "IMG.PROVIDERS spill: header",
    workedOut: "the first column is the id the functions take",
    formula: fixed("=INDEX(IMG.PROVIDERS(),1,1)"),
    expect: { kind: "text", value: "provider" },
  },
  {
    id: "PROVIDERS-2",
    checks: "IMG.PROVIDERS lists Atlas Cloud exactly once",
    workedOut: "one row per provider",
    formula: fixed('=SUMPRODUCT(--(IMG.PROVIDERS()="atlas"))=1'),
    expect: { kind: "true" },
  },
  // IMG.ASOF
  {
    id: "ASOF-1",
    checks: "IMG.ASOF is the date Atlas Cloud's page was read, in this workbook's date system",
    workedOut:
      "the price book records the page as read on 2026-11-21 (IMG.SOURCE says so: see SOURCE-2)",
    formula: fixed('=IMG.ASOF("atlas")'),
    expect: { kind: "date", year: 2026, month: 11, day: 21 },
  },
  {
    id: "ASOF-2",
    checks: "IMG.ASOF works with date functions (YEAR, MONTH, DAY)",
    workedOut: "2026-11-21",
    formula: fixed(
      '=YEAR(IMG.ASOF("atlas"))*10000+MONTH(IMG.ASOF("atlas"))*100+DAY(IMG.ASOF("atlas"))',
    ),
    expect: { kind: "exact", value: 20261121 },
  },
  {
    id: "ASOF-3",
    checks: "#N/A from IMG.ASOF for an unknown provider",
    workedOut: "no such provider",
    formula: fixed('=IMG.ASOF("nobody")'),
    expect: { kind: "error", error: "#N/A" },
  },
  // IMG.SOURCE
  {
    id: "SOURCE-1",
    checks: "IMG.SOURCE names the page a price comes from",
    workedOut: "Atlas Cloud's own guide",
    formula: fixed('=IMG.SOURCE("atlas")'),
    expect: { kind: "textStart", value: "Atlas Cloud: GPT Image 2" },
  },
  {
    id: "SOURCE-2",
    checks: "IMG.SOURCE gives the page's own date and the date it was read",
    workedOut: 'Atlas Cloud\'s guide: "Last Updated: May 4, 2026"; read 2026-11-21',
    formula: fixed(
      '=AND(ISNUMBER(SEARCH("dated 2026-05-04",IMG.SOURCE("atlas"))),ISNUMBER(SEARCH("read 2026-11-21",IMG.SOURCE("atlas"))))',
    ),
    expect: { kind: "true" },
  },
  {
    id: "SOURCE-3",
    checks: "#N/A from IMG.SOURCE for an unknown provider",
    workedOut: "no such provider",
    formula: fixed('=IMG.SOURCE("nobody")'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "BOOK-1",
    checks: "IMG.BOOK: the checks assume the book bundled with the add-in",
    workedOut:
      "if this row fails, prices were replaced (feed, sheet or stored book): other rows may fail for that reason",
    formula: fixed('=ISNUMBER(SEARCH("bundled with the add-in",IMG.BOOK()))'),
    expect: { kind: "true" },
  },
  // The asOf argument (last on COST, PRICE, TOKENCOST, AFFORD, CHEAPEST): prices in effect on a
  // date. GPT Image 2 was released on 2026-04-21 (the token reference page), so 2026-06-01 has
  // today's prices and 2026-03-01 has none.
  {
    id: "ASOF-ARG-1",
    checks: "IMG.COST as of 2026-06-01 (asOf, its 6th argument)",
    workedOut: "1,000 x 1 x 0.211 = 211",
    formula: fixed('=IMG.COST("openai","high","1024x1024",1000,1,DATE(2026,6,1))'),
    expect: { kind: "exact", value: 211 },
  },
  {
    id: "ASOF-ARG-2",
    checks: "#N/A from IMG.COST as of 2026-03-01, before any price",
    workedOut: "GPT Image 2 was released on 2026-04-21",
    formula: fixed('=IMG.COST("openai","high","1024x1024",1000,1,DATE(2026,3,1))'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "ASOF-ARG-3",
    checks: "IMG.PRICE as of 2026-06-01 (4th argument)",
    workedOut: "Pixazo: high square 0.211",
    formula: fixed('=IMG.PRICE("openai","high","1024x1024",DATE(2026,6,1))'),
    expect: { kind: "exact", value: 0.211 },
  },
  {
    id: "ASOF-ARG-4",
    checks: "IMG.TOKENCOST as of 2026-06-01 (7th argument)",
    workedOut: "pricing guide: 1M text input tokens x 5.00 per 1M = 5",
    formula: fixed('=IMG.TOKENCOST("openai",1000000,0,0,0,0,DATE(2026,6,1))'),
    expect: { kind: "exact", value: 5 },
  },
  {
    id: "ASOF-ARG-5",
    checks: "IMG.AFFORD as of 2026-06-01 (6th argument)",
    workedOut: "Atlas Cloud 0.008: 24 / 0.008 = 3,000",
    formula: fixed('=IMG.AFFORD(24,"atlas","low","square",1,DATE(2026,6,1))'),
    expect: { kind: "exact", value: 3000 },
  },
  {
    id: "ASOF-ARG-6",
    checks: "IMG.CHEAPEST as of 2026-06-01 (6th argument): the cheapest",
    workedOut: "Atlas Cloud 0.008",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2,DATE(2026,6,1)),2,1)'),
    expect: { kind: "text", value: "atlas" },
  },
  {
    id: "ASOF-ARG-7",
    checks: "#N/A from IMG.CHEAPEST as of 2026-03-01",
    workedOut: "no price in effect before 2026-04-21",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2,DATE(2026,3,1)),1,1)'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "ASOF-ARG-8",
    checks: "A blank asOf (H) means today's prices",
    workedOut: "1,000 x 1 x 0.211 = 211",
    helpers: [null],
    formula: (h) => `=IMG.COST("openai","high","1024x1024",1000,1,${h.cell(0)})`,
    expect: { kind: "exact", value: 211 },
  },
  // Statuses and sizes the sources dispute
  {
    id: "STATUS-1",
    checks: "#N/A for Atlas Cloud at 2048x2048: not offered (its FAQ caps at 1536)",
    workedOut: 'Atlas Cloud\'s FAQ: "GPT Image 2 caps at 1536 on the long edge"',
    formula: fixed('=IMG.PRICE("atlas","high","2048x2048")'),
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "STATUS-2",
    checks: "Atlas Cloud at 1536x1024, a size every part of its page agrees on",
    workedOut: "flat 0.008",
    formula: fixed('=IMG.PRICE("atlas","high","1536x1024")'),
    expect: { kind: "exact", value: 0.008 },
  },
  {
    id: "STATUS-3",
    checks: "IMG.CHEAPEST's status column: Atlas Cloud's price is published",
    workedOut: "Atlas Cloud states 0.008 on its own page",
    formula: fixed('=INDEX(IMG.CHEAPEST("high","square",1000,1.2,2),2,5)'),
    expect: { kind: "text", value: "published" },
  },
  {
    id: "STATUS-4",
    checks: "IMG.CHEAPEST's status column: OpenAI Batch's price is derived (50% of OpenAI's)",
    workedOut: "all 7 ranked: atlas, prospolabs, openai-batch 0.1055 is 3rd (row 4)",
    formula: fixed(
      '=INDEX(IMG.CHEAPEST("high","square",1,1,0),4,1)&" "&INDEX(IMG.CHEAPEST("high","square",1,1,0),4,5)',
    ),
    expect: { kind: "text", value: "openai-batch derived" },
  },
  {
    id: "STATUS-5",
    checks: "IMG.PRICES' status column (11th): Prospolabs' high tier is published",
    workedOut: "Prospolabs states its tiers on its own page",
    formula: fixed(
      '=INDEX(IMG.PRICES("prospolabs"),1,11)&" "&INDEX(IMG.PRICES("prospolabs"),4,11)',
    ),
    expect: { kind: "text", value: "status published" },
  },
  // Money exactness at every magnitude: a total is exact when it has at most 15 significant digits,
  // else rounded half up to the cent up to $7e13, else #VALUE! "too large"; AFFORD is the exact floor.
  {
    id: "MONEY-1",
    checks: "A derived price times a volume is the exact decimal",
    workedOut: "OpenAI Batch 0.211 x 0.5 = 0.1055; 1,234 x 0.1055 = 130.187",
    formula: fixed('=IMG.COST("openai-batch","high","1024x1024",1234)'),
    expect: { kind: "exact", value: 130.187 },
  },
  {
    id: "MONEY-2",
    checks: "A total of 13 significant digits is exact to the last digit",
    workedOut: "9,999,999,999 x 0.211 = 2,109,999,999.789",
    formula: fixed('=IMG.COST("openai","high","1024x1024",9999999999)'),
    expect: { kind: "exact", value: 2109999999.789 },
  },
  {
    id: "MONEY-3",
    checks: "A total of more than 15 digits is rounded half up to the cent",
    workedOut: "99,999,999,999,999 x 0.211 = 21,099,999,999,999.789 -> 21,099,999,999,999.79",
    formula: fixed('=IMG.COST("openai","high","1024x1024",99999999999999)'),
    expect: { kind: "exact", value: 21099999999999.79 },
  },
  {
    id: "MONEY-4",
    checks: "#VALUE! (too large to compute to the cent) past $7e13",
    workedOut: "999,999,999,999,999 x 0.211 = 210,999,999,999,999.789, over 7e13 with 18 digits",
    formula: fixed('=IMG.COST("openai","high","1024x1024",999999999999999)'),
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "MONEY-5",
    checks: "IMG.AFFORD is the exact floor: a micro-dollar short buys one image fewer",
    workedOut: "1,533,279,177 x 0.211 = 323,521,906.347 > 323,521,906.346999: 1,533,279,176",
    formula: fixed('=IMG.AFFORD(323521906.346999,"openai","high","square")'),
    expect: { kind: "exact", value: 1533279176 },
  },
  {
    id: "MONEY-6",
    checks: "A volume computed as =0.1+0.2 (H) counts as the 0.3 Excel shows",
    workedOut: "0.3 x 0.008 = 0.0024",
    helpers: [{ formula: "=0.1+0.2" }],
    formula: (h) => `=IMG.COST("atlas","low","square",${h.cell(0)})`,
    expect: { kind: "exact", value: 0.0024 },
  },
  {
    id: "MONEY-7",
    checks: "A sub-cent total is kept, not rounded to the cent",
    workedOut: "3 x 0.006 = 0.018",
    formula: fixed('=IMG.COST("openai","low","square",3)'),
    expect: { kind: "exact", value: 0.018 },
  },
  // Error cells given to the functions
  {
    id: "ERRORS-1",
    checks: "An error cell (=NA() in H) as the provider of IMG.PRICE",
    workedOut: "an error argument is the cell's result",
    helpers: [NA],
    formula: (h) => `=IMG.PRICE(${h.cell(0)},"high","1024x1024")`,
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "ERRORS-2",
    checks: "An error cell (#REF! in H) as the provider of IMG.ASOF: #VALUE! naming it",
    workedOut: "#REF! cannot be returned by an add-in function; it comes back as #VALUE!",
    helpers: [REF],
    formula: (h) => `=IMG.ASOF(${h.cell(0)})`,
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "ERRORS-3",
    checks: "An error cell (#DIV/0! in H) as the quality of IMG.CHEAPEST",
    workedOut: "an error argument is the cell's result",
    helpers: [DIV0],
    formula: (h) => `=INDEX(IMG.CHEAPEST(${h.cell(0)},"square"),1,1)`,
    expect: { kind: "error", error: "#DIV/0!" },
  },
  {
    id: "ERRORS-4",
    checks: "A range holding an error cell (=NA() in I): the other cells still compute",
    workedOut: "10, #N/A, 1,000 at 0.211: the 1st is 10 x 0.211 = 2.11",
    helpers: [10, NA, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,1)`,
    expect: { kind: "exact", value: 2.11 },
  },
  {
    id: "ERRORS-5",
    checks: "A range holding an error cell (=NA() in I): that cell's result is #N/A",
    workedOut: "an error cell in a range stays in its own row",
    helpers: [10, NA, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,2)`,
    expect: { kind: "error", error: "#N/A" },
  },
  {
    id: "ERRORS-6",
    checks: "A range holding =1/0 (I): that cell's result is #DIV/0!, the 3rd still computes",
    workedOut: "#DIV/0! comes back as itself",
    helpers: [10, DIV0, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,2)`,
    expect: { kind: "error", error: "#DIV/0!" },
  },
  {
    id: "ERRORS-7",
    checks: "A range holding =1/0 (I): the 3rd cell is unaffected",
    workedOut: "1,000 x 0.211 = 211",
    helpers: [10, DIV0, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,3)`,
    expect: { kind: "exact", value: 211 },
  },
  {
    id: "ERRORS-8",
    checks: "A range holding #NUM! (I): that cell's result is #NUM!",
    workedOut: "#NUM! comes back as itself",
    helpers: [10, NUM, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,2)`,
    expect: { kind: "error", error: "#NUM!" },
  },
  {
    id: "ERRORS-9",
    checks: 'A range holding ="a"+1 (I): that cell\'s result is #VALUE!',
    workedOut: "#VALUE! comes back as itself",
    helpers: [10, VALUE, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,2)`,
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "ERRORS-10",
    checks:
      "A range holding #REF! (I): that cell's result is #VALUE! (an add-in cannot return #REF!)",
    workedOut: "#REF! comes back as #VALUE! naming it",
    helpers: [10, REF, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,2)`,
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "ERRORS-11",
    checks: "A range of providers holding =NA() (I): IMG.PRICE's 3rd cell still computes",
    workedOut: "openai, #N/A, atlas at high square: the 3rd is Atlas Cloud 0.008",
    helpers: ["openai", NA, "atlas"],
    formula: (h) => `=INDEX(IMG.PRICE(${h.range(0, 2)},"high","1024x1024"),1,3)`,
    expect: { kind: "exact", value: 0.008 },
  },
  // Blank cells (one rule on every platform: a blank multiplier is its default, a blank amount is
  // 0, a blank provider, quality or size is "empty")
  {
    id: "BLANK-1",
    checks: "A blank cell (H) as the retry of IMG.COST means the default, 1",
    workedOut: "1,000 x 1 x 0.211 = 211",
    helpers: [null],
    formula: (h) => `=IMG.COST("openai","high","1024x1024",1000,${h.cell(0)})`,
    expect: { kind: "exact", value: 211 },
  },
  {
    id: "BLANK-2",
    checks: "A blank cell (H) as the volume of IMG.COST counts as 0",
    workedOut: "0 x 0.211 = 0",
    helpers: [null],
    formula: (h) => `=IMG.COST("openai","high","1024x1024",${h.cell(0)})`,
    expect: { kind: "exact", value: 0 },
  },
  {
    id: "BLANK-3",
    checks: "A blank cell (H) as the provider is #VALUE! (empty)",
    workedOut: "a provider must be given",
    helpers: [null],
    formula: (h) => `=IMG.COST(${h.cell(0)},"high","1024x1024",10)`,
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "BLANK-4",
    checks: "A blank cell (H) as the quality of IMG.PRICE is #VALUE! (empty)",
    workedOut: "a quality must be given",
    helpers: [null],
    formula: (h) => `=IMG.PRICE("openai",${h.cell(0)},"1024x1024")`,
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "BLANK-5",
    checks: "A blank cell (H) as the size of IMG.PRICE is #VALUE! (empty)",
    workedOut: "a size must be given",
    helpers: [null],
    formula: (h) => `=IMG.PRICE("openai","high",${h.cell(0)})`,
    expect: { kind: "error", error: "#VALUE!" },
  },
  {
    id: "BLANK-6",
    checks: "A blank cell (H) as the budget of IMG.AFFORD buys 0 images",
    workedOut: "0 / 0.008 = 0",
    helpers: [null],
    formula: (h) => `=IMG.AFFORD(${h.cell(0)},"atlas","low","square")`,
    expect: { kind: "exact", value: 0 },
  },
  {
    id: "BLANK-7",
    checks: "A blank token count (H) in IMG.TOKENCOST counts as 0",
    workedOut: "0 text + 0 image in + 1M x 30.00 out = 30",
    helpers: [null],
    formula: (h) => `=IMG.TOKENCOST("openai",${h.cell(0)},0,1000000)`,
    expect: { kind: "exact", value: 30 },
  },
  {
    id: "BLANK-8",
    checks: "Blank volume and retry (H, I) of IMG.CHEAPEST mean their defaults",
    workedOut: "volume 1, retry 1: Atlas Cloud 0.008",
    helpers: [null, null],
    formula: (h) => `=INDEX(IMG.CHEAPEST("medium","square",${h.cell(0)},${h.cell(1)}),2,3)`,
    expect: { kind: "exact", value: 0.008 },
  },
  {
    id: "BLANK-9",
    checks: "A blank cell inside a range of volumes (I, of H:J) is 0 in its own cell",
    workedOut: "10, blank, 1,000 at 0.211: the 2nd is 0",
    helpers: [10, null, 1000],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",${h.range(0, 2)}),1,2)`,
    expect: { kind: "exact", value: 0 },
  },
  {
    id: "BLANK-10",
    checks: "A blank cell inside a range of retries (I, of H:J) is the default 1 in its own cell",
    workedOut: "1.5, blank, 2 at 1,000 x 0.211: the 2nd is 211",
    helpers: [1.5, null, 2],
    formula: (h) => `=INDEX(IMG.COST("openai","high","1024x1024",1000,${h.range(0, 2)}),1,2)`,
    expect: { kind: "exact", value: 211 },
  },
];
