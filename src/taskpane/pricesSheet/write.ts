/**
 * Writing a book as the prices sheet's rows, in book order. Rows billed at another provider's rates
 * or not published say so in their notes instead of copying numbers.
 */
import type { Cell, ImageSet, Json, Provider, SheetRow, TokenSet } from "./columns";
import { METERS, providerName } from "./columns";
const blank = (n: number | undefined): Cell => (n === undefined ? "" : n);

function sourceText(book: Json, id: string): string {
  const s = book.sources.find((x) => x.id === id);
  return s === undefined ? id : `${s.site}: ${s.title}`;
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
  extraNote = "",
): SheetRow {
  const notes = [extraNote, ...set.notes].filter((n) => n !== "").join(" ");
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
  ];
}

function imageRows(book: Json, p: Provider, set: ImageSet): SheetRow[] {
  const pr = set.pricing;
  switch (pr.kind) {
    case "table":
      return pr.tiers.map((t) =>
        row(p, set, book, "image", t.quality, t.size, "", t.price, blank(t.listPrice), ""),
      );
    case "perQuality":
      return (["low", "medium", "high"] as const).map((q) =>
        row(p, set, book, "image", q, "any", "", pr[q].price, blank(pr[q].listPrice), ""),
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
          `Published for ${pt.label}.`,
        ),
      );
    case "sameAs":
      return [
        row(
          p,
          set,
          book,
          "image",
          "any",
          "any",
          "",
          "",
          "",
          "",
          `Billed at ${providerName(book, pr.provider)}'s rates: edit those rows.`,
        ),
      ];
    case "scaled":
      return [
        row(
          p,
          set,
          book,
          "image",
          "any",
          "any",
          "",
          "",
          "",
          "",
          `${providerName(book, pr.of)}'s rates x ${pr.factor}: edit those rows.`,
        ),
      ];
    case "unpublished":
      return [
        row(p, set, book, "image", "any", "any", "", "", "", "", `Not published: ${pr.reason}`),
      ];
  }
}

function tokenRows(book: Json, p: Provider, set: TokenSet): SheetRow[] {
  return METERS.filter((m) => set.meters[m] !== undefined).map((m) =>
    row(p, set, book, "tokens", "any", "any", m, set.meters[m] ?? "", "", ""),
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
