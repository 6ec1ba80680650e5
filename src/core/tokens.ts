/**
 * Token cost: the sum of tokens x meter (USD per 1M tokens) / 1,000,000, for providers that bill by
 * token (OpenAI's five meters, Vercel AI Gateway's input and output).
 */
import { contextOf, lookupProvider } from "./book";
import { resolveTokens } from "./resolve";
import { METER_WORDS } from "./meters";
import { TOKEN_METERS, type CompiledBook } from "./types";
import { readAsOf } from "./dates";
import { readAmount, readOptionalAmount } from "./numbers";
import { tokenTotal } from "./money";
import { isFailure, type Result } from "./result";
import { meterNotPublished, tokenCountsNotAccepted, totalTooLarge } from "./messages";

/** Token counts for one request or a whole plan; the cached counts may be left out (0). */
export interface TokenCounts {
  textInput: unknown;
  imageInput: unknown;
  imageOutput: unknown;
  cachedTextInput?: unknown;
  cachedImageInput?: unknown;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * USD for token counts: the sum of tokens x meter (USD per 1M tokens) / 1,000,000. A count above 0 on
 * a meter the provider does not publish is NO_TOKEN_METERS, never a silent 0.
 */
export function tokenCost(
  book: CompiledBook,
  provider: unknown,
  tokens: TokenCounts,
  asOf?: unknown,
): Result<number> {
  const p = lookupProvider(book, provider);
  if (isFailure(p)) return p;
  if (typeof tokens !== "object" || tokens === null) {
    return tokenCountsNotAccepted(tokens);
  }
  const counts: number[] = [];
  for (const meter of TOKEN_METERS) {
    const label = `${capitalize(METER_WORDS[meter])} tokens`;
    const raw = (tokens as unknown as Record<string, unknown>)[meter];
    const n = meter.startsWith("cached")
      ? readOptionalAmount(raw, label, 0)
      : readAmount(raw, label);
    if (typeof n !== "number") return n;
    counts.push(n);
  }
  const date = readAsOf(asOf);
  if (isFailure(date)) return date;
  const meters = resolveTokens(contextOf(book), p, date);
  if (meters.failure !== null) return meters.failure;
  for (let i = 0; i < TOKEN_METERS.length; i++) {
    const n = counts[i] ?? 0;
    if (n === 0) continue;
    const micros = meters.micros[i];
    if (micros === null || micros === undefined) {
      const word = METER_WORDS[TOKEN_METERS[i] ?? "textInput"];
      return meterNotPublished(p.info.name, word, n);
    }
  }
  const usd = tokenTotal(counts, meters.micros);
  if (usd !== null) return { ok: true, value: usd };
  return totalTooLarge("The cost of these token counts");
}
