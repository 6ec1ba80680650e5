/**
 * Prints the Chromium the browser tests will run and exits 0, or says what to install and exits 1.
 * `bash scripts/test-all.sh` asks it before installing anything.
 */
import { findChromium } from "../test/support/chromium";

const search = findChromium();
if (search.found) {
  console.log(search.path);
} else {
  console.error(search.message);
  process.exitCode = 1;
}
