/**
 * What a person reads when a refreshed feed, a stored book or a prices sheet fails the schema: each
 * problem in words, with the path to it. Written down here so that a change of validator (zod, or
 * zod/mini, which has no messages unless an English locale is loaded and otherwise says only
 * "Invalid input") cannot make them worse unnoticed.
 */
import { loadBook, bundledBookJson } from "../../src/core";
import { failure } from "./expect-result";

type Book = Record<string, unknown> & {
  providers: { name: unknown; image: { pricing: Record<string, unknown> }[] }[];
  sources: Record<string, unknown>[];
};
const copy = (): Book => JSON.parse(JSON.stringify(bundledBookJson)) as Book;

function rejection(edit: (book: Book) => void): string {
  const book = copy();
  edit(book);
  return failure(loadBook(book), "BAD_BOOK");
}

function pricingOf(book: Book, id: string): Record<string, unknown> {
  const providers = book.providers as unknown as {
    id: string;
    image: { pricing: Record<string, unknown> }[];
  }[];
  const provider = providers.find((p) => p.id === id);
  const pricing = provider?.image[0]?.pricing;
  if (pricing === undefined) throw new Error(`no image pricing for ${id}`);
  return pricing;
}

it.each<[string, (book: Book) => void, string[]]>([
  ["an unknown key", (b) => (b.extra = 1), ['✖ Unrecognized key: "extra"']],
  [
    "a date that is not a calendar date",
    (b) => (b.published = "2026-13-01"),
    ["✖ Invalid ISO date", "→ at published"],
  ],
  ["a missing key", (b) => delete b.currency, ['✖ Invalid input: expected "USD"', "→ at currency"]],
  [
    "a number where text belongs",
    (b) => (b.providers[0]!.name = 5),
    ["✖ Invalid input: expected string, received number", "→ at providers[0].name"],
  ],
  [
    "a negative price",
    (b) => (pricingOf(b, "atlas").price = -1),
    ["✖ Too small: expected number to be >=0", ".image[0].pricing.price"],
  ],
  [
    "an unknown pricing kind",
    (b) => (pricingOf(b, "openai").kind = "tiered"),
    [
      "✖ Invalid discriminator value. Expected 'table' | 'perQuality' | 'flat' | 'points' | 'sameAs' | 'scaled' | 'unpublished'",
      "→ at providers[0].image[0].pricing.kind",
    ],
  ],
  [
    "an unknown quality",
    (b) => ((pricingOf(b, "openai").tiers as Record<string, unknown>[])[0]!.quality = "ultra"),
    [
      '✖ Invalid option: expected one of "low"|"medium"|"high"',
      "→ at providers[0].image[0].pricing.tiers[0].quality",
    ],
  ],
  [
    "a malformed size",
    (b) => ((pricingOf(b, "openai").tiers as Record<string, unknown>[])[0]!.size = "big"),
    ["✖ Invalid string: must match pattern", "→ at providers[0].image[0].pricing.tiers[0].size"],
  ],
  [
    "an address that is not one",
    (b) => (b.sources[0]!.url = "not a url"),
    ["✖ Invalid URL", "→ at sources[0].url"],
  ],
])("a book with %s is rejected in words, with the path", (_name, edit, lines) => {
  const message = rejection(edit);
  expect(message).toMatch(/^The price book was rejected:\n/);
  for (const line of lines) expect(message).toContain(line);
  expect(message).not.toContain("Invalid input\n");
});

it("reports every problem, not only the first", () => {
  const message = rejection((b) => {
    b.schemaVersion = 2;
    b.currency = "EUR";
  });
  expect(message).toContain("✖ Invalid input: expected 1\n  → at schemaVersion");
  expect(message).toContain('✖ Invalid input: expected "USD"\n  → at currency');
});
