/**
 * The price book's schema: the single source of truth for its shape. Types come from it, the editor
 * JSON Schema (data/prices/price-book.schema.json) is generated from it, and {@link parseBook} checks
 * feeds with it. Only the loading path imports this module, so the functions bundle stays free of zod.
 */
import { z } from "zod";
import { PRICE_STATUSES } from "./statuses";

const isoDate = z.iso.date().meta({ description: "A calendar date, YYYY-MM-DD." });

const usd = z
  .number()
  .nonnegative()
  .meta({ description: "US dollars, at most 6 decimals (whole micro-dollars)." });

const sizeKey = z
  .string()
  .regex(/^[1-9][0-9]{0,4}x[1-9][0-9]{0,4}$/)
  .meta({
    description: 'Width x height in pixels, e.g. "1024x1536"; multiples of 16, edges up to 4096.',
  });

const quality = z.enum(["low", "medium", "high"]);

const status = z.enum(PRICE_STATUSES).meta({
  description:
    "published: a page states it; derived: computed by a rule a page states (e.g. Batch = 50% off); bound: a page gives only a 'from' or 'up to' figure or a range; disputed: pages (or parts of one page) disagree and the budget-safe reading is used; not published: no page gives a number.",
});

const sourceRef = z.string().min(1).meta({ description: "The id of an entry in sources." });

export const ReadingSchema = z
  .strictObject({
    value: usd.optional().meta({ description: "The figure this reading gives, if a number." }),
    text: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'The reading in words when it is not one number, e.g. "offered".' }),
    source: sourceRef,
    part: z.string().min(1).meta({
      description: "Which part of the page says it, with its words, e.g. \"FAQ: 'No 4K option'\".",
    }),
  })
  .meta({ description: "A reading of a price the book does not use; give value or text." });

const otherReadings = z
  .array(ReadingSchema)
  .optional()
  .meta({ description: "The readings not used; a disputed price needs at least one." });

/** A status (and other readings) for one entry, where it differs from its price set's status. */
const entryStatus = { status: status.optional(), otherReadings };

const notes = z.array(z.string().min(1)).meta({
  description: "Why this price reads as it does: disagreements between sources, readings chosen.",
});

export const SourceSchema = z.strictObject({
  id: z.string().min(1).meta({ description: "Referenced by each price set's source." }),
  title: z.string().min(1).meta({ description: "The page title as the source gives it." }),
  site: z.string().min(1).meta({ description: "The site as it names itself." }),
  dated: isoDate
    .nullable()
    .meta({ description: "The date the page gives, or null when it gives none." }),
  dateText: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "The date exactly as the page words it." }),
  url: z.url().optional(),
});

const tableTier = z.strictObject({
  quality,
  size: sizeKey,
  price: usd,
  listPrice: usd.optional(),
  ...entryStatus,
});

const qualityPrice = z.strictObject({ price: usd, listPrice: usd.optional(), ...entryStatus });

const point = z.strictObject({
  quality,
  size: sizeKey,
  price: usd,
  label: z
    .string()
    .min(1)
    .meta({ description: 'How the source words the size, e.g. "about 1024x768".' }),
  ...entryStatus,
});

const notOffered = z
  .strictObject({
    size: sizeKey,
    status: status,
    reason: z.string().min(1).meta({
      description: "Why this size is not offered, quoting the page (every statement of it).",
    }),
    otherReadings,
  })
  .meta({
    description:
      "A size the book reads as not offered (the budget-safe reading where the page disagrees with itself).",
  });

/** Every pricing kind says what kind of price it is; entries may say otherwise for themselves. */
const pricingStatus = { status, otherReadings };

const providerRef = z
  .string()
  .min(1)
  .meta({ description: "The id of another provider in this book." });

