/**
 * Writes data/prices/price-book.schema.json from the zod schema, so editors autocomplete and check
 * price books:            npx tsx scripts/gen-schema.ts
 * Checks instead (for CI and builds): the committed schema is current and the bundled book passes
 * every check of loadBook; exits 1 with the problems otherwise:
 *                         npx tsx scripts/gen-schema.ts --check
 * A test (test/core/book.test.ts) also fails when the committed schema is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { loadBook } from "../src/core/load";
import { priceBookJsonSchema } from "../src/core/schema";

const PRICES = join(__dirname, "..", "data", "prices");
export const SCHEMA_PATH = join(PRICES, "price-book.schema.json");
export const BOOK_PATH = join(PRICES, "gpt-image-2.json");

/** The schema file's exact text. */
export function schemaText(): string {
  return `${JSON.stringify(priceBookJsonSchema(), null, 2)}\n`;
}

/** Problems with the committed price data; empty when all is well. */
export function checkPrices(): string[] {
  const problems: string[] = [];
  const committed: unknown = JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
  if (!isDeepStrictEqual(committed, priceBookJsonSchema())) {
    problems.push(`${SCHEMA_PATH} is stale: run npx tsx scripts/gen-schema.ts`);
  }
  const loaded = loadBook(JSON.parse(readFileSync(BOOK_PATH, "utf8")));
  if (!loaded.ok) problems.push(`${BOOK_PATH}: ${loaded.message}`);
  return problems;
}

if (require.main === module) {
  if (process.argv.includes("--check")) {
    const problems = checkPrices();
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) process.exit(1);
    console.log("price book and schema are valid and current");
  } else {
    writeFileSync(SCHEMA_PATH, schemaText());
    console.log(`wrote ${SCHEMA_PATH}`);
  }
}
