/**
 * A large, valid price book for the refresh and memory measurements: the bundled book plus copies of
 * its providers under new ids, names and aliases, prices nudged so no two copies are identical, and
 * references between providers (sameAs, scaled) pointing into the same copy. Serialised the way the
 * bundled data file is (two-space indentation), as a refreshed feed would arrive.
 */
import type { PriceBookJson } from "../../src/core/index";

type ProviderJson = PriceBookJson["providers"][number];

/** Rounds to whole micro-dollars, the precision the schema accepts. */
function micro(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}

/** Copies a value, multiplying every price-like number (price, listPrice, minPrice, meters) by `factor`. */
function nudgePrices<T>(value: T, factor: number): T {
  const priceKeys = new Set([
    "price",
    "listPrice",
    "minPrice",
    "input",
    "textInput",
    "cachedTextInput",
    "imageInput",
    "cachedImageInput",
    "imageOutput",
  ]);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) {
        out[k] =
          priceKeys.has(k) && typeof inner === "number" ? micro(inner * factor) : walk(inner);
      }
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** Provider ids another provider's pricing refers to, renamed with the copy's suffix. */
function renameRefs(
  provider: ProviderJson,
  suffix: string,
  ids: ReadonlySet<string>,
): ProviderJson {
  return {
    ...provider,
    image: provider.image.map((set) => {
      const p = set.pricing;
      if (p.kind === "sameAs" && ids.has(p.provider))
        return { ...set, pricing: { ...p, provider: p.provider + suffix } };
      if (p.kind === "scaled" && ids.has(p.of))
        return { ...set, pricing: { ...p, of: p.of + suffix } };
      return set;
    }),
  };
}

/** One copy of every bundled provider, under `-synth-<n>` ids. */
export function syntheticProviders(base: PriceBookJson, copy: number): ProviderJson[] {
  const suffix = `-synth-${copy}`;
  const ids = new Set(base.providers.map((p) => p.id));
  // Scales stay within +-5% and never reach zero, so every copy is a plausible distinct offer.
  const factor = 1 + ((copy % 11) - 5) / 100;
  return base.providers.map((provider) =>
    renameRefs(
      nudgePrices(
        {
          ...provider,
          id: provider.id + suffix,
          name: `${provider.name} (synthetic ${copy})`,
          aliases: provider.aliases.map((a) => `${a} synthetic ${copy}`),
        },
        factor,
      ),
      suffix,
      ids,
    ),
  );
}

export interface SyntheticBook {
  readonly book: PriceBookJson;
  readonly text: string;
  readonly copies: number;
}

/** The bundled book grown with synthetic copies until its serialised text is at least `minBytes`. */
export function syntheticBook(base: PriceBookJson, minBytes: number): SyntheticBook {
  const serialise = (b: PriceBookJson): string => JSON.stringify(b, null, 2);
  const baseBytes = Buffer.byteLength(serialise(base));
  const perCopy = Math.max(
    1,
    Buffer.byteLength(
      serialise({ ...base, providers: [...base.providers, ...syntheticProviders(base, 1)] }),
    ) - baseBytes,
  );
  let copies = Math.max(0, Math.ceil((minBytes - baseBytes) / perCopy));
  for (;;) {
    const providers = [...base.providers];
    for (let c = 1; c <= copies; c++) providers.push(...syntheticProviders(base, c));
    const book: PriceBookJson = {
      ...base,
      bookVersion: `${base.bookVersion}+synthetic.${copies}`,
      providers,
    };
    const text = serialise(book);
    if (Buffer.byteLength(text) >= minBytes) return { book, text, copies };
    copies += 1;
  }
}
