/**
 * The compiled price book: the validated JSON turned once into direct lookups. Nothing here imports
 * zod or the schema at run time (types only), so the functions bundle carries no validator.
 */
import type {
  ImagePriceSetJson,
  ImagePricingJson,
  PriceBookJson,
  ProviderJson,
  SourceJson,
  TokenPriceSetJson,
} from "./schema";
import { normalizeName, QUALITIES, type Size } from "./identifiers";
import { describe, fail, type Failure } from "./result";
import { clean } from "./numbers";

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
  readonly checked: string;
  readonly source: SourceInfo;
  readonly notes: readonly string[];
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
  /** A shared, frozen success result for `price`. */
  readonly priceResult: { readonly ok: true; readonly value: number };
}

/** A provider's image prices in effect on one date, with sameAs / scaled already followed. */
export interface ResolvedImage {
  /** Set when nothing at all is priced (unpublished, token-only, nothing in effect on the date). */
  readonly failure: Failure | null;
  readonly meta: SetMeta | null;
  readonly kind: ImagePricingJson["kind"] | null;
  /** Per quality index: the price for any size, or null. */
  readonly any: readonly (Tier | null)[];
  /** Per quality index: prices by size key, or null. */
  readonly bySize: readonly (ReadonlyMap<string, Tier> | null)[];
  /** Per quality index: why that quality is not published at all, or null. */
  readonly unpublished: readonly (string | null)[];
}

export const TOKEN_METERS = [
  "textInput",
  "cachedTextInput",
  "imageInput",
  "cachedImageInput",
  "imageOutput",
] as const;
export type TokenMeter = (typeof TOKEN_METERS)[number];

/** A provider's token meters in effect on one date, in micro-dollars per 1M tokens (null: not published). */
export interface ResolvedTokens {
  readonly failure: Failure | null;
  readonly meta: SetMeta | null;
  readonly micros: readonly (number | null)[]; // indexed like TOKEN_METERS
  /** True when one "input" meter covers text and image input. */
  readonly sharedInput: boolean;
}

export interface CompiledProvider {
  readonly info: ProviderInfo;
  readonly json: ProviderJson;
  readonly index: number;
  /** Image price sets, oldest effective date first. */
  readonly imageSets: readonly ImagePriceSetJson[];
  readonly tokenSets: readonly TokenPriceSetJson[];
  newestImage: ResolvedImage;
  newestTokens: ResolvedTokens;
  readonly imageByDate: Map<string, ResolvedImage>;
  readonly tokensByDate: Map<string, ResolvedTokens>;
}

export interface BookInternals {
  readonly providers: readonly CompiledProvider[];
  readonly byId: ReadonlyMap<string, CompiledProvider>;
  readonly byName: ReadonlyMap<string, CompiledProvider>;
  readonly lookupCache: Map<string, CompiledProvider | Failure>;
  readonly sources: ReadonlyMap<string, SourceInfo>;
  readonly unknownProviderHint: string;
}

const INTERNALS = Symbol("compiled price book");

type InternalBook = CompiledBook & { readonly [INTERNALS]: BookInternals };

const MAX_CACHE = 10_000;

export const NOT_A_BOOK: Failure = fail(
  "BAD_BOOK",
  "No price book is loaded: pass a book from loadBook or bundledBook.",
);

/** The private lookups of a compiled book. */
export function internals(book: CompiledBook): BookInternals {
  return (book as InternalBook)[INTERNALS];
}

/** True when `value` is a book made by compileBook (so the core can refuse anything else cleanly). */
export function isCompiledBook(value: unknown): value is CompiledBook {
  return typeof value === "object" && value !== null && INTERNALS in value;
}

const toMicros = (usd: number): number => Math.round(usd * 1e6);

