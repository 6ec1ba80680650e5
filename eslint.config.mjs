import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly", window: "readonly", document: "readonly", fetch: "readonly",
        setTimeout: "readonly", clearTimeout: "readonly", AbortController: "readonly",
        Office: "readonly", Excel: "readonly", CustomFunctions: "readonly",
        process: "readonly", require: "readonly", module: "readonly", __dirname: "readonly",
        URL: "readonly", TextDecoder: "readonly", performance: "readonly", globalThis: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
    },
  },
  {
    // The core is pure: it must never reach for Office globals.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "src/core is pure TypeScript: no Office globals." },
        { name: "Office", message: "src/core is pure TypeScript: no Office globals." },
        { name: "CustomFunctions", message: "src/core is pure TypeScript: no Office globals." },
        { name: "window", message: "src/core runs in Node too: no DOM globals." },
        { name: "document", message: "src/core runs in Node too: no DOM globals." },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
