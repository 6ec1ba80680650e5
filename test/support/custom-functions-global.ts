/**
 * The `CustomFunctions` global Excel's runtime provides, for code that calls the functions' source
 * in Node (the HyperFormula adapter): errors are the harness's stand-in ExcelError. Import it before
 * the functions' source; a global that is already there is kept.
 */
import { ErrorCode, ExcelError } from "./functions-harness";

const scope = globalThis as { CustomFunctions?: unknown };
scope.CustomFunctions ??= { Error: ExcelError, ErrorCode, associate: () => undefined };
