// ESLint over all code in the repository: the recommended sets, plus the rules that catch bugs
// this codebase could actually have. Layout is Prettier's job (.prettierrc), not ESLint's.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages that only work in Node or in Electron's main process. */
const nodeOnlyPackages = ['better-sqlite3', 'electron', 'electron-log', 'electron-updater', 'exceljs', 'iconv-lite', 'node-thermal-printer', 'pg'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', '.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's signature, a field dropped by a rest pattern).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The ideographic space (U+3000) separates fields in Chinese text on slips, boards and exports.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
    },
  },
  {
    // Tests and their helpers read untyped JSON replies and poke at internals; production code has no `any`.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'e2e/**', 'bench/**', 'scripts/**', 'electron/core/test-support.ts', 'electron/core/fuzz-support.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic hooks rules. The React Compiler rules of the plugin's recommended set are not
    // enabled: this app does not use the compiler, and they flag the load-on-mount effect the pages use by design.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A stale closure in an effect shows old data at the counter; deliberate omissions carry a disable with a why.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The UI runs in a browser page (or Electron's sandboxed renderer): no Node APIs. TypeScript cannot
    // enforce this because the `Handlers` type pulls in Node's types, so ESLint does. Type-only imports are fine.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...builtinModules, ...nodeOnlyPackages].map((name) => ({
            name,
            message: 'The renderer runs in a browser page: no Node or server-side modules.',
            allowTypeImports: true,
          })),
          patterns: [{ group: ['node:*'], message: 'The renderer runs in a browser page: no Node modules.', allowTypeImports: true }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'The renderer runs in a browser page: no Node globals.',
        })),
      ],
    },
  },
);
