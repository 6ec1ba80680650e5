/**
 * Checks a schema-valid book must still pass before it may price anyone's budget. "Problems" block
 * the refresh outright (a price no provider charges); "warnings" are plausible but drastic changes
 * that the user must confirm explicitly.
 */
import type { CompiledBook } from "../../core";
import { priceRows } from "../../core";
import type { BookDiff } from "./diff";
import { rowLabel } from "./diff";

/** Above these a price is taken for a data error (the dearest sourced price is a few tenths of a dollar). */
export const MAX_PER_IMAGE = 100;
export const MAX_PER_MILLION_TOKENS = 10_000;
/** A price moving by more than this factor either way needs confirmation. */
export const MAX_MOVE = 10;

export interface SanityReport {
  problems: string[];
  warnings: string[];
}

function money(n: number): string {
  return `$${n}`;
}

export function sanityCheck(
  candidate: CompiledBook,
  diff: BookDiff | null,
  current?: CompiledBook,
): SanityReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  const rows = priceRows(candidate);
  if (!rows.ok) {
    problems.push(rows.message);
    return { problems, warnings };
  }
  for (const row of rows.value) {
    const limit = row.unit === "image" ? MAX_PER_IMAGE : MAX_PER_MILLION_TOKENS;
    const unit = row.unit === "image" ? "per image" : "per 1M tokens";
    for (const [field, value] of [
      ["price", row.price],
      ["list price", row.listPrice],
      ["lowest price", row.minPrice],
    ] as const) {
      if (value === null) continue;
      if (!Number.isFinite(value) || value < 0) {
        problems.push(
          `${rowLabel(row)}: ${field} ${String(value)} is not a price (must be a number >= 0).`,
        );
      } else if (value > limit) {
        problems.push(
          `${rowLabel(row)}: ${field} ${money(value)} ${unit} is implausible (the limit is ${money(limit)} ${unit}).`,
        );
      }
    }
  }
  if (diff !== null) {
    for (const p of diff.removedProviders) {
      warnings.push(`Removes the provider ${p.name} (${p.id}); its cells would show #N/A.`);
    }
    for (const change of diff.changed) {
      const { ratio } = change;
      const before = change.before.price;
      const after = change.after.price;
      const moved =
        (ratio !== null &&
          (ratio > MAX_MOVE * (1 + 1e-9) || ratio < 1 / (MAX_MOVE * (1 + 1e-9)))) ||
        (before === 0 && after !== null && after > 0);
      if (moved) {
        warnings.push(
          `${change.label}: ${money(before ?? 0)} -> ${money(after ?? 0)} moves by more than ${MAX_MOVE}x.`,
        );
      }
    }
  }
  if (current !== undefined && candidate.published < current.published) {
    warnings.push(
      `The feed was published ${candidate.published}, before the book in use (${current.published}); it would replace newer prices with older ones.`,
    );
  }
  return { problems, warnings };
}
