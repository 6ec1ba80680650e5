/**
 * A rejected price book's problems in a user's words: where (the field path, with the provider's id
 * named) and what was expected there, instead of the schema validator's own wording.
 */
import type { z } from "zod";
import { crossCheck, PriceBookSchema } from "../../core";

type Issue = z.core.$ZodIssue;

/** Reads the value at `path` in untrusted JSON (own properties only). */
function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = json;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** providers[2] ("openai").image[0].pricing.tiers[3].price */
export function pathText(json: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the feed's top level";
  let text = "";
  path.forEach((key, i) => {
    if (typeof key === "number") {
      text += `[${key}]`;
      const item = valueAt(json, path.slice(0, i + 1));
      const id =
        item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
      if (typeof id === "string" && id.length <= 60) text += ` ("${id}")`;
    } else {
      text += `${text === "" ? "" : "."}${String(key)}`;
    }
  });
  return text;
}

/** A value as a person would name it: text "cheap", the number -0.01, a list, nothing. */
export function found(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the text "${shown}"`;
  }
  if (typeof value === "number" || typeof value === "boolean")
    return `${typeof value === "number" ? "the number " : ""}${String(value)}`;
  if (Array.isArray(value)) return "a list";
  return "an object";
}

const A_TYPE: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
  null: "null",
};

function expected(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${A_TYPE[issue.expected] ?? issue.expected}, found ${found(value)}`;
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string")
        return min === "1" ? "must not be empty" : `needs at least ${min} characters`;
      if (issue.origin === "array" || issue.origin === "set")
        return `needs at least ${min} entr${min === "1" ? "y" : "ies"}`;
      return `must be ${issue.inclusive === false ? "more than" : "at least"} ${min}, found ${found(value)}`;
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string") return `must be at most ${max} characters long`;
      if (issue.origin === "array" || issue.origin === "set")
        return `accepts at most ${max} entries`;
      return `must be ${issue.inclusive === false ? "less than" : "at most"} ${max}, found ${found(value)}`;
    }
    case "unrecognized_keys":
      return `has field${issue.keys.length === 1 ? "" : "s"} a price book does not have: ${issue.keys.map((k) => `"${k}"`).join(", ")}; remove ${issue.keys.length === 1 ? "it" : "them"}`;
    case "invalid_value":
      return `expected ${issue.values.length === 1 ? "" : "one of "}${issue.values.map((v) => JSON.stringify(v)).join(", ")}, found ${found(value)}`;
    case "invalid_format":
      return issue.format === "regex"
        ? `is not in the expected format, found ${found(value)}`
        : `expected a valid ${issue.format}, found ${found(value)}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}, found ${found(value)}`;
    case "invalid_union":
      return `does not match any accepted form, found ${found(value)}`;
    default:
      // Custom checks carry messages the schema's authors wrote for people.
      return issue.message;
  }
}

export const MAX_PROBLEMS = 8;

/** Every problem of a book that failed loading, as "where: what was expected". */
export function bookProblems(json: unknown): string[] {
  let parsed: ReturnType<typeof PriceBookSchema.safeParse>;
  try {
    parsed = PriceBookSchema.safeParse(json);
  } catch {
    return ["the feed could not be read as data"];
  }
  if (!parsed.success) {
    return parsed.error.issues.map(
      (issue) => `${pathText(json, issue.path)}: ${expected(issue, valueAt(json, issue.path))}`,
    );
  }
  return crossCheck(parsed.data).map((p) => `${p.path}: ${p.message}`);
}
