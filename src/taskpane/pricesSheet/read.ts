/**
 * Reading the prices sheet back: the edited numbers and dates are applied to a copy of the book it
 * was written from, so sources, notes and aliases survive the round trip untouched. Errors name the
 * cell a person sees ("Prices!H7: ...") and what is accepted.
 */
import {
  cut,
  describe,
  meterKey,
  meterWords,
  parseDate,
  PLAIN_DECIMAL,
  readDecimalText,
} from "../../core";
import type { Cell, Json, MeterName, Pricing } from "./columns";
import { COL, columnLetter, HEADER, METERS, providerName, sheetRef } from "./columns";

/** Where the table sits, so errors can name the cell a person sees ("Prices!H7"). */
export interface SheetPlace {
  sheetName: string;
  /** 1-based worksheet row of the header. */
  headerRow: number;
  /** 0-based worksheet column of the table's first column. */
  firstColumn: number;
}

export type SheetRead = { ok: true; book: Json } | { ok: false; errors: string[] };

function text(cell: Cell | undefined): string {
  if (cell === undefined) return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

const MAX_DECIMALS = 6;
/** The largest price a book holds: whole micro-dollars stay exact integers below 2^53. */
const MAX_PRICE_TEXT = "9007199254.740991";

function readMoney(
  cell: Cell | undefined,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (cell === undefined || (typeof cell === "string" && cell.trim() === ""))
    return { ok: true, value: undefined };
  // Text goes through the core's one strict reader: "0x10" or "0b1" is not $16 or $1.
  const value =
    typeof cell === "number" ? cell : typeof cell === "string" ? readDecimalText(cell) : null;
  if (value === null || !Number.isFinite(value) || value < 0) {
    // Text Number() would read ("0x10", "1e3", "Infinity") but the strict reader does not: say why.
    const notPlain =
      typeof cell === "string" && value === null && !Number.isNaN(Number(cell.trim()));
    return {
      ok: false,
      message: `must be a number >= 0 in US dollars (got ${describe(cell)})${notPlain ? `; text is read only as ${PLAIN_DECIMAL}` : ""}`,
    };
  }
  const micro = value * 10 ** MAX_DECIMALS;
  if (!Number.isSafeInteger(Math.round(micro))) {
    return {
      ok: false,
      message: `is too large (got ${describe(value)}); prices are whole micro-dollars up to ${MAX_PRICE_TEXT}`,
    };
  }
  if (Math.abs(micro - Math.round(micro)) > 1e-6 * Math.max(1, micro)) {
    return {
      ok: false,
      message: `has more than ${MAX_DECIMALS} decimals (got ${describe(value)}); prices are whole micro-dollars`,
    };
  }
  return { ok: true, value: Math.round(micro) / 10 ** MAX_DECIMALS };
}

/** Where a row goes back: its identifying columns, the meter as its key whether words or key. */
function keyOf(cells: readonly Cell[]): string {
  return [COL.id, COL.effective, COL.billing, COL.quality, COL.size, COL.meter]
    .map((c) => {
      const value = text(cells[c]);
      return c === COL.meter && value !== "" ? (meterKey(value) ?? value) : value;
    })
    .join("|");
}

/** A place in the book JSON that one sheet row writes to. */
interface Slot {
  /** Apply the row's price columns; returns a message per column that is not accepted. */
  apply(
    price: number | undefined,
    list: number | undefined,
    min: number | undefined,
  ): { column: number; message: string }[];
  setChecked(date: string): void;
}

function tierSlot(
  target: { price: number; listPrice?: number | undefined },
  allowsMin: boolean,
): Slot["apply"] {
  return (price, list, min) => {
    const errors: { column: number; message: string }[] = [];
    if (price === undefined)
      errors.push({ column: COL.price, message: "price is required for this row" });
    else target.price = price;
    if (list === undefined) delete target.listPrice;
    else target.listPrice = list;
    if (min !== undefined && !allowsMin) {
      errors.push({
        column: COL.minPrice,
        message: "a lowest price only applies to a flat price range; leave it empty",
      });
    }
    return errors;
  };
}

function nothingToEdit(reason: string): Slot["apply"] {
  return (price, list, min) => {
    const errors: { column: number; message: string }[] = [];
    if (price !== undefined) errors.push({ column: COL.price, message: reason });
    if (list !== undefined) errors.push({ column: COL.listPrice, message: reason });
    if (min !== undefined) errors.push({ column: COL.minPrice, message: reason });
    return errors;
  };
}

/**
 * A row whose only editable cell is its price (an isolated point, or a tier where a page gives its
 * own figure): the price is required and written to `target`; list and lowest prices are refused.
 */
function priceOnly(target: { price: number }): Slot["apply"] {
  return (price, list, min) => {
    const errors: { column: number; message: string }[] = [];
    if (price === undefined)
      errors.push({ column: COL.price, message: "price is required for this row" });
    else target.price = price;
    if (list !== undefined)
      errors.push({
        column: COL.listPrice,
        message: "this source publishes no list price here; leave it empty",
      });
    if (min !== undefined)
      errors.push({
        column: COL.minPrice,
        message: "a lowest price only applies to a flat price range; leave it empty",
      });
    return errors;
  };
}

function imageSlots(pricing: Pricing, book: Json): [string[], Slot["apply"]][] {
  switch (pricing.kind) {
    case "table":
      return pricing.tiers.map((t) => [["image", t.quality, t.size, ""], tierSlot(t, false)]);
    case "perQuality":
      return (["low", "medium", "high"] as const).map((q) => [
        ["image", q, "any", ""],
        tierSlot(pricing[q], false),
      ]);
    case "flat": {
      const size = pricing.sizes === undefined ? "any" : pricing.sizes.join(" ");
      const base = tierSlot(pricing, true);
      const refused = (pricing.notOffered ?? []).map((n): [string[], Slot["apply"]] => [
        ["image", "any", n.size, ""],
        nothingToEdit(
          "this size is read as not offered (its page disagrees with itself), so it has no price to edit",
        ),
      ]);
      return [
        ...refused,
        [
          ["image", "any", size, ""],
          (price, list, min) => {
            const errors = base(price, list, undefined);
            if (min === undefined) delete pricing.minPrice;
            else if (price !== undefined && min > price) {
              errors.push({
                column: COL.minPrice,
                message: `the lowest price ${min} is above the price ${price}`,
              });
            } else pricing.minPrice = min;
            return errors;
          },
        ],
      ];
    }
    case "points":
      return pricing.points.map((pt) => [["image", pt.quality, pt.size, ""], priceOnly(pt)]);
    case "sameAs":
      return [
        [
          ["image", "any", "any", ""],
          nothingToEdit(
            `billed at ${providerName(book, pricing.provider)}'s rates; edit that provider's rows instead`,
          ),
        ],
      ];
    case "scaled":
      return [
        [
          ["image", "any", "any", ""],
          nothingToEdit(
            `derived from ${providerName(book, pricing.of)}'s rates; edit that provider's rows instead`,
          ),
        ],
        // A tier where the page gives its own figure: its price is the book's reading, editable.
        ...(pricing.overrides ?? []).map((o): [string[], Slot["apply"]] => [
          ["image", o.quality, o.size, ""],
          priceOnly(o),
        ]),
      ];
    case "unpublished":
      return [
        [
          ["image", "any", "any", ""],
          nothingToEdit("the source publishes no price here, and none may be invented"),
        ],
      ];
  }
}

/**
 * Applies the sheet's rows to a copy of `base`. `rows` are the table's data rows (no header) exactly
 * as Excel returns them. Errors name the cell ("Prices!H7: ...") and what is accepted.
 */
export function rowsToBook(
  base: Json,
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  place: SheetPlace,
): SheetRead {
  const at = (rowIndex: number, column: number): string =>
    `${sheetRef(place.sheetName)}!${columnLetter(place.firstColumn + column)}${place.headerRow + 1 + rowIndex}`;
  const errors: string[] = [];
  const headerText = HEADER.map((_, i) => text(header[i]));
  const badHeader = HEADER.findIndex((h, i) => headerText[i] !== h);
  if (badHeader >= 0 || header.length !== HEADER.length) {
    const column = badHeader >= 0 ? badHeader : Math.min(header.length, HEADER.length);
    return {
      ok: false,
      errors: [
        `${sheetRef(place.sheetName)}!${columnLetter(place.firstColumn + column)}${place.headerRow}: the table's columns must be ${HEADER.join(", ")}. Write a fresh prices sheet rather than renaming, adding or removing columns.`,
      ],
    };
  }

  const book = structuredClone(base) as Json;
  type Target = {
    apply: Slot["apply"];
    setChecked: (d: string) => void;
    label: string;
    seen: boolean;
  };
  const targets = new Map<string, Target>();
  for (const p of book.providers) {
    for (const set of p.image) {
      for (const [k, apply] of imageSlots(set.pricing, book)) {
        const key = [p.id, set.effective, ...k].join("|");
        targets.set(key, {
          apply,
          setChecked: (d) => (set.checked = d),
          label: `${p.name}, ${k.slice(1, 3).join(" ")} from ${set.effective}`,
          seen: false,
        });
      }
    }
    for (const set of p.tokens) {
      for (const m of METERS) {
        if (set.meters[m] === undefined) continue;
        const meter: MeterName = m;
        const key = [p.id, set.effective, "tokens", "any", "any", meter].join("|");
        targets.set(key, {
          apply: (price, list, min) => {
            const errs: { column: number; message: string }[] = [];
            if (price === undefined)
              errs.push({
                column: COL.price,
                message: "price per 1M tokens is required for this row",
              });
            else set.meters[meter] = price;
            if (list !== undefined)
              errs.push({
                column: COL.listPrice,
                message: "token meters have no list price; leave it empty",
              });
            if (min !== undefined)
              errs.push({
                column: COL.minPrice,
                message: "token meters have no lowest price; leave it empty",
              });
            return errs;
          },
          setChecked: (d) => (set.checked = d),
          label: `${p.name}, ${meterWords(meter)} from ${set.effective}`,
          seen: false,
        });
      }
    }
  }

  // A price set is one date for several rows; rows must agree on it.
  const checkedBySet = new Map<string, { date: string; where: string }>();
  rows.forEach((cells, i) => {
    if (cells.every((c) => text(c) === "")) return;
    const target = targets.get(keyOf(cells));
    if (target === undefined) {
      errors.push(
        `${at(i, COL.id)}: no price in the book matches ${[
          COL.id,
          COL.effective,
          COL.billing,
          COL.quality,
          COL.size,
          COL.meter,
        ]
          .map((c) => cut(text(cells[c])) || "(empty)")
          .join(
            ", ",
          )}. The columns ${HEADER[COL.id]} to ${HEADER[COL.meter]} identify a price and must stay as written; only ${HEADER[COL.price]}, ${HEADER[COL.listPrice]}, ${HEADER[COL.minPrice]} and ${HEADER[COL.checked]} can be edited.`,
      );
      return;
    }
    if (target.seen) {
      errors.push(`${at(i, COL.id)}: ${target.label} appears twice; keep one row per price.`);
      return;
    }
    target.seen = true;
    let moneyOk = true;
    const money = [COL.price, COL.listPrice, COL.minPrice].map((c) => {
      const m = readMoney(cells[c]);
      if (!m.ok) {
        moneyOk = false;
        errors.push(`${at(i, c)}: ${HEADER[c].replace(" (USD)", "").toLowerCase()} ${m.message}.`);
        return undefined;
      }
      return m.value;
    });
    if (moneyOk) {
      for (const e of target.apply(money[0], money[1], money[2])) {
        errors.push(`${at(i, e.column)}: ${e.message}.`);
      }
    }
    const checked = parseDate(cells[COL.checked]);
    if (!checked.ok) {
      errors.push(
        `${at(i, COL.checked)}: ${HEADER[COL.checked].toLowerCase()} must be the date the page was read, such as 2026-05-04 (got ${describe(cells[COL.checked] ?? "")}).`,
      );
    } else {
      const setKey = [
        text(cells[COL.id]),
        text(cells[COL.effective]),
        text(cells[COL.billing]),
      ].join("|");
      const earlier = checkedBySet.get(setKey);
      if (earlier !== undefined && earlier.date !== checked.value) {
        errors.push(
          `${at(i, COL.checked)}: read on ${checked.value} differs from ${earlier.date} at ${earlier.where}; all rows of one price set share one date.`,
        );
      } else {
        checkedBySet.set(setKey, { date: checked.value, where: at(i, COL.checked) });
        target.setChecked(checked.value);
      }
    }
  });
  for (const t of targets.values()) {
    if (!t.seen)
      errors.push(
        `${sheetRef(place.sheetName)}: the row for ${t.label} is missing; rows cannot be deleted (write a fresh sheet to start over).`,
      );
  }
  if (errors.length > 0) return { ok: false, errors };
  if (!/\(edited in a sheet\)$/.test(book.bookVersion))
    book.bookVersion = `${book.bookVersion} (edited in a sheet)`;
  return { ok: true, book };
}
