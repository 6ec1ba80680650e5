/**
 * `ADDIN_HOST=https://prices.example.com npm run build`: a real production build (into a temporary
 * folder, leaving dist/ alone) points the manifest and every function's help link at that host and
 * ships no source maps.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const HOST = "https://prices.example.com";
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "img-prod-build-"));
  const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  await new Promise<void>((done, fail) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production", "--output-path", out],
      { cwd: ROOT, env: { ...process.env, ADDIN_HOST: HOST }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? fail(new Error(`build failed:\n${stdout}\n${stderr}`)) : done(),
    );
  });
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test("the manifest names only the production host", () => {
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("https://localhost");
  expect(manifest).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${HOST}/taskpane.html" />`);
  expect(manifest).toContain(`<AppDomain>${HOST}</AppDomain>`);
});

test("the production manifest is another add-in than the development one", () => {
  const production = readFileSync(join(out, "manifest.xml"), "utf8");
  const development = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const id = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
  const name = (xml: string) => /<DisplayName DefaultValue="([^"]+)"/.exec(xml)?.[1];
  expect(id(development)).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  expect(id(production)).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  expect(id(production)).not.toBe(id(development));
  expect(name(development)).toBe("GPT Image 2 cost planner (localhost)");
  expect(name(production)).toBe("GPT Image 2 cost planner");
});

test("every function's help link points at the production help page", () => {
  const { functions, allowErrorForDataTypeAny } = JSON.parse(
    readFileSync(join(out, "functions.json"), "utf8"),
  ) as {
    functions: { id: string; helpUrl: string }[];
    allowErrorForDataTypeAny: boolean;
  };
  expect(allowErrorForDataTypeAny).toBe(true);
  expect(functions.length).toBe(10);
  for (const f of functions) expect(f.helpUrl).toBe(`${HOST}/help.html#img${f.id.toLowerCase()}`);
});

test("ships no source maps, and the feed, icons and help page are there", () => {
  const files = readdirSync(out);
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  expect(files).toEqual(
    expect.arrayContaining([
      "runtime.js",
      "functions.js",
      "taskpane.js",
      "taskpane.html",
      "help.html",
    ]),
  );
  expect(readdirSync(join(out, "prices"))).toContain("gpt-image-2.json");
  expect(readdirSync(join(out, "assets"))).toEqual(
    expect.arrayContaining([
      "icon-16.png",
      "icon-32.png",
      "icon-64.png",
      "icon-80.png",
      "icon-128.png",
    ]),
  );
});
