/**
 * Writes data/prices/price-book.schema.json from the zod schema, so editors autocomplete and check
 * price books. Run: npx tsx scripts/gen-schema.ts. A test fails when the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { priceBookJsonSchema } from "../src/core/schema";

export const SCHEMA_PATH = join(__dirname, "..", "data", "prices", "price-book.schema.json");

/** The schema file's exact text. */
export function schemaText(): string {
  return `${JSON.stringify(priceBookJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
