// `snapshot`: what every start-up registers; the command itself (../snapshot.ts) loads when it runs.
import { examples, CURRENCY_OPTION, STORE_OPTION } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerSnapshot(program: Program, declare: Declare): void {
  const command = program
    .command('snapshot')
    .description('read every selected account now and record its balances in the history store')
    .option(...CURRENCY_OPTION)
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      examples([
        'balance-inspector snapshot',
        'balance-inspector --config /etc/balance-inspector/config.yaml snapshot --quiet',
        'balance-inspector snapshot --store postgres://ops@db.internal/treasury --json',
      ]),
    );
  declare(command, () => import('../snapshot.js').then((m) => m.snapshotCommand), {
    formats: ['table', 'json'],
    formatHint: 'use --json for a description of the recorded snapshot',
  });
}
