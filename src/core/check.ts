/**
 * Cross-checks a price book that already matches the schema: what a schema cannot say (ids that must
 * exist, names that must not collide, whole micro-dollars, real calendar dates). Every problem is
 * reported, each with its path. No zod here: plain data in, list of problems out.
 */
import type { ImagePricingJson, PriceBookJson, PriceStatus, ReadingJson } from "./schema";
import { isCalendarDate } from "./dates";
import { normalizeName, sizeProblem } from "./identifiers";

/** One problem in a book: where it is (e.g. "providers[2].image[0].pricing.tiers[1].price") and what is wrong. */
export interface BookProblem {
  path: string;
  message: string;
}

/** True when `usd` is a whole number of micro-dollars (at most 6 decimals) and finite, not negative. */
export function isMicroDollars(usd: number): boolean {
  if (!Number.isFinite(usd) || usd < 0) return false;
  const micros = Math.round(usd * 1e6);
  return Number.isSafeInteger(micros) && micros / 1e6 === usd;
}

function priceProblem(value: number): string | null {
  if (!Number.isFinite(value)) return `${value} is not a finite number`;
  if (value < 0) return `${value} is negative`;
  if (!isMicroDollars(value))
    return `${value} has more than 6 decimals (prices are held in whole micro-dollars)`;
  return null;
}

const SIZE_KEY = /^([0-9]+)x([0-9]+)$/;

function checkSize(size: string, path: string, out: BookProblem[]): void {
  const m = SIZE_KEY.exec(size);
  if (m === null) {
    out.push({ path, message: `size "${size}" is not WIDTHxHEIGHT` });
    return;
  }
  const problem = sizeProblem(Number(m[1]), Number(m[2]));
  if (problem !== null) out.push({ path, message: `size "${size}": ${problem}` });
}

