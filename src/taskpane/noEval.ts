/**
 * Imported first by validation.ts, the pane's lazily loaded validator: the pane's
 * Content-Security-Policy forbids eval, and zod otherwise probes for
 * it with `new Function` while building the price book schema, which the browser reports as a
 * policy violation. jitless must be set before any schema is built, hence a module of its own. The
 * package is marked side-effect free, so validation.ts re-exports the flag to keep this module in.
 */
import { config } from "zod/mini";

export const evalFree: boolean = config({ jitless: true }).jitless === true;
