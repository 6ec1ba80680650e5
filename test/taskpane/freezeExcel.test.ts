/**
 * Freeze and restore through the Office.js adapter, on a workbook that loads, queues and fails
 * like Office.js (freezeExcelFake.ts). Each step runs in a fresh request context, as each pane
 * click does, so what restores the formulas is only what the workbook itself kept.
 */
import { excelFreezeWorkbook, NOTE_SHEET, RECORD_SHEET } from "../../src/taskpane/freeze/excel";
import { freeze, restore } from "../../src/taskpane/freeze/freeze";
import { FakeWorkbook, installGlobals, type Compute } from "./freezeExcelFake";

const CHEAPEST = [
  ["provider", "price per image", "total", "multiple of cheapest"],
  ["atlas", 0.008, 9.6, 1],
  ["prospolabs", 0.077, 92.4, 9.625],
];

/** What the formulas show: IMG.CHEAPEST spills; others give a number from their text. */
const compute: Compute = (formula) => {
  if (/IMG\.CHEAPEST/i.test(formula)) return { spill: CHEAPEST };
  let n = 0;
  for (const ch of formula) n = (n * 31 + ch.charCodeAt(0)) % 100000;
  return { value: n / 100 };
};

function planWorkbook(): FakeWorkbook {
  return new FakeWorkbook(compute)
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
}

const OPTIONS = { bookVersion: "2026.05.1", now: "2026-05-10T09:00:00Z" };

beforeEach(() => installGlobals(true));

