/**
 * Refresh: what the pane does with a fetched price book, JSON.parse then loadBook (schema validation,
 * cross-checks, compiling the lookups), on a 1 MB book, against a plain JSON.parse of the same text.
 */
import { loadCore } from "./core-subjects";
import { measured, skipped, type Options, type Row, type Target } from "./report";
import { syntheticBook } from "./synthetic-book";
import { ms, paired, timeMs } from "./timing";

const NAME = "Refresh";
const RATIO: Target = { op: "<=", limit: 10 };
const ABSOLUTE: Target = { op: "<", limit: 50 };
const MB = 1024 * 1024;

export async function refresh(options: Options): Promise<Row[]> {
  const loaded = await loadCore();
  if (!loaded.ok) {
    return [
      skipped(NAME, "parse + validate + compile vs JSON.parse", "x", RATIO, loaded.why),
      skipped(NAME, "parse + validate + compile 1 MB", "ms", ABSOLUTE, loaded.why),
    ];
  }
  const core = loaded.module;
  const { text, copies } = syntheticBook(core.bundledBook.json, MB);
  const bytes = Buffer.byteLength(text);
  const origin = {
    kind: "url",
    url: "https://example.com/prices.json",
    fetchedAt: "2026-05-10T00:00:00Z",
  } as const;

  // The generated book must be one the core accepts, or the figure times a rejection.
  let check: ReturnType<typeof core.loadBook> | undefined;
  const coldMs = timeMs(() => (check = core.loadBook(JSON.parse(text), origin)));
  if (check === undefined) throw new Error("loadBook returned nothing");
  if (!check.ok)
    throw new Error(
      `the synthetic ${bytes}-byte book was rejected: ${check.message.slice(0, 300)}`,
    );
  const providers = check.value.providers.length;

  let sink = 0;
  const full = (): void => {
    const result = core.loadBook(JSON.parse(text), origin);
    sink += result.ok ? result.value.providers.length : -1e9;
  };
  const parseOnly = (): void => {
    const json = JSON.parse(text) as { providers: unknown[] };
    sink += json.providers.length;
  };
  // The JIT needs 25 to 40 loads of this book before a load settles (measured: 60, 30, 17, 11 ... then
  // 7.7 ms from about the 40th), so the warm-up is long; the first, cold load is printed beside.
  const runs = options.smoke ? 3 : 21;
  const warmup = options.smoke ? 1 : 40;
  const result = paired(full, parseOnly, runs, warmup);
  if (sink < 0) throw new Error("loadBook rejected the synthetic book during the timed runs");

  const detail =
    `${(bytes / MB).toFixed(2)} MB, ${providers} providers (bundled + ${copies} synthetic copies); ` +
    `JSON.parse + loadBook ${ms(result.subject)}, JSON.parse ${ms(result.baseline)}; ` +
    `${loaded.via}; median of ${runs} after ${warmup} warm-up; the first (cold) load in this process took ${ms(coldMs)}`;
  return [
    measured(NAME, "parse + validate + compile vs JSON.parse", result.ratio, "x", RATIO, detail),
    measured(
      NAME,
      "parse + validate + compile 1 MB",
      result.subject,
      "ms",
      ABSOLUTE,
      "same runs as above",
    ),
  ];
}
