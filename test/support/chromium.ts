/**
 * How the browser tests and the bench start Debian's chromium on these machines: as root, with no
 * network, so the sandbox is off and every background connection Chromium makes on its own is
 * disabled (otherwise it retries refused connections many at a time). Each caller adds a fresh
 * --user-data-dir.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

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
