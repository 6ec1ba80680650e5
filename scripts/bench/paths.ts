/** Where things are, and loading pieces of the add-in that may not exist yet. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..");

export function fromRoot(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}

let dist = path.join(repoRoot, "dist");

/** The built add-in the bench measures: dist/, or a fresh build of its own (`--build`). */
export function distDir(...parts: string[]): string {
  return path.join(dist, ...parts);
}

export function useDistDir(dir: string): void {
  dist = dir;
}

/** Human name of the built folder for messages: "dist/" or the temporary build. */
export function distLabel(): string {
  return dist === path.join(repoRoot, "dist") ? "dist/" : `a fresh build in ${dist}`;
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

const temporary: string[] = [];

/** A temporary folder removed by {@link removeTemporaryDirs} when the run ends. */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

export function removeTemporaryDirs(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}
