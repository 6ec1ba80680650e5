/**
 * Loads the validation chunk (validation.ts) once and shares it. The chunk is fetched from the add-in's
 * own origin, which the Content-Security-Policy's script-src 'self' allows.
 */
type Validation = typeof import("./validation");

let loading: Promise<Validation> | null = null;

export function loadValidation(): Promise<Validation> {
  if (loading === null) {
    loading = import(/* webpackChunkName: "validation" */ "./validation").then((module) => {
      document.body.dataset["evalFree"] = String(module.evalFree);
      // When it arrived (ms since the page started), for the start-up bench to tell a validator
      // loaded before the first screen from one loaded at idle after it.
      document.body.dataset["validatorAt"] = String(Math.round(performance.now()));
      return module;
    });
    // A failed download (network, server) may be retried by the next action.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
