/**
 * Where the validator comes from (src/taskpane/loadValidation.ts). In the pane's page it travels in
 * taskpane.js, which hands it in when it runs. functions.js runs first and may ask for it before
 * that (a workbook with a stored book, Office already ready): it must wait for the page's scripts
 * to have run (DOMContentLoaded) rather than fetch the separate chunk. Elsewhere it loads the chunk.
 */

type LoadValidation = typeof import("../../src/taskpane/loadValidation");
type Validation = typeof import("../../src/taskpane/validation");

/** A page as the functions see it: its ready state, and the DOMContentLoaded listeners it holds. */
function installDocument(readyState: "loading" | "interactive" | "complete") {
  const listeners: (() => void)[] = [];
  const doc = {
    readyState,
    body: { dataset: {} as Record<string, string> },
    addEventListener: (type: string, listener: () => void) => {
      if (type === "DOMContentLoaded") listeners.push(listener);
    },
  };
  (globalThis as Record<string, unknown>)["document"] = doc;
  return {
    doc,
    contentLoaded: () => {
      doc.readyState = "interactive";
      for (const listener of listeners.splice(0)) listener();
    },
    waiting: () => listeners.length,
  };
}

/* eslint-disable @typescript-eslint/no-require-imports -- a fresh module per page needs require */
function freshModule(): LoadValidation {
  let loaded!: LoadValidation;
  jest.isolateModules(() => {
    loaded = require("../../src/taskpane/loadValidation");
  });
  return loaded;
}
/* eslint-enable @typescript-eslint/no-require-imports */

afterEach(() => {
  delete (globalThis as Record<string, unknown>)["document"];
});

it("asked before the page's scripts have run, it waits for them and uses the validator they hand in", async () => {
  const page = installDocument("loading");
  const m = freshModule();
  const carried = { evalFree: true, marker: "carried in taskpane.js" } as unknown as Validation;
  let settled = false;
  const asked = m.loadValidation().then((v) => {
    settled = true;
    return v;
  });
  await Promise.resolve();
  expect(page.waiting()).toBe(1); // waiting for DOMContentLoaded, not loading anything yet
  expect(settled).toBe(false);
  // taskpane.js runs (a deferred script, before DOMContentLoaded) and hands in its validator.
  m.bundleValidation(async () => carried);
  page.contentLoaded();
  expect(await asked).toBe(carried);
  expect(page.doc.body.dataset["evalFree"]).toBe("true");
  // Later callers share the same one.
  expect(await m.loadValidation()).toBe(carried);
});

it("once the page has loaded, with no validator handed in, it loads the validator module itself", async () => {
  installDocument("complete");
  const m = freshModule();
  const validation = await m.loadValidation();
  expect(typeof validation.readStoredBook).toBe("function");
  expect(typeof validation.prepareFeedText).toBe("function");
});

it("a validator handed in before anyone asks is used at once", async () => {
  const page = installDocument("loading");
  const m = freshModule();
  const carried = { evalFree: true } as unknown as Validation;
  m.bundleValidation(async () => carried);
  expect(await m.loadValidation()).toBe(carried);
  expect(page.waiting()).toBe(0);
});
