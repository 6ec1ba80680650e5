/**
 * Run by memory.ts in its own Node process started with --expose-gc: holds N loaded copies of the
 * bundled price book and prints, as JSON, the heap they retain per copy. A separate process so nothing
 * else the bench allocated is on the heap.
 */
import { loadCore } from "./core-subjects";

function collect(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("memory-child needs node --expose-gc");
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const copies = Number(process.argv[2] ?? "100");
  if (!Number.isInteger(copies) || copies < 1)
    throw new Error(`copies must be a whole number >= 1, got ${process.argv[2]}`);
  const loaded = await loadCore();
  if (!loaded.ok) {
    process.stdout.write(JSON.stringify({ skipped: loaded.why }));
    return;
  }
  const core = loaded.module;
  const text = JSON.stringify(core.bundledBook.json);
  const shared = core.bundledBook.json;
  // Warm every code path once so compiled code and interned strings are in "before", not in the books.
  core.loadBook(JSON.parse(text));
  core.compileBook(shared);

  // Whole books as a refresh leaves them: their own parsed data plus the compiled lookups.
  const held: unknown[] = [];
  const before = collect();
  for (let i = 0; i < copies; i++) {
    const result = core.loadBook(JSON.parse(text));
    if (!result.ok) throw new Error(`the bundled book was rejected: ${result.message}`);
    held.push(result.value);
  }
  const after = collect();

  // Compiled lookups alone, over one shared copy of the data.
  const compiled: unknown[] = [];
  const beforeCompile = collect();
  for (let i = 0; i < copies; i++) compiled.push(core.compileBook(shared));
  const afterCompile = collect();

  process.stdout.write(
    JSON.stringify({
      copies,
      textBytes: Buffer.byteLength(text),
      perBook: (after - before) / copies,
      perCompile: (afterCompile - beforeCompile) / copies,
      held: held.length + compiled.length,
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
