/**
 * Resolving a provider's prices on a date: pick the newest price set in effect, follow sameAs and
 * scaled references, and turn the set into per-quality lookups of precomputed tiers. Results are
 * memoized per provider and date; the newest prices are resolved once when the book is compiled.
 */
import type {
  ImagePriceSetJson,
  PriceStatus,
  ReadingJson,
  SourceJson,
  TokenPriceSetJson,
} from "./schema";
import { QUALITIES, type Quality } from "./identifiers";
import type { Failure } from "./result";
import { clean } from "./numbers";
import { scaleMicros } from "./money";
import { remember } from "./memo";
import { TOKEN_METERS } from "./types";
import type {
  CompiledProvider,
  NotOffered,
  OtherReading,
  ResolvedImage,
  ResolvedTokens,
  SetMeta,
  SourceInfo,
  Tier,
} from "./types";
import {
  billsByToken,
  billsPerImage,
  noPerImagePriceBecause,
  noPrice,
  notCompiledYet,
  pricedFromUnknown,
  providerNoPriceOnDate,
  sizeNotOffered,
} from "./messages";

const toMicros = (usd: number): number => Math.round(usd * 1e6);

/** What a tier says about itself beyond its numbers. */
interface Standing {
  readonly status: PriceStatus;
  readonly otherReadings: readonly OtherReading[];
  readonly atLeast: boolean;
}

/**
 * Micro-dollars as dollars, the number a cell shows. Whole micro-dollars below 1e15 have a decimal of
 * at most 15 digits, and micros / 1e6 (one correctly rounded division) is already the number nearest
 * it, which is what clean() would give back; anything else (a scaled price's half micro-dollar) goes
 * through clean().
 */
const usdOf = (micros: number): number =>
  Number.isInteger(micros) && micros < 1e15 ? micros / 1e6 : clean(micros / 1e6);

function makeTier(
  micros: number,
  listMicros: number | null,
  minMicros: number | null,
  sizeLabel: string | null,
  standing: Standing,
): Tier {
  const price = usdOf(micros);
  return Object.freeze({
    ok: true as const,
    micros,
    price,
    listPrice: listMicros === null ? null : usdOf(listMicros),
    minPrice: minMicros === null ? null : usdOf(minMicros),
    minMicros,
    listMicros,
    sizeLabel,
    status: standing.status,
    otherReadings: standing.otherReadings,
    atLeast: standing.atLeast,
    priceResult: Object.freeze({ ok: true as const, value: price }),
  });
}

const tierOf = (
  standing: Standing,
  price: number,
  listPrice?: number,
  minPrice?: number,
  label?: string,
): Tier =>
  makeTier(
    toMicros(price),
    listPrice === undefined ? null : toMicros(listPrice),
    minPrice === undefined ? null : toMicros(minPrice),
    label ?? null,
    standing,
  );

const NO_READINGS: readonly OtherReading[] = Object.freeze([]);

/** The readings of the book JSON as rows show them: the source named by site and title. */
export function readingsOf(
  readings: readonly ReadingJson[] | undefined,
  sources: ReadonlyMap<string, SourceInfo>,
): readonly OtherReading[] {
  if (readings === undefined || readings.length === 0) return NO_READINGS;
  return Object.freeze(
    readings.map((r) => {
      const s = sources.get(r.source);
      return Object.freeze({
        value: r.value ?? null,
        text: r.text ?? null,
        source: s === undefined ? r.source : `${s.site}: ${s.title}`,
        part: r.part,
      });
    }),
  );
}

/** An entry's own status where it gives one, otherwise its pricing's. */
function standingOf(
  pricing: { status: PriceStatus; otherReadings?: readonly ReadingJson[] | undefined },
  entry: { status?: PriceStatus | undefined; otherReadings?: readonly ReadingJson[] | undefined },
  sources: ReadonlyMap<string, SourceInfo>,
  atLeast = false,
): Standing {
  return {
    status: entry.status ?? pricing.status,
    otherReadings: readingsOf(entry.otherReadings ?? pricing.otherReadings, sources),
    atLeast,
  };
}

const NONE3: readonly null[] = [null, null, null];

/** One hidden class for every resolved price set keeps the hot lookup monomorphic. */
class Resolved implements ResolvedImage {
  constructor(
    readonly failure: Failure | null,
    readonly meta: SetMeta | null,
    readonly any: readonly (Tier | null)[],
    readonly bySize: readonly (ReadonlyMap<string, Tier> | null)[],
    readonly unpublished: readonly (string | null)[],
    readonly notOffered: ReadonlyMap<string, NotOffered> | null,
    readonly maxEdge: number | null,
    readonly status: PriceStatus | null,
  ) {}
}