function makeTier(
  micros: number,
  listMicros: number | null,
  minMicros: number | null,
  sizeLabel: string | null,
): Tier {
  const price = clean(micros / 1e6);
  return Object.freeze({
    ok: true as const,
    micros,
    price,
    listPrice: listMicros === null ? null : clean(listMicros / 1e6),
    minPrice: minMicros === null ? null : clean(minMicros / 1e6),
    minMicros,
    listMicros,
    sizeLabel,
    priceResult: Object.freeze({ ok: true as const, value: price }),
  });
}

const tierOf = (price: number, listPrice?: number, minPrice?: number, label?: string): Tier =>
  makeTier(
    toMicros(price),
    listPrice === undefined ? null : toMicros(listPrice),
    minPrice === undefined ? null : toMicros(minPrice),
    label ?? null,
  );

const NONE3: readonly null[] = [null, null, null];

/** One hidden class for every resolved price set keeps the hot lookup monomorphic. */
class Resolved implements ResolvedImage {
  constructor(
    readonly failure: Failure | null,
    readonly meta: SetMeta | null,
    readonly kind: ImagePricingJson["kind"] | null,
    readonly any: readonly (Tier | null)[],
    readonly bySize: readonly (ReadonlyMap<string, Tier> | null)[],
    readonly unpublished: readonly (string | null)[],
  ) {}
}

function uniform(r: ResolvedImage): ResolvedImage {
  return r instanceof Resolved
    ? r
    : new Resolved(r.failure, r.meta, r.kind, [...r.any], [...r.bySize], [...r.unpublished]);
}

function failed(failure: Failure, meta: SetMeta | null = null): ResolvedImage {
  return { failure, meta, kind: null, any: NONE3, bySize: NONE3, unpublished: NONE3 };
}

function sourceInfo(json: SourceJson): SourceInfo {
  const info: SourceInfo = { id: json.id, title: json.title, site: json.site, dated: json.dated };
  if (json.dateText !== undefined) info.dateText = json.dateText;
  if (json.url !== undefined) info.url = json.url;
  return Object.freeze(info);
}

const UNKNOWN_SOURCE: SourceInfo = Object.freeze({
  id: "unknown",
  title: "unknown",
  site: "unknown",
  dated: null,
});

function metaOf(
  set: ImagePriceSetJson | TokenPriceSetJson,
  sources: ReadonlyMap<string, SourceInfo>,
): SetMeta {
  return Object.freeze({
    effective: set.effective,
    checked: set.checked,
    source: sources.get(set.source) ?? UNKNOWN_SOURCE,
    notes: Object.freeze([...set.notes]),
  });
}

function newestAt<T extends { effective: string }>(
  sets: readonly T[],
  asOf: string | null,
): T | undefined {
  if (asOf === null) return sets[sets.length - 1];
  let found: T | undefined;
  for (const set of sets) if (set.effective <= asOf) found = set;
  return found;
}

interface Context {
  readonly byId: ReadonlyMap<string, CompiledProvider>;
  readonly sources: ReadonlyMap<string, SourceInfo>;
}

const MAX_DEPTH = 16;

/** A provider's image prices in effect on `asOf` (null: newest), memoized per date. */
export function resolveImage(
  ctx: Context,
  provider: CompiledProvider,
  asOf: string | null,
  depth = 0,
): ResolvedImage {
  if (asOf === null && provider.newestImage !== PENDING) return provider.newestImage;
  if (asOf !== null) {
    const cached = provider.imageByDate.get(asOf);
    if (cached !== undefined) return cached;
  }
  const resolved = uniform(resolveImageUncached(ctx, provider, asOf, depth));
  if (asOf !== null) {
    if (provider.imageByDate.size >= MAX_CACHE) provider.imageByDate.clear();
    provider.imageByDate.set(asOf, resolved);
  }
  return resolved;
}

