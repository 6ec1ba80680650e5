/**
 * Imported first by the pane: its Content-Security-Policy forbids eval, and zod otherwise probes for
 * it with `new Function` while building the price book schema, which the browser reports as a
 * policy violation. jitless must be set before any schema is built, hence a module of its own. The
 * package is marked side-effect free, so the pane reads the export to keep this module in the bundle.
 */
import { config } from "zod";

export const evalFree: boolean = config({ jitless: true }).jitless === true;
