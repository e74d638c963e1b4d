// Lint rules: typescript-eslint's recommended set, plus the layering rule of the fake
// (the domain imports neither express nor sql.js; http/ does not import persistence/) and no
// focused or skipped tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', 'bench/.build/**', 'docs/**', 'dist/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only' },
        { object: 'it', property: 'only' },
        { object: 'test', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'it', property: 'skip' },
        { object: 'test', property: 'skip' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        // Node's own globals, for the build and packaging tools (tools/*.cjs).
        console: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    // cucumber.js (configuration), the formatter shim, the TypeScript loader and the build tools are CommonJS.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['fake-server/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['express', 'sql.js'], patterns: ['../persistence/*', '../http/*'] }],
    },
  },
  {
    // http/ reaches stored state only through the domain's services: never persistence/ itself,
    // and never the composition root's whole environment (each router takes its services.ts part).
    files: ['fake-server/http/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['sql.js'], patterns: ['**/persistence/*', '**/persistence', '**/environment'] }],
    },
  },
  {
    // Steps speak the procedure: they call the glue, the seams and the console's words, never a transport.
    files: ['steps/**/*.ts', 'features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/fake-server/**', '**/support/api/*', '**/support/browser/*', '**/support/fake/*', '**/support/evidence/*'] },
      ],
    },
  },
  {
    // The console's words: plain lists, written once, that every other room imports.
    files: ['support/words/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['playwright-core', '@cucumber/cucumber', 'node:http'],
          patterns: ['../api/*', '../browser/*', '../glue/*', '../evidence/*', '../fake/*'],
        },
      ],
    },
  },
  {
    // The seams and the tasks: a person's verbs and the harness's control, no transport.
    files: ['support/seams/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['playwright-core', 'node:http'],
          patterns: ['../api/*', '../browser/*', '../fake/*', '../evidence/*', '**/fake-server/**'],
        },
      ],
    },
  },
  {
    // The API side: every URL, status and JSON body; no page, no cucumber.
    files: ['support/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['playwright-core', '@cucumber/cucumber'], patterns: ['../browser/*', '../glue/*', '../evidence/*'] },
      ],
    },
  },
  {
    // The browser side: pages only. Which driver acts in a Given is the glue's choice (support/glue/who-acts.ts).
    files: ['support/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['@cucumber/cucumber'], patterns: ['../glue/*', '**/fake-server/**', '../api/http-driver', '../api/harness-control'] },
      ],
    },
  },
  {
    // The common glue, which every profile loads: nothing of the browser room, so the API profile
    // never loads playwright (the browser profile adds its own glue, support/glue/browser/).
    files: ['support/glue/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['playwright-core'], patterns: ['../browser/*', '**/support/browser/*'] }] },
  },
  {
    // Evidence wraps whichever driver acts, through the seams alone.
    files: ['support/evidence/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['playwright-core', '@cucumber/cucumber'], patterns: ['../api/*', '../browser/*', '../glue/*', '../fake/*'] },
      ],
    },
  },
  {
    // Starting (or reaching) the fake under test: the fake's own modules, nothing of the harness.
    files: ['support/fake/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['@cucumber/cucumber'], patterns: ['../api/*', '../browser/*', '../glue/*', '../seams/*', '../evidence/*', '../words/*'] },
      ],
    },
  },
);
