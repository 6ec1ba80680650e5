/**
 * Loads the validator (validation.ts: zod, the book checks) once and shares it. Where it is fetched
 * as a chunk, that is from the add-in's own origin, which the Content-Security-Policy's script-src
 * 'self' allows.
 */
type Validation = typeof import("./validation");

let loading: Promise<Validation> | null = null;

/**
 * The validator inside taskpane.js, which the pane's entry hands in when it loads
 * ({@link bundleValidation}); until then (or in a page without the pane's script) it is fetched as a
 * chunk of its own. Carried in taskpane.js, a workbook that keeps its own prices does not wait for a
 * second download before its first number (the pane-start bench's stored-book path).
 */
let bundled: (() => Promise<Validation>) | null = null;

export function bundleValidation(load: () => Promise<Validation>): void {
  bundled = load;
}

/**
 * Resolves once the page's deferred scripts have run (DOMContentLoaded), so that functions.js, which
 * runs first, does not fetch the chunk for a validator that taskpane.js is about to hand in. At once
 * outside a page, or when DOMContentLoaded has already fired.
 */
function pageScriptsRun(): Promise<void> {
  if (typeof document === "undefined" || typeof document.addEventListener !== "function") {
    return Promise.resolve();
  }
  const nav = (
    typeof performance.getEntriesByType === "function"
      ? performance.getEntriesByType("navigation")[0]
      : undefined
  ) as PerformanceNavigationTiming | undefined;
  const before =
    document.readyState === "loading" ||
    (document.readyState === "interactive" &&
      nav !== undefined &&
      nav.domContentLoadedEventStart === 0);
  if (!before) return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener("DOMContentLoaded", () => resolve(), { once: true }),
  );
}

export function loadValidation(): Promise<Validation> {
  if (loading === null) {
    loading = (async () => {
      if (bundled === null) await pageScriptsRun();
      const module = await (
        bundled ?? (() => import(/* webpackChunkName: "validation" */ "./validation"))
      )();
      document.body.dataset["evalFree"] = String(module.evalFree);
      // When it arrived (ms since the page started), for the start-up bench to tell a validator
      // loaded before the first screen from one loaded at idle after it.
      document.body.dataset["validatorAt"] = String(Math.round(performance.now()));
      return module;
    })();
    // A failed download (network, server) may be retried by the next action.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
