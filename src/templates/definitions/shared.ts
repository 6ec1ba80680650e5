/** Input rules and wording shared by several templates. */
import type { InputValidation } from "../model";

export const QUALITY_VALUES: InputValidation = {
  kind: "list",
  values: ["low", "medium", "high", "auto"],
};
export const YES_NO: InputValidation = { kind: "list", values: ["yes", "no"] };
export const WHOLE_NUMBER: InputValidation = { kind: "number", min: 0, wholeNumber: true };
export const AMOUNT: InputValidation = { kind: "number", min: 0, wholeNumber: false };
export const RETRY: InputValidation = { kind: "number", min: 1, wholeNumber: false };

export const QUALITY_NOTE =
  "low, medium, high or auto. auto is budgeted at the high price: the most it can cost.";
export const SIZE_NOTE =
  "Width x height, e.g. 1024x1024 (square), 1024x1536 (portrait), 1536x1024 (landscape).";
export const PROVIDER_NOTE =
  "A provider id from the price book, e.g. openai, openai-batch, atlas, prospolabs, pixazo, azure.";
export const RETRY_NOTE =
  "Attempts billed per image kept (1.25 = one extra attempt per four kept). An assumption: measure it from your own logs.";

/** Where the planning method and the examples come from. */
export const PLANNING_SOURCE =
  "Method and examples: the GPT Image 2 API pricing guide with a cost estimation worksheet (prices checked 2026-04-28).";
