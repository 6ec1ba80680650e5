/**
 * Freeze for sharing, on an in-memory workbook that behaves like Excel where it matters: a spilled
 * array shows values in cells that hold no formula of their own, a protected sheet refuses writes,
 * and a write can fail half way.
 */
import { batches, freeze, restore } from "../../src/taskpane/freeze/freeze";
import type { FreezeStamp, FreezeWorkbook, FrozenCell } from "../../src/taskpane/freeze/model";
import { usesImg } from "../../src/templates/portableFormulas";

interface Cell {
  formula?: string;
  value: unknown;
}

function parse(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}
function addr(row: number, col: number): string {
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}
function cellsOf(range: string): string[][] {
  const [a, b = a] = range.split(":") as [string, string?];
  const s = parse(a);
  const e = parse(b!);
  const out: string[][] = [];
  for (let r = s.row; r <= e.row; r++) {
    const row: string[] = [];
    for (let c = s.col; c <= e.col; c++) row.push(addr(r, c));
    out.push(row);
  }
  return out;
}

class MemoryWorkbook implements FreezeWorkbook {
  sheetsMap = new Map<string, Map<string, Cell>>();
  /** anchor "Sheet!B2" -> spill range and the values the array computes. */
  spills = new Map<string, { range: string; values: unknown[][] }>();
  protectedSheets = new Set<string>();
  active = "";
  record: { cells: FrozenCell[]; stamps: FreezeStamp[] } = { cells: [], stamps: [] };
  /** Fail the n-th writeValues / writeFormulas call (1-based) after writing half its cells. */
  failValuesAt = 0;
  failFormulasAt = 0;
  private valueWrites = 0;
  private formulaWrites = 0;

  sheet(name: string, cells: Record<string, string | number>): this {
    const map = new Map<string, Cell>();
    for (const [a, v] of Object.entries(cells)) {
      map.set(
        a,
        typeof v === "string" && v.startsWith("=") ? { formula: v, value: 1 } : { value: v },
      );
    }
    this.sheetsMap.set(name, map);
    if (this.active === "") this.active = name;
    return this;
  }

  spill(sheet: string, anchor: string, range: string, values: unknown[][]): this {
    this.spills.set(`${sheet}!${anchor}`, { range, values });
    this.recalc();
    return this;
  }

  /** Live formulas show their computed values; a spill fills its block when the block is free. */
  recalc(): void {
    for (const [key, spill] of this.spills) {
      const [sheet, anchor] = key.split("!") as [string, string];
      const map = this.sheetsMap.get(sheet)!;
      if (map.get(anchor)?.formula === undefined) continue;
      cellsOf(spill.range).forEach((row, r) =>
        row.forEach((a, c) => {
          const v = spill.values[r]?.[c];
          if (a === anchor) map.set(a, { formula: map.get(a)!.formula!, value: v });
          else map.set(a, { value: v, spilled: true } as Cell);
        }),
      );
    }
  }

  snapshot(): string {
    const out: Record<string, Record<string, Cell>> = {};
    for (const [name, map] of this.sheetsMap) out[name] = Object.fromEntries([...map].sort());
    return JSON.stringify(out);
  }

  private write(sheet: string, range: string, values: readonly (readonly unknown[])[]): void {
    if (this.protectedSheets.has(sheet)) throw new Error(`The sheet ${sheet} is protected.`);
    const map = this.sheetsMap.get(sheet)!;
    cellsOf(range).forEach((row, r) =>
      row.forEach((a, c) => map.set(a, { value: values[r]?.[c] })),
    );
  }

