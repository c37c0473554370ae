// Lint keeps the layer boundaries of docs/architecture (shared/ARCHITECTURE.md) enforced, not remembered.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';

const boundaryZones = [
  { target: './src/domain', from: './src', except: ['./domain'], message: 'src/domain imports only src/domain.' },
  { target: './src/server', from: ['./src/features', './src/components', './src/app', './src/stores', './src/cli'], message: 'The backend imports the domain and the contract (src/api), never the page.' },
  { target: ['./src/features', './src/components', './src/app', './src/stores', './src/api'], from: './src/server', message: 'The page reaches the backend only through src/api.' },
  { target: './src/cli', from: './src', except: ['./domain', './cli', './server'], message: 'The CLI calls the domain, and the server\'s Node host for serve, backup and users.' },
  { target: './src/features/overview', from: './src/features', except: ['./overview'], message: 'Features stay apart: share through components/ or api/.' },
  { target: './src/features/heatmap', from: './src/features', except: ['./heatmap'], message: 'Features stay apart.' },
  { target: './src/features/team', from: './src/features', except: ['./team'], message: 'Features stay apart.' },
  { target: './src/features/employee', from: './src/features', except: ['./employee'], message: 'Features stay apart.' },
  { target: './src/features/goals', from: './src/features', except: ['./goals'], message: 'Features stay apart.' },
  { target: './src/features/catalog', from: './src/features', except: ['./catalog'], message: 'Features stay apart.' },
  { target: './src/features/import', from: './src/features', except: ['./import'], message: 'Features stay apart.' },
  { target: './src/features/reports', from: './src/features', except: ['./reports'], message: 'Features stay apart.' },
  { target: ['./src/components', './src/api', './src/stores', './src/domain'], from: ['./src/features', './src/app'], message: 'Shared code never imports features or the app.' },
];
// src never reaches into tests/ (test files excepted: they render against the backend).
const srcAvoidsTestCode = { target: './src', from: './tests', message: 'Production code never imports test code.' };

const frameworkPackages = ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*', 'zustand', 'zustand/*', 'recharts', 'msw', 'msw/*', 'dexie'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'tests/bench/data/**', 'tests/bench/out/**', 'tests/bench/tmp/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML: render text.' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...boundaryZones, srcAvoidsTestCode] }],
    },
  },
  {
    // The boot is the one place of the page that may start the in-browser backend (its browser host).
    files: ['src/main.tsx'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...frameworkPackages, 'papaparse'], message: 'The domain is framework-free.' }] }],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    // The single CSV adapter is the only place PapaParse enters the domain.
    files: ['src/domain/csv/parse.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: frameworkPackages }] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/**', 'src/domain/**', 'src/server/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/api calls fetch.' }] },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    ignores: ['src/domain/**', 'src/cli/**'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      '@tanstack/query/exhaustive-deps': 'error',
      '@tanstack/query/no-rest-destructuring': 'error',
      '@tanstack/query/stable-query-client': 'error',
    },
  },
  {
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaryZones }] },
  },
  {
    files: ['src/**/*.test.tsx'],
    ...testingLibrary.configs['flat/react'],
  },
);