/** Every problem the schema cannot catch; empty when the book is sound. */
export function crossCheck(book: PriceBookJson): BookProblem[] {
  const out: BookProblem[] = [];
  // A book repeats the same few dates on every price set: check each distinct string once.
  const calendarDates = new Map<string, boolean>();
  const date = (value: string | null, path: string): void => {
    if (value === null) return;
    let valid = calendarDates.get(value);
    if (valid === undefined) {
      valid = isCalendarDate(value);
      calendarDates.set(value, valid);
    }
    if (!valid) out.push({ path, message: `"${value}" is not a calendar date` });
  };
  const money = (value: number | undefined, path: string): void => {
    if (value === undefined) return;
    const problem = priceProblem(value);
    if (problem !== null) out.push({ path, message: problem });
  };

  date(book.published, "published");
  const pageDates = new Map(book.sources.map((s) => [s.id, s.dated] as const));
  /** A page cannot have been read before the date it gives itself. */
  const checkReadDate = (read: string, source: string, path: string): void => {
    const dated = pageDates.get(source);
    if (dated !== undefined && dated !== null && read < dated) {
      out.push({
        path,
        message: `read on ${read}, before the page's own date ${dated}: "checked" is the date the page was read`,
      });
    }
  };
  const sourceIds = new Set<string>();
  book.sources.forEach((s, i) => {
    if (sourceIds.has(s.id))
      out.push({ path: `sources[${i}].id`, message: `duplicate source id "${s.id}"` });
    sourceIds.add(s.id);
    date(s.dated, `sources[${i}].dated`);
  });

  const providerIds = new Map<string, number>();
  const names = new Map<string, string>(); // normalized name -> provider id that owns it
  book.providers.forEach((p, i) => {
    if (providerIds.has(p.id))
      out.push({ path: `providers[${i}].id`, message: `duplicate provider id "${p.id}"` });
    providerIds.set(p.id, i);
    const own = new Set<string>();
    [p.id, p.name, ...p.aliases].forEach((name, k) => {
      const where =
        k === 0
          ? `providers[${i}].id`
          : k === 1
            ? `providers[${i}].name`
            : `providers[${i}].aliases[${k - 2}]`;
      const key = normalizeName(name);
      if (key === "") {
        out.push({
          path: where,
          message: `"${name}" has no letters or digits, so nobody could type it`,
        });
        return;
      }
      if (own.has(key)) return;
      own.add(key);
      const owner = names.get(key);
      if (owner !== undefined) {
        out.push({
          path: where,
          message: `"${name}" matches provider "${owner}" (names are compared as "${key}")`,
        });
      } else {
        names.set(key, p.id);
      }
    });
    if (p.image.length === 0 && p.tokens.length === 0) {
      out.push({
        path: `providers[${i}]`,
        message: `provider "${p.id}" has neither image nor token prices`,
      });
    }
    for (const kind of ["image", "tokens"] as const) {
      const seen = new Set<string>();
      p[kind].forEach((set, j) => {
        const path = `providers[${i}].${kind}[${j}]`;
        date(set.effective, `${path}.effective`);
        date(set.checked, `${path}.checked`);
        if (seen.has(set.effective)) {
          out.push({
            path: `${path}.effective`,
            message: `two ${kind} price sets take effect on ${set.effective}`,
          });
        }
        seen.add(set.effective);
        if (!sourceIds.has(set.source)) {
          out.push({ path: `${path}.source`, message: `unknown source id "${set.source}"` });
        }
      });
    }
    p.image.forEach((set, j) => {
      const path = `providers[${i}].image[${j}]`;
      checkPricing(set.pricing, `${path}.pricing`, out, money);
      checkStatuses(set.pricing, `${path}.pricing`, sourceIds, out, money);
      checkReadDate(set.checked, set.source, `${path}.checked`);
    });
    p.tokens.forEach((set, j) => {
      const at = `providers[${i}].tokens[${j}]`;
      checkReadDate(set.checked, set.source, `${at}.checked`);
      checkStanding(set.status, undefined, at, sourceIds, out, money);
      numbered(set.status, at, out);
      for (const [meter, own] of Object.entries(set.meterStatus ?? {})) {
        if (own === undefined) continue;
        const where = `${at}.meterStatus.${meter}`;
        if (set.meters[meter as keyof typeof set.meters] === undefined) {
          out.push({ path: where, message: `the meter "${meter}" is not given in meters` });
        }
        checkStanding(own.status, own.otherReadings, where, sourceIds, out, money);
        numbered(own.status, where, out);
      }
      const path = `${at}.meters`;
      const m = set.meters;
      for (const [meter, value] of Object.entries(m)) money(value, `${path}.${meter}`);
      if (m.input !== undefined && (m.textInput !== undefined || m.imageInput !== undefined)) {
        out.push({
          path: `${path}.input`,
          message: "input covers text and image input: do not also give textInput or imageInput",
        });
      }
      if (Object.values(m).every((v) => v === undefined))
        out.push({ path, message: "no meter is given" });
    });
  });

  // References: sameAs / scaled must name a provider, and never lead back to themselves.
  const edges = new Map<string, Set<string>>();
  book.providers.forEach((p, i) => {
    p.image.forEach((set, j) => {
      const pr = set.pricing;
      if (pr.kind !== "sameAs" && pr.kind !== "scaled") return;
      const target = pr.kind === "sameAs" ? pr.provider : pr.of;
      const path = `providers[${i}].image[${j}].pricing.${pr.kind === "sameAs" ? "provider" : "of"}`;
      if (!providerIds.has(target))
        out.push({ path, message: `no provider has the id "${target}"` });
      else if (target === p.id)
        out.push({ path, message: `"${p.id}" cannot be priced from itself` });
      else edges.set(p.id, (edges.get(p.id) ?? new Set()).add(target));
    });
  });
  // An override stands for one tier of the scaled offer: the other provider must price that quality
  // at that size. Its price is not compared with the rule here: a feed may raise the other
  // provider's price in place, and the lookup then uses the rule, the higher reading (resolve.ts).
  const byId = new Map(book.providers.map((p) => [p.id, p] as const));
  book.providers.forEach((p, i) => {
    p.image.forEach((set, j) => {
      const pr = set.pricing;
      if (pr.kind !== "scaled" || pr.overrides === undefined) return;
      const listed = listedTiers(byId, pr.of, 0);
      if (listed === null) return; // an unknown provider or a circle is reported above
      pr.overrides.forEach((o, k) => {
        const at = `providers[${i}].image[${j}].pricing.overrides[${k}]`;
        const key = `${o.quality} ${o.size}`;
        if (!listed.has(key)) {
          const sizes = [...listed].sort().join(", ");
          out.push({
            path: at,
            message: `"${pr.of}" lists no ${o.quality} price at ${o.size}, so this offer has no such tier to override (its tiers: ${sizes === "" ? "none at a fixed size" : sizes})`,
          });
        }
      });
    });
  });
  for (const start of edges.keys()) {
    const cycle = findCycle(start, edges);
    // Report each circle once, from its alphabetically first member.
    const members = cycle?.slice(0, -1) ?? [];
    if (cycle !== null && members.every((id) => start <= id)) {
      const i = providerIds.get(start) ?? 0;
      out.push({
        path: `providers[${i}].image`,
        message: `prices refer in a circle: ${cycle.join(" -> ")}`,
      });
    }
  }
  return out;
}

