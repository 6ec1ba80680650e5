/** Where things are, and loading pieces of the add-in that may not exist yet. */
import { existsSync } from "node:fs";
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..");

export function fromRoot(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}

/**
 * Loads a module of the add-in, or says why it cannot: a missing file is a normal state while the
 * project is being built, and becomes a SKIP row rather than a crash.
 */
export async function tryLoad<T>(
  relativeFile: string,
  load: () => Promise<T>,
): Promise<{ ok: true; module: T } | { ok: false; why: string }> {
  const candidates = [relativeFile, `${relativeFile}.ts`, `${relativeFile}.js`];
  if (!candidates.some((c) => existsSync(fromRoot(c)))) {
    return { ok: false, why: `${relativeFile} does not exist yet` };
  }
  // A file that exists but fails to load is a real error: let it throw so the row says ERROR.
  return { ok: true, module: await load() };
}