function resolveImageUncached(
  ctx: Context,
  provider: CompiledProvider,
  asOf: string | null,
  depth: number,
): ResolvedImage {
  const name = provider.info.name;
  if (provider.imageSets.length === 0) {
    return provider.tokenSets.length > 0
      ? failed(fail("NOT_PUBLISHED", `${name} bills by token, not per image; use IMG.TOKENCOST.`))
      : failed(fail("NOT_PUBLISHED", `${name} publishes no price.`));
  }
  const set = newestAt(provider.imageSets, asOf);
  if (set === undefined) {
    const first = provider.imageSets[0]?.effective ?? "";
    return failed(
      fail(
        "NO_PRICE_ON_DATE",
        `${name} has no image price in effect on ${asOf ?? ""}; its earliest applies from ${first}.`,
      ),
    );
  }
  const meta = metaOf(set, ctx.sources);
  const pricing = set.pricing;
  switch (pricing.kind) {
    case "table": {
      const maps = QUALITIES.map(() => new Map<string, Tier>());
      for (const t of pricing.tiers) {
        maps[QUALITIES.indexOf(t.quality)]?.set(t.size, tierOf(t.price, t.listPrice));
      }
      return {
        failure: null,
        meta,
        kind: "table",
        any: NONE3,
        bySize: maps.map((m) => (m.size > 0 ? m : null)),
        unpublished: maps.map((m, q) =>
          m.size > 0 ? null : `the source lists no ${QUALITIES[q] ?? ""} price for any size`,
        ),
      };
    }
    case "perQuality": {
      const any = QUALITIES.map((q) => tierOf(pricing[q].price, pricing[q].listPrice));
      return { failure: null, meta, kind: "perQuality", any, bySize: NONE3, unpublished: NONE3 };
    }
    case "flat": {
      const tier = tierOf(pricing.price, pricing.listPrice, pricing.minPrice);
      if (pricing.sizes === undefined) {
        return {
          failure: null,
          meta,
          kind: "flat",
          any: [tier, tier, tier],
          bySize: NONE3,
          unpublished: NONE3,
        };
      }
      const map = new Map(pricing.sizes.map((s) => [s, tier] as const));
      return {
        failure: null,
        meta,
        kind: "flat",
        any: NONE3,
        bySize: [map, map, map],
        unpublished: NONE3,
      };
    }
    case "points": {
      const maps = QUALITIES.map(() => new Map<string, Tier>());
      for (const p of pricing.points) {
        maps[QUALITIES.indexOf(p.quality)]?.set(
          p.size,
          tierOf(p.price, undefined, undefined, p.label),
        );
      }
      return {
        failure: null,
        meta,
        kind: "points",
        any: NONE3,
        bySize: maps.map((m) => (m.size > 0 ? m : null)),
        unpublished: maps.map((m) => (m.size > 0 ? null : pricing.unpublishedReason)),
      };
    }
    case "unpublished":
      return failed(
        fail("NOT_PUBLISHED", `${name} publishes no per-image price: ${pricing.reason}`),
        meta,
      );
    case "sameAs":
    case "scaled": {
      const targetId = pricing.kind === "sameAs" ? pricing.provider : pricing.of;
      const target = ctx.byId.get(targetId);
      if (target === undefined || depth >= MAX_DEPTH) {
        return failed(
          fail(
            "NOT_PUBLISHED",
            `${name} is priced from "${targetId}", which this book cannot resolve.`,
          ),
        );
      }
      const base = resolveImage(ctx, target, asOf, depth + 1);
      if (base.failure !== null) return failed(base.failure, meta);
      if (pricing.kind === "sameAs") return { ...base, meta };
      const factor = pricing.factor;
      const scale = (t: Tier): Tier =>
        makeTier(
          t.micros * factor,
          t.listMicros === null ? null : t.listMicros * factor,
          t.minMicros === null ? null : t.minMicros * factor,
          t.sizeLabel,
        );
      return {
        failure: null,
        meta,
        kind: base.kind,
        any: base.any.map((t) => (t === null ? null : scale(t))),
        bySize: base.bySize.map((m) =>
          m === null ? null : new Map([...m].map(([k, t]) => [k, scale(t)] as const)),
        ),
        unpublished: base.unpublished,
      };
    }
  }
}

