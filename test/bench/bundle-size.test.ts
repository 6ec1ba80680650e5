import { functionsChunks, localAssets } from "../../scripts/bench/bundle-size";

describe("what the pane page loads", () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="taskpane.css?v=3" />
    <link rel="icon" href="assets/icon-32.png" />
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
    <script defer src="runtime.js"></script><script defer="defer" src='./taskpane.js'></script>
    <script>inline()</script>
    <script src="//cdn.example.com/x.js"></script>
    <script defer src="runtime.js"></script>
  </head><body></body></html>`;

  it("lists local scripts and stylesheets in page order, once each, without query strings", () => {
    expect(localAssets(html)).toEqual(["taskpane.css", "runtime.js", "taskpane.js"]);
  });

  it("leaves out office.js from the CDN, other hosts, icons and inline scripts", () => {
    const assets = localAssets(html);
    expect(assets.some((a) => a.includes("office.js"))).toBe(false);
    expect(assets).not.toContain("assets/icon-32.png");
  });
});

describe("the chunks Excel needs for the functions", () => {
  it("are the runtime and functions chunks, hashed or not, and nothing else", () => {
    const files = [
      "functions.json",
      "functions.js",
      "functions.js.map",
      "runtime.a1b2c3.js",
      "taskpane.js",
      "taskpane.html",
      "functions.html",
    ];
    expect(functionsChunks(files)).toEqual(["functions.js", "runtime.a1b2c3.js"]);
  });
});