export const ImagePricingSchema = z.discriminatedUnion("kind", [
  z
    .strictObject({ kind: z.literal("table"), tiers: z.array(tableTier).min(1), ...pricingStatus })
    .meta({ description: "An explicit price per (quality, size); other sizes are not priced." }),
  z
    .strictObject({
      kind: z.literal("perQuality"),
      ...pricingStatus,
      low: qualityPrice,
      medium: qualityPrice,
      high: qualityPrice,
    })
    .meta({ description: "One price per quality, for any valid size." }),
  z
    .strictObject({
      kind: z.literal("flat"),
      ...pricingStatus,
      price: usd.meta({
        description: "The billed price; the upper bound when the source gives a range.",
      }),
      listPrice: usd.optional(),
      minPrice: usd
        .optional()
        .meta({ description: "The lower bound when the source gives a range." }),
      sizes: z
        .array(sizeKey)
        .min(1)
        .optional()
        .meta({ description: "Only these sizes; omitted: any size." }),
      notOffered: z.array(notOffered).min(1).optional(),
      maxEdge: z.int().positive().optional().meta({
        description: 'No size with an edge above this is priced (a page\'s "up to 2048").',
      }),
      atLeast: z.boolean().optional().meta({
        description:
          'True when the page gives only a starting price ("0.054+"): price is a lower bound.',
      }),
    })
    .meta({ description: "One price for every quality (and size)." }),
  z
    .strictObject({
      kind: z.literal("points"),
      ...pricingStatus,
      points: z.array(point).min(1),
      unpublishedReason: z.string().min(1).optional().meta({
        description:
          'Why a quality without points has no price (quoted from the source); omitted: "the source publishes none".',
      }),
    })
    .meta({ description: "Isolated published (quality, size) points and nothing between them." }),
  z
    .strictObject({ kind: z.literal("sameAs"), ...pricingStatus, provider: providerRef })
    .meta({ description: "Billed at another provider's rates." }),
  z
    .strictObject({
      kind: z.literal("scaled"),
      ...pricingStatus,
      of: providerRef,
      factor: z
        .number()
        .positive()
        .meta({ description: "Multiplier on the other provider's prices." }),
    })
    .meta({ description: "Another provider's prices times a factor (e.g. 0.5 for 50% off)." }),
  z
    .strictObject({
      kind: z.literal("unpublished"),
      ...pricingStatus,
      reason: z.string().min(1),
    })
    .meta({ description: "The source says a price exists but does not publish it." }),
]);

const meter = usd.optional();

export const TokenMetersSchema = z
  .strictObject({
    input: meter.meta({
      description:
        "One input meter for text and image input, where the source does not split them.",
    }),
    textInput: meter,
    cachedTextInput: meter,
    imageInput: meter,
    cachedImageInput: meter,
    imageOutput: meter,
  })
  .meta({ description: "US dollars per 1M tokens; omitted meters are not published." });

const meterStatus = z.strictObject({ status, otherReadings });

export const MeterStatusSchema = z
  .strictObject({
    input: meterStatus.optional(),
    textInput: meterStatus.optional(),
    cachedTextInput: meterStatus.optional(),
    imageInput: meterStatus.optional(),
    cachedImageInput: meterStatus.optional(),
    imageOutput: meterStatus.optional(),
  })
  .meta({ description: "Meters whose status differs from the set's status." });

const priceSetBase = {
  effective: isoDate.meta({ description: "The prices apply from this date." }),
  checked: isoDate.meta({
    description:
      "The date the page was read for these prices (always given; the page's own date, if any, is its source's dated).",
  }),
  source: sourceRef,
  notes,
  sameBillingAs: z.enum(["image", "tokens"]).optional().meta({
    description:
      "The provider's other form of price (per image or by token) describes the same billing, not a second charge.",
  }),
};

export const ImagePriceSetSchema = z.strictObject({ ...priceSetBase, pricing: ImagePricingSchema });
export const TokenPriceSetSchema = z.strictObject({
  ...priceSetBase,
  status: status.meta({ description: "The status of every meter not named in meterStatus." }),
  meterStatus: MeterStatusSchema.optional(),
  meters: TokenMetersSchema,
});

export const ProviderSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9/-]*$/)
    .meta({
      description: "Frozen once published: users type it. Lowercase letters, digits, - and /.",
    }),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).meta({ description: "Other names users may type." }),
  model: z.string().min(1),
  comparisonOnly: z
    .boolean()
    .optional()
    .meta({ description: "Not GPT Image 2: shown for comparison, never ranked." }),
  terms: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: "Terms that change a budget, as a page states them (credits, refunds)." }),
  image: z.array(ImagePriceSetSchema),
  tokens: z.array(TokenPriceSetSchema),
});

export const PriceBookSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  bookVersion: z.string().min(1),
  published: isoDate,
  currency: z.literal("USD"),
  sources: z.array(SourceSchema).min(1),
  providers: z.array(ProviderSchema).min(1),
});

/** The validated price book data. */
export type PriceBookJson = z.infer<typeof PriceBookSchema>;
export type SourceJson = z.infer<typeof SourceSchema>;
export type ProviderJson = z.infer<typeof ProviderSchema>;
export type ImagePriceSetJson = z.infer<typeof ImagePriceSetSchema>;
export type ImagePricingJson = z.infer<typeof ImagePricingSchema>;
export type TokenPriceSetJson = z.infer<typeof TokenPriceSetSchema>;
export type TokenMetersJson = z.infer<typeof TokenMetersSchema>;
export type ReadingJson = z.infer<typeof ReadingSchema>;
export type { PriceStatus } from "./statuses";

/** The editor JSON Schema for price books, as written to data/prices/price-book.schema.json. */
export function priceBookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PriceBookSchema, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
}
