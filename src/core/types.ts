/**
 * The shapes of a compiled price book: what callers see (CompiledBook, ProviderInfo, SourceInfo,
 * BookOrigin) and the private compiled form the lookups use.
 */
import type {
  ImagePriceSetJson,
  PriceBookJson,
  PriceStatus,
  ProviderJson,
  TokenPriceSetJson,
} from "./schema";

export type { PriceStatus } from "./schema";

/**
 * A reading of a price the book does not use (a disputed price's other figure), with where it is
 * said: `source` is "site: title" and `part` the part of that page and its words.
 */
export interface OtherReading {
  readonly value: number | null;
  readonly text: string | null;
  readonly source: string;
  readonly part: string;
}
import type { Failure } from "./result";
import type { Memo } from "./memo";

/** Where a book came from, shown beside its prices. */
export type BookOrigin =
  | { kind: "bundled" }
  | { kind: "url"; url: string; fetchedAt: string } // fetchedAt: ISO timestamp
  | { kind: "workbook" } // stored in this workbook's settings
  | { kind: "sheet"; sheetName: string }; // from the editable prices sheet

/** A page prices were read from. `dated` is the date the page gives, null when it gives none. */
export interface SourceInfo {
  id: string;
  title: string;
  site: string;
  dated: string | null;
  dateText?: string;
  url?: string;
}

/** One provider (an offer of GPT Image 2, or a comparison model) as users see it. */
export interface ProviderInfo {
  /** The id users type: "openai", "atlas/flux-2-pro", ... Frozen once published. */
  id: string;
  /** "OpenAI", "Atlas Cloud (Flux 2 Pro)", ... */
  name: string;
  aliases: readonly string[];
  /** "gpt-image-2", "flux-2-pro", ... */
  model: string;
  /** True for the Atlas comparison models (not GPT Image 2): never in rankings. */
  comparisonOnly: boolean;
  /** What it publishes prices for (empty for replicate). */
  billing: readonly ("image" | "tokens")[];
  /** The source of its newest image price (or token price if it has none). */
  source: SourceInfo;
  /** ISO date that price was checked. */
  checked: string;
  /** Notes of its newest image and token price sets. */
  notes: readonly string[];
  /** Terms that change a budget (a signup credit, refunds of failed runs), as its page states them. */
  terms: readonly string[];
}

/** A loaded price book. Build one with `loadBook` (feeds) or use `bundledBook`. */
export interface CompiledBook {
  /** The validated data, for diff, storage and the prices sheet. */
  readonly json: PriceBookJson;
  readonly origin: BookOrigin;
  readonly schemaVersion: number;
  readonly bookVersion: string;
  /** ISO date. */
  readonly published: string;
  readonly currency: "USD";
  /** In book order. */
  readonly providers: readonly ProviderInfo[];
}

// ---- internal compiled form ------------------------------------------------

/** Metadata of one price set as quotes and rows report it. */
export interface SetMeta {
  readonly effective: string;
  /** The date the page was read for these prices. */
  readonly checked: string;
  readonly source: SourceInfo;
  readonly notes: readonly string[];
  /** The provider's other price form (per image or by token) that describes the same billing. */
  readonly sameBillingAs: "image" | "tokens" | null;
}

/** One billed price, precomputed so a lookup allocates nothing. */
export interface Tier {
  /** Lets a Tier and a Failure be told apart with one property read. */
  readonly ok: true;
  readonly micros: number;
  readonly price: number;
  readonly listPrice: number | null;
  readonly minPrice: number | null;
  readonly minMicros: number | null;
  readonly listMicros: number | null;
  /** How the source words the size, for isolated points. */
  readonly sizeLabel: string | null;
  readonly status: PriceStatus;
  readonly otherReadings: readonly OtherReading[];
  /** The page gives only a starting price ("0.054+"): price is a lower bound. */
  readonly atLeast: boolean;
  /** A shared, frozen success result for `price`. */
  readonly priceResult: { readonly ok: true; readonly value: number };
}

/** A provider's image prices in effect on one date, with sameAs / scaled already followed. */
export interface ResolvedImage {
  /** Set when nothing at all is priced (unpublished, token-only, nothing in effect on the date). */
  readonly failure: Failure | null;
  readonly meta: SetMeta | null;
  /** Per quality index: the price for any size, or null. */
  readonly any: readonly (Tier | null)[];
  /** Per quality index: prices by size key, or null. */
  readonly bySize: readonly (ReadonlyMap<string, Tier> | null)[];
  /** Per quality index: why that quality is not published at all, or null. */
  readonly unpublished: readonly (string | null)[];
  /** Sizes read as not offered (every quality), each with its #N/A and the readings not used. */
  readonly notOffered: ReadonlyMap<string, NotOffered> | null;
  /** No size with an edge above this is priced; null: no such limit. */
  readonly maxEdge: number | null;
  /** The status of the set as a whole (its pricing kind's status). */
  readonly status: PriceStatus | null;
}

/** A size a page is read as not offering, where the page (or pages) disagree. */
export interface NotOffered {
  readonly size: string;
  readonly status: PriceStatus;
  readonly failure: Failure;
  readonly otherReadings: readonly OtherReading[];
}

export const TOKEN_METERS = [
  "textInput",
  "cachedTextInput",
  "imageInput",
  "cachedImageInput",
  "imageOutput",
] as const;

/** A provider's token meters in effect on one date, in micro-dollars per 1M tokens (null: not published). */
export interface ResolvedTokens {
  readonly failure: Failure | null;
  readonly meta: SetMeta | null;
  readonly micros: readonly (number | null)[]; // indexed like TOKEN_METERS
  /** True when one "input" meter covers text and image input. */
  readonly sharedInput: boolean;
  /** Per meter (indexed like TOKEN_METERS): its status and the readings not used. */
  readonly statuses: readonly { status: PriceStatus; otherReadings: readonly OtherReading[] }[];
}

export interface CompiledProvider {
  readonly info: ProviderInfo;
  readonly json: ProviderJson;
  /** Image price sets, oldest effective date first. */
  readonly imageSets: readonly ImagePriceSetJson[];
  readonly tokenSets: readonly TokenPriceSetJson[];
  newestImage: ResolvedImage;
  newestTokens: ResolvedTokens;
  readonly imageByDate: Memo<string, ResolvedImage>;
  readonly tokensByDate: Memo<string, ResolvedTokens>;
}

export interface BookInternals {
  readonly providers: readonly CompiledProvider[];
  readonly byId: ReadonlyMap<string, CompiledProvider>;
  readonly byName: ReadonlyMap<string, CompiledProvider>;
  readonly lookupCache: Memo<string, CompiledProvider | Failure>;
  readonly sources: ReadonlyMap<string, SourceInfo>;
  readonly unknownProviderHint: string;
}
