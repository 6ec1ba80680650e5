/**
 * The blank rule (params.ts) of each IMG function's parameters. Names and order are declared by the
 * JSDoc in functions.ts (the source of functions.json); test/functions/metadata.test.ts checks that
 * these lists name the same parameters in the same order, required and optional alike, so they
 * cannot drift. `asOf` ("date"): blank or omitted means the newest prices.
 */
import { params, type Param } from "./params";

/** Each function's parameters by id, as functions.json names it; a test checks it against the JSDoc. */
export const SIGNATURES = {
  COST: params(
    ["provider", "text"],
    ["quality", "text"],
    ["size", "text"],
    ["volume", "amount"],
    ["retry", "setting"],
    ["asOf", "date"],
  ),
  PRICE: params(["provider", "text"], ["quality", "text"], ["size", "text"], ["asOf", "date"]),
  TOKENCOST: params(
    ["provider", "text"],
    ["textInputTokens", "amount"],
    ["imageInputTokens", "amount"],
    ["imageOutputTokens", "amount"],
    ["cachedTextTokens", "setting"],
    ["cachedImageTokens", "setting"],
    ["asOf", "date"],
  ),
  AFFORD: params(
    ["budget", "amount"],
    ["provider", "text"],
    ["quality", "text"],
    ["size", "text"],
    ["retry", "setting"],
    ["asOf", "date"],
  ),
  CHEAPEST: params(
    ["quality", "text"],
    ["size", "text"],
    ["volume", "setting"],
    ["retry", "setting"],
    ["top", "setting"],
    ["asOf", "date"],
  ),
  PRICES: params(["provider", "allText"]),
  PROVIDERS: params(),
  ASOF: params(["provider", "text"]),
  SOURCE: params(["provider", "text"]),
  BOOK: params(),
} as const satisfies Readonly<Record<string, readonly Param[]>>;
