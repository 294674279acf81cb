// Lint for bugs, not style (formatting is prettier's: .prettierrc.json, `npm run format`): the type-checked rules that catch promises
// nobody awaits, promises passed where a callback's result is ignored, awaits of non-promises,
// switches that miss a case, and the process-wide tricks library code must not play
// (README "Architecture").
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/**', 'scripts/**', 'bin/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'vitest.config.ts', 'vitest.mutate.config.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      '@typescript-eslint/no-redundant-type-constituents': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-fallthrough': 'error',
      'no-self-compare': 'error',
      'no-unsafe-finally': 'error',
      'no-cond-assign': ['error', 'except-parens'],
    },
  },
  {
    // Library code plays no process-wide tricks: V8 flags are set by the CLI entry only, and the
    // working directory is never changed (config loading must work in a worker thread).
    files: ['src/**/*.ts'],
    ignores: ['src/cli.ts'],
    rules: {
      // A cast that changes nothing hides the real type from the reader (tests may keep theirs).
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'chdir', message: 'library code never changes the working directory' },
        { property: 'setFlagsFromString', message: 'V8 flags are set only by the CLI entry (src/cli.ts)' },
      ],
    },
  },
);
