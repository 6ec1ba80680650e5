/**
 * The help pages the build makes from the Markdown: README.md -> help.html (where each function's
 * @helpurl points), docs/*.md -> docs/*.html, CHANGELOG.md -> CHANGELOG.html. The Markdown is read
 * as GitHub reads it, and every link between the pages must land on a page and heading that exist.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { DIST, ROOT, ensureBuilt } from "../support/functions-harness";

const HELP_PAGE = join(ROOT, "scripts", "help-page.mjs");

/** scripts/help-page.mjs is an ES module (marked is one); it runs in its own node process. */
function render(markdown: string): string {
  const run = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { markdownToHtml } from ${JSON.stringify(`file://${HELP_PAGE}`)};
       let text = ""; process.stdin.setEncoding("utf8");
       process.stdin.on("data", (d) => (text += d)).on("end", () => process.stdout.write(markdownToHtml(text)));`,
    ],
    { input: markdown, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe("Markdown is read as GitHub reads it", () => {
  const html = render(
    [
      "# Help",
      "",
      "### IMG.COST",
      "",
      "### Where the sources disagree, and the reading chosen",
      "",
      "| formula | seconds |",
      "| --- | --- |",
      '| `=VLOOKUP(A2&"\\|"&B2,P!A:B,2)` | 6.29 |',
      "| a \\| b | 1 |",
      "",
      "[Sources](docs/sources.md#atlas), [back](../README.md#imgcost), [readme](README.md),",
      "[web](https://example.com/page.md), [here](#imgcost)",
    ].join("\n"),
  );

  it("gives headings GitHub's ids, which the functions' help links use", () => {
    expect(html).toContain('<h3 id="imgcost">IMG.COST</h3>');
    expect(html).toContain('id="where-the-sources-disagree-and-the-reading-chosen"');
  });

  it("keeps a \\| inside a table cell as a | in that cell, not a new column", () => {
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    const cells = (row: string): string[] => row.match(/<td>[\s\S]*?<\/td>/g) ?? [];
    // Two columns in every row: the pipes are the cell's text.
    expect(cells(rows[1] ?? "")).toEqual([
      "<td><code>=VLOOKUP(A2&amp;&quot;|&quot;&amp;B2,P!A:B,2)</code></td>",
      "<td>6.29</td>",
    ]);
    expect(cells(rows[2] ?? "")).toEqual(["<td>a | b</td>", "<td>1</td>"]);
  });

  it("points links to Markdown pages at the pages the build makes, and leaves web addresses alone", () => {
    expect(html).toContain('href="docs/sources.html#atlas"');
    expect(html).toContain('href="../help.html#imgcost"');
    expect(html).toContain('href="help.html"');
    expect(html).toContain('href="https://example.com/page.md"');
    expect(html).toContain('href="#imgcost"');
  });

  it("is a whole page titled after its first heading", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>Help</title>");
  });
});

/**
 * The values of one attribute in a page. The production build minifies HTML, which drops the quotes
 * around values that need none (href=help.html), so both forms are read.
 */
function attributes(html: string, name: string): string[] {
  const pattern = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, "g");
  return [...html.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

describe("the built help pages", () => {
  beforeAll(ensureBuilt, 300_000);

  const pages = (): string[] => [
    "help.html",
    "CHANGELOG.html",
    ...readdirSync(join(DIST, "docs"))
      .filter((f) => f.endsWith(".html"))
      .map((f) => `docs/${f}`),
  ];

  it("include one page per docs/*.md", () => {
    const markdown = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md"));
    expect(markdown.length).toBeGreaterThan(0);
    for (const md of markdown) expect(pages()).toContain(`docs/${md.replace(/\.md$/, ".html")}`);
  });

  it("link only to pages, headings and images that exist", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages()) {
      const html = readFileSync(join(DIST, page), "utf8");
      for (const target of attributes(html, "href").concat(attributes(html, "src"))) {
        if (/^[a-z]+:/i.test(target)) continue;
        checked++;
        const [path = "", anchor] = target.split("#");
        const file =
          path === "" ? page : relative(DIST, normalize(join(DIST, dirname(page), path)));
        if (!existsSync(join(DIST, file))) broken.push(`${page}: ${target} (no ${file})`);
        else if (
          anchor !== undefined &&
          file.endsWith(".html") &&
          !attributes(readFileSync(join(DIST, file), "utf8"), "id").includes(anchor)
        )
          broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
      }
    }
    expect(broken).toEqual([]);
    // README alone links to every docs page: a checker that found no links would prove nothing.
    expect(checked).toBeGreaterThan(20);
  });

  it("show the pane's screenshot on help.html", () => {
    expect(attributes(readFileSync(join(DIST, "help.html"), "utf8"), "src")).toContain(
      "docs/images/task-pane.png",
    );
  });

  it("list every function in README's table, linked to its section", () => {
    const { functions } = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(functions.length).toBeGreaterThan(0);
    for (const { id } of functions) {
      // A table row such as: | [`IMG.COST(provider, ...)`](#imgcost) | ...
      const row = new RegExp(
        "^\\| \\[`IMG\\." + id + "\\(.*\\]\\(#img" + id.toLowerCase() + "\\) +\\|",
        "m",
      );
      expect(readme).toMatch(row);
    }
  });
});