/**
 * A status and its readings: a disputed price names at least one reading it does not use, and each
 * reading gives a value or words and a source that exists.
 */
function checkStanding(
  status: PriceStatus,
  readings: readonly ReadingJson[] | undefined,
  path: string,
  sourceIds: ReadonlySet<string>,
  out: BookProblem[],
  money: (value: number | undefined, path: string) => void,
): void {
  if (status === "disputed" && (readings === undefined || readings.length === 0)) {
    out.push({
      path: `${path}.otherReadings`,
      message:
        "a disputed price must keep its other reading(s): give otherReadings with a value or text and the source that says it",
    });
  }
  readings?.forEach((r, k) => {
    const at = `${path}.otherReadings[${k}]`;
    if (r.value === undefined && r.text === undefined)
      out.push({ path: at, message: "a reading gives a value or a text" });
    money(r.value, `${at}.value`);
    if (!sourceIds.has(r.source))
      out.push({ path: `${at}.source`, message: `unknown source id "${r.source}"` });
  });
}

/** A price that has a number is never "not published". */
function numbered(status: PriceStatus, path: string, out: BookProblem[]): void {
  if (status === "not published") {
    out.push({
      path: `${path}.status`,
      message:
        'a price with a number cannot be "not published": give its status (published, derived, bound, disputed), or leave the price out',
    });
  }
}

/** Every price's status: on the pricing, on each entry that gives its own, on sizes not offered. */
function checkStatuses(
  pricing: ImagePricingJson,
  path: string,
  sourceIds: ReadonlySet<string>,
  out: BookProblem[],
  money: (value: number | undefined, path: string) => void,
): void {
  const own = pricing.status;
  checkStanding(own, pricing.otherReadings, path, sourceIds, out, money);
  if ((pricing.kind === "unpublished") !== (own === "not published")) {
    out.push({
      path: `${path}.status`,
      message:
        pricing.kind === "unpublished"
          ? `an unpublished price has the status "not published", not "${own}"`
          : `"not published" is the status of kind "unpublished" only; this price has kind "${pricing.kind}"`,
    });
  }
  type Entry = { status?: PriceStatus | undefined; otherReadings?: ReadingJson[] | undefined };
  const entries = (list: readonly Entry[], name: string): void =>
    list.forEach((e, k) => {
      if (e.status === undefined && e.otherReadings === undefined) return;
      const effective = e.status ?? own;
      const readings = e.otherReadings ?? pricing.otherReadings;
      checkStanding(effective, readings, `${path}.${name}[${k}]`, sourceIds, out, money);
      numbered(effective, `${path}.${name}[${k}]`, out);
    });
  switch (pricing.kind) {
    case "table":
      entries(pricing.tiers, "tiers");
      return;
    case "points":
      entries(pricing.points, "points");
      return;
    case "perQuality":
      for (const q of ["low", "medium", "high"] as const) {
        const e = pricing[q];
        if (e.status === undefined && e.otherReadings === undefined) continue;
        const effective = e.status ?? own;
        checkStanding(
          effective,
          e.otherReadings ?? pricing.otherReadings,
          `${path}.${q}`,
          sourceIds,
          out,
          money,
        );
        numbered(effective, `${path}.${q}`, out);
      }
      return;
    case "flat": {
      if (own === "bound" && pricing.minPrice === undefined && pricing.atLeast !== true) {
        out.push({
          path: `${path}.status`,
          message:
            'a bound gives its other end: minPrice for a range ("0.03-0.05") or atLeast for a starting price ("0.054+")',
        });
      }
      const sizes = new Set(pricing.sizes ?? []);
      pricing.notOffered?.forEach((n, k) => {
        const at = `${path}.notOffered[${k}]`;
        checkSize(n.size, `${at}.size`, out);
        if (sizes.has(n.size))
          out.push({ path: `${at}.size`, message: `${n.size} is both priced and not offered` });
        if (pricing.sizes === undefined)
          out.push({
            path: `${at}.size`,
            message: "sizes not offered need the list of sizes that are (sizes)",
          });
        checkStanding(n.status, n.otherReadings, at, sourceIds, out, money);
      });
      return;
    }
    case "scaled":
      pricing.overrides?.forEach((o, k) => {
        const at = `${path}.overrides[${k}]`;
        checkStanding(o.status, o.otherReadings, at, sourceIds, out, money);
        numbered(o.status, at, out);
      });
      return;
    case "sameAs":
    case "unpublished":
      return;
  }
}

