/**
 * Finding LibreOffice's soffice for the tests that recalculate sheets in a second engine
 * (test/templates/portableLibreOffice.test.ts, test/selfcheck/libreoffice.test.ts).
 *
 * On a developer's machine without LibreOffice those suites are skipped with a warning. Under CI
 * (CI set, as `.ci/run` runs) a missing soffice fails the run instead: scripts/test-all.sh installs
 * it, so its absence there means the check silently did not happen.
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

const USUAL_PATHS = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/** LibreOffice's soffice (on PATH or at a usual place), or null when it is not installed. */
export function findSoffice(): string | null {
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir !== "")
    .map((dir) => join(dir, "soffice"));
  for (const path of [...onPath, ...USUAL_PATHS]) if (existsSync(path)) return path;
  return null;
}

/**
 * `describe` when soffice is there; otherwise `describe.skip` with a warning naming what was not
 * checked, or, under CI, an error.
 */
export function describeWithSoffice(what: string): jest.Describe {
  if (findSoffice() !== null) return describe;
  const message = `LibreOffice not found: ${what} (scripts/install-libreoffice.sh installs it).`;
  if (process.env.CI) throw new Error(`${message} CI must run this check.`);
  console.warn(message);
  return describe.skip;
}
