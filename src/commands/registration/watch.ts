// `watch`: what every start-up registers; the command itself (../watch.ts) loads when it runs.
import { collect, examples, CURRENCY_OPTION, STORE_OPTION } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

const WATCH_HELP = `
Conditions (--below, --above, --until) compare the AVAILABLE amount, summed
over every matching balance: all wallets and networks, and all watched
accounts unless an account is named.
  selector          [account:]CURRENCY[@network]: USDT, syncpay:USDT,
                    USDT@tron, USDT_TRC20
  --below, --above  selector=AMOUNT: USDT=100 (fires when crossed, again on
                    recovery)
  --until           selector OP AMOUNT: USDT>=500; OP is >=, >, <=, < or =
AMOUNT is a plain decimal (100, 0.5); exponents, signs like + and separators
are refused.

In watch, --timeout is how long to watch at most (with --until: how long to
wait; exit 1 when it passes first). Each poll's own budget is its interval, at
most 30s.

Exit codes: 0 --until held, or --count/--timeout reached with every account
answering and no threshold in alert; 1 --until did not hold in time, or a
threshold is in alert at the end; 3 an account's \${VAR} or key file cannot be
used; 4/5/6 the last poll of an account failed (lowest code wins); 130/143
interrupted.
`;

export function registerWatch(program: Program, declare: Declare): void {
  const command = program
    .command('watch')
    .description('watch balances change: a live table on a terminal, NDJSON events otherwise; alerts, wait-for-funds and Prometheus metrics')
    .option('--interval <duration>', "time between polls of each account (default 60s; raised to each provider's floor)")
    .option('--count <n>', 'stop after every account has been polled n times')
    .option(...CURRENCY_OPTION)
    .option('--hide-zero', 'leave zero balances out of the table and the snapshot (changes are still reported)')
    .option('--below <level>', 'alert when available goes below: [account:]CURRENCY[@network]=AMOUNT (repeatable)', collect)
    .option('--above <level>', 'alert when available goes above: [account:]CURRENCY[@network]=AMOUNT (repeatable)', collect)
    .option('--until <condition>', "exit 0 as soon as it holds, e.g. 'USDT>=500' or 'syncpay:USDT@tron>=500'")
    .option('--exec <command>', 'run this shell command for each threshold event, with the event JSON on stdin (at most 10s each)')
    .option('--metrics <[host:]port>', 'serve Prometheus metrics at http://host:port/metrics (host default 127.0.0.1)')
    .option('--record', 'record every poll in the history store (only what changed; see `history`)')
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      WATCH_HELP +
        examples([
          'balance-inspector watch --interval 30s',
          "balance-inspector watch --json --below USDT=100 --exec 'curl -sS --data-binary @- https://hooks.example/alerts'",
          "balance-inspector watch --account syncpay --until 'USDT>=500' --timeout 10m && pay-out.sh",
          'balance-inspector watch --metrics 0.0.0.0:9188 --interval 2m > /dev/null',
        ]),
    );
  declare(command, () => import('../watch.js').then((m) => m.watchCommand), {
    formats: ['table', 'json'],
    formatHint: 'watch streams NDJSON events with --json',
    longRunning: true,
  });
}
