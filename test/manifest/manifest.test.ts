/**
 * manifest.xml checked offline, as Office would read it: well-formed, every resid defined, every
 * address https on the add-in's one origin, the shared runtime wired to the task pane page, the IMG
 * namespace, the functions metadata, real icons, and the production origin rewrite.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allElements, child, parseXml, XmlError, type XmlElement } from "../support/xml";

const ROOT = join(__dirname, "..", "..");
const MANIFEST_TEXT = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const DEV_ORIGIN = "https://localhost:3000";

const manifest = parseXml(MANIFEST_TEXT);
const elements = allElements(manifest);

/** id -> DefaultValue of every resource in <Resources>. */
function resources(): Map<string, string> {
  const found = new Map<string, string>();
  const block = child(manifest, "VersionOverrides", "Resources");
  if (block === undefined) throw new Error("manifest has no VersionOverrides/Resources");
  for (const group of block.children) {
    for (const item of group.children) {
      const id = item.attributes.id;
      if (id === undefined) throw new Error(`<${item.name}> in <${group.name}> has no id`);
      if (found.has(id)) throw new Error(`resource id ${id} is defined twice`);
      found.set(id, item.attributes.DefaultValue ?? "");
    }
  }
  return found;
}

const byId = resources();
const resolve = (resid: string | undefined): string => {
  const value = resid === undefined ? undefined : byId.get(resid);
  if (value === undefined) throw new Error(`resid ${resid} is not defined in Resources`);
  return value;
};

function extensionPoint(type: string): XmlElement {
  const point = elements.find(
    (e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === type,
  );
  if (point === undefined) throw new Error(`no ExtensionPoint of type ${type}`);
  return point;
}

describe("the XML reader used here", () => {
  // These make sure the well-formedness check below can fail.
  test.each([
    ["<a><b></a></b>", "mismatch"],
    ['<a u="https://example.com/p?x=1&y=2"/>', "EntityRef"],
    ["<a>&nbsp;</a>", "entity not found"],
    ["<a>\nfish & chips</a>", 'line 2: "&" that starts no entity'],
    ['<a x="1" x="2"/>', "redefined"],
    ["<a x=1/>", "missed quot"],
    ['<a x="<"/>', "Unescaped '<'"],
    ["<a><!-- one -- two --></a>", "comment"],
    ["<a></a><b></b>", "Only one element"],
    ["text<a/>", "outside root"],
    ["<a>", "unclosed"],
  ])("rejects %s", (xml, problem) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(problem);
  });

  test("reads attributes, entities and nesting", () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<a k="x &amp; y" xsi:type="T" xmlns:xsi="urn:x"><!-- note -->\n<b>1 &lt; 2 &#65;</b></a>',
    );
    expect(root.attributes.k).toBe("x & y");
    expect(root.attributes["xsi:type"]).toBe("T");
    expect(child(root, "b")?.text).toBe("1 < 2 A");
    expect(child(root, "b")?.line).toBe(3);
  });
});

