/**
 * Which Chromium the browser tests and the pane-start bench run, and how they start it.
 *
 * Looked for in this order, the first that exists wins:
 *   1. CHROMIUM_PATH, then PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH (a path that is set but missing is an
 *      error, not a reason to quietly run another browser);
 *   2. Playwright's own download (`npx playwright-core install chromium`);
 *   3. the usual install paths: Debian (`apt-get install chromium`), Ubuntu (the snap, or the
 *      `chromium-browser` wrapper), Fedora (`dnf install chromium`), Google Chrome on Linux, and
 *      Chromium or Google Chrome on macOS.
 * When none is found, the message says what to install on this system.
 *
 * The flags: machines that run the tests are often root and offline, so the sandbox is off and every
 * background connection Chromium makes on its own is disabled (otherwise it retries refused
 * connections many at a time). Each caller adds a fresh --user-data-dir.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Environment variables that name a Chromium executable, in the order they are read. */
export const CHROMIUM_ENV = ["CHROMIUM_PATH", "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH"] as const;

/** What the finder may look at; the real system by default, a fake one in its tests. */
export interface System {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  exists(path: string): boolean;
  /** The contents of /etc/os-release, or "" when there is none. */
  osRelease(): string;
  /** Where Playwright keeps its own Chromium download for this version (may not be downloaded). */
  playwrightChromium(): string | undefined;
}

export type ChromiumSearch =
  { found: true; path: string; via: string } | { found: false; message: string };

function installPaths(platform: NodeJS.Platform, home: string): string[] {
  if (platform === "darwin") {
    const apps = [
      "Chromium.app/Contents/MacOS/Chromium",
      "Google Chrome.app/Contents/MacOS/Google Chrome",
    ];
    return [
      ...apps.map((a) => `/Applications/${a}`),
      ...apps.map((a) => `${home}/Applications/${a}`),
    ];
  }
  if (platform === "win32") {
    return [
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    ];
  }
  return [
    "/usr/bin/chromium", // Debian's package
    "/snap/bin/chromium", // Ubuntu's snap
    "/usr/bin/chromium-browser", // Fedora's package; Ubuntu's wrapper around the snap
    "/usr/lib64/chromium-browser/chromium-browser", // Fedora's binary itself
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
  ];
}

/** The `ID` and `ID_LIKE` words of /etc/os-release, e.g. ["ubuntu", "debian"]. */
function distroIds(osRelease: string): string[] {
  const ids: string[] = [];
  for (const line of osRelease.split(/\r?\n/)) {
    const match = /^(ID|ID_LIKE)=("?)([^"]*)\2\s*$/.exec(line);
    if (match?.[3] !== undefined) ids.push(...match[3].toLowerCase().split(/\s+/).filter(Boolean));
  }
  return ids;
}

/** What to install, for this system: one command, then the two ways that work everywhere. */
export function installAdvice(system: Pick<System, "platform" | "osRelease">): string {
  const everywhere =
    "or run `npx playwright-core install chromium` (Playwright's own build), " +
    "or set CHROMIUM_PATH to a Chromium or Google Chrome executable";
  if (system.platform === "darwin")
    return `Install it with \`brew install --cask chromium\`, ${everywhere}.`;
  if (system.platform === "win32") return `Install Google Chrome, ${everywhere}.`;
  const ids = distroIds(system.osRelease());
  // Ubuntu says ID_LIKE=debian, so it is asked first: its apt `chromium-browser` is only a snap wrapper.
  if (ids.includes("ubuntu"))
    return `Install it with \`sudo snap install chromium\`, ${everywhere}.`;
  if (ids.includes("debian"))
    return `Install it with \`sudo apt-get install chromium\`, ${everywhere}.`;
  if (ids.includes("fedora") || ids.includes("rhel"))
    return `Install it with \`sudo dnf install chromium\`, ${everywhere}.`;
  return `Install Chromium with your system's package manager, ${everywhere}.`;
}

export function findChromium(system: System = realSystem()): ChromiumSearch {
  for (const name of CHROMIUM_ENV) {
    const value = system.env[name]?.trim();
    if (value === undefined || value === "") continue;
    if (system.exists(value)) return { found: true, path: value, via: name };
    return {
      found: false,
      message: `${name} is set to ${value}, but there is no file there. Point it at a Chromium or Google Chrome executable, or unset it to use an installed Chromium.`,
    };
  }
  const ownDownload = system.playwrightChromium();
  if (ownDownload !== undefined && system.exists(ownDownload))
    return { found: true, path: ownDownload, via: "Playwright's download" };
  const candidates = installPaths(system.platform, system.home);
  for (const candidate of candidates) {
    if (system.exists(candidate)) return { found: true, path: candidate, via: "installed" };
  }
  return {
    found: false,
    message:
      `The browser tests need Chromium and found none (looked at ${CHROMIUM_ENV.join(", ")}, ` +
      `Playwright's download and ${candidates.join(", ")}). ${installAdvice(system)}`,
  };
}

export function realSystem(): System {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    exists: existsSync,
    osRelease: () => {
      try {
        return readFileSync("/etc/os-release", "utf8");
      } catch {
        return "";
      }
    },
    playwrightChromium: () => {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
  };
}

const search = findChromium();

/**
 * The Chromium to start. When none was found this is still a path that does not exist (the one an
 * environment variable named, or Debian's, where the test script installs it), so that
 * `existsSync(CHROMIUM_PATH)` is simply false; CHROMIUM_MISSING then says what to install.
 */
export const CHROMIUM_PATH: string = search.found
  ? search.path
  : (CHROMIUM_ENV.map((name) => process.env[name]?.trim()).find(
      (v) => v !== undefined && v !== "",
    ) ?? "/usr/bin/chromium");

/** Why no Chromium can be started, with what to install; undefined when one was found. */
export const CHROMIUM_MISSING: string | undefined = search.found ? undefined : search.message;

/** The Chromium to start, or an error that says what to install. */
export function requireChromium(): string {
  if (CHROMIUM_MISSING !== undefined) throw new Error(CHROMIUM_MISSING);
  return CHROMIUM_PATH;
}
