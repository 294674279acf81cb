// `balances`: what every start-up registers; the command itself (../balances.ts) loads when it runs.
import { examples, CURRENCY_OPTION } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerBalances(program: Program, declare: Declare): void {
  const command = program
    .command('balances')
    .description('show available / pending / total per currency for every configured account')
    .option(...CURRENCY_OPTION)
    .option('--hide-zero', 'leave out balances that are zero')
    .addHelpText(
      'after',
      examples([
        'balance-inspector balances',
        'balance-inspector balances --account flow-main --currency ETH',
        'balance-inspector balances --json > snapshot.json',
        'balance-inspector balances --provider syncpay --hide-zero --csv',
      ]),
    );
  declare(command, () => import('../balances.js').then((m) => m.balancesCommand), { formats: ['table', 'json', 'csv'], cache: true });
}
