/**
 * What the pane remembers between openings: the chosen tab and every input marked `data-persist`.
 * Kept in the pane's localStorage (per user and machine, like Office's own pane state); a browser
 * that refuses storage simply starts from the defaults.
 */
const KEY = "img-cost-planner.pane.v1";

type Saved = Record<string, string>;

/**
 * What was read or written last, for the reads at start-up (each input, each provider list). A write
 * reads storage afresh first, so it keeps what another pane (another workbook's) saved meanwhile.
 */
let cached: Saved | null = null;

function load(): Saved {
  if (cached === null) cached = read();
  return cached;
}

function read(): Saved {
  try {
    const raw = localStorage.getItem(KEY);
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
  try {
    localStorage.setItem(KEY, JSON.stringify(saved));
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
export function restoreInputs(): void {
  const saved = load();
  for (const input of persisted()) {
    const value = saved[`input:${input.id}`];
    if (value !== undefined) input.value = value;
  }
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