describe("manifest.xml", () => {
  test("is a task pane add-in for Excel workbooks", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Hosts", "Host")?.attributes.Name).toBe("Workbook");
    expect(child(manifest, "Id")?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(child(manifest, "Version")?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("defines every resid it uses, and uses every resource it defines", () => {
    const used = new Set(
      elements.map((e) => e.attributes.resid).filter((r): r is string => r !== undefined),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const resid of used) expect(byId.has(resid)).toBe(true);
    for (const id of byId.keys()) expect(used.has(id)).toBe(true);
  });

  test("every address is https on the one development origin", () => {
    const addresses = [
      ...elements
        .map((e) => e.attributes.DefaultValue)
        .filter((v): v is string => /^[a-z]+:\/\//i.test(v ?? "")),
      ...elements.filter((e) => e.name === "AppDomain").map((e) => e.text.trim()),
    ];
    expect(addresses.length).toBeGreaterThan(8);
    for (const address of addresses) {
      expect(new URL(address).origin).toBe(DEV_ORIGIN);
    }
    expect(child(manifest, "SupportUrl")?.attributes.DefaultValue).toMatch(/^https:\/\//);
  });

  test("runs the functions and the task pane in one shared runtime on taskpane.html", () => {
    const runtime = child(manifest, "VersionOverrides", "Hosts", "Host", "Runtimes", "Runtime");
    expect(runtime?.attributes.lifetime).toBe("long");
    const pageUrl = resolve(runtime?.attributes.resid);
    expect(pageUrl).toBe(`${DEV_ORIGIN}/taskpane.html`);

    const functions = extensionPoint("CustomFunctions");
    expect(resolve(child(functions, "Page", "SourceLocation")?.attributes.resid)).toBe(pageUrl);
    const functionFile = elements.find((e) => e.name === "FunctionFile");
    expect(resolve(functionFile?.attributes.resid)).toBe(pageUrl);
    const showPane = elements.find(
      (e) => e.name === "Action" && e.attributes["xsi:type"] === "ShowTaskpane",
    );
    expect(resolve(child(showPane as XmlElement, "SourceLocation")?.attributes.resid)).toBe(
      pageUrl,
    );
    expect(child(manifest, "DefaultSettings", "SourceLocation")?.attributes.DefaultValue).toBe(
      pageUrl,
    );
  });

  test("registers the custom functions under the IMG namespace with functions.json", () => {
    const functions = extensionPoint("CustomFunctions");
    expect(resolve(child(functions, "Namespace")?.attributes.resid)).toBe("IMG");
    expect(resolve(child(functions, "Metadata", "SourceLocation")?.attributes.resid)).toBe(
      `${DEV_ORIGIN}/functions.json`,
    );
    expect(resolve(child(functions, "Script", "SourceLocation")?.attributes.resid)).toBe(
      `${DEV_ORIGIN}/functions.js`,
    );
  });

  test("has a Home tab button that opens the task pane", () => {
    const ribbon = extensionPoint("PrimaryCommandSurface");
    expect(child(ribbon, "OfficeTab")?.attributes.id).toBe("TabHome");
    const button = child(ribbon, "OfficeTab", "Group", "Control");
    expect(button?.attributes["xsi:type"]).toBe("Button");
    expect(resolve(child(button as XmlElement, "Label")?.attributes.resid)).not.toBe("");
    expect(child(button as XmlElement, "Action")?.attributes["xsi:type"]).toBe("ShowTaskpane");
  });

  test("requires the shared runtime and custom functions with error messages", () => {
    const sets = child(manifest, "Requirements", "Sets")?.children ?? [];
    const version = (name: string): string | undefined =>
      sets.find((s) => s.attributes.Name === name)?.attributes.MinVersion;
    expect(version("SharedRuntime")).toBe("1.1");
    // CustomFunctions.Error (the #VALUE!/#N/A messages) arrived in CustomFunctionsRuntime 1.2.
    expect(Number(version("CustomFunctionsRuntime"))).toBeGreaterThanOrEqual(1.2);
    expect(version("ExcelApi")).toBeDefined();
  });

  test("points every icon at a PNG in assets/ of the size it declares", () => {
    const icons = elements.filter((e) => e.name === "bt:Image" && e.attributes.id !== undefined);
    const declared = [
      ...icons.map((e) => ({
        url: e.attributes.DefaultValue ?? "",
        size: Number(/(\d+)x\d+$/.exec(e.attributes.id ?? "")?.[1]),
      })),
      { url: child(manifest, "IconUrl")?.attributes.DefaultValue ?? "", size: 32 },
      { url: child(manifest, "HighResolutionIconUrl")?.attributes.DefaultValue ?? "", size: 64 },
    ];
    expect(declared.length).toBeGreaterThanOrEqual(5);
    for (const { url, size } of declared) {
      const file = join(ROOT, new URL(url).pathname);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe("the production build's manifest", () => {
  type Pattern = { from: string; transform?: (content: Buffer) => string };
  type Config = { plugins: { patterns?: Pattern[] }[] };
  // webpack.config.js is CommonJS (webpack-cli loads it so); load it the same way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js") as (
    env: object,
    argv: { mode: string },
  ) => Config;

  function withHost<T>(host: string | undefined, run: () => T): T {
    const saved = process.env.ADDIN_HOST;
    if (host === undefined) delete process.env.ADDIN_HOST;
    else process.env.ADDIN_HOST = host;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      return run();
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.ADDIN_HOST;
      else process.env.ADDIN_HOST = saved;
    }
  }

  function builtManifest(host: string | undefined): string {
    return withHost(host, () => {
      const config = makeConfig({}, { mode: "production" });
      const patterns = config.plugins.flatMap((p) => p.patterns ?? []);
      const pattern = patterns.find((p) => p.from === "manifest.xml");
      if (pattern?.transform === undefined) throw new Error("webpack copies no manifest.xml");
      return pattern.transform(Buffer.from(MANIFEST_TEXT));
    });
  }

  test("moves every address to ADDIN_HOST and leaves the rest alone", () => {
    const text = builtManifest("https://prices.example.com");
    expect(text).not.toContain("//localhost");
    const rewritten = allElements(parseXml(text));
    const addresses = rewritten
      .map((e) => e.attributes.DefaultValue)
      .filter((v) => /^https?:/.test(v ?? ""));
    for (const address of addresses)
      expect(new URL(address as string).origin).toBe("https://prices.example.com");
    // Besides the addresses, only the identity changes: the production <Id> and the plain name.
    const identity = (xml: string) =>
      xml
        .replace(/<Id>[^<]+<\/Id>/, "<Id/>")
        .replace(/(<DisplayName DefaultValue="[^"]*?)( \(localhost\))?"/, '$1"');
    expect(identity(text.replace(/https:\/\/prices\.example\.com/g, DEV_ORIGIN))).toBe(
      identity(MANIFEST_TEXT),
    );
  });

  test("development and production manifests are two add-ins, installable side by side", () => {
    const production = builtManifest("https://prices.example.com");
    const development = builtManifest(undefined);
    expect(development).toBe(MANIFEST_TEXT);
    const id = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
    const name = (xml: string) => /<DisplayName DefaultValue="([^"]+)"/.exec(xml)?.[1];
    expect(id(development)).not.toBe(id(production));
    expect(id(production)).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    expect(name(development)).toBe("GPT Image 2 cost planner (localhost)");
    expect(name(production)).toBe("GPT Image 2 cost planner");
  });

  test("a manifest whose development identity was edited away fails the production build", () => {
    expect(() =>
      withHost("https://prices.example.com", () => {
        const config = makeConfig({}, { mode: "production" });
        const patterns = config.plugins.flatMap((p) => p.patterns ?? []);
        const pattern = patterns.find((p) => p.from === "manifest.xml");
        return pattern?.transform?.(Buffer.from(MANIFEST_TEXT.replace(" (localhost)", "")));
      }),
    ).toThrow(/DisplayName ending in " \(localhost\)"/);
  });

  test("keeps a path in ADDIN_HOST, except in the AppDomain (an origin)", () => {
    const text = builtManifest("https://example.github.io/img-planner/");
    expect(text).toContain('DefaultValue="https://example.github.io/img-planner/taskpane.html"');
    expect(text).toContain('DefaultValue="https://example.github.io/img-planner/functions.json"');
    expect(text).toContain("<AppDomain>https://example.github.io</AppDomain>");
    expect(text).not.toContain("//localhost");
  });

  test("keeps localhost when ADDIN_HOST is not set", () => {
    expect(builtManifest(undefined)).toBe(MANIFEST_TEXT);
  });

  test.each([
    ["http://prices.example.com", "must use https"],
    ["https://prices.example.com/?v=1", "no query"],
    ["prices.example.com", "not a web address"],
  ])("refuses ADDIN_HOST=%s", (host, message) => {
    expect(() => withHost(host, () => makeConfig({}, { mode: "production" }))).toThrow(message);
  });
});