/** A provider's token meters in effect on `asOf` (null: newest), memoized per date. */
export function resolveTokens(
  ctx: Context,
  provider: CompiledProvider,
  asOf: string | null,
): ResolvedTokens {
  if (asOf === null) return provider.newestTokens;
  const cached = provider.tokensByDate.get(asOf);
  if (cached !== undefined) return cached;
  const resolved = resolveTokensUncached(ctx, provider, asOf);
  if (provider.tokensByDate.size >= MAX_CACHE) provider.tokensByDate.clear();
  provider.tokensByDate.set(asOf, resolved);
  return resolved;
}

function resolveTokensUncached(
  ctx: Context,
  provider: CompiledProvider,
  asOf: string | null,
): ResolvedTokens {
  const name = provider.info.name;
  const none = (failure: Failure): ResolvedTokens => ({
    failure,
    meta: null,
    micros: [],
    sharedInput: false,
  });
  if (provider.tokenSets.length === 0) {
    return none(fail("NO_TOKEN_METERS", `${name} bills per image, not by token; use IMG.COST.`));
  }
  const set = newestAt(provider.tokenSets, asOf);
  if (set === undefined) {
    const first = provider.tokenSets[0]?.effective ?? "";
    return none(
      fail(
        "NO_PRICE_ON_DATE",
        `${name} has no token price in effect on ${asOf ?? ""}; its earliest applies from ${first}.`,
      ),
    );
  }
  const m = set.meters;
  const micro = (usd: number | undefined): number | null =>
    usd === undefined ? null : toMicros(usd);
  return {
    failure: null,
    meta: metaOf(set, ctx.sources),
    micros: [
      micro(m.textInput ?? m.input),
      micro(m.cachedTextInput),
      micro(m.imageInput ?? m.input),
      micro(m.cachedImageInput),
      micro(m.imageOutput),
    ],
    sharedInput: m.input !== undefined,
  };
}

const PENDING: ResolvedImage = failed(fail("NOT_PUBLISHED", "not compiled yet"));
const PENDING_TOKENS: ResolvedTokens = {
  failure: null,
  meta: null,
  micros: [],
  sharedInput: false,
};

/** The context resolve* needs, from a compiled book. */
export function contextOf(book: CompiledBook): Context {
  return internals(book);
}

/**
 * Compiles a validated book into lookups. Assumes `book` passed the schema and the cross-checks
 * (`loadBook` does both); the bundled book is proven valid by tests and at build time.
 */
export function compileBook(
  book: PriceBookJson,
  origin: BookOrigin = { kind: "bundled" },
): CompiledBook {
  const sources = new Map(book.sources.map((s) => [s.id, sourceInfo(s)] as const));
  const byId = new Map<string, CompiledProvider>();
  const byName = new Map<string, CompiledProvider>();
  const providers: CompiledProvider[] = book.providers.map((json, index) => {
    const byEffective = <T extends { effective: string }>(sets: readonly T[]): T[] =>
      [...sets].sort((a, b) =>
        a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0,
      );
    const compiled: CompiledProvider = {
      info: undefined as unknown as ProviderInfo, // filled below, once its newest prices are resolved
      json,
      index,
      imageSets: byEffective(json.image),
      tokenSets: byEffective(json.tokens),
      newestImage: PENDING,
      newestTokens: PENDING_TOKENS,
      imageByDate: new Map(),
      tokensByDate: new Map(),
    };
    byId.set(json.id, compiled);
    for (const name of [json.id, json.name, ...json.aliases]) {
      const key = normalizeName(name);
      if (key !== "" && !byName.has(key)) byName.set(key, compiled);
    }
    return compiled;
  });
  const ctx: Context = { byId, sources };
  for (const p of providers) {
    const newestImageSet = p.imageSets[p.imageSets.length - 1];
    const newestTokenSet = p.tokenSets[p.tokenSets.length - 1];
    const billing: ("image" | "tokens")[] = [];
    if (newestImageSet !== undefined && newestImageSet.pricing.kind !== "unpublished")
      billing.push("image");
    if (newestTokenSet !== undefined) billing.push("tokens");
    const main = newestImageSet ?? newestTokenSet;
    const notes = [...(newestImageSet?.notes ?? []), ...(newestTokenSet?.notes ?? [])];
    (p as { info: ProviderInfo }).info = Object.freeze({
      id: p.json.id,
      name: p.json.name,
      aliases: Object.freeze([...p.json.aliases]),
      model: p.json.model,
      comparisonOnly: p.json.comparisonOnly === true,
      billing: Object.freeze(billing),
      source: (main && sources.get(main.source)) ?? UNKNOWN_SOURCE,
      checked: main?.checked ?? book.published,
      notes: Object.freeze(notes),
    });
  }
  for (const p of providers) {
    p.newestImage = resolveImage(ctx, p, null);
    p.newestTokens = resolveTokensUncached(ctx, p, null);
  }
  const ids = providers.map((p) => p.info.id).join(", ");
  const internal: BookInternals = {
    providers,
    byId,
    byName,
    lookupCache: new Map(),
    sources,
    unknownProviderHint: `Accepted: ${ids} (names such as "Azure OpenAI" or "fal.ai" work too).`,
  };
  const compiled = {
    json: book,
    origin,
    schemaVersion: book.schemaVersion,
    bookVersion: book.bookVersion,
    published: book.published,
    currency: book.currency,
    providers: Object.freeze(providers.map((p) => p.info)),
  };
  Object.defineProperty(compiled, INTERNALS, { value: internal, enumerable: false });
  return Object.freeze(compiled) as CompiledBook;
}

