/**
 * The blank rule (params.ts) of each IMG function's parameters. Names and order are declared by the
 * JSDoc in functions.ts (the source of functions.json); test/functions/metadata.test.ts checks that
 * these lists name the same parameters in the same order, required and optional alike, so they
 * cannot drift. `asOf` ("date"): blank or omitted means the newest prices.
 */
import { params, type Param } from "./params";

export const COST_PARAMS = params(
  ["provider", "text"],
  ["quality", "text"],
  ["size", "text"],
  ["volume", "amount"],
  ["retry", "setting"],
  ["asOf", "date"],
);
export const PRICE_PARAMS = params(
  ["provider", "text"],
  ["quality", "text"],
  ["size", "text"],
  ["asOf", "date"],
);
export const TOKENCOST_PARAMS = params(
  ["provider", "text"],
  ["textInputTokens", "amount"],
  ["imageInputTokens", "amount"],
  ["imageOutputTokens", "amount"],
  ["cachedTextTokens", "setting"],
  ["cachedImageTokens", "setting"],
  ["asOf", "date"],
);
export const AFFORD_PARAMS = params(
  ["budget", "amount"],
  ["provider", "text"],
  ["quality", "text"],
  ["size", "text"],
  ["retry", "setting"],
  ["asOf", "date"],
);
export const CHEAPEST_PARAMS = params(
  ["quality", "text"],
  ["size", "text"],
  ["volume", "setting"],
  ["retry", "setting"],
  ["top", "setting"],
  ["asOf", "date"],
);
export const PRICES_PARAMS = params(["provider", "allText"]);
export const PROVIDER_PARAM = params(["provider", "text"]);

/** Every function's parameters by id, as functions.json names it; a test checks it against the JSDoc. */
export const SIGNATURES: Readonly<Record<string, readonly Param[]>> = {
  COST: COST_PARAMS,
  PRICE: PRICE_PARAMS,
  TOKENCOST: TOKENCOST_PARAMS,
  AFFORD: AFFORD_PARAMS,
  CHEAPEST: CHEAPEST_PARAMS,
  PRICES: PRICES_PARAMS,
  PROVIDERS: params(),
  ASOF: PROVIDER_PARAM,
  SOURCE: PROVIDER_PARAM,
  BOOK: params(),
};
