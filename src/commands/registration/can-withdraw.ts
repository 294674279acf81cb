// `can-withdraw`: what every start-up registers; the command itself (../can-withdraw.ts) loads when it runs.
import { MODES } from '../shared/choices.js';
import { examples, wordOption } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerCanWithdraw(program: Program, declare: Declare): void {
  const command = program
    .command('can-withdraw')
    .description('exit 0 if an account can pay out this amount now (available funds, fee, minimum, decimals), 1 if not')
    .argument('<currency>', 'USDT, or a provider code such as USDT_TRC20 or usdttrc20')
    .argument('<amount>', 'a plain decimal such as 250 or 0.015 (no exponent, sign or separators)')
    .option('--network <chain>', 'only this network for a canonical symbol, e.g. tron, ethereum')
    .addOption(wordOption('--mode <mode>', 'decide on live or test money (default: live if any selected account is live)', MODES))
    .addHelpText(
      'after',
      examples([
        'balance-inspector can-withdraw USDT 250 --account syncpay && ./pay.sh',
        'balance-inspector can-withdraw USDT 450 --network tron --json',
        'balance-inspector can-withdraw usdttrc20 100 --account casino',
        'balance-inspector can-withdraw ETH 0.05 --provider flow-payments',
      ]),
    )
    .addHelpText('after', '\nExit: 0 yes, 1 no (reason on stderr), 2-6 could not decide (see --help of the program).\n');
  declare(command, () => import('../can-withdraw.js').then((m) => m.canWithdrawCommand), {
    formats: ['table', 'json'],
    formatHint: 'can-withdraw answers with its exit code; --json gives the details',
    cache: true,
  });
}
