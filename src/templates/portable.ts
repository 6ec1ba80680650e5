/**
 * Portable templates: the same sheet as the IMG form, with every IMG call replaced by a lookup in
 * the workbook's portable prices table (portablePrices.ts), so the plan recalculates for someone
 * who does not have the add-in. Inserting one writes the prices sheet first when the workbook has
 * none, and reuses it when it has.
 */
import { bundledBook, cost, priceRows, type CompiledBook } from "../core";
import type { CellSpec, TemplateSpec } from "./model";
import {
  findImgCalls,
  portableFormula,
  PortableError,
  PORTABLE_KEYS,
  PORTABLE_PRICES,
  type MoneyRounding,
} from "./portableFormulas";
import {
  portableNameFormulas,
  portablePricesSheet,
  portableRows,
  PORTABLE_SHEET,
} from "./portablePrices";
import { writeTemplate } from "./writer";

/**
 * How the IMG functions round money, found by asking the pricing core rather than assumed: the
 * cost of one image at a price with more than two decimals (OpenAI low square, 0.006) is that
 * price when results are exact decimals, and the price rounded to the cent when they are rounded.
 * The portable formulas then round (or not) the same way, so both forms agree to the cent.
 */
function detectRounding(book: CompiledBook): MoneyRounding {
  const rows = priceRows(book);
  if (!rows.ok) return { cents: false };
  for (const row of rows.value) {
    if (row.unit !== "image" || row.price === null || row.quality === "any") continue;
    if (Math.round(row.price * 100) / 100 === row.price) continue;
    const size = row.size.split(" ")[0] ?? row.size;
    const one = cost(book, row.providerId, row.quality, size === "any" ? "1024x1024" : size, 1);
    if (one.ok) return { cents: one.value !== row.price };
  }
  return { cents: false };
}

export const IMG_ROUNDING: MoneyRounding = detectRounding(bundledBook);

const PORTABLE_NOTE =
  " Portable form: prices come from the Portable prices sheet, so it recalculates without the add-in.";

/** Words on the sheet that name an IMG function, as the portable form computes the same figure. */
const WORDING: readonly (readonly [RegExp, string])[] = [
  [/from IMG\.COST/g, "in one formula"],
  [/ ?Prices come from the add-in's price book through the IMG functions\./g, ""],
  [/IMG\.PRICE/g, "the price on the Portable prices sheet"],
  [/IMG\.COST/g, "images x the price on the Portable prices sheet"],
  [/IMG\.AFFORD/g, "budget / (price x retry), rounded down"],
  [/IMG\.TOKENCOST/g, "tokens x meter / 1,000,000"],
];

function reword(text: string): string {
  let out = text;
  for (const [pattern, words] of WORDING) out = out.replace(pattern, words);
  return out === text ? text : out.charAt(0).toUpperCase() + out.slice(1);
}

function needsAddIn(names: readonly string[]): string {
  return `This cell needs the add-in (IMG.${names.join(", IMG.")}); the rows above give the same figures without it.`;
}

/**
 * The portable form of `template`: IMG formulas rewritten to native ones; a cell whose IMG
 * function has no portable form (IMG.CHEAPEST's spilled table) becomes a note saying so.
 */
export function portableTemplate(
  template: TemplateSpec,
  rounding: MoneyRounding = IMG_ROUNDING,
): TemplateSpec {
  const cells = template.cells.map((cell): CellSpec => {
    if (cell.row === 1 && cell.col === 0 && typeof cell.value === "string") {
      return { ...cell, value: reword(cell.value) + PORTABLE_NOTE };
    }
    if (cell.formula === undefined) {
      return typeof cell.value === "string" ? { ...cell, value: reword(cell.value) } : cell;
    }
    try {
      return { ...cell, formula: portableFormula(cell.formula, rounding) };
    } catch (error) {
      if (!(error instanceof PortableError)) throw error;
      const names = findImgCalls(cell.formula).map((c) => c.name);
      const note: CellSpec = {
        row: cell.row,
        col: cell.col,
        value: needsAddIn(names),
        style: "note",
        ...(cell.input === undefined ? {} : { input: cell.input }),
      };
      return note;
    }
  });
  return {
    ...template,
    id: `${template.id}-portable`,
    title: `${template.title} (portable)`,
    sheetName: `${template.sheetName} (portable)`.slice(0, 31),
    cells,
  };
}

/**
 * Inserts the portable form of `template` (call inside Excel.run). When the workbook has no
 * portable prices yet, first writes the prices sheet from `book` and the two workbook-scoped names
 * the formulas look prices up through. If the template cannot be written, the prices sheet this
 * call added is removed again.
 */
export async function writePortableTemplate(
  context: Excel.RequestContext,
  template: TemplateSpec,
  book: CompiledBook,
  today: string,
): Promise<{ sheetName: string; pricesSheetName: string; wrotePrices: boolean }> {
  const existing = context.workbook.names.getItemOrNullObject(PORTABLE_KEYS);
  existing.load("formula");
  await context.sync();
  let pricesSheetName: string;
  let added: Excel.Worksheet | null = null;
  if (existing.isNullObject) {
    const written = await writeTemplate(context, portablePricesSheet(book, today));
    pricesSheetName = written.sheetName;
    added = context.workbook.worksheets.getItem(pricesSheetName);
    for (const { name, formula } of portableNameFormulas(
      pricesSheetName,
      portableRows(book, today).length,
    )) {
      context.workbook.names.add(name, formula, "Prices the portable sheets look up.");
    }
    await context.sync();
  } else {
    const match = /^=?'?(.*?)'?!/.exec(existing.formula ?? "");
    pricesSheetName = match?.[1]?.replace(/''/g, "'") ?? PORTABLE_SHEET;
  }
  try {
    const { sheetName } = await writeTemplate(context, portableTemplate(template));
    return { sheetName, pricesSheetName, wrotePrices: added !== null };
  } catch (error) {
    if (added !== null) {
      for (const name of [PORTABLE_KEYS, PORTABLE_PRICES])
        context.workbook.names.getItem(name).delete();
      added.delete();
      await context.sync().catch(() => undefined);
    }
    throw error;
  }
}
