/**
 * Writing a book as the prices sheet's rows, in book order. Rows billed at another provider's rates
 * or not published say so in their notes instead of copying numbers.
 */
import type { Cell, ImageSet, Json, Provider, SheetRow, TokenSet } from "./columns";
import { meterWords } from "../../core";
import { METERS, providerName } from "./columns";
const blank = (n: number | undefined): Cell => (n === undefined ? "" : n);

function sourceText(book: Json, id: string): string {
  const s = book.sources.find((x) => x.id === id);
  return s === undefined ? id : `${s.site}: ${s.title}`;
}

type Reading = {
  value?: number | undefined;
  text?: string | undefined;
  source: string;
  part: string;
};
/** What a row says about its price: its status and the readings the book does not use. */
interface Standing {
  status: string;
  otherReadings?: readonly Reading[] | undefined;
}

function readingsText(book: Json, readings: readonly Reading[] | undefined): string {
  return (readings ?? [])
    .map((r) => {
      const what = [r.value === undefined ? null : String(r.value), r.text ?? null].filter(
        (x) => x !== null,
      );
      return `${what.join(" ")} (${sourceText(book, r.source)}; ${r.part})`;
    })
    .join(" | ");
}

/** An entry's own status where it gives one, otherwise its pricing's. */
function standing(
  pricing: Standing,
  entry: { status?: string | undefined; otherReadings?: readonly Reading[] | undefined } = {},
): Standing {
  return {
    status: entry.status ?? pricing.status,
    otherReadings: entry.otherReadings ?? pricing.otherReadings,
  };
}

function row(
  p: Provider,
  set: { effective: string; checked: string; source: string; notes: readonly string[] },
  book: Json,
  billing: "image" | "tokens",
  quality: string,
  size: string,
  meter: string,
  price: Cell,
  listPrice: Cell,
  minPrice: Cell,
  own: Standing,
  extraNote = "",
): SheetRow {
  const notes = [extraNote, ...set.notes].filter((n) => n !== "").join(" ");
  const page = book.sources.find((x) => x.id === set.source);
  return [
    p.id,
    p.name,
    set.effective,
    billing,
    quality,
    size,
    meter,
    price,
    listPrice,
    minPrice,
    set.checked,
    sourceText(book, set.source),
    notes,
    own.status,
    readingsText(book, own.otherReadings),
    page?.dated ?? "undated",
  ];
}

function imageRows(book: Json, p: Provider, set: ImageSet): SheetRow[] {
  const pr = set.pricing;
  /** A row for the whole provider (any quality, any size) with no number of its own: a rule. */
  const ruleRow = (own: Standing, note: string): SheetRow =>
    row(p, set, book, "image", "any", "any", "", "", "", "", own, note);
  switch (pr.kind) {
    case "table":
      return pr.tiers.map((t) =>
        row(
          p,
          set,
          book,
          "image",
          t.quality,
          t.size,
          "",
          t.price,
          blank(t.listPrice),
          "",
          standing(pr, t),
        ),
      );
    case "perQuality":
      return (["low", "medium", "high"] as const).map((q) =>
        row(
          p,
          set,
          book,
          "image",
          q,
          "any",
          "",
          pr[q].price,
          blank(pr[q].listPrice),
          "",
          standing(pr, pr[q]),
        ),
      );
    case "flat":
      return [
        row(
          p,
          set,
          book,
          "image",
          "any",
          pr.sizes === undefined ? "any" : pr.sizes.join(" "),
          "",
          pr.price,
          blank(pr.listPrice),
          blank(pr.minPrice),
          standing(pr),
          pr.atLeast === true ? `Starting price: ${pr.price} or more.` : "",
        ),
        // Sizes read as not offered: a row each, with no number, so the sheet shows every reading.
        ...(pr.notOffered ?? []).map((n) =>
          row(
            p,
            set,
            book,
            "image",
            "any",
            n.size,
            "",
            "",
            "",
            "",
            standing(pr, n),
            `Not offered: ${n.reason}`,
          ),
        ),
      ];
    case "points":
      return pr.points.map((pt) =>
        row(
          p,
          set,
          book,
          "image",
          pt.quality,
          pt.size,
          "",
          pt.price,
          "",
          "",
          standing(pr, pt),
          `Published for ${pt.label}.`,
        ),
      );
    case "sameAs":
      return [
        ruleRow(
          standing(pr),
          `Billed at ${providerName(book, pr.provider)}'s rates: edit those rows.`,
        ),
      ];
    case "scaled":
      return [
        ruleRow(
          standing(pr),
          `${providerName(book, pr.of)}'s rates x ${pr.factor}: edit those rows.`,
        ),
        // Tiers where the page gives its own figure beside the rule: a row each, with both readings.
        ...(pr.overrides ?? []).map((o) =>
          row(
            p,
            set,
            book,
            "image",
            o.quality,
            o.size,
            "",
            o.price,
            "",
            "",
            standing(pr, o),
            `The page gives its own figure here besides ${providerName(book, pr.of)}'s rates x ${pr.factor}; the higher reading is used.`,
          ),
        ),
      ];
    case "unpublished":
      return [ruleRow(standing(pr), `Not published: ${pr.reason}`)];
  }
}

function tokenRows(book: Json, p: Provider, set: TokenSet): SheetRow[] {
  return METERS.filter((m) => set.meters[m] !== undefined).map((m) =>
    row(
      p,
      set,
      book,
      "tokens",
      "any",
      "any",
      meterWords(m),
      set.meters[m] ?? "",
      "",
      "",
      standing(set, set.meterStatus?.[m]),
    ),
  );
}

/** The sheet's rows (without the header) for a book, in book order. */
export function bookToRows(book: Json): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const p of book.providers) {
    for (const set of p.image) rows.push(...imageRows(book, p, set));
    for (const set of p.tokens) rows.push(...tokenRows(book, p, set));
  }
  return rows;
}
