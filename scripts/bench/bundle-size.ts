/**
 * Bundle size: gzipped bytes (zlib level 9) of what Excel loads.
 * - functions: the webpack runtime chunk + the functions chunk (what the shared runtime needs for the
 *   custom functions to calculate);
 * - pane: dist/taskpane.html and every local script and stylesheet it references (office.js comes
 *   from Microsoft's CDN and is not ours to shrink, so it is left out).
 * The baseline of the ratio is the target itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { distDir, distLabel, fromRoot } from "./paths";
import { measured, skipped, type Row, type Target } from "./report";

const NAME = "Bundle size";
const FUNCTIONS: Target = { op: "<=", limit: 30 };
const PANE: Target = { op: "<=", limit: 120 };
const KB = 1024;

export function gzipBytes(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/**
 * The local files an HTML page loads: `<script src>` and `<link rel="stylesheet" href>`, in page order,
 * without query strings. Absolute http(s) and protocol-relative URLs (the office.js CDN) are left out.
 */
export function localAssets(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link)\b([^>]*)>/gi;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const name = (m[1] ?? "").toLowerCase();
    const attrs = m[2] ?? "";
    const attr = (key: string): string | undefined =>
      new RegExp(`\\b${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
        .exec(attrs)
        ?.slice(1)
        .find((v) => v !== undefined);
    let url: string | undefined;
    if (name === "script") url = attr("src");
    else if ((attr("rel") ?? "").toLowerCase().split(/\s+/).includes("stylesheet"))
      url = attr("href");
    if (url === undefined || url === "" || /^([a-z]+:)?\/\//i.test(url) || url.startsWith("data:"))
      continue;
    const clean = (url.split(/[?#]/)[0] ?? "").replace(/^\.?\//, "");
    if (!found.includes(clean)) found.push(clean);
  }
  return found;
}

/** The runtime and functions chunks in dist/ (any content hash in the name). */
export function functionsChunks(files: readonly string[]): string[] {
  return files.filter(
    (f) => /^(runtime|functions)([.~-][\w.~-]*)?\.js$/.test(f) && !f.endsWith(".map"),
  );
}

/** Newest modification time under a folder, to warn when dist/ is older than the sources. */
function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when something under src/ changed after the newest file in dist/ was written. */
export function distIsStale(): boolean {
  // A fresh build (--build) was made from src/ at the start of this run.
  if (distLabel() !== "dist/") return false;
  return newestMtime(fromRoot("src")) > newestMtime(distDir());
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

export function bundleSize(): Row[] {
  const dist = distDir();
  const why = "dist/ not built (run `npm run build` first)";
  if (!existsSync(dist)) {
    return [
      skipped(NAME, "functions (runtime + functions) gzip", "KB", FUNCTIONS, why),
      skipped(NAME, "pane (html + js + css) gzip", "KB", PANE, why),
    ];
  }
  const stale = distIsStale() ? "; WARNING: dist/ is older than src/, rebuild" : "";
  const files = readdirSync(dist);
  const rows: Row[] = [];

  const fnChunks = functionsChunks(files);
  if (!fnChunks.some((f) => f.startsWith("functions"))) {
    rows.push(
      skipped(
        NAME,
        "functions (runtime + functions) gzip",
        "KB",
        FUNCTIONS,
        "no functions chunk in dist/",
      ),
    );
  } else {
    const parts = fnChunks.map((f) => ({ f, gz: gzipBytes(readFileSync(path.join(dist, f))) }));
    const total = parts.reduce((s, p) => s + p.gz, 0);
    rows.push(
      measured(
        NAME,
        "functions (runtime + functions) gzip",
        total / KB,
        "KB",
        FUNCTIONS,
        `${parts.map((p) => `${p.f} ${kb(p.gz)}`).join(" + ")}; ${((total / KB / FUNCTIONS.limit) * 100).toFixed(0)}% of target; zlib level 9${stale}`,
      ),
    );
  }

  const htmlPath = path.join(dist, "taskpane.html");
  if (!existsSync(htmlPath)) {
    rows.push(
      skipped(NAME, "pane (html + js + css) gzip", "KB", PANE, "dist/taskpane.html not built"),
    );
  } else {
    const html = readFileSync(htmlPath, "utf8");
    const assets = localAssets(html);
    const missing = assets.filter((a) => !existsSync(path.join(dist, a)));
    if (missing.length > 0) {
      throw new Error(
        `dist/taskpane.html references files that are not in dist/: ${missing.join(", ")}`,
      );
    }
    // Chunks fetched on demand (the workbook tabs, webpack-numbered vendor chunks) are named nowhere
    // in the HTML, yet the pane loads them: count them too. validation.js is counted as well, an
    // upper bound: the pane carries the validator in taskpane.js and fetches that chunk only where
    // taskpane.js did not load.
    const onDemand = readdirSync(dist).filter((f) => f.endsWith(".js") && !assets.includes(f));
    const parts = [
      { f: "taskpane.html", gz: gzipBytes(html) },
      ...[...assets, ...onDemand].map((a) => ({
        f: onDemand.includes(a) ? `${a} (on demand)` : a,
        gz: gzipBytes(readFileSync(path.join(dist, a))),
      })),
    ];
    const total = parts.reduce((s, p) => s + p.gz, 0);
    const extra = assets.filter(
      (a) => a.endsWith(".js") && !/^(runtime|functions|taskpane)\b/.test(a),
    );
    rows.push(
      measured(
        NAME,
        "pane (html + js + css) gzip",
        total / KB,
        "KB",
        PANE,
        `${parts.map((p) => `${p.f} ${kb(p.gz)}`).join(" + ")}; ${((total / KB / PANE.limit) * 100).toFixed(0)}% of target; office.js excluded; zlib level 9` +
          (extra.length > 0
            ? `; shared chunks counted for the pane only: ${extra.join(", ")}`
            : "") +
          stale,
      ),
    );
  }
  return rows;
}
