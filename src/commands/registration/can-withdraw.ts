// `can-withdraw`: what every start-up registers; the command itself (../can-withdraw.ts) loads when it runs.
import { MODES } from '../shared/choices.js';
import { examples, wordOption } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerCanWithdraw(program: Program, declare: Declare): void {
  const command = program
    .command('can-withdraw')
    .description('exit 0 if an account can pay out this amount now (available funds, fee, minimum, decimals), 1 if not; --batch plans a whole payout run')
    .argument('[currency]', 'USDT, or a provider code such as USDT_TRC20 or usdttrc20')
    .argument('[amount]', 'a plain decimal such as 250 or 0.015 (no exponent, sign or separators)')
    .option('--network <chain>', 'only this network for a canonical symbol, e.g. tron, ethereum')
    .addOption(wordOption('--mode <mode>', 'decide on live or test money (default: live if any selected account is live)', MODES))
    .option('--batch <file>', 'plan a payout run from a CSV, JSON or NDJSON file of id,currency,amount[,network,account] (- reads stdin)')
    .addHelpText(
      'after',
      examples([
        'balance-inspector can-withdraw USDT 250 --account syncpay && ./pay.sh',
        'balance-inspector can-withdraw USDT 450 --network tron --json',
        'balance-inspector can-withdraw usdttrc20 100 --account casino',
        'balance-inspector can-withdraw --batch payouts.csv --csv | awk -F, \'$2=="yes"\'',
      ]),
    )
    .addHelpText('after', `\nExit: 0 yes, 1 no (reason on stderr), 2-6 could not decide (see --help of the program).\n${BATCH_HELP}`);
  // One answer prints a table or JSON; a --batch plan CSV too (its --help lists what either takes).
  declare(
    command,
    () => import('../can-withdraw.js').then((m) => m.canWithdrawCommand),
    (opts) =>
      opts !== null && opts.batch === undefined
        ? { formats: ['table', 'json'], formatHint: 'can-withdraw answers with its exit code; --json gives the details (--csv is for --batch)', cache: true }
        : { formats: ['table', 'json', 'csv'], cache: true },
  );
}

const BATCH_HELP = `
--batch: every selected account is read once, afresh; the payouts are decided in file order,
each against what the yes payouts before it left of the balance that pays it. Only yes payouts
commit money: the plan holds only if the script pays exactly the yes payouts, in file order.
Exit: 0 every payout yes, 1 all decided and some no, 2-6 some could not be decided.
`;
