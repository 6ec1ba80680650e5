/**
 * The price book's schema: the single source of truth for its shape. Types come from it, the editor
 * JSON Schema (data/prices/price-book.schema.json) is generated from it, and {@link parseBook} checks
 * feeds with it. Only the loading path imports this module, so the functions bundle stays free of zod.
 *
 * Written with zod/mini, whose functions tree-shake: the same checks, the same messages (with its
 * English locale) and the same JSON Schema as full zod, in about 40% of the bytes the pane downloads
 * when it checks a book. In zod/mini, checks and metadata go in `.check(...)` and wrappers are
 * functions: `z.optional(x)` for `x.optional()`.
 */
import * as z from "zod/mini";
import { en } from "zod/locales";
import { PRICE_STATUSES } from "./statuses";

// zod/mini has no messages of its own (every problem would read "Invalid input"); English gives the
// messages full zod gives, such as "Too small: expected number to be >=0".
z.config(en());

const meta = (description: string) => z.meta({ description });

const isoDate = z.iso.date().check(meta("A calendar date, YYYY-MM-DD."));

const usd = z
  .number()
  .check(z.nonnegative(), meta("US dollars, at most 6 decimals (whole micro-dollars)."));

const sizeKey = z
  .string()
  .check(
    z.regex(/^[1-9][0-9]{0,4}x[1-9][0-9]{0,4}$/),
    meta('Width x height in pixels, e.g. "1024x1536"; multiples of 16, edges up to 4096.'),
  );

const nonEmpty = () => z.string().check(z.minLength(1));

const quality = z.enum(["low", "medium", "high"]);

const status = z
  .enum(PRICE_STATUSES)
  .check(
    meta(
      "published: a page states it; derived: computed by a rule a page states (e.g. Batch = 50% off); bound: a page gives only a 'from' or 'up to' figure or a range; disputed: pages (or parts of one page) disagree and the budget-safe reading is used; not published: no page gives a number.",
    ),
  );

const sourceRef = nonEmpty().check(meta("The id of an entry in sources."));

export const ReadingSchema = z
  .strictObject({
    value: z.optional(usd).check(meta("The figure this reading gives, if a number.")),
    text: z
      .optional(nonEmpty())
      .check(meta('The reading in words when it is not one number, e.g. "offered".')),
    source: sourceRef,
    part: nonEmpty().check(
      meta("Which part of the page says it, with its words, e.g. \"FAQ: 'No 4K option'\"."),
    ),
  })
  .check(meta("A reading of a price the book does not use; give value or text."));

const otherReadings = z
  .optional(z.array(ReadingSchema))
  .check(meta("The readings not used; a disputed price needs at least one."));

/** A status (and other readings) for one entry, where it differs from its price set's status. */
const entryStatus = { status: z.optional(status), otherReadings };

const notes = z
  .array(nonEmpty())
  .check(meta("Why this price reads as it does: disagreements between sources, readings chosen."));

export const SourceSchema = z.strictObject({
  id: nonEmpty().check(meta("Referenced by each price set's source.")),
  title: nonEmpty().check(meta("The page title as the source gives it.")),
  site: nonEmpty().check(meta("The site as it names itself.")),
  dated: z.nullable(isoDate).check(meta("The date the page gives, or null when it gives none.")),
  dateText: z.optional(nonEmpty()).check(meta("The date exactly as the page words it.")),
  url: z.optional(z.url()),
});

const tableTier = z.strictObject({
  quality,
  size: sizeKey,
  price: usd,
  listPrice: z.optional(usd),
  ...entryStatus,
});

const qualityPrice = z.strictObject({ price: usd, listPrice: z.optional(usd), ...entryStatus });

const point = z.strictObject({
  quality,
  size: sizeKey,
  price: usd,
  label: nonEmpty().check(meta('How the source words the size, e.g. "about 1024x768".')),
  ...entryStatus,
});

const notOffered = z
  .strictObject({
    size: sizeKey,
    status: status,
    reason: nonEmpty().check(
      meta("Why this size is not offered, quoting the page (every statement of it)."),
    ),
    otherReadings,
  })
  .check(
    meta(
      "A size the book reads as not offered (the budget-safe reading where the page disagrees with itself).",
    ),
  );

/** Every pricing kind says what kind of price it is; entries may say otherwise for themselves. */
const pricingStatus = { status, otherReadings };

const providerRef = nonEmpty().check(meta("The id of another provider in this book."));

