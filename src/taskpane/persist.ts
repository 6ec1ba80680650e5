/**
 * What the pane remembers between openings: the chosen tab and every input marked `data-persist`.
 * Kept in the pane's localStorage (per user and machine, like Office's own pane state); a browser
 * that refuses storage simply starts from the defaults.
 *
 * Office on the web partitions storage, and Microsoft's guidance is to prefix localStorage keys with
 * Office.context.partitionKey, which is undefined where there is no partitioning (the Windows
 * app's browser control): "Persist add-in state and settings", Storage partitioning,
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings and
 * https://learn.microsoft.com/javascript/api/office/office.context#office-office-context-partitionkey-member
 * The key is known only once office.js has initialized, so when Office turns out to partition,
 * the inputs are restored again from the partitioned key as soon as Office is ready.
 */
const KEY = "img-cost-planner.pane.v1";

function partitionKey(): string | undefined {
  try {
    const key = (globalThis as { Office?: { context?: { partitionKey?: unknown } } }).Office
      ?.context?.partitionKey;
    return typeof key === "string" && key !== "" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The storage key: the partition key first when Office partitions storage. */
export function storageKey(): string {
  const partition = partitionKey();
  return partition === undefined ? KEY : `${partition}${KEY}`;
}

type Saved = Record<string, string>;

/**
 * What was read or written last, for the reads at start-up (each input, each provider list). A write
 * reads storage afresh first, so it keeps what another pane (another workbook's) saved meanwhile.
 */
let cached: Saved | null = null;
/** The storage key `cached` was read under: it changes once Office turns out to partition storage. */
let cachedKey = "";

function load(): Saved {
  const key = storageKey();
  if (cached === null || cachedKey !== key) {
    cached = read();
    cachedKey = key;
  }
  return cached;
}

function read(): Saved {
  try {
    const raw = localStorage.getItem(storageKey());
    const parsed: unknown = raw === null ? {} : JSON.parse(raw);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: Saved = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v === "string") out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

function save(saved: Saved): void {
  cached = { ...saved };
  cachedKey = storageKey();
  try {
    localStorage.setItem(storageKey(), JSON.stringify(saved));
  } catch {
    // Storage full or refused: the pane works, it just will not remember.
  }
}

export function remember(name: string, value: string): void {
  const saved = read();
  saved[name] = value;
  save(saved);
}

export function recall(name: string): string | undefined {
  return load()[name];
}

type Persisted = HTMLInputElement | HTMLSelectElement;

function persisted(): Persisted[] {
  return [...document.querySelectorAll<Persisted>("[data-persist]")];
}

/**
 * Puts saved values back into the inputs. Selects whose options are filled later (providers) are
 * restored again by {@link restoreSelect} once they have options.
 */
export function restoreInputs(resetMissing = false): void {
  const saved = load();
  for (const input of persisted()) {
    const value = saved[`input:${input.id}`];
    if (value !== undefined) input.value = value;
    else if (resetMissing) reset(input);
  }
}

/** Back to the value the page was written with (what another partition's values replaced). */
function reset(input: Persisted): void {
  if (input instanceof HTMLInputElement) {
    input.value = input.defaultValue;
    return;
  }
  const chosen = [...input.options].find((o) => o.defaultSelected) ?? input.options[0];
  if (chosen !== undefined) input.value = chosen.value;
}

export function restoreSelect(select: HTMLSelectElement): void {
  const value = load()[`input:${select.id}`];
  if (value !== undefined && [...select.options].some((o) => o.value === value))
    select.value = value;
}

/** Saves each marked input as it changes. */
export function wirePersistence(): void {
  for (const input of persisted()) {
    const keep = () => remember(`input:${input.id}`, input.value);
    input.addEventListener("change", keep);
    input.addEventListener("input", keep);
  }
}

const lateRestores: (() => void)[] = [];

/** Runs `restore` again if the storage key changes once Office is ready (see the top of this file). */
export function onLateRestore(restore: () => void): void {
  lateRestores.push(restore);
}

// Registered when this module loads, before the pane's own Office.onReady handlers, so a
// partitioned pane has its inputs back before it draws them.
(() => {
  const early = storageKey();
  let ready: Promise<unknown> | undefined;
  try {
    ready = typeof Office === "undefined" ? undefined : Office.onReady();
  } catch {
    ready = undefined;
  }
  void ready
    ?.then(() => {
      if (storageKey() === early) return;
      // Values read before the key was known belong to no partition: they go too.
      restoreInputs(true);
      for (const restore of lateRestores) restore();
      // Whatever was drawn from the early values is drawn again from these.
      for (const input of persisted()) input.dispatchEvent(new Event("change", { bubbles: true }));
    })
    .catch(() => undefined);
})();
