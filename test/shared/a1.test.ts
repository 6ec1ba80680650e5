/**
 * A1 addressing (src/shared/a1.ts), which the templates, the prices sheet, the frozen copies and the
 * test stand-ins for Excel all use. Expected letters are Excel's own column names.
 */
import { columnLetter, sheetRef } from "../../src/shared/a1";

it.each([
  [0, "A"],
  [25, "Z"],
  [26, "AA"],
  [51, "AZ"],
  [52, "BA"],
  [701, "ZZ"],
  [702, "AAA"],
  [16383, "XFD"], // Excel's last column
])("column %p is %p", (col, letters) => {
  expect(columnLetter(col)).toBe(letters);
});

it("every column up to Excel's last reads back to its number", () => {
  for (let col = 0; col < 16384; col++) {
    let n = 0;
    for (const ch of columnLetter(col)) n = n * 26 + ch.charCodeAt(0) - 64;
    expect(n - 1).toBe(col);
  }
});

it.each([
  ["Sheet1", "Sheet1"],
  ["Image plan", "'Image plan'"],
  ["O'Brien's plan", "'O''Brien''s plan'"],
])("sheet %p is named %p in a formula", (name, ref) => {
  expect(sheetRef(name)).toBe(ref);
});
