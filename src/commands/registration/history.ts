// `history` and its store-wide subcommands `prune`, `export` and `import`: what every start-up
// registers; the commands themselves (../history.ts, ../history-store.ts) load when they run.
import { BUCKETS } from '../shared/choices.js';
import { examples, wordOption, CURRENCY_OPTION, STORE_OPTION } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { RawOptions } from '../shared/raw-options.js';
import type { Program } from '../shared/supports.js';

export function registerHistory(program: Program, declare: Declare): void {
  const history = program
    .command('history')
    .description('show how balances moved: one line per balance with a sparkline, a chart, or every point')
    .option('--since <when>', 'from this long ago or this date: 30d, 12h, 2w, 2026-11-01 (default 30d)')
    .option('--until <when>', 'up to this long ago or this date (default: now)')
    .addOption(wordOption('--by <bucket>', 'one point per hour, day or week (the last value in each)', BUCKETS))
    .option(...CURRENCY_OPTION)
    .option('--chart', "draw a line chart: of the one selected balance's total, else of the USD total")
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      `\nTimes are UTC; --by week starts on Monday. Amounts are exact; --chart plots them approximately.\n` +
        examples([
          'balance-inspector history',
          'balance-inspector history --currency USDT --by day --since 90d',
          'balance-inspector history --account syncpay --currency USDT_TRC20 --chart',
          'balance-inspector history --by week --since 2026-01-01 --csv > weekly.csv',
        ]),
    );
  declare(history, () => import('../history.js').then((m) => m.historyCommand), { formats: ['table', 'json', 'csv'] });
  const prune = history
    .command('prune')
    .description('forget snapshots older than a duration (default: the config history.retain)')
    .option('--older-than <duration>', 'e.g. 400d, 52w')
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      examples(['balance-inspector history prune --older-than 400d', 'balance-inspector history prune --store postgres://ops@db.internal/treasury --json']),
    );
  // `history prune --store x`: commander hands --store to `history`, which declares it too.
  const withHistoryFlags = (opts: RawOptions) => ({ ...history.opts(), ...opts });
  const storeWide = () => import('../history-store.js');
  declare(prune, () => storeWide().then((m) => m.pruneCommand), { formats: ['table', 'json'] }, withHistoryFlags);
  const exporting = history
    .command('export')
    .description('write the whole store as JSON lines, one account read per line (for import, backups, moving stores)')
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      examples([
        'balance-inspector history export > history.ndjson',
        'balance-inspector history export --store history.db | balance-inspector history import --store postgres://ops@db.internal/treasury',
      ]),
    );
  // The lines are JSON with or without --json.
  declare(
    exporting,
    () => storeWide().then((m) => m.exportCommand),
    { formats: ['table', 'json'], formatHint: 'history export always writes JSON lines' },
    withHistoryFlags,
  );
  const importing = history
    .command('import')
    .description('add the lines history export wrote to a store (idempotent; all or nothing)')
    .argument('[file]', 'the lines to import; - or none for standard input')
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      examples([
        'balance-inspector history import history.ndjson --store postgres://ops@db.internal/treasury',
        'balance-inspector history export --store postgres://ops@db.internal/treasury | balance-inspector history import --store backup.db',
      ]),
    );
  // Import takes every line it is given: --account and --provider would select nothing.
  declare(importing, () => storeWide().then((m) => m.importCommand), { formats: ['table', 'json'], accounts: false }, withHistoryFlags);
}
