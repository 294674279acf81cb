// `total`: what every start-up registers; the command itself (../total.ts) loads when it runs.
import { GROUP_BY } from '../shared/choices.js';
import { examples, wordOption, CURRENCY_OPTION } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerTotal(program: Program, declare: Declare): void {
  const command = program
    .command('total')
    .description('sum the USD value of your balances, show where each value came from, and reconcile with provider totals')
    .addOption(wordOption('--by <group>', 'group lines by', GROUP_BY).default('currency'))
    .option('--tolerance <percent>', 'allowed difference from a provider-reported total, in percent (e.g. 1%, 0.5)', '1%')
    .option('--strict', 'exit 1 if any balance could not be priced')
    .option(...CURRENCY_OPTION)
    .option('--hide-zero', 'leave out balances that are zero')
    .addHelpText(
      'after',
      examples([
        'balance-inspector total',
        'balance-inspector total --by account --json',
        'balance-inspector total --strict --tolerance 0.5%    # fail if anything is unpriced',
        'balance-inspector total --provider syncpay --csv',
      ]),
    );
  declare(command, () => import('../total.js').then((m) => m.totalCommand), { formats: ['table', 'json', 'csv'], cache: true });
}