/**
 * The (quality, size) tiers a provider prices at a fixed size, over all its image price sets and
 * through sameAs and scaled references. Null when the provider is unknown or references go too deep
 * (a circle, reported elsewhere).
 */
function listedTiers(
  byId: ReadonlyMap<string, PriceBookJson["providers"][number]>,
  id: string,
  depth: number,
): Set<string> | null {
  const p = byId.get(id);
  if (p === undefined || depth > 16) return null;
  const all = new Set<string>();
  for (const set of p.image) {
    const pr = set.pricing;
    switch (pr.kind) {
      case "table":
        for (const t of pr.tiers) all.add(`${t.quality} ${t.size}`);
        break;
      case "points":
        for (const t of pr.points) all.add(`${t.quality} ${t.size}`);
        break;
      case "flat":
        for (const size of pr.sizes ?? [])
          for (const q of ["low", "medium", "high"]) all.add(`${q} ${size}`);
        break;
      case "sameAs":
      case "scaled": {
        const inner = listedTiers(byId, pr.kind === "sameAs" ? pr.provider : pr.of, depth + 1);
        if (inner === null) return null;
        for (const k of inner) all.add(k);
        break;
      }
      case "perQuality": // any size: an override would add a tier, not correct one
      case "unpublished":
        break;
    }
  }
  return all;
}

function findCycle(
  start: string,
  edges: ReadonlyMap<string, ReadonlySet<string>>,
): string[] | null {
  const stack: { id: string; path: string[] }[] = [{ id: start, path: [start] }];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const { id, path } = stack.pop() as { id: string; path: string[] };
    for (const next of edges.get(id) ?? []) {
      if (next === start) return [...path, start];
      if (!visited.has(next)) {
        visited.add(next);
        stack.push({ id: next, path: [...path, next] });
      }
    }
  }
  return null;
}

/**
 * Table tiers and isolated points: each a quality at a size with a price (a tier may add a list
 * price). Checks every size and price, and that no quality is priced twice at one size.
 */
function checkPricedSizes(
  entries: readonly {
    quality: string;
    size: string;
    price: number;
    listPrice?: number | undefined;
  }[],
  path: string,
  word: "tier" | "point" | "override",
  out: BookProblem[],
  money: (value: number | undefined, path: string) => void,
): void {
  const seen = new Set<string>();
  entries.forEach((e, k) => {
    const at = `${path}[${k}]`;
    checkSize(e.size, `${at}.size`, out);
    money(e.price, `${at}.price`);
    money(e.listPrice, `${at}.listPrice`);
    const key = `${e.quality} ${e.size}`;
    if (seen.has(key))
      out.push({
        path: at,
        message: `duplicate ${word}: ${e.quality} at ${e.size} is priced twice`,
      });
    seen.add(key);
  });
}

function checkPricing(
  pricing: ImagePricingJson,
  path: string,
  out: BookProblem[],
  money: (value: number | undefined, path: string) => void,
): void {
  switch (pricing.kind) {
    case "table":
      checkPricedSizes(pricing.tiers, `${path}.tiers`, "tier", out, money);
      return;
    case "perQuality":
      for (const q of ["low", "medium", "high"] as const) {
        money(pricing[q].price, `${path}.${q}.price`);
        money(pricing[q].listPrice, `${path}.${q}.listPrice`);
      }
      return;
    case "flat": {
      money(pricing.price, `${path}.price`);
      money(pricing.listPrice, `${path}.listPrice`);
      money(pricing.minPrice, `${path}.minPrice`);
      if (pricing.minPrice !== undefined && pricing.minPrice > pricing.price) {
        out.push({
          path: `${path}.minPrice`,
          message: `minPrice ${pricing.minPrice} is above price ${pricing.price}`,
        });
      }
      const seen = new Set<string>();
      pricing.sizes?.forEach((s, k) => {
        checkSize(s, `${path}.sizes[${k}]`, out);
        if (seen.has(s))
          out.push({ path: `${path}.sizes[${k}]`, message: `duplicate size "${s}"` });
        seen.add(s);
      });
      return;
    }
    case "points":
      checkPricedSizes(pricing.points, `${path}.points`, "point", out, money);
      return;
    case "scaled":
      if (!Number.isFinite(pricing.factor) || pricing.factor <= 0) {
        out.push({
          path: `${path}.factor`,
          message: `factor ${pricing.factor} must be a finite number above 0`,
        });
      }
      if (pricing.overrides !== undefined)
        checkPricedSizes(pricing.overrides, `${path}.overrides`, "override", out, money);
      return;
    case "sameAs":
    case "unpublished":
      return;
  }
}
