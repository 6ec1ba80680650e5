/**
 * Everything that validates a price book with the core's schema (and so needs zod), in one module the
 * pane loads with `import()` only when it has a book to check: a refresh, a book stored in the
 * workbook, or "Use prices from the sheet". The bundler gives it a chunk of its own, so the pane's
 * first screen does not wait for zod to be downloaded, parsed and run.
 *
 * noEval comes first: zod must be told not to probe for eval (forbidden by the pane's
 * Content-Security-Policy) before the schema modules below build any schema.
 */
import { evalFree } from "./noEval";

export { evalFree };
export { loadBook } from "../core";
export { prepareFeedText } from "./refresh/prepare";
export { readStoredBook } from "./storedBook";
