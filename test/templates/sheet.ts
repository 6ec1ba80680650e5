/**
 * Renders a template to its grid and evaluates it in HyperFormula with the IMG functions and the
 * template's defined names (scoped to its sheet, as the writer creates them in Excel).
 */
import type { HyperFormula } from "hyperformula";
import type { CompiledBook } from "../../src/core";
import { renderGrid, type TemplateSpec } from "../../src/templates";
import { createImgEngine } from "../support/hyperformula-img";

export interface EvaluatedSheet {
  readonly engine: HyperFormula;
  readonly sheetName: string;
  /** The computed value of a cell, e.g. value("C17"). Errors come back as { type, message }. */
  value(address: string): unknown;
  /** The computed value in the row of the cell labelled `label` (exact text), `offset` columns to its right. */
  beside(label: string, offset?: number, occurrence?: number): unknown;
  /** Addresses of every cell whose constant text is `label`. */
  find(label: string): { row: number; col: number }[];
}

function parseA1(address: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (match === null) throw new Error(`Not an A1 address: ${address}`);
  const letters = match[1] as string;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

export function evaluate(template: TemplateSpec, book?: CompiledBook): EvaluatedSheet {
  const grid = renderGrid(template);
  const sheetName = template.sheetName;
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const engine = createImgEngine(
    { [sheetName]: grid.cells },
    {
      ...(book === undefined ? {} : { book }),
      names: grid.names.map((n) => ({
        name: n.name,
        expression: `=${quoted}!${n.address}`,
        scope: sheetName,
      })),
    },
  );
  const sheet = engine.getSheetId(sheetName) as number;
  const read = (row: number, col: number): unknown => {
    const v = engine.getCellValue({ sheet, row, col });
    if (v !== null && typeof v === "object" && "type" in v) {
      const err = v as { type: string; message: string };
      return { type: err.type, message: err.message };
    }
    return v;
  };
  const find = (label: string) => {
    const hits: { row: number; col: number }[] = [];
    grid.cells.forEach((cells, row) =>
      cells.forEach((cell, col) => {
        if (cell === label) hits.push({ row, col });
      }),
    );
    return hits;
  };
  return {
    engine,
    sheetName,
    value: (address) => {
      const { row, col } = parseA1(address);
      return read(row, col);
    },
    beside: (label, offset = 1, occurrence = 0) => {
      const hit = find(label)[occurrence];
      if (hit === undefined)
        throw new Error(`No cell labelled "${label}" (occurrence ${occurrence}) in ${sheetName}.`);
      return read(hit.row, hit.col + offset);
    },
    find,
  };
}