describe("freeze through Office.js", () => {
  it("freezes IMG cells on every sheet, spills included, and stamps a visible note", async () => {
    const wb = planWorkbook();
    const outcome = await freeze(excelFreezeWorkbook(wb.context()), {
      ...OPTIONS,
      scope: "workbook",
    });
    expect(outcome).toMatchObject({ ok: true, cells: 4, sheets: ["Plan", "Other sheet"] });
    const plan = wb.find("Plan")!.cells;
    expect(plan.get("B2")).toEqual({
      value: (compute('=IMG.PRICE(B1,"high","square")') as { value: unknown }).value,
    });
    expect(plan.get("B4")?.formula).toBe("=B2*2");
    expect(plan.get("B5")?.formula).toBe('="IMG.COST(" & B1');
    // The spill's 3 x 4 block is constants now, headers and all.
    expect(plan.get("D1")).toEqual({ value: "provider" });
    expect(plan.get("F3")).toEqual({ value: 92.4 });
    expect(plan.get("F3")).not.toHaveProperty("formula");

    const record = wb.find(RECORD_SHEET)!;
    expect(record.visibility).toBe("VeryHidden");
    // One row per frozen cell: sheet, address, spill range, formula kept as text without its "=".
    const rows = [2, 3, 4, 5].map((r) =>
      ["A", "B", "C", "D"].map((c) => record.cells.get(`${c}${r}`)?.value),
    );
    expect(rows).toEqual([
      ["Plan", "D1", "D1:G3", 'IMG.CHEAPEST("high","square",1000,1.2,2)'],
      ["Plan", "B2", "", 'IMG.PRICE(B1,"high","square")'],
      ["Plan", "B3", "", 'ROUND(IMG.COST(B1,"high","square",1000,1.2),2)+IF(B1="x",1,0)'],
      ["Other sheet", "A1", "", 'img.cost("atlas","low","square",100)'],
    ]);
    const note = wb.find(NOTE_SHEET)!;
    expect(note.visibility).toBe("Visible");
    expect(String(note.cells.get("A2")?.value)).toMatch(
      /^4 cells that used .*Restore live formulas/,
    );
    expect(note.cells.get("A5")?.value).toBe("2026-05-10T09:00:00Z");
    expect(note.cells.get("B5")?.value).toBe("2026.05.1");
    expect(note.cells.get("C5")?.value).toBe(4);
    expect(note.cells.get("D5")?.value).toBe("Plan, Other sheet");
  });

  it("restores every formula exactly in a later context, as after save and reopen", async () => {
    const wb = planWorkbook();
    const before = wb.snapshot();
    await freeze(excelFreezeWorkbook(wb.context()), { ...OPTIONS, scope: "workbook" });
    const outcome = await restore(excelFreezeWorkbook(wb.context()));
    expect(outcome).toEqual({ ok: true, cells: 4, sheets: ["Plan", "Other sheet"] });
    expect(wb.snapshot()).toBe(before);
    expect(wb.find(RECORD_SHEET)).toBeUndefined();
    expect(wb.find(NOTE_SHEET)).toBeUndefined();
  });

  it("reads a sheet in blocks of rows and finds the same cells", async () => {
    const whole = planWorkbook();
    const blocks = planWorkbook();
    const all = await excelFreezeWorkbook(whole.context()).imgCells("Plan");
    // 7 columns (A:G) and 3 cells a read: one row per block, five blocks.
    const syncsBefore = blocks.syncs;
    const inBlocks = await excelFreezeWorkbook(blocks.context(), { readCells: 3 }).imgCells("Plan");
    expect(inBlocks).toEqual(all);
    expect(all.map((c) => c.address)).toEqual(["D1", "B2", "B3"]);
    expect(blocks.syncs - syncsBefore).toBeGreaterThan(5);
  });

  it("freezes the active sheet alone, then the other, and restores both", async () => {
    const wb = planWorkbook();
    const before = wb.snapshot();
    await freeze(excelFreezeWorkbook(wb.context()), { ...OPTIONS, scope: "sheet" });
    expect(wb.find("Other sheet")!.cells.get("A1")?.formula).toMatch(/^=img\.cost/);
    wb.active = "Other sheet";
    await freeze(excelFreezeWorkbook(wb.context()), { ...OPTIONS, scope: "sheet" });
    expect(wb.find(NOTE_SHEET)!.cells.get("C6")?.value).toBe(1);
    await restore(excelFreezeWorkbook(wb.context()));
    expect(wb.snapshot()).toBe(before);
  });

  it("leaves the workbook as it was when Excel refuses a write half way", async () => {
    const wb = planWorkbook();
    const before = wb.snapshot();
    // The record sheet's writes come first; fail on a value write in the second batch.
    wb.writes = 0;
    wb.failAtWrite = 9;
    const outcome = await freeze(excelFreezeWorkbook(wb.context()), {
      ...OPTIONS,
      scope: "workbook",
      batchCells: 2,
    });
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Nothing was frozen/),
    });
    expect(wb.snapshot()).toBe(before);
  });

  it("reports a protected sheet and changes nothing", async () => {
    const wb = planWorkbook();
    wb.find("Other sheet")!.protected = true;
    const before = wb.snapshot();
    const outcome = await freeze(excelFreezeWorkbook(wb.context()), {
      ...OPTIONS,
      scope: "workbook",
    });
    expect(outcome).toMatchObject({ ok: false, protectedSheets: ["Other sheet"] });
    expect(wb.snapshot()).toBe(before);
  });

  it("reports a sheet protected after freezing instead of half restoring", async () => {
    const wb = planWorkbook();
    await freeze(excelFreezeWorkbook(wb.context()), { ...OPTIONS, scope: "workbook" });
    wb.find("Plan")!.protected = true;
    const frozen = wb.snapshot();
    const outcome = await restore(excelFreezeWorkbook(wb.context()));
    expect(outcome).toMatchObject({ ok: false, protectedSheets: ["Plan"] });
    expect(wb.snapshot()).toBe(frozen);
  });

  it("names a frozen sheet that was renamed since, and restores nothing", async () => {
    const wb = planWorkbook();
    await freeze(excelFreezeWorkbook(wb.context()), { ...OPTIONS, scope: "workbook" });
    wb.find("Other sheet")!.name = "Renamed";
    const frozen = wb.snapshot();
    const outcome = await restore(excelFreezeWorkbook(wb.context()));
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('"Other sheet" is no longer in this workbook'),
    });
    expect(wb.snapshot()).toBe(frozen);
  });

  it("freezes cell by cell where Excel has no spill API (no dynamic arrays there)", async () => {
    installGlobals(false);
    const wb = new FakeWorkbook(compute).sheet("S", { A1: '=IMG.PRICE("openai","low","square")' });
    wb.spillApi = false;
    const before = wb.snapshot();
    const outcome = await freeze(excelFreezeWorkbook(wb.context()), { ...OPTIONS, scope: "sheet" });
    expect(outcome).toMatchObject({ ok: true, cells: 1 });
    await restore(excelFreezeWorkbook(wb.context()));
    expect(wb.snapshot()).toBe(before);
  });
});
