/**
 * Adding a parameter to a function is a change in one declaration (its JSDoc) plus its
 * implementation. Shown on a fixture functions file (test/fixtures/catalog): the same generator that
 * writes functions.json reads it, and the same adapter that puts the IMG functions in a spreadsheet
 * registers it; the file after the change differs from the one before only by the `@param` line and
 * the code that uses the parameter.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as after from "../fixtures/catalog/after";
import * as before from "../fixtures/catalog/before";
import { readCatalog } from "../support/catalog";
import { ROOT } from "../support/functions-harness";
import { createImgEngine, registerCatalog } from "../support/hyperformula-img";

const FIXTURES = join(ROOT, "test", "fixtures", "catalog");
const BEFORE = join(FIXTURES, "before.ts");
const AFTER = join(FIXTURES, "after.ts");

/** The declaration and the code of a fixture, without its file comment. */
function body(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return text
    .slice(text.indexOf("*/") + 2)
    .trim()
    .split("\n");
}

function evaluate(formula: string): unknown {
  const engine = createImgEngine({ S: [[formula]] });
  return engine.getCellValue({ sheet: engine.getSheetId("S") as number, row: 0, col: 0 });
}

test("the new parameter is one JSDoc line and its implementation", () => {
  const old = body(BEFORE);
  const added = body(AFTER).filter((line) => !old.includes(line));
  const removed = old.filter((line) => !body(AFTER).includes(line));
  expect(added).toEqual([
    " * @param [retry] Retry multiplier for discarded attempts. Blank: 1.",
    "export function total(images: number, price: number, retry?: number | null): number {",
    "  return images * price * (retry ?? 1);",
  ]);
  expect(removed).toEqual([
    "export function total(images: number, price: number): number {",
    "  return images * price;",
  ]);
});

test("functions.json gains the parameter, optional and in place", () => {
  const params = (file: string) =>
    readCatalog(file).map((f) => [f.id, f.parameters.map((p) => [p.name, p.optional === true])]);
  expect(params(BEFORE)).toEqual([
    [
      "TOTAL",
      [
        ["images", false],
        ["price", false],
      ],
    ],
  ]);
  expect(params(AFTER)).toEqual([
    [
      "TOTAL",
      [
        ["images", false],
        ["price", false],
        ["retry", true],
      ],
    ],
  ]);
});

test("a spreadsheet takes the parameter with no other change", () => {
  registerCatalog("FIXTURE", readCatalog(BEFORE), before);
  expect(evaluate("=FIXTURE.TOTAL(1000, 0.008)")).toBe(8); // 1,000 x 0.008
  // Before the change the function takes two arguments: HyperFormula says a third is one too many.
  expect(evaluate("=FIXTURE.TOTAL(1000, 0.008, 1.5)")).toMatchObject({ type: "NA" });

  registerCatalog("FIXTURE", readCatalog(AFTER), after);
  expect(evaluate("=FIXTURE.TOTAL(1000, 0.008, 1.5)")).toBe(12); // 1,000 x 0.008 x 1.5
  expect(evaluate("=FIXTURE.TOTAL(1000, 0.008)")).toBe(8); // left out: null, so 1
});
