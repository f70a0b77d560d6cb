import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import signalboxWalls from './eslint/walls.js';

const UI_LIBRARIES = [
  'react',
  'react-dom',
  'react/*',
  '@xyflow/*',
  'monaco-editor',
  'monaco-editor/*',
  'mermaid',
  'zustand',
  'zustand/*',
  'zundo',
  'elkjs',
  'elkjs/*',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-schema-editor',
      'packages/cli/dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The core is pure: it runs in Node and the browser and knows no UI library (STYLE.md).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBRARIES, message: 'src/core must not import a UI library: it runs in Node.' },
            {
              group: ['**/state/*', '**/features/*', '**/app/*', '**/components/*', '**/cli/*'],
              message: 'src/core imports only from src/core.',
            },
          ],
        },
      ],
    },
  },
  {
    // Issue 18: the layers' walls (eslint/walls.js says what each one is).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { signalbox: signalboxWalls },
    rules: { 'signalbox/walls': 'error', 'signalbox/no-test-hooks': 'error' },
  },
  {
    // Journeys find what a person sees (roles, labels, text), never a test id (issue 10).
    files: ['e2e/**/*.ts'],
    ignores: ['e2e/schema-editor/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='getByTestId']",
          message: 'A journey finds what a person sees: getByRole, getByLabel or getByText, not a test id.',
        },
        {
          selector: 'Literal[value=/data-testid|\\.react-flow__/]',
          message: 'A journey finds what a person sees, not a test id or a library class.',
        },
      ],
    },
  },
);
