/**
 * Parsing what users type for quality and size. Parsed results are memoized by the raw input so a
 * sheet that repeats "1024x1024" a million times parses it once; sizes are interned.
 */
import type { Failure, Result } from "./result";
import { Memo, remember } from "./memo";
import {
  qualityEmpty,
  qualityNotAccepted,
  sizeEmpty,
  sizeImpossible,
  sizeNotASize,
} from "./messages";

/** The three priced qualities; "auto" parses to "high" (the most auto can cost, for a budget). */
export type Quality = "low" | "medium" | "high";

/** A valid image size. Interned: the same key always gives the same object. */
export interface Size {
  readonly width: number;
  readonly height: number;
  /** Canonical "WIDTHxHEIGHT", e.g. "1024x1024". */
  readonly key: string;
}

/** The qualities in price order; a quality's position is its index in compiled lookups. */
export const QUALITIES: readonly Quality[] = ["low", "medium", "high"];

/** Where each quality sits in a provider's price tiers, in QUALITIES order. */
export const QUALITY_INDEX: Readonly<Record<Quality, number>> = { low: 0, medium: 1, high: 2 };

const MAX_EDGE = 4096;
const EDGE_STEP = 16;

const QUALITY_WORDS: Readonly<Record<string, Quality>> = {
  low: "low",
  medium: "medium",
  high: "high",
  auto: "high",
};

const qualityCache = new Memo<string, Result<Quality>>();

const badQuality = qualityNotAccepted;

/**
 * Reads a quality: low, medium, high or auto (any case, surrounding spaces ignored); auto prices as high.
 * Empty text or a missing value is EMPTY; anything else is BAD_QUALITY.
 */
export function parseQuality(input: unknown): Result<Quality> {
  if (typeof input !== "string") {
    if (input === null || input === undefined) return emptyQuality;
    return badQuality(input);
  }
  const cached = qualityCache.get(input);
  if (cached !== undefined) return cached;
  const trimmed = input.trim();
  const quality = Object.prototype.hasOwnProperty.call(QUALITY_WORDS, trimmed.toLowerCase())
    ? QUALITY_WORDS[trimmed.toLowerCase()]
    : undefined;
  const result: Result<Quality> =
    trimmed === ""
      ? emptyQuality
      : quality !== undefined
        ? Object.freeze({ ok: true as const, value: quality })
        : badQuality(input);
  return remember(qualityCache, input, result);
}

const emptyQuality: Failure = qualityEmpty();

const SIZE_PATTERN = /^\s*([0-9]+)\s*[xX×*]\s*([0-9]+)\s*$/;
const NAMED_SIZES: Readonly<Record<string, string>> = {
  square: "1024x1024",
  portrait: "1024x1536",
  landscape: "1536x1024",
};

const interned = new Map<string, Size>();
const sizeCache = new Memo<string, Result<Size>>();

/** The interned size for a width and height already known to be valid. */
export function internSize(width: number, height: number): Size {
  const key = `${width}x${height}`;
  let size = interned.get(key);
  if (size === undefined) {
    size = Object.freeze({ width, height, key });
    interned.set(key, size);
  }
  return size;
}

/** Why a width and height are not a valid size, or null when they are. */
export function sizeProblem(width: number, height: number): string | null {
  if (width === 0 || height === 0) return "an edge of 0 pixels is impossible";
  if (width > MAX_EDGE || height > MAX_EDGE)
    return `an edge is over ${MAX_EDGE} pixels, the most GPT Image 2 makes`;
  if (width % EDGE_STEP !== 0 || height % EDGE_STEP !== 0)
    return `edges must be multiples of ${EDGE_STEP} pixels`;
  return null;
}

function parseSizeText(input: string): Result<Size> {
  const trimmed = input.trim();
  if (trimmed === "") return emptySize;
  const named = NAMED_SIZES[trimmed.toLowerCase()];
  const match = SIZE_PATTERN.exec(named ?? trimmed);
  if (match === null) return sizeNotASize(input);
  const width = Number(match[1]);
  const height = Number(match[2]);
  const problem = sizeProblem(width, height);
  if (problem !== null) return sizeImpossible(input, problem, EDGE_STEP, MAX_EDGE);
  return Object.freeze({ ok: true as const, value: internSize(width, height) });
}

const emptySize: Failure = sizeEmpty();

/**
 * Reads a size: "1024x1024", "1024×1024", "1024 X 1024", "1024*1024" (surrounding spaces ignored), or
 * square / portrait / landscape (1024x1024 / 1024x1536 / 1536x1024). BAD_SIZE, with the rule broken,
 * when malformed, zero, not multiples of 16 or an edge over 4096. The same key gives the same object.
 */
export function parseSize(input: unknown): Result<Size> {
  if (typeof input !== "string") {
    if (input === null || input === undefined) return emptySize;
    return sizeNotASize(input);
  }
  const cached = sizeCache.get(input);
  if (cached !== undefined) return cached;
  return remember(sizeCache, input, parseSizeText(input));
}

/**
 * How provider names and aliases are matched: ASCII letters lowercased, spaces and punctuation of any
 * script dropped ("Azure OpenAI", "azure-openai" and "azure\u00a0openai" are one name). Letters,
 * digits and marks outside ASCII are kept as they are, never folded: "openaié" and "openai批量" are
 * not "openai", and are unknown unless a book names them.
 */
export function normalizeName(text: string): string {
  // ASCII, the common case, in one pass without a regex: A-Z lowered, a-z and 0-9 kept, the rest
  // dropped. The kept character codes go into a scratch array and become one string at the end:
  // building it a character at a time made a new string per character, and a sheet of ever-new
  // spellings (the bench's new-spelling case) then spent its time collecting them. Any non-ASCII
  // character, or a text too long for one call, goes to the general rule below.
  if (text.length > NAME_SCRATCH_LIMIT) return normalizeAnyScript(text);
  let n = 0;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      nameScratch[n++] = c;
      continue;
    }
    if (c >= 128) return normalizeAnyScript(text);
    changed = true;
    if (c >= 65 && c <= 90) nameScratch[n++] = c + 32;
  }
  if (!changed) return text;
  nameScratch.length = n;
  return String.fromCharCode.apply(null, nameScratch);
}

/** Longer texts (never a provider's name) take the general rule: no argument list that long. */
const NAME_SCRATCH_LIMIT = 256;
const nameScratch: number[] = [];

/** The rule for any script: ASCII letters lowercased; everything but letters, digits and marks dropped. */
function normalizeAnyScript(text: string): string {
  const lowered = text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  return lowered.replace(/[^\p{L}\p{N}\p{M}]/gu, "");
}
