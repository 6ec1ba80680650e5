/**
 * Where the browser tests look for Chromium, decided against a made-up system: which files exist,
 * which variables are set, which distribution /etc/os-release names. Nothing is uninstalled.
 */
import { findChromium, type System } from "../support/chromium";

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const PLAYWRIGHT = "/home/ann/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

function system(options: {
  files?: string[];
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  osRelease?: string;
  playwright?: string;
}): System {
  const files = new Set(options.files ?? []);
  return {
    platform: options.platform ?? "linux",
    env: options.env ?? {},
    home: "/home/ann",
    exists: (path) => files.has(path),
    osRelease: () => options.osRelease ?? "",
    playwrightChromium: () => options.playwright ?? PLAYWRIGHT,
  };
}

function foundPath(s: System): string {
  const result = findChromium(s);
  if (!result.found) throw new Error(`expected a Chromium, got: ${result.message}`);
  return result.path;
}

function missing(s: System): string {
  const result = findChromium(s);
  if (result.found) throw new Error(`expected none, found ${result.path}`);
  return result.message;
}

describe("an environment variable names the browser", () => {
  it("CHROMIUM_PATH wins over everything installed", () => {
    const s = system({
      env: { CHROMIUM_PATH: "/opt/chromium/chrome" },
      files: ["/opt/chromium/chrome", "/usr/bin/chromium", PLAYWRIGHT],
    });
    expect(foundPath(s)).toBe("/opt/chromium/chrome");
  });

  it("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH is read when CHROMIUM_PATH is not set", () => {
    const s = system({
      env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: "/opt/pw/chrome" },
      files: ["/opt/pw/chrome", "/usr/bin/chromium"],
    });
    expect(foundPath(s)).toBe("/opt/pw/chrome");
  });

  it("a variable that names a missing file is an error naming the variable, not a quiet fallback", () => {
    const s = system({ env: { CHROMIUM_PATH: "/opt/gone/chrome" }, files: ["/usr/bin/chromium"] });
    const message = missing(s);
    expect(message).toContain("CHROMIUM_PATH");
    expect(message).toContain("/opt/gone/chrome");
  });

  it("an empty variable counts as not set", () => {
    const s = system({ env: { CHROMIUM_PATH: "  " }, files: ["/usr/bin/chromium"] });
    expect(foundPath(s)).toBe("/usr/bin/chromium");
  });
});

describe("without a variable", () => {
  it("Playwright's own download comes before the system's browser", () => {
    expect(foundPath(system({ files: [PLAYWRIGHT, "/usr/bin/chromium"] }))).toBe(PLAYWRIGHT);
  });

  it.each([
    ["Debian's package", "/usr/bin/chromium"],
    ["Ubuntu's snap", "/snap/bin/chromium"],
    ["Fedora's package", "/usr/bin/chromium-browser"],
    ["Google Chrome on Linux", "/usr/bin/google-chrome"],
  ])("finds %s at %s", (_name, path) => {
    expect(foundPath(system({ files: [path] }))).toBe(path);
  });

  it.each([
    ["/Applications/Chromium.app/Contents/MacOS/Chromium"],
    ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"],
    ["/home/ann/Applications/Chromium.app/Contents/MacOS/Chromium"],
  ])("finds %s on macOS", (path) => {
    expect(foundPath(system({ platform: "darwin", files: [path] }))).toBe(path);
  });

  it("a Linux path means nothing on macOS", () => {
    missing(system({ platform: "darwin", files: ["/usr/bin/chromium"] }));
  });
});

describe("when there is none, it says exactly what to install here", () => {
  it.each([
    ["Debian", DEBIAN, "sudo apt-get install chromium"],
    ["Ubuntu (whose apt package is only a snap wrapper)", UBUNTU, "sudo snap install chromium"],
    ["Fedora", FEDORA, "sudo dnf install chromium"],
  ])("on %s", (_name, osRelease, command) => {
    const message = missing(system({ osRelease }));
    expect(message).toContain(command);
    expect(message).toContain("npx playwright-core install chromium");
    expect(message).toContain("CHROMIUM_PATH");
  });

  it("on macOS", () => {
    expect(missing(system({ platform: "darwin" }))).toContain("brew install --cask chromium");
  });

  it("names every place it looked", () => {
    const message = missing(system({ osRelease: DEBIAN }));
    for (const place of [
      "/usr/bin/chromium",
      "/snap/bin/chromium",
      "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH",
    ])
      expect(message).toContain(place);
  });
});
