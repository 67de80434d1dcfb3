import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pureWhy =
  'engine/, model/ and export/ run unchanged in the worker, in Vitest and in the CLI (DESIGN.md boundary 1)';
const fidelityWhy =
  'src/fidelity and the broker clients are Node-only test drivers against real brokers: nothing in the app or the engine may depend on them';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/model/**/*.ts', 'src/export/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', '@xyflow/react', 'zustand', 'comlink'].map((name) => ({
            name,
            message: pureWhy,
          })),
          patterns: [
            { group: ['**/store/**', '**/ui/**', '**/sim-client/**', '**/workers/**'], message: pureWhy },
            { group: ['**/fidelity/**', 'amqplib', 'mqtt', 'nats'], message: fidelityWhy },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'self', 'navigator', 'localStorage', 'performance'].map((name) => ({
          name,
          message: pureWhy,
        })),
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness comes from the seeded streams in engine/core/random.ts, so runs are reproducible.' },
        { object: 'Date', property: 'now', message: 'The engine knows sim time only; wall time is injected by the driver.' },
        { object: 'performance', property: 'now', message: 'The engine knows sim time only; wall time is injected by the driver.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine', '**/engine/**'],
              message: 'The UI reaches the engine only through src/sim-client (DESIGN.md boundary 2).',
            },
            { group: ['**/fidelity/**', 'amqplib', 'mqtt', 'nats'], message: fidelityWhy },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['workers/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['src/cli/**/*.ts', 'src/fidelity/**/*.ts', 'src/export/golden/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{ts,js}', 'bin/**/*.js', '*.config.{ts,js}', '.ci/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