  async sheets(scope: "workbook" | "sheet") {
    const names = scope === "sheet" ? [this.active] : [...this.sheetsMap.keys()];
    return names.map((name) => ({ name, protected: this.protectedSheets.has(name) }));
  }
  async imgCells(sheet: string): Promise<FrozenCell[]> {
    const out: FrozenCell[] = [];
    for (const [a, cell] of this.sheetsMap.get(sheet)!) {
      if (cell.formula === undefined || !usesImg(cell.formula)) continue;
      const spill = this.spills.get(`${sheet}!${a}`);
      out.push({
        sheet,
        address: a,
        formula: cell.formula,
        spill: spill?.range ?? null,
        values:
          spill === undefined
            ? [[cell.value]]
            : cellsOf(spill.range).map((row) =>
                row.map((x) => this.sheetsMap.get(sheet)!.get(x)?.value ?? ""),
              ),
      });
    }
    return out;
  }
  async writeValues(cells: readonly FrozenCell[]): Promise<void> {
    this.valueWrites++;
    const half = this.valueWrites === this.failValuesAt ? Math.floor(cells.length / 2) : -1;
    cells.forEach((c, i) => {
      if (i === half) throw new Error("InvalidOperation: the cell cannot be written");
      this.write(c.sheet, c.spill ?? c.address, c.values);
    });
  }
  async writeFormulas(cells: readonly FrozenCell[]): Promise<void> {
    this.formulaWrites++;
    const half = this.formulaWrites === this.failFormulasAt ? Math.floor(cells.length / 2) : -1;
    cells.forEach((c, i) => {
      if (i === half) throw new Error("InvalidOperation: the cell cannot be written");
      if (this.protectedSheets.has(c.sheet)) throw new Error("protected");
      const map = this.sheetsMap.get(c.sheet)!;
      if (c.spill !== null) for (const a of cellsOf(c.spill).flat()) map.delete(a);
      map.set(c.address, { formula: c.formula, value: 1 });
    });
    this.recalc();
  }
  async loadRecord() {
    return { cells: [...this.record.cells], stamps: [...this.record.stamps] };
  }
  async saveRecord(cells: readonly FrozenCell[], stamps: readonly FreezeStamp[]) {
    this.record = { cells: [...cells], stamps: [...stamps] };
  }
  async deleteRecord() {
    this.record = { cells: [], stamps: [] };
  }
  async currentValues(cells: readonly FrozenCell[]) {
    return cells.map((c) => ({
      ...c,
      values: cellsOf(c.spill ?? c.address).map((row) =>
        row.map((a) => this.sheetsMap.get(c.sheet)!.get(a)?.value ?? ""),
      ),
    }));
  }
  async isProtected(sheet: string) {
    return this.protectedSheets.has(sheet);
  }
}

/** Two sheets: plain IMG cells, a formula mixing IMG with ROUND and IF, a spilled IMG.CHEAPEST,
 * a formula that only refers to an IMG cell, and constants. */
function planWorkbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook()
    .sheet("Plan", {
      A1: "Provider",
      B1: "openai",
      B2: '=IMG.PRICE(B1,"high","square")',
      B3: '=ROUND(IMG.COST(B1,"high","square",1000,1.2),2)+IF(B1="x",1,0)',
      B4: "=B2*2",
      B5: '="IMG.COST(" & B1',
      D1: '=IMG.CHEAPEST("high","square",1000,1.2,2)',
    })
    .sheet("Other sheet", { A1: '=img.cost("atlas","low","square",100)', A2: 7 });
  wb.spill("Plan", "D1", "D1:G3", [
    ["provider", "price per image", "total", "multiple of cheapest"],
    ["atlas", 0.008, 9.6, 1],
    ["prospolabs", 0.077, 92.4, 9.625],
  ]);
  return wb;
}

const OPTIONS = { bookVersion: "2026.05.1", now: "2026-05-10T09:00:00Z" };

