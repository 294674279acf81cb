// `demo`: what every start-up registers; the command itself (../demo.ts) loads when it runs.
import { examples } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerDemo(program: Program, declare: Declare): void {
  const command = program
    .command('demo')
    .description('show balances from the built-in sandbox of every provider (no config or keys needed)')
    .addHelpText('after', examples(['balance-inspector demo', 'balance-inspector demo --json', 'balance-inspector demo --account syncpay']));
  declare(command, () => import('../demo.js').then((m) => m.demoCommand), {
    formats: ['table', 'json', 'csv'],
    config: false,
    configHint: 'demo always reads its built-in sandbox; for your own config run e.g. balance-inspector balances --config <path>',
  });
}
