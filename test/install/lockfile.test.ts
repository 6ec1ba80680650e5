/**
 * The committed package-lock.json must pass `npm ci`, which CI systems and Dockerfiles run: npm ci
 * refuses a lock that does not match package.json, including one that lacks the platform builds a
 * package lists as optional (each machine installs only its own, but the lock must name all).
 * `npm ci --dry-run` makes that check without installing, in a folder holding only the two files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

type Json = Record<string, unknown>;
const read = (name: string): Json => JSON.parse(readFileSync(join(ROOT, name), "utf8")) as Json;

/** `npm ci --dry-run` over these package.json and package-lock.json; exit code and output. */
function npmCiDryRun(pkg: Json, lock: Json): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "npm-ci-check-"));
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2));
    writeFileSync(join(dir, "package-lock.json"), JSON.stringify(lock, null, 2));
    const run = spawnSync(
      NPM,
      ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"],
      { cwd: dir, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "error" } },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pkg = read("package.json");
const lock = read("package-lock.json");

test("the committed lock file passes npm ci", () => {
  const run = npmCiDryRun(pkg, lock);
  // On failure npm says what is missing, e.g. "Missing: x@1.0.0 from lock file".
  expect(run.output).not.toMatch(/npm error/);
  expect(run.status).toBe(0);
});

describe("the check catches the ways a lock file drifts", () => {
  it("a platform build of an optional dependency left out of the lock", () => {
    // The failure that once broke npm ci here: unrs-resolver's bindings for other platforms.
    const packages = { ...(lock.packages as Json) };
    const binding = Object.keys(packages).find((p) => p.includes("/@unrs/resolver-binding-"));
    expect(binding).toBeDefined();
    delete packages[binding as string];
    const run = npmCiDryRun(pkg, { ...lock, packages });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("Missing: @unrs/resolver-binding-");
  });

  it("a dependency added to package.json without updating the lock", () => {
    const devDependencies = { ...(pkg.devDependencies as Json), "left-pad": "1.3.0" };
    const run = npmCiDryRun({ ...pkg, devDependencies }, lock);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("left-pad");
  });
});