describe("freeze then restore", () => {
  it("freezes every IMG formula on every sheet into its values, and nothing else", async () => {
    const wb = planWorkbook();
    const outcome = await freeze(wb, { ...OPTIONS, scope: "workbook" });
    // B2, B3 (mixed), D1 (spilled) on Plan, A1 on Other sheet: 4 formulas.
    expect(outcome).toMatchObject({ ok: true, cells: 4, sheets: ["Plan", "Other sheet"] });
    const plan = wb.sheetsMap.get("Plan")!;
    expect(plan.get("B2")).toEqual({ value: 1 });
    expect(plan.get("B3")).toEqual({ value: 1 });
    expect(plan.get("B4")).toEqual({ formula: "=B2*2", value: 1 }); // refers to IMG, stays live
    expect(plan.get("B5")?.formula).toBe('="IMG.COST(" & B1'); // IMG only inside a string
    expect(plan.get("E2")).toEqual({ value: 0.008 }); // the spill's block is now constants
    expect(plan.get("D1")).toEqual({ value: "provider" });
    expect(wb.sheetsMap.get("Other sheet")!.get("A2")).toEqual({ value: 7 });
    expect(wb.record.stamps).toEqual([
      {
        bookVersion: "2026.05.1",
        frozenAt: "2026-05-10T09:00:00Z",
        cells: 4,
        sheets: ["Plan", "Other sheet"],
      },
    ]);
  });

  it("restores every formula exactly, spills included, and removes the record", async () => {
    const wb = planWorkbook();
    const before = wb.snapshot();
    await freeze(wb, { ...OPTIONS, scope: "workbook" });
    expect(wb.snapshot()).not.toBe(before);
    const outcome = await restore(wb);
    expect(outcome).toEqual({ ok: true, cells: 4, sheets: ["Plan", "Other sheet"] });
    expect(wb.snapshot()).toBe(before);
    expect(wb.record.cells).toEqual([]);
  });

  it("freezes only the active sheet when asked, and a later freeze adds to the record", async () => {
    const wb = planWorkbook();
    const before = wb.snapshot();
    await freeze(wb, { ...OPTIONS, scope: "sheet" });
    expect(wb.sheetsMap.get("Other sheet")!.get("A1")?.formula).toBe(
      '=img.cost("atlas","low","square",100)',
    );
    wb.active = "Other sheet";
    const second = await freeze(wb, { ...OPTIONS, scope: "sheet" });
    expect(second).toMatchObject({ ok: true, cells: 1 });
    expect(wb.record.stamps.map((s) => s.cells)).toEqual([3, 1]);
    await restore(wb);
    expect(wb.snapshot()).toBe(before);
  });

  it("works in batches with progress on tens of thousands of cells", async () => {
    const cells: Record<string, string> = {};
    for (let i = 1; i <= 20000; i++) cells[`A${i}`] = `=IMG.COST("openai","low","square",${i})`;
    const wb = new MemoryWorkbook().sheet("Big", cells);
    const before = wb.snapshot();
    const seen: number[] = [];
    const outcome = await freeze(wb, {
      ...OPTIONS,
      scope: "workbook",
      onProgress: (p) => seen.push(p.done),
    });
    expect(outcome).toMatchObject({ ok: true, cells: 20000 });
    // 20,000 cells in batches of 2,000: ten progress reports.
    expect(seen).toEqual([2000, 4000, 6000, 8000, 10000, 12000, 14000, 16000, 18000, 20000]);
    await restore(wb);
    expect(wb.snapshot()).toBe(before);
  });

  it("leaves the workbook as it was when a write fails half way", async () => {
    const wb = planWorkbook();
    const before = wb.snapshot();
    wb.failValuesAt = 2; // the second batch fails after writing half its cells
    const outcome = await freeze(wb, { ...OPTIONS, scope: "workbook", batchCells: 2 });
    expect(outcome.ok).toBe(false);
    expect(outcome).toMatchObject({
      message: expect.stringMatching(/^Nothing was frozen: .*cannot be written.*put back/),
    });
    expect(wb.snapshot()).toBe(before);
    expect(wb.record.cells).toEqual([]);
  });

  it("keeps the frozen values and the record when a restore fails half way", async () => {
    const wb = planWorkbook();
    await freeze(wb, { ...OPTIONS, scope: "workbook" });
    const frozen = wb.snapshot();
    wb.failFormulasAt = 1;
    const outcome = await restore(wb, { batchCells: 1 });
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Nothing was restored/),
    });
    expect(wb.snapshot()).toBe(frozen);
    expect(wb.record.cells).toHaveLength(4);
  });

  it("reports a protected sheet instead of skipping it, and changes nothing", async () => {
    const wb = planWorkbook();
    wb.protectedSheets.add("Other sheet");
    const before = wb.snapshot();
    const outcome = await freeze(wb, { ...OPTIONS, scope: "workbook" });
    expect(outcome).toEqual({
      ok: false,
      protectedSheets: ["Other sheet"],
      message: expect.stringContaining('sheet "Other sheet" is protected'),
    });
    expect(wb.snapshot()).toBe(before);
    expect(wb.record.cells).toEqual([]);
  });

  it("says so when nothing is frozen", async () => {
    expect(await restore(planWorkbook())).toMatchObject({
      ok: false,
      message: "Nothing is frozen in this workbook.",
    });
  });
});

describe("batches", () => {
  it("never splits a spill and counts its cells", () => {
    const one = (a: string): FrozenCell => ({
      sheet: "S",
      address: a,
      formula: "=IMG.PRICE()",
      spill: null,
      values: [[1]],
    });
    const spill: FrozenCell = {
      ...one("C1"),
      spill: "C1:D3",
      values: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    };
    // limit 4: A1, B1 (2 cells) then the 6-cell spill alone, then E1.
    expect(
      batches([one("A1"), one("B1"), spill, one("E1")], 4).map((b) => b.map((c) => c.address)),
    ).toEqual([["A1", "B1"], ["C1"], ["E1"]]);
  });
});
