/**
 * Worksheet templates: what the task pane lists and inserts.
 *
 *   TEMPLATES                      id, title and description of each template, in menu order
 *   getTemplate(id, book?)         the template as plain data (model.ts), or undefined
 *   renderGrid(template)           the template as a grid of constants and formulas (pure)
 *   insertTemplate(context, id)    inserts it into a new sheet inside Excel.run; two syncs
 */
import { bundledBook, type CompiledBook } from "../core";
import { assumptionsTemplate, ASSUMPTIONS_ID } from "./definitions/assumptions";
import { comparisonTemplate, COMPARISON_ID } from "./definitions/comparison";
import { costEstimateTemplate, COST_ESTIMATE_ID } from "./definitions/costEstimate";
import { projectionTemplate, PROJECTION_ID } from "./definitions/projection";
import { selfCheckTemplate, SELF_CHECK_ID } from "./definitions/selfCheck";
import { useCasesTemplate, USE_CASES_ID } from "./definitions/useCases";
import type { TemplateSpec } from "./model";
import { TemplateError, writeTemplate } from "./writer";
import { writePortableTemplate } from "./portable";

export type { ConditionalFormatSpec } from "./model";
export type { TemplateSpec, CellSpec, TableSpec, ChartSpec, InputSpec, CellRange } from "./model";
export { NUMBER_FORMATS } from "./model";
export { renderGrid, type Grid, type GridName, type GridValue } from "./grid";
export { planInsertion, uniqueSheetName, type ExistingNames, type InsertionPlan } from "./naming";
export { TemplateError, INPUT_FILL } from "./writer";
export { portableTemplate, IMG_ROUNDING } from "./portable";
export { findImgCalls, usesImg, portableFormula, PortableError } from "./portableFormulas";
export {
  portableRows,
  portablePricesSheet,
  PORTABLE_HEADER,
  PORTABLE_TABLE,
  type PortableRow,
} from "./portablePrices";

export interface TemplateInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Whether it has a portable form; the self-check tests the IMG functions themselves. */
  readonly portable: boolean;
}

/** Templates with no portable form: inserted as they are even when portable is asked for. */
const IMG_ONLY: ReadonlySet<string> = new Set([SELF_CHECK_ID]);

const BUILDERS: Readonly<Record<string, (book: CompiledBook) => TemplateSpec>> = {
  [COST_ESTIMATE_ID]: () => costEstimateTemplate(),
  [USE_CASES_ID]: () => useCasesTemplate(),
  [COMPARISON_ID]: (book) => comparisonTemplate(book),
  [PROJECTION_ID]: () => projectionTemplate(),
  [ASSUMPTIONS_ID]: () => assumptionsTemplate(),
  [SELF_CHECK_ID]: () => selfCheckTemplate(),
};

/** Menu order of the task pane. */
const ORDER = [
  COST_ESTIMATE_ID,
  USE_CASES_ID,
  COMPARISON_ID,
  PROJECTION_ID,
  ASSUMPTIONS_ID,
  SELF_CHECK_ID,
] as const;

export const TEMPLATES: readonly TemplateInfo[] = ORDER.map((id) => {
  const { title, description } = BUILDERS[id]!(bundledBook);
  return { id, title, description, portable: !IMG_ONLY.has(id) };
});

/**
 * The template as data. `book` only matters for the comparison, which lists the book's providers;
 * pass the active book when it is not the bundled one.
 */
export function getTemplate(
  id: string,
  book: CompiledBook = bundledBook,
): TemplateSpec | undefined {
  const build = Object.prototype.hasOwnProperty.call(BUILDERS, id) ? BUILDERS[id] : undefined;
  return build === undefined ? undefined : build(book);
}

/**
 * Inserts template `id` into a new sheet (named "Title", or "Title (2)" when taken) and activates
 * it. Call inside `Excel.run`. Rejects with a TemplateError naming the problem and the accepted
 * ids for an unknown id. With `portable: true` it inserts the portable form (portable.ts): native
 * formulas over a prices sheet written from `book` on `today` (ISO date, default: today). The
 * self-check has no portable form (it exists to run the IMG functions) and is always inserted as is.
 */
export async function insertTemplate(
  context: Excel.RequestContext,
  id: string,
  options: {
    readonly book?: CompiledBook;
    readonly portable?: boolean;
    readonly today?: string;
  } = {},
): Promise<{ sheetName: string }> {
  const template = getTemplate(id, options.book ?? bundledBook);
  if (template === undefined) {
    throw new TemplateError(
      `Unknown template "${id}". Accepted: ${TEMPLATES.map((t) => t.id).join(", ")}.`,
    );
  }
  if (options.portable === true && !IMG_ONLY.has(template.id)) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const { sheetName } = await writePortableTemplate(
      context,
      template,
      options.book ?? bundledBook,
      today,
    );
    return { sheetName };
  }
  return writeTemplate(context, template);
}
