// The tests `npm run mutate` (stryker.config.mjs) runs against each mutant: the fast tests of the
// modules it mutates, calling them the way the commands do and asserting what users see.
// Stryker runs every one of them for a mutant in module-level code (a regex, a table), so the
// list is kept to what can kill a mutant there; a new test file for one of those modules belongs
// in it. Left out: spawned CLIs (they run dist/, which holds no mutant) and the fault suite
// (seconds per row; its money and withdrawal rows have unit-level twins here).
// Stryker asks vitest for worker threads, where process.umask does not exist, and a pool given to
// vitest overrides a project's own: the plugin below sets forked processes back for the tests
// that need them.
import { defineConfig } from 'vitest/config';

/** Tests that run in worker threads (cheaper to start than processes). */
const THREADED = [
  'test/unit/core-modules-load.test.ts',
  'test/unit/money.test.ts',
  'test/unit/sanity.test.ts',
  'test/unit/sanity-repeats.test.ts',
  'test/unit/duplicates.test.ts',
  'test/unit/valuation-borrowed.test.ts',
  'test/unit/withdrawal.test.ts',
  'test/unit/withdrawal-rules.test.ts',
  'test/unit/withdrawal-rules-funds.test.ts',
  'test/unit/withdrawal-desk.test.ts',
  'test/unit/totals.test.ts',
  'test/unit/secrets.test.ts',
  'test/unit/safe-file.test.ts',
  'test/unit/safe-file-owner.test.ts',
  'test/unit/safe-file-errors.test.ts',
  'test/unit/currencies.test.ts',
  'test/unit/currency-filter.test.ts',
  'test/unit/provider-facts.test.ts',
  'test/unit/blind-spots.test.ts',
  'test/unit/channels.test.ts',
  'test/unit/sanitize.test.ts',
  'test/unit/config-decimals.test.ts',
  'test/unit/config-trust.test.ts',
  'test/unit/cache-trust.test.ts',
  'test/watch/conditions.test.ts',
  'test/watch/condition-check.test.ts',
  'test/watch/diff-thresholds.test.ts',
  'test/reliability/money.property.test.ts',
  'test/api/can-withdraw-fail-closed.test.ts',
  'test/api/plan-payouts.test.ts',
  'test/unit/balance-funds.test.ts',
  'test/unit/paginator.test.ts',
  'test/providers/lists.test.ts',
  'test/unit/series-key.test.ts',
];
/** Tests that need a process of their own: they set the umask. */
const FORKED = ['test/unit/config-init.test.ts', 'test/unit/safe-file-mode.test.ts'];

const common = { testTimeout: 20_000, hookTimeout: 20_000, env: { NO_COLOR: '1', FORCE_COLOR: '0' } };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'mutate', include: THREADED, ...common } },
      {
        plugins: [{ name: 'keep-forks', config: () => ({ test: { pool: 'forks' } }) }],
        test: { name: 'mutate-forked', include: FORKED, ...common },
      },
    ],
  },
});
