/**
 * The compiled price book: the validated JSON turned once into direct lookups, and the two lookups
 * every call makes (provider by what the user typed; price by quality and size). Nothing here imports
 * zod or the schema at run time (types only), so the functions bundle carries no validator.
 */
import type { PriceBookJson } from "./schema";
import { normalizeName, QUALITIES, type Size } from "./identifiers";
import type { Failure } from "./result";
import { Memo, remember } from "./memo";
import {
  PENDING,
  PENDING_TOKENS,
  resolveImage,
  resolveTokensUncached,
  sourceInfo,
  UNKNOWN_SOURCE,
  type Context,
} from "./resolve";
import type {
  BookInternals,
  BookOrigin,
  CompiledBook,
  CompiledProvider,
  ProviderInfo,
  ResolvedImage,
  Tier,
} from "./types";
import {
  notABook,
  providerEmpty,
  providerUnknown,
  providersAccepted,
  qualityNotPublished,
  sizeNotPriced,
  sizeOverEdge,
} from "./messages";

const INTERNALS = Symbol("compiled price book");

type InternalBook = CompiledBook & { readonly [INTERNALS]: BookInternals };

export const NOT_A_BOOK: Failure = notABook();

/** The private lookups of a compiled book. */
export function internals(book: CompiledBook): BookInternals {
  return (book as InternalBook)[INTERNALS];
}

/** True when `value` is a book made by compileBook (so the core can refuse anything else cleanly). */
export function isCompiledBook(value: unknown): value is CompiledBook {
  return typeof value === "object" && value !== null && INTERNALS in value;
}

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
  const providers: CompiledProvider[] = book.providers.map((json) => {
    const byEffective = <T extends { effective: string }>(sets: readonly T[]): T[] =>
      [...sets].sort((a, b) =>
        a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0,
      );
    const compiled: CompiledProvider = {
      info: undefined as unknown as ProviderInfo, // filled below, once its newest prices are resolved
      json,
      imageSets: byEffective(json.image),
      tokenSets: byEffective(json.tokens),
      newestImage: PENDING,
      newestTokens: PENDING_TOKENS,
      imageByDate: new Memo(),
      tokensByDate: new Memo(),
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
      terms: Object.freeze([...(p.json.terms ?? [])]),
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
    lookupCache: new Memo(),
    sources,
    unknownProviderHint: providersAccepted(ids),
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
    if (input === null || input === undefined) return providerEmpty(inner.unknownProviderHint);
    return providerUnknown(input, inner.unknownProviderHint);
  }
  const cached = inner.lookupCache.get(input);
  if (cached !== undefined) return cached;
  const key = normalizeName(input);
  const found =
    inner.byName.get(key) ??
    (input.trim() === ""
      ? providerEmpty(inner.unknownProviderHint)
      : providerUnknown(input, inner.unknownProviderHint));
  return remember(inner.lookupCache, input, found);
}

/** The price of quality index `q` at `size`, or why there is none. Allocates only on failure. */
export function lookupTier(
  provider: CompiledProvider,
  resolved: ResolvedImage,
  q: number,
  size: Size,
): Tier | Failure {
  if (resolved.failure !== null) return resolved.failure;
  if (resolved.maxEdge !== null) {
    const edge = resolved.maxEdge;
    if (size.width > edge || size.height > edge) return overEdge(provider, size, edge);
  }
  const any = resolved.any[q];
  if (any) return any;
  const map = resolved.bySize[q];
  const tier = map?.get(size.key);
  if (tier) return tier;
  const refused = resolved.notOffered?.get(size.key);
  if (refused) return refused.failure;
  const quality = QUALITIES[q] ?? "high";
  const reason = resolved.unpublished[q];
  if (reason) return qualityNotPublished(provider.info.name, quality, reason);
  return sizeNotPriced(provider.info.name, quality, size.key, sizeList(map));
}

function overEdge(provider: CompiledProvider, size: Size, edge: number): Failure {
  return sizeOverEdge(provider.info.name, size.key, edge);
}

function sizeList(map: ReadonlyMap<string, Tier> | null | undefined): string {
  if (!map) return "none";
  return [...map]
    .map(([key, t]) => (t.sizeLabel === null ? key : `${key} (${t.sizeLabel})`))
    .join(", ");
}

/** Image prices of `p` on the asOf argument (missing: newest). */
export function imagePricesOn(
  book: CompiledBook,
  p: CompiledProvider,
  asOf: string | null,
): ResolvedImage {
  return asOf === null ? p.newestImage : resolveImage(contextOf(book), p, asOf);
}