export const ImagePricingSchema = z.discriminatedUnion("kind", [
  z
    .strictObject({
      kind: z.literal("table"),
      tiers: z.array(tableTier).check(z.minLength(1)),
      ...pricingStatus,
    })
    .check(meta("An explicit price per (quality, size); other sizes are not priced.")),
  z
    .strictObject({
      kind: z.literal("perQuality"),
      ...pricingStatus,
      low: qualityPrice,
      medium: qualityPrice,
      high: qualityPrice,
    })
    .check(meta("One price per quality, for any valid size.")),
  z
    .strictObject({
      kind: z.literal("flat"),
      ...pricingStatus,
      price: usd.check(meta("The billed price; the upper bound when the source gives a range.")),
      listPrice: z.optional(usd),
      minPrice: z.optional(usd).check(meta("The lower bound when the source gives a range.")),
      sizes: z
        .optional(z.array(sizeKey).check(z.minLength(1)))
        .check(meta("Only these sizes; omitted: any size.")),
      notOffered: z.optional(z.array(notOffered).check(z.minLength(1))),
      maxEdge: z
        .optional(z.int().check(z.positive()))
        .check(meta('No size with an edge above this is priced (a page\'s "up to 2048").')),
      atLeast: z
        .optional(z.boolean())
        .check(
          meta(
            'True when the page gives only a starting price ("0.054+"): price is a lower bound.',
          ),
        ),
    })
    .check(meta("One price for every quality (and size).")),
  z
    .strictObject({
      kind: z.literal("points"),
      ...pricingStatus,
      points: z.array(point).check(z.minLength(1)),
      unpublishedReason: z
        .optional(nonEmpty())
        .check(
          meta(
            'Why a quality without points has no price (quoted from the source); omitted: "the source publishes none".',
          ),
        ),
    })
    .check(meta("Isolated published (quality, size) points and nothing between them.")),
  z
    .strictObject({ kind: z.literal("sameAs"), ...pricingStatus, provider: providerRef })
    .check(meta("Billed at another provider's rates.")),
  z
    .strictObject({
      kind: z.literal("scaled"),
      ...pricingStatus,
      of: providerRef,
      factor: z.number().check(z.positive(), meta("Multiplier on the other provider's prices.")),
    })
    .check(meta("Another provider's prices times a factor (e.g. 0.5 for 50% off).")),
  z
    .strictObject({
      kind: z.literal("unpublished"),
      ...pricingStatus,
      reason: nonEmpty(),
    })
    .check(meta("The source says a price exists but does not publish it.")),
]);

const meter = z.optional(usd);

export const TokenMetersSchema = z
  .strictObject({
    input: meter.check(
      meta("One input meter for text and image input, where the source does not split them."),
    ),
    textInput: meter,
    cachedTextInput: meter,
    imageInput: meter,
    cachedImageInput: meter,
    imageOutput: meter,
  })
  .check(meta("US dollars per 1M tokens; omitted meters are not published."));

const meterStatus = z.strictObject({ status, otherReadings });

export const MeterStatusSchema = z
  .strictObject({
    input: z.optional(meterStatus),
    textInput: z.optional(meterStatus),
    cachedTextInput: z.optional(meterStatus),
    imageInput: z.optional(meterStatus),
    cachedImageInput: z.optional(meterStatus),
    imageOutput: z.optional(meterStatus),
  })
  .check(meta("Meters whose status differs from the set's status."));

const priceSetBase = {
  effective: isoDate.check(meta("The prices apply from this date.")),
  checked: isoDate.check(
    meta(
      "The date the page was read for these prices (always given; the page's own date, if any, is its source's dated).",
    ),
  ),
  source: sourceRef,
  notes,
  sameBillingAs: z
    .optional(z.enum(["image", "tokens"]))
    .check(
      meta(
        "The provider's other form of price (per image or by token) describes the same billing, not a second charge.",
      ),
    ),
};

export const ImagePriceSetSchema = z.strictObject({ ...priceSetBase, pricing: ImagePricingSchema });
export const TokenPriceSetSchema = z.strictObject({
  ...priceSetBase,
  status: status.check(meta("The status of every meter not named in meterStatus.")),
  meterStatus: z.optional(MeterStatusSchema),
  meters: TokenMetersSchema,
});

export const ProviderSchema = z.strictObject({
  id: z
    .string()
    .check(
      z.regex(/^[a-z0-9][a-z0-9/-]*$/),
      meta("Frozen once published: users type it. Lowercase letters, digits, - and /."),
    ),
  name: nonEmpty(),
  aliases: z.array(nonEmpty()).check(meta("Other names users may type.")),
  model: nonEmpty(),
  comparisonOnly: z
    .optional(z.boolean())
    .check(meta("Not GPT Image 2: shown for comparison, never ranked.")),
  terms: z
    .optional(z.array(nonEmpty()))
    .check(meta("Terms that change a budget, as a page states them (credits, refunds).")),
  image: z.array(ImagePriceSetSchema),
  tokens: z.array(TokenPriceSetSchema),
});

export const PriceBookSchema = z.strictObject({
  $schema: z.optional(z.string()),
  schemaVersion: z.literal(1),
  bookVersion: nonEmpty(),
  published: isoDate,
  currency: z.literal("USD"),
  sources: z.array(SourceSchema).check(z.minLength(1)),
  providers: z.array(ProviderSchema).check(z.minLength(1)),
});

/** The validated price book data. */
export type PriceBookJson = z.infer<typeof PriceBookSchema>;
export type SourceJson = z.infer<typeof SourceSchema>;
export type ProviderJson = z.infer<typeof ProviderSchema>;
export type ImagePriceSetJson = z.infer<typeof ImagePriceSetSchema>;
export type ImagePricingJson = z.infer<typeof ImagePricingSchema>;
export type TokenPriceSetJson = z.infer<typeof TokenPriceSetSchema>;
export type ReadingJson = z.infer<typeof ReadingSchema>;
export type { PriceStatus } from "./statuses";

/** The editor JSON Schema for price books, as written to data/prices/price-book.schema.json. */
export function priceBookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PriceBookSchema, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
}
