// Lint: typescript-eslint's recommended rules, type-only imports, and the boundary rule —
// the domain in core/src never imports a host, a UI or Node (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostAndUi = [
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'core/src is host- and UI-free: shared pane components live in core/ui.' },
  { group: ['@microsoft/office-js', 'office-js', '@types/office-js', '@types/google-apps-script'], message: 'core/src never sees a host API.' },
  { group: ['**/excel-addin/**', '**/sheets-addon/**', '**/cli/**'], message: 'core/src never imports a host adapter or the CLI.' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'core/src runs in browsers and Apps Script too: no Node modules.' },
];

const nodeGlobals = ['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'].map((name) => ({
  name,
  message: 'core/src runs in browsers and Apps Script too: no Node globals.',
}));

// The workflow is split by capability (core/src/workflow/<capability>/); each folder's index.ts is
// its public face. Code outside a folder imports the folder, never a file inside it (tests may:
// they test the parts). docs/ARCHITECTURE.md, "Pieces".
const CAPABILITIES = ['plan', 'ranking', 'upper-level', 'calendar', 'demo'];
const capabilityBoundary = {
  regex: `(^|/)workflow/(${CAPABILITIES.join('|')})/|^\\.\\./(${CAPABILITIES.join('|')})/|(^|/)src/year/|^\\.\\./(\\.\\./)*year/`,
  message: "import a capability through its folder (e.g. '../plan', '../year'), never a file inside it.",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'templates/**', 'coverage/**', '**/*.cjs', 'x/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...hostAndUi, { group: ['**/ui/**', '**/core/ui'], message: 'the domain never imports the shared pane components.' }, capabilityBoundary] },
      ],
      // The docx package's types reference @types/node, which then reaches core's type check: Node's
      // globals are refused here instead (docs/ARCHITECTURE.md, "The rule").
      'no-restricted-globals': ['error', ...nodeGlobals],
      '@typescript-eslint/no-restricted-types': ['error', { types: { Buffer: { message: 'core/src hands bytes as Uint8Array: no Node Buffer.' } } }],
    },
  },
  {
    // Shared pane components: React and Fluent UI, but never a host API or Node.
    files: ['core/ui/**/*.ts', 'core/ui/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...hostAndUi.slice(1), capabilityBoundary] }] },
  },
  {
    // The hosts, the CLI and the scripts: the workflow's folders through their index only.
    files: ['core/cli/**/*.ts', 'excel-addin/src/**/*.ts', 'excel-addin/src/**/*.tsx', 'sheets-addon/src/**/*.ts', 'sheets-addon/src/**/*.tsx', 'scripts/**/*.ts', 'manifests/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [capabilityBoundary] }] },
  },
  {
    files: ['scripts/**/*.mjs', 'core/test/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
