/**
 * Keeping price history through a refresh. A feed is the publisher's view of today's prices; the book
 * in use may hold older price sets a workbook still plans against ("what did this cost under last
 * month's prices?"). Merging keeps every set the book had and adds the feed's: a set the feed changes
 * without giving it a new effective date becomes a new set that applies from the refresh date, so no
 * published price is ever overwritten in place. Pure data in, data out; no zod.
 */
import type { PriceBookJson } from "./schema";

type Provider = PriceBookJson["providers"][number];
type AnySet = Provider["image"][number] | Provider["tokens"][number];

/** JSON with object keys sorted, so the same data compares equal whatever order its keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/** What a set prices, without its notes or dates: two sets with the same prices compare equal. */
function pricesOf(set: AnySet): string {
  return "pricing" in set
    ? canonical(set.pricing)
    : canonical([set.meters, set.status, set.meterStatus ?? null]);
}

const byEffective = <T extends { effective: string }>(a: T, b: T): number =>
  a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0;

/** What a merge did, for the refresh review. */
export interface HistoryMerge {
  book: PriceBookJson;
  /** One line per feed set given a new effective date: "OpenAI image prices of 2026-04-21 changed: ...". */
  redated: string[];
}

function mergeSets<T extends AnySet>(
  name: string,
  kind: "image" | "token",
  kept: readonly T[],
  incoming: readonly T[],
  today: string,
  redated: string[],
): T[] {
  const out = new Map<string, T>(kept.map((s) => [s.effective, s] as const));
  for (const set of incoming) {
    const old = out.get(set.effective);
    if (old === undefined || pricesOf(old) === pricesOf(set)) {
      out.set(set.effective, set); // new, or the same prices (its notes and read date may be newer)
      continue;
    }
    if (today <= set.effective) {
      out.set(set.effective, set); // changed on the day it takes effect: nothing older to keep
      continue;
    }
    const note = `A refresh on ${today} found ${name}'s ${kind} prices of ${set.effective} changed; the new prices apply from ${today} and the earlier ones stay in this book's history.`;
    out.set(today, { ...set, effective: today, notes: [...set.notes, note] });
    redated.push(note);
  }
  return [...out.values()].sort(byEffective);
}

/**
 * The feed's book with `current`'s history kept: for each provider in both, every price set of
 * `current` stays, the feed's sets are added, and a feed set that changes the prices of an existing
 * effective date is re-dated to `today` (an ISO date, the refresh date). Providers the feed drops
 * are dropped (the refresh review warns about them); sources the kept sets cite are carried over.
 */
export function keepHistory(
  current: PriceBookJson,
  feed: PriceBookJson,
  today: string,
): HistoryMerge {
  const redated: string[] = [];
  const oldById = new Map(current.providers.map((p) => [p.id, p] as const));
  const providers = feed.providers.map((p): Provider => {
    const old = oldById.get(p.id);
    if (old === undefined) return p;
    return {
      ...p,
      image: mergeSets(p.name, "image", old.image, p.image, today, redated),
      tokens: mergeSets(p.name, "token", old.tokens, p.tokens, today, redated),
    };
  });
  const sourceIds = new Set(feed.sources.map((s) => s.id));
  const cited = new Set(providers.flatMap((p) => [...p.image, ...p.tokens].map((s) => s.source)));
  const carried = current.sources.filter((s) => cited.has(s.id) && !sourceIds.has(s.id));
  return {
    book: { ...feed, sources: [...feed.sources, ...carried], providers },
    redated,
  };
}
