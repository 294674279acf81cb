// Mutation testing (`npm run mutate`, README "Tests"): Stryker changes the code a wrong answer
// would come from, one small change (a mutant) at a time, and runs the tests that cover it; a
// mutant no test notices is a rule the suite lets go. Not part of `npm test` (minutes); run it
// before changing one of these files. Equivalent mutants (no observable difference) are listed
// in stryker-equivalents.md, each with its reason; the source carries no disable comments.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Each mutant runs only the tests that executed its code in the first, unmutated run.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/money.ts',
    'src/core/sanity.ts',
    'src/core/withdrawal.ts',
    'src/core/withdrawal-limits.ts',
    // The decision over every candidate (mode, failed accounts, the answer, its exit code) and
    // the funds a payout may use (available less what a run committed, less the reserve).
    'src/core/withdrawal-decision.ts',
    'src/core/balance-funds.ts',
    'src/core/currency-filter.ts',
    'src/core/conditions.ts',
    'src/core/totals.ts',
    'src/core/valuation.ts',
    'src/core/secrets.ts',
    'src/core/safe-file.ts',
    // The one paginator: the rule judging each page, and the loop that follows it.
    'src/providers/kit/page-signals.ts',
    'src/providers/kit/paginator.ts',
    // The history series identity, at the path the history lane is giving it (today seriesKey
    // in src/history/record.ts; a pattern that matches no file mutates nothing).
    'src/history/store/series-key.ts',
  ],
  ignorePatterns: ['dist', 'bench/results.json', 'coverage'],
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 95, low: 90, break: null },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
};