/** Finds a compiled provider by what the user typed, memoized by the raw text. */
export function lookupProvider(book: CompiledBook, input: unknown): CompiledProvider | Failure {
  const inner = (book as Partial<InternalBook> | null | undefined)?.[INTERNALS];
  if (inner === undefined) return NOT_A_BOOK;
  if (typeof input !== "string") {
    if (input === null || input === undefined)
      return fail("EMPTY", `Provider is empty. ${inner.unknownProviderHint}`);
    return fail(
      "UNKNOWN_PROVIDER",
      `Provider ${describe(input)} is not in the price book. ${inner.unknownProviderHint}`,
    );
  }
  const cached = inner.lookupCache.get(input);
  if (cached !== undefined) return cached;
  const key = normalizeName(input);
  const found =
    inner.byName.get(key) ??
    (input.trim() === ""
      ? fail("EMPTY", `Provider is empty. ${inner.unknownProviderHint}`)
      : fail(
          "UNKNOWN_PROVIDER",
          `Provider ${describe(input)} is not in the price book. ${inner.unknownProviderHint}`,
        ));
  if (inner.lookupCache.size >= MAX_CACHE) inner.lookupCache.clear();
  inner.lookupCache.set(input, found);
  return found;
}

/** The price of quality index `q` at `size`, or why there is none. Allocates only on failure. */
export function lookupTier(
  provider: CompiledProvider,
  resolved: ResolvedImage,
  q: number,
  size: Size,
): Tier | Failure {
  if (resolved.failure !== null) return resolved.failure;
  const any = resolved.any[q];
  if (any) return any;
  const map = resolved.bySize[q];
  const tier = map?.get(size.key);
  if (tier) return tier;
  const quality = QUALITIES[q] ?? "high";
  const reason = resolved.unpublished[q];
  if (reason)
    return fail("NOT_PUBLISHED", `${provider.info.name} publishes no ${quality} price: ${reason}`);
  return fail(
    "SIZE_NOT_PRICED",
    `${provider.info.name} publishes no ${quality} price for ${size.key}. Sizes it prices at ${quality}: ${sizeList(map)}.`,
  );
}

function sizeList(map: ReadonlyMap<string, Tier> | null | undefined): string {
  if (!map) return "none";
  return [...map]
    .map(([key, t]) => (t.sizeLabel === null ? key : `${key} (${t.sizeLabel})`))
    .join(", ");
}
