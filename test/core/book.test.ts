/**
 * The price book file: the bundled book passes every check, its editor schema is current, every bad
 * book in test/fixtures/books/error.*.json is rejected with the path of its problem, and the modules
 * the functions bundle uses never pull in the validator.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  bundledBook,
  bundledBookJson,
  loadBook,
  parseBook,
  priceBookJsonSchema,
} from "../../src/core";
import { checkPrices, schemaText } from "../../scripts/gen-schema";
import { failure, value } from "./expect-result";

const root = join(__dirname, "..", "..");
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), "utf8"));

describe("the bundled book", () => {
  it("passes loadBook (schema and cross-checks)", () => {
    const loaded = value(loadBook(readJson("data/prices/gpt-image-2.json")));
    expect(loaded.providers.map((p) => p.id)).toEqual(bundledBook.providers.map((p) => p.id));
    expect(value(parseBook(bundledBookJson))).toEqual(bundledBookJson);
  });

  it("has the envelope", () => {
    expect(bundledBook.schemaVersion).toBe(1);
    expect(bundledBook.bookVersion).toBe("2026.11.30");
    expect(bundledBook.published).toBe("2026-11-30");
    expect(bundledBook.currency).toBe("USD");
    expect(bundledBook.origin).toEqual({ kind: "bundled" });
    expect((bundledBookJson as { $schema?: string }).$schema).toBe("./price-book.schema.json");
  });

  it("dates each source as the page does, and leaves undated pages undated", () => {
    const dated = Object.fromEntries(bundledBookJson.sources.map((s) => [s.site, s.dated]));
    expect(dated).toEqual({
      "Atlas Cloud": "2026-05-04", // atlas-cloud-guide "Last Updated: May 4, 2026"
      Pixazo: null, // pixazo-pricing-breakdown gives no date
      Prospolabs: null, // prospolabs-model-page gives no date
      "LLM Reference": "2026-05-10", // llm-reference-openai-api "Last refreshed 2026-05-10"
      ChatGPTImages: "2026-04-28", // chatgptimages-api-pricing "checked on 2026-04-28"
    });
    expect(bundledBookJson.sources.every((s) => s.url === undefined)).toBe(true); // the seeds give no URLs
  });

  it("gives every price set notes", () => {
    for (const p of bundledBookJson.providers) {
      for (const set of [...p.image, ...p.tokens]) expect(set.notes.length).toBeGreaterThan(0);
    }
  });
});

describe("the editor JSON Schema", () => {
  it("data/prices/price-book.schema.json equals a fresh generation (run npx tsx scripts/gen-schema.ts)", () => {
    expect(readJson("data/prices/price-book.schema.json")).toEqual(priceBookJsonSchema());
  });

  it("the build check passes, and writes what it compares against", () => {
    expect(checkPrices()).toEqual([]);
    expect(JSON.parse(schemaText())).toEqual(priceBookJsonSchema());
  });

  it("rejects unknown keys, as the zod schema does", () => {
    const schema = priceBookJsonSchema();
    expect(schema["additionalProperties"]).toBe(false);
  });
});

describe("bad books: every test/fixtures/books/error.*.json is rejected whole, naming the problem's path", () => {
  // The path (and a word of the message) each fixture must produce.
  const expected: Record<string, [string, string]> = {
    "error.alias-collision.json": ["providers[3].aliases[1]", 'matches provider "openai"'],
    "error.duplicate-effective-date.json": ["providers[5].image[1].effective", "2026-05-04"],
    "error.duplicate-provider-id.json": ["providers[3].id", "duplicate provider id"],
    "error.disputed-size-without-reading.json": [
      "providers[7].image[0].pricing.notOffered[2].otherReadings",
      "must keep its other reading",
    ],
    "error.disputed-without-reading.json": [
      "providers[9].tokens[0].meterStatus.imageInput.otherReadings",
      "must keep its other reading",
    ],
    "error.duplicate-tier.json": ["providers[0].image[0].pricing.tiers[3]", "priced twice"],
    "error.min-price-above-price.json": ["providers[8].image[0].pricing.minPrice", "above price"],
    "error.missing-notes.json": ["providers[0].image[0].notes", "expected array"],
    "error.missing-read-date.json": ["providers[6].image[0].checked", "expected string"],
    "error.missing-status.json": ["providers[0].image[0].pricing.status", "expected one of"],
    "error.numbered-price-not-published.json": [
      "providers[8].image[0].pricing.medium.status",
      'cannot be "not published"',
    ],
    "error.negative-price.json": ["providers[0].image[0].pricing.tiers[0].price", ">=0"],
    "error.no-providers.json": ["providers", ">=1"],
    "error.not-a-calendar-date.json": ["providers[5].image[0].effective", "date"],
    "error.not-an-object.json": ["", "expected object"],
    "error.provider-without-prices.json": ["providers[7]", "neither image nor token prices"],
    "error.reference-cycle.json": ["providers[2].image", "azure -> openai-batch -> azure"],
    "error.sameas-missing-provider.json": ["providers[2].image[0].pricing.provider", '"openia"'],
    "error.read-before-page-date.json": [
      "providers[7].image[0].checked",
      "before the page's own date 2026-05-04",
    ],
    "error.reading-unknown-source.json": [
      "providers[7].image[0].pricing.notOffered[0].otherReadings[0].source",
      '"atlas-faq"',
    ],
    "error.size-malformed.json": ["providers[5].image[0].pricing.sizes[7]", "pattern"],
    "error.size-not-multiple-of-16.json": [
      "providers[0].image[0].pricing.tiers[0].size",
      "multiples of 16",
    ],
    "error.size-over-4096.json": ["providers[5].image[0].pricing.sizes[7]", "over 4096"],
    "error.string-price.json": ["providers[5].image[0].pricing.price", "expected number"],
    "error.token-input-overlap.json": ["providers[7].tokens[0].meters.input", "textInput"],
    "error.too-many-decimals.json": [
      "providers[6].image[0].pricing.low.price",
      "more than 6 decimals",
    ],
    "error.unknown-key.json": ["providers[0]", '"discount"'],
    "error.unknown-pricing-kind.json": ["providers[5].image[0].pricing.kind", "perQuality"],
    "error.unknown-source.json": ["providers[4].image[0].source", '"fal-pricing-page"'],
    "error.wrong-currency.json": ["currency", '"USD"'],
    "error.wrong-schema-version.json": ["schemaVersion", "expected 1"],
    "error.zero-factor.json": ["providers[1].image[0].pricing.factor", ">0"],
  };
  const dir = join(root, "test", "fixtures", "books");
  const files = readdirSync(dir).filter((f) => f.startsWith("error."));

  it("every fixture has an expectation, and every expectation a fixture", () => {
    expect([...files].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)("%s", (file) => {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), "utf8"));
    const message = failure(loadBook(json), "BAD_BOOK");
    const [path, says] = expected[file] ?? ["?", "?"];
    expect(message).toContain("The price book was rejected");
    if (path !== "") expect(message).toContain(`at ${path}\n`.trimEnd());
    expect(message).toContain(says);
  });

  it("every problem is listed, not just the first", () => {
    const json = JSON.parse(JSON.stringify(bundledBookJson)) as {
      currency: string;
      providers: { name: string }[];
    };
    json.currency = "EUR";
    (json.providers[0] as Record<string, unknown>)["extra"] = 1;
    const message = failure(parseBook(json), "BAD_BOOK");
    expect(message).toContain("at currency");
    expect(message).toContain("at providers[0]");
  });

  it("anything that is not a book is rejected without throwing", () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        ownKeys() {
          throw new Error("boom");
        },
      },
    );
    for (const junk of [undefined, null, 0, "book", [], {}, throwing]) {
      expect(loadBook(junk).ok).toBe(false);
    }
  });
});

describe("bundle weight: the validator stays out of the functions bundle", () => {
  // Every module reachable from bundled.ts and the math must import zod and schema.ts for types only.
  const runtimeImports = (file: string): string[] => {
    const text = readFileSync(join(root, "src", "core", file), "utf8");
    return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)].map(
      (m) => m[1] ?? "",
    );
  };

  it("no runtime import of zod or ./schema from the compile, lookup and math modules", () => {
    const seen = new Set<string>();
    const queue = [
      "bundled.ts",
      "math.ts",
      "rows.ts",
      "find.ts",
      "book.ts",
      "resolve.ts",
      "types.ts",
    ];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        expect(`${file} imports ${spec}`).not.toMatch(/imports (zod|\.\/schema|\.\/load)$/);
        if (spec.startsWith("./")) queue.push(`${spec.slice(2)}.ts`);
      }
    }
    expect(seen.has("numbers.ts")).toBe(true); // the walk did follow the imports
  });
});
