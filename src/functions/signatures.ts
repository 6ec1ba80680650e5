/**
 * Each IMG function's parameters, in their frozen order, with the blank rule of each (params.ts).
 * A new optional parameter is one more entry here; `asOf` ("date"): blank or omitted means the
 * newest prices.
 */
import { params } from "./params";

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
