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
        projectService: { allowDefaultProject: ["*.js", "src/cli/bin.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // Browser scripts served as they are (no TypeScript project covers them).
  { ignores: ["src/public/static/**"] },
);
