// `changes`: what every start-up registers; the command itself (../changes.ts) loads when it runs.
import { examples, CURRENCY_OPTION, STORE_OPTION } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerChanges(program: Program, declare: Declare): void {
  const command = program
    .command('changes')
    .description('show what moved between two moments, from the history store')
    .option('--since <when>', 'compare from this long ago or this date: 24h, 7d, 2026-11-01 (default 30d)')
    .option('--until <when>', 'compare up to this moment (default: now)')
    .option(...CURRENCY_OPTION)
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      examples([
        'balance-inspector changes --since 24h',
        'balance-inspector changes --since 2026-11-01 --until 2026-11-08 --json',
        'balance-inspector changes --since 7d --account syncpay --currency USDT',
      ]),
    );
  declare(command, () => import('../changes.js').then((m) => m.changesCommand), { formats: ['table', 'json', 'csv'] });
}
