/**
 * A1 addressing shared by everything that writes to or reads from a sheet: the templates, the
 * prices sheet and the frozen copies. Pure: nothing here talks to Excel.
 */

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet's name as a formula or address names it: quoted (with '' for ') unless plain. */
export function sheetRef(sheetName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName)
    ? sheetName
    : `'${sheetName.replace(/'/g, "''")}'`;
}
