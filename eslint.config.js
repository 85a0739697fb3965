import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Lint settings: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte,
 * without type information (fast: `npm run lint`, and test/lint.test.ts in `npm test`). The
 * type checker already enforces unused locals and parameters (tsconfig.json), so the lint
 * rule for them only adds the ignore pattern `_name` it shares with TypeScript.
 */
export default defineConfig([
  globalIgnores(['dist/', 'dist-cli/', 'test/output/', 'notebooks/output/', '.vite/', 'public/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' }],
    },
  },
  {
    // `declare var` is how a declaration file puts a global on globalThis.
    files: ['**/*.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
]);
