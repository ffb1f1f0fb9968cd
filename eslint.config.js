// typescript-eslint's recommended and type-checked rules: they catch floating promises and unsafe `any`,
// the two mistakes that cost a message in an async bot. Prettier owns the layout, so no style rules here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["src/generated/**", "node_modules/**", "data/**", "coverage/**", "src/dashboard/static/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.cjs", "src/cli/bin.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // An async function that never awaits is how a synchronous implementation (better-sqlite3, an in-memory
      // test fake) fulfils an async interface and still turns a throw into a rejection; dropping `async`
      // would make those throws synchronous, so this rule asks for a change that alters behaviour.
      "@typescript-eslint/require-await": "off",
      // A `let` read by a callback before its one assignment (e.g. the outbox a channel pokes) stays `let`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // `_name` marks a parameter or destructured value kept for its position only.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // CommonJS config files of tools (.puppeteerrc.cjs).
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  // Browser scripts served as they are (no TypeScript project covers them).
  { ignores: ["src/public/static/**"] },
);