function uniform(r: ResolvedImage): ResolvedImage {
  return r instanceof Resolved
    ? r
    : new Resolved(
        r.failure,
        r.meta,
        [...r.any],
        [...r.bySize],
        [...r.unpublished],
        r.notOffered,
        r.maxEdge,
        r.status,
      );
}

/** The parts of a resolved set that only some pricing kinds have. */
const PLAIN = { notOffered: null, maxEdge: null } as const;

function failed(
  failure: Failure,
  meta: SetMeta | null = null,
  status: PriceStatus | null = null,
): ResolvedImage {
  return { failure, meta, any: NONE3, bySize: NONE3, unpublished: NONE3, ...PLAIN, status };
}

export function sourceInfo(json: SourceJson): SourceInfo {
  const info: SourceInfo = { id: json.id, title: json.title, site: json.site, dated: json.dated };
  if (json.dateText !== undefined) info.dateText = json.dateText;
  if (json.url !== undefined) info.url = json.url;
  return Object.freeze(info);
}

export const UNKNOWN_SOURCE: SourceInfo = Object.freeze({
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
    sameBillingAs: set.sameBillingAs ?? null,
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

/** NO_PRICE_ON_DATE: `asOf` is before the earliest of `sets` (oldest first). */
function noneInEffect(
  name: string,
  what: "image" | "token",
  sets: readonly { effective: string }[],
  asOf: string | null,
): Failure {
  const first = sets[0]?.effective ?? "";
  return providerNoPriceOnDate(name, what, asOf ?? "", first);
}

/**
 * Table tiers and isolated points: one map of size to tier per quality, and for a quality with no
 * entry at all, why (`unpriced`).
 */
function bySize<E extends { quality: Quality; size: string }>(
  meta: SetMeta,
  entries: readonly E[],
  toTier: (entry: E) => Tier,
  unpriced: (quality: Quality) => string,
  status: PriceStatus,
): ResolvedImage {
  const maps = QUALITIES.map(() => new Map<string, Tier>());
  for (const e of entries) maps[QUALITIES.indexOf(e.quality)]?.set(e.size, toTier(e));
  return {
    failure: null,
    meta,
    any: NONE3,
    bySize: maps.map((m) => (m.size > 0 ? m : null)),
    unpublished: maps.map((m, q) => (m.size > 0 ? null : unpriced(QUALITIES[q] ?? "high"))),
    ...PLAIN,
    status,
  };
}

export interface Context {
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
  return asOf === null ? resolved : remember(provider.imageByDate, asOf, resolved);
}

function resolveImageUncached(
  ctx: Context,
  provider: CompiledProvider,
  asOf: string | null,
  depth: number,
): ResolvedImage {
  const name = provider.info.name;
  if (provider.imageSets.length === 0) {
    return provider.tokenSets.length > 0 ? failed(billsByToken(name)) : failed(noPrice(name));
  }
  const set = newestAt(provider.imageSets, asOf);
  if (set === undefined) return failed(noneInEffect(name, "image", provider.imageSets, asOf));
  const meta = metaOf(set, ctx.sources);
  const pricing = set.pricing;
  const sources = ctx.sources;
  const status = pricing.status;
  switch (pricing.kind) {
    case "table":
      return bySize(
        meta,
        pricing.tiers,
        (t) => tierOf(standingOf(pricing, t, sources), t.price, t.listPrice),
        (quality) => `the source lists no ${quality} price for any size`,
        status,
      );
    case "perQuality": {
      const any = QUALITIES.map((q) =>
        tierOf(standingOf(pricing, pricing[q], sources), pricing[q].price, pricing[q].listPrice),
      );
      return { failure: null, meta, any, bySize: NONE3, unpublished: NONE3, ...PLAIN, status };
    }
    case "flat": {
      const tier = tierOf(
        standingOf(pricing, {}, sources, pricing.atLeast === true),
        pricing.price,
        pricing.listPrice,
        pricing.minPrice,
      );
      const notOffered =
        pricing.notOffered === undefined
          ? null
          : new Map(
              pricing.notOffered.map(
                (n) =>
                  [
                    n.size,
                    Object.freeze({
                      size: n.size,
                      status: n.status,
                      failure: sizeNotOffered(name, n.size, n.reason),
                      otherReadings: readingsOf(n.otherReadings, sources),
                    }),
                  ] as const,
              ),
            );
      const maxEdge = pricing.maxEdge ?? null;
      if (pricing.sizes === undefined) {
        return {
          failure: null,
          meta,
          any: [tier, tier, tier],
          bySize: NONE3,
          unpublished: NONE3,
          notOffered,
          maxEdge,
          status,
        };
      }
      const map = new Map(pricing.sizes.map((s) => [s, tier] as const));
      return {
        failure: null,
        meta,
        any: NONE3,
        bySize: [map, map, map],
        unpublished: NONE3,
        notOffered,
        maxEdge,
        status,
      };
    }
    case "points":
      return bySize(
        meta,
        pricing.points,
        (p) => tierOf(standingOf(pricing, p, sources), p.price, undefined, undefined, p.label),
        (quality) => pricing.unpublishedReason ?? `the source publishes no ${quality} price`,
        status,
      );
    case "unpublished":
      return failed(noPerImagePriceBecause(name, pricing.reason), meta, status);
    case "sameAs":
    case "scaled": {
      const targetId = pricing.kind === "sameAs" ? pricing.provider : pricing.of;
      const target = ctx.byId.get(targetId);
      if (target === undefined || depth >= MAX_DEPTH) {
        return failed(pricedFromUnknown(name, targetId));
      }
      const base = resolveImage(ctx, target, asOf, depth + 1);
      if (base.failure !== null) return failed(base.failure, meta, status);
      const factor = pricing.kind === "scaled" ? pricing.factor : 1;
      const own = standingOf(pricing, {}, sources);
      // A disputed or bound price stays so when another offer is billed from it; otherwise the
      // offer's own status (published, derived) says how its page states it.
      const restate = (t: Tier): Tier => {
        const keeps = t.status === "disputed" || t.status === "bound";
        const standing: Standing = keeps
          ? {
              status: t.status,
              otherReadings: t.otherReadings.map((r) =>
                r.value === null ? r : { ...r, value: clean((toMicros(r.value) * factor) / 1e6) },
              ),
              atLeast: t.atLeast,
            }
          : { ...own, atLeast: t.atLeast };
        return makeTier(
          scaleMicros(t.micros, factor),
          t.listMicros === null ? null : scaleMicros(t.listMicros, factor),
          t.minMicros === null ? null : scaleMicros(t.minMicros, factor),
          t.sizeLabel,
          standing,
        );
      };
      // Tiers where the page gives its own figure besides the rule (Batch's rounded list): the book
      // gives the budget-safe reading. Should the other provider's price later rise so that the rule
      // gives more than that reading, the rule is the safer one and the book's figure becomes the
      // other reading.
      const overrides = new Map(
        (pricing.kind === "scaled" ? (pricing.overrides ?? []) : []).map(
          (o) => [`${o.quality} ${o.size}`, o] as const,
        ),
      );
      const priced = (quality: Quality, size: string, t: Tier): Tier => {
        const rule = restate(t);
        const o = overrides.get(`${quality} ${size}`);
        if (o === undefined) return rule;
        if (toMicros(o.price) >= rule.micros) {
          return tierOf(standingOf(pricing, o, sources), o.price);
        }
        const reading: OtherReading = Object.freeze({
          value: o.price,
          text: null,
          source: `${meta.source.site}: ${meta.source.title}`,
          part: `the book's ${o.status} figure for this tier, read against an earlier ${target.info.name} price; ${factor} x the ${target.info.name} price in effect (${usdOf(t.micros)}) is ${rule.price}, higher`,
        });
        return makeTier(rule.micros, rule.listMicros, rule.minMicros, rule.sizeLabel, {
          status: "disputed",
          otherReadings: Object.freeze([reading]),
          atLeast: rule.atLeast,
        });
      };
      return {
        failure: null,
        meta,
        any: base.any.map((t) => (t === null ? null : restate(t))),
        bySize: base.bySize.map((m, q) =>
          m === null
            ? null
            : new Map([...m].map(([k, t]) => [k, priced(QUALITIES[q] ?? "high", k, t)] as const)),
        ),
        unpublished: base.unpublished,
        notOffered: base.notOffered,
        maxEdge: base.maxEdge,
        status,
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
  return remember(provider.tokensByDate, asOf, resolveTokensUncached(ctx, provider, asOf));
}

export function resolveTokensUncached(
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
    statuses: [],
  });
  if (provider.tokenSets.length === 0) {
    return none(billsPerImage(name));
  }
  const set = newestAt(provider.tokenSets, asOf);
  if (set === undefined) return none(noneInEffect(name, "token", provider.tokenSets, asOf));
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
    statuses: TOKEN_METERS.map((meter) => {
      const own =
        set.meterStatus?.[meter] ??
        (m.input !== undefined && (meter === "textInput" || meter === "imageInput")
          ? set.meterStatus?.input
          : undefined);
      return {
        status: own?.status ?? set.status,
        otherReadings: readingsOf(own?.otherReadings, ctx.sources),
      };
    }),
  };
}

export const PENDING: ResolvedImage = failed(notCompiledYet());
export const PENDING_TOKENS: ResolvedTokens = {
  failure: null,
  meta: null,
  micros: [],
  sharedInput: false,
  statuses: [],
};
