/**
 * A small Excel object model for the prices sheet tests, built on office-addin-mock: ranges are
 * OfficeMockObjects (a value read before load + sync reads "Error, property was not loaded"), and
 * collections refuse `items` unless loaded and synced, as Office.js does.
 */
import { OfficeMockObject } from "office-addin-mock";

type Mock = OfficeMockObject & Record<string, any>;

export interface FakeTable {
  name: string;
  style?: string;
  address: string;
  sheet: FakeSheet;
  header: unknown[][];
  body: unknown[][];
}

export interface FakeSheet {
  name: string;
  /** Every range the code asked for, by address, with what it wrote. */
  ranges: Map<string, Mock>;
  tables: FakeTable[];
  activated: boolean;
  frozenRows: number;
  /** Set for sheets that existed before the code ran. */
  original?: string;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  sheets: FakeSheet[];
  tables: FakeTable[];
  syncs: number;
}

function collection<T>(
  items: () => T[],
  onSync: (fn: () => void) => void,
): { load(p?: unknown): unknown; items: T[] } {
  let requested = false;
  let loaded = false;
  onSync(() => {
    if (requested) loaded = true;
  });
  return {
    load(props?: unknown) {
      if (typeof props === "string" && !props.split(",").some((p) => p.trim().startsWith("items")))
        return this;
      requested = true;
      return this;
    },
    get items(): T[] {
      if (!loaded) throw new Error("PropertyNotLoaded: items was read before load() and sync()");
      return items();
    },
  };
}

export function fakeExcel(options: {
  sheets: string[];
  active?: string;
  tables?: {
    name: string;
    sheet: string;
    address: string;
    header: unknown[][];
    body: unknown[][];
  }[];
  names?: string[];
  /** This sync (1 = the first) fails as Excel does when it refuses a write. */
  refuseSync?: number;
}): FakeExcel {
  const syncHooks: (() => void)[] = [];
  const mocks: Mock[] = [];
  const onSync = (fn: () => void): void => {
    syncHooks.push(fn);
  };
  const newRange = (data: Record<string, unknown>): Mock => {
    const m = new OfficeMockObject({
      values: [[""]],
      numberFormat: [[""]],
      formulas: [[""]],
      ...data,
      format: { font: { bold: false }, fill: { color: "" }, autofitColumns: () => undefined },
    }) as Mock;
    mocks.push(m);
    return m;
  };
  const state: FakeExcel = { context: undefined as never, sheets: [], tables: [], syncs: 0 };
  let active = options.active ?? options.sheets[0] ?? "";

  const sheetApi = (sheet: FakeSheet) => ({
    get name() {
      return sheet.name;
    },
    load: () => undefined,
    getRange: (address: string) => {
      let r = sheet.ranges.get(address);
      if (r === undefined) {
        r = newRange({ address: `${sheet.name}!${address}` });
        sheet.ranges.set(address, r);
      }
      return r;
    },
    tables: {
      add: (address: string, hasHeaders: boolean) => {
        if (!hasHeaders) throw new Error("the prices table has headers");
        const t: FakeTable = {
          name: `Table${state.tables.length + 1}`,
          address,
          sheet,
          header: [],
          body: [],
        };
        sheet.tables.push(t);
        state.tables.push(t);
        return t;
      },
    },
    freezePanes: {
      freezeRows: (n: number) => {
        sheet.frozenRows = n;
      },
    },
    activate: () => {
      sheet.activated = true;
      active = sheet.name;
    },
    delete: () => {
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.tables = state.tables.filter((t) => t.sheet !== sheet);
    },
  });

  const addSheet = (name: string, original: boolean): FakeSheet => {
    if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet named ${name} already exists`);
    }
    const sheet: FakeSheet = {
      name,
      ranges: new Map(),
      tables: [],
      activated: false,
      frozenRows: 0,
    };
    if (original) sheet.original = name;
    state.sheets.push(sheet);
    return sheet;
  };
  for (const name of options.sheets) addSheet(name, true);

  const tableApi = (t: FakeTable) => ({
    get name() {
      return t.name;
    },
    worksheet: {
      get name() {
        return t.sheet.name;
      },
    },
    getHeaderRowRange: () => {
      const start = t.address.split(":")[0] ?? "A1";
      const quoted = /^[A-Za-z_]\w*$/.test(t.sheet.name) ? t.sheet.name : `'${t.sheet.name}'`;
      return newRange({
        address: `${quoted}!${start}:M${start.replace(/\D/g, "")}`,
        values: t.header,
      });
    },
    getDataBodyRange: () => newRange({ values: t.body }),
  });

  for (const spec of options.tables ?? []) {
    const sheet = state.sheets.find((s) => s.name === spec.sheet);
    if (sheet === undefined) throw new Error(`fake: no sheet ${spec.sheet}`);
    const t: FakeTable = {
      name: spec.name,
      address: spec.address,
      sheet,
      header: spec.header,
      body: spec.body,
    };
    sheet.tables.push(t);
    state.tables.push(t);
  }

  const context = {
    workbook: {
      worksheets: Object.assign(
        collection(() => state.sheets.map(sheetApi), onSync),
        {
          add: (name: string) => sheetApi(addSheet(name, false)),
          getActiveWorksheet: () => {
            const s = state.sheets.find((x) => x.name === active);
            if (s === undefined) throw new Error("fake: no active sheet");
            return sheetApi(s);
          },
        },
      ),
      tables: collection(() => state.tables.map(tableApi), onSync),
      names: collection(() => (options.names ?? []).map((name) => ({ name })), onSync),
    },
    sync: async () => {
      state.syncs++;
      if (state.syncs === options.refuseSync)
        throw new Error("The argument is invalid or missing or has an incorrect format.");
      for (const m of mocks) await m.sync();
      for (const hook of syncHooks) hook();
    },
  };
  state.context = context as unknown as Excel.RequestContext;
  return state;
}
