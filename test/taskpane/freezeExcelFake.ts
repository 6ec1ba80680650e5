/**
 * A small Office.js workbook for the freeze adapter (src/taskpane/freeze/excel.ts), strict where
 * Office.js is: a property read before load() and sync() throws, writes are queued and applied
 * at sync() in order, and a write Excel refuses (a protected sheet, an injected failure) throws
 * from sync() after the writes queued before it were applied, as a real batch does. Formulas
 * compute through a function the test gives; a spilling formula fills the cells beside it when
 * they are empty and shows #SPILL! otherwise.
 */
import { columnLetter } from "../../src/shared/a1";

export interface CellState {
  formula?: string;
  value: unknown;
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  protected: boolean;
  visibility: string;
}

export function parseCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (m === null) throw new Error(`Not a cell: ${a}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cellName(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function box(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = address.split(":") as [string, string?];
  const s = parseCell(a);
  const e = parseCell(b!);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

function grid<T>(address: string, f: (name: string, r: number, c: number) => T): T[][] {
  const { top, left, bottom, right } = box(address);
  const out: T[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: T[] = [];
    for (let c = left; c <= right; c++) row.push(f(cellName(r, c), r - top, c - left));
    out.push(row);
  }
  return out;
}

export type Compute = (formula: string) => { value: unknown } | { spill: unknown[][] };

export class FakeWorkbook {
  readonly sheets: SheetState[] = [];
  active = "";
  queue: (() => void)[] = [];
  afterSync: (() => void)[] = [];
  syncs = 0;
  /** Throw at the n-th queued cell write (1-based, counting every write) with this message. */
  failAtWrite = 0;
  writes = 0;
  spillApi = true;

  constructor(readonly compute: Compute) {}

  sheet(name: string, cells: Record<string, string | number>, isProtected = false): this {
    const map = new Map<string, CellState>();
    for (const [a, v] of Object.entries(cells)) {
      map.set(
        a,
        typeof v === "string" && v.startsWith("=") ? { formula: v, value: null } : { value: v },
      );
    }
    this.sheets.push({ name, cells: map, protected: isProtected, visibility: "Visible" });
    if (this.active === "") this.active = name;
    this.recalc();
    return this;
  }

  find(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Every formula computed; spills laid out on empty cells. */
  recalc(): void {
    for (const sheet of this.sheets) {
      for (const [a, cell] of [...sheet.cells]) {
        if ((cell as { ghost?: boolean }).ghost) sheet.cells.delete(a);
      }
      for (const [a, cell] of [...sheet.cells]) {
        if (cell.formula === undefined) continue;
        const result = this.compute(cell.formula);
        if ("value" in result) {
          cell.value = result.value;
          continue;
        }
        const { row, col } = parseCell(a);
        const end = cellName(
          row + result.spill.length - 1,
          col + (result.spill[0]?.length ?? 1) - 1,
        );
        const block = grid(`${a}:${end}`, (n) => n);
        const blocked = block
          .flat()
          .some((n) => n !== a && (sheet.cells.get(n)?.value ?? "") !== "");
        if (blocked) {
          cell.value = "#SPILL!";
          continue;
        }
        block.forEach((r, i) =>
          r.forEach((n, j) => {
            const v = result.spill[i]?.[j];
            if (n === a) cell.value = v;
            else sheet.cells.set(n, { value: v, ghost: true } as CellState);
          }),
        );
      }
    }
  }

  /** Formulas and values of every sheet, ghosts marked, for before/after comparisons. */
  snapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells]
          .filter(([, c]) => c.formula !== undefined || (c.value ?? "") !== "")
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      })),
    );
  }

  write(sheetOf: () => SheetState | undefined, apply: (sheet: SheetState) => void): void {
    this.queue.push(() => {
      const sheet = sheetOf();
      if (sheet === undefined) throw new Error("ItemNotFound: the worksheet does not exist.");
      this.writes++;
      if (this.failAtWrite > 0 && this.writes === this.failAtWrite) {
        throw new Error(
          "InvalidOperation: This operation is not permitted for the current object.",
        );
      }
      if (sheet.protected) {
        throw new Error(
          `AccessDenied: The cell you are trying to change is on a protected sheet (${sheet.name}).`,
        );
      }
      apply(sheet);
    });
  }

  context(): Excel.RequestContext {
    const wb: FakeWorkbook = this as FakeWorkbook;
    const sync = async (): Promise<void> => {
      wb.syncs++;
      const queue = wb.queue;
      wb.queue = [];
      const after = wb.afterSync;
      wb.afterSync = [];
      try {
        for (const op of queue) op();
      } finally {
        wb.recalc();
      }
      for (const f of after) f();
    };
    const worksheets = new FakeWorksheets(this);
    return { workbook: { worksheets }, sync } as unknown as Excel.RequestContext;
  }
}

/** A property readable only after load() and sync(). */
class Loadable {
  private loaded = new Set<string>();
  private pending = new Set<string>();
  protected data: Record<string, unknown> = {};
  constructor(protected readonly wb: FakeWorkbook) {}
  load(props?: string): this {
    const list = (props ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    for (const p of list) this.pending.add(p);
    this.wb.afterSync.push(() => {
      for (const p of this.pending) {
        this.data[p] = this.read(p);
        this.loaded.add(p);
      }
      this.pending.clear();
    });
    return this;
  }
  protected read(_prop: string): unknown {
    return undefined;
  }
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop))
      throw new Error(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
    return this.data[prop];
  }
}

class FakeRange extends Loadable {
  readonly format = { font: {} as Record<string, unknown>, fill: {} as Record<string, unknown> };
  constructor(
    wb: FakeWorkbook,
    private readonly sheet: () => SheetState | undefined,
    private readonly where: () => string | null,
    private readonly nullable = false,
  ) {
    super(wb);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject") as boolean;
  }
  load(props?: string): this {
    super.load(props);
    if (this.nullable) super.load("isNullObject");
    return this;
  }
  protected read(prop: string): unknown {
    const s = this.sheet();
    const at = this.where();
    if (prop === "isNullObject") return s === undefined || at === null;
    if (s === undefined || at === null) return undefined;
    if (prop === "address") return `'${s.name}'!${at}`;
    const b = box(at);
    if (prop === "rowCount") return b.bottom - b.top + 1;
    if (prop === "columnCount") return b.right - b.left + 1;
    if (prop === "values") return grid(at, (n) => s.cells.get(n)?.value ?? "");
    if (prop === "formulas")
      return grid(at, (n) => {
        const c = s.cells.get(n);
        return c?.formula ?? c?.value ?? "";
      });
    return undefined;
  }
  get address(): string {
    return this.get("address") as string;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    const at = this.where()!;
    this.wb.write(this.sheet, (s) =>
      grid(at, (n, r, c) => s.cells.set(n, { value: v[r]?.[c] ?? "" })),
    );
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    const at = this.where()!;
    this.wb.write(this.sheet, (s) =>
      grid(at, (n, r, c) => {
        const f = v[r]?.[c];
        s.cells.set(
          n,
          typeof f === "string" && f.startsWith("=")
            ? { formula: f, value: null }
            : { value: f ?? "" },
        );
      }),
    );
  }
  set numberFormat(_v: unknown) {
    // Formats do not matter to these tests.
  }
  clear(_applyTo?: unknown): void {
    const at = this.where()!;
    this.wb.write(this.sheet, (s) => grid(at, (n) => s.cells.delete(n)));
  }
  /** The cell at (row, col) of this range, as Range.getCell. */
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.wb, this.sheet, () => {
      const at = this.where();
      if (at === null) return null;
      const b = box(at);
      return cellName(b.top + row, b.left + col);
    });
  }
  /** This range grown by rows and columns, as Range.getResizedRange. */
  getResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.wb, this.sheet, () => {
      const at = this.where();
      if (at === null) return null;
      const b = box(at);
      return `${cellName(b.top, b.left)}:${cellName(b.bottom + rows, b.right + cols)}`;
    });
  }
  getSpillingToRangeOrNullObject(): FakeRange {
    if (!this.wb.spillApi) throw new Error("ApiNotFound: getSpillingToRangeOrNullObject");
    const sheet = this.sheet;
    const wb = this.wb;
    const anchor = this.where;
    return new FakeRange(
      this.wb,
      sheet,
      () => {
        const s = sheet();
        const a = anchor();
        if (s === undefined || a === null) return null;
        const cell = s.cells.get(a);
        if (cell?.formula === undefined) return null;
        const result = wb.compute(cell.formula);
        if ("value" in result || cell.value === "#SPILL!") return null;
        const { row, col } = parseCell(a);
        return `${a}:${cellName(row + result.spill.length - 1, col + (result.spill[0]?.length ?? 1) - 1)}`;
      },
      true,
    );
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: Loadable & { readonly protected: boolean };
  constructor(
    wb: FakeWorkbook,
    private readonly state: () => SheetState | undefined,
    nullable = false,
  ) {
    super(wb);
    this.protection = new (class extends Loadable {
      protected read(): unknown {
        return state()?.protected ?? false;
      }
      get protected(): boolean {
        return this.get("protected") as boolean;
      }
    })(wb);
    if (nullable) this.load("isNullObject");
  }
  protected read(prop: string): unknown {
    if (prop === "isNullObject") return this.state() === undefined;
    if (prop === "name") return this.state()?.name;
    return undefined;
  }
  get isNullObject(): boolean {
    return this.get("isNullObject") as boolean;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set visibility(v: string) {
    this.wb.queue.push(() => {
      const s = this.state();
      if (s !== undefined) s.visibility = v;
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.wb, this.state, () => address);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.wb,
      this.state,
      () => {
        const s = this.state();
        if (s === undefined) return null;
        const used = [...s.cells]
          .filter(([, c]) => c.formula !== undefined || (c.value ?? "") !== "")
          .map(([a]) => parseCell(a));
        if (used.length === 0) return null;
        const top = Math.min(...used.map((p) => p.row));
        const left = Math.min(...used.map((p) => p.col));
        const bottom = Math.max(...used.map((p) => p.row));
        const right = Math.max(...used.map((p) => p.col));
        return `${cellName(top, left)}:${cellName(bottom, right)}`;
      },
      true,
    );
  }
  delete(): void {
    this.wb.queue.push(() => {
      const s = this.state();
      if (s === undefined) throw new Error("ItemNotFound");
      if (s.visibility === "VeryHidden")
        throw new Error("InvalidOperation: a very hidden sheet cannot be deleted");
      this.wb.sheets.splice(this.wb.sheets.indexOf(s), 1);
    });
  }
}

class FakeWorksheets extends Loadable {
  constructor(wb: FakeWorkbook) {
    super(wb);
  }
  protected read(prop: string): unknown {
    if (prop === "items")
      return this.wb.sheets.map((s) => {
        const ws = new FakeWorksheet(this.wb, () => this.wb.sheets.find((x) => x === s));
        (ws as unknown as { data: Record<string, unknown> }).data["name"] = s.name;
        (ws as unknown as { loaded: Set<string> }).loaded.add("name");
        return ws;
      });
    return undefined;
  }
  get items(): FakeWorksheet[] {
    return this.get("items") as FakeWorksheet[];
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.wb, () => this.wb.find(this.wb.active));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.wb, () => this.wb.find(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.wb, () => this.wb.find(name), true);
  }
  add(name: string): FakeWorksheet {
    this.wb.queue.push(() => {
      if (this.wb.find(name) !== undefined) throw new Error(`ItemAlreadyExists: ${name}`);
      this.wb.sheets.push({ name, cells: new Map(), protected: false, visibility: "Visible" });
    });
    return new FakeWorksheet(this.wb, () => this.wb.find(name));
  }
}

/** The globals excel.ts reads: Excel's enums and Office's requirement check. */
export function installGlobals(spill = true): void {
  (globalThis as Record<string, unknown>)["Excel"] = {
    ClearApplyTo: { contents: "Contents" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  };
  (globalThis as Record<string, unknown>)["Office"] = {
    context: { requirements: { isSetSupported: (_s: string, v: string) => spill || v !== "1.12" } },
  };
}
