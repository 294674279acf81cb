// `can-withdraw <currency> <amount>`: answer "can I pay this out?" with an exit code a shell script
// can trust. 0 only when some account is known to have the funds and every rule is known to hold;
// 1 for a known no; 2–6 when the answer could not be decided. Never 0 on doubt.
import type { Command } from 'commander';
import { ExitCode, UsageError } from '../core/errors.js';
import type { BatchOptions } from './can-withdraw-batch.js';
import { examples } from './shared/options.js';
import type { RunContext, Runner } from './shared/context.js';
import { stringOption, type RawOptions } from './shared/raw-options.js';
import type { Mode } from '../core/balance.js';
import type { WithdrawalRequest } from '../core/withdrawal.js';

export interface CanWithdrawOptions {
  /**
   * <currency> <amount> and --network: the amount is an exact decimal; the currency a canonical
   * symbol (any network, unless --network names one) or a provider code (one network).
   */
  request: WithdrawalRequest;
  /** --mode: decide on live or test money; undefined = live if any selected account is live. */
  mode: Mode | undefined;
}

export function registerCanWithdraw(program: Command, run: Runner): void {
  program
    .command('can-withdraw')
    .description('exit 0 if an account can pay out this amount now (available funds, fee, minimum, decimals), 1 if not; --batch plans a whole payout run')
    .argument('[currency]', 'USDT, or a provider code such as USDT_TRC20 or usdttrc20')
    .argument('[amount]', 'a plain decimal such as 250 or 0.015 (no exponent, sign or separators)')
    .option('--network <chain>', 'only this network for a canonical symbol, e.g. tron, ethereum')
    .option('--mode <mode>', 'decide on live or test money (default: live if any selected account is live)')
    .option('--batch <file>', 'plan a payout run from a CSV, JSON or NDJSON file of id,currency,amount[,network,account] (- reads stdin)')
    .addHelpText(
      'after',
      examples([
        'balance-inspector can-withdraw USDT 250 --account syncpay && ./pay.sh',
        'balance-inspector can-withdraw USDT 450 --network tron --json',
        'balance-inspector can-withdraw usdttrc20 100 --account casino',
        "balance-inspector can-withdraw --batch payouts.csv --csv | awk -F, '$2==\"yes\"'",
      ]),
    )
    .addHelpText('after', `\nExit: 0 yes, 1 no (reason on stderr), 2-6 could not decide (see --help of the program).\n${BATCH_HELP}`)
    .action(
      run(parseCanWithdrawCommand, runCanWithdrawCommand, (opts) =>
        opts.batch === undefined
          ? { formats: ['table', 'json'], formatHint: 'can-withdraw answers with its exit code; --json gives the details (--csv is for --batch)', cache: true }
          : { formats: ['table', 'json', 'csv'], cache: true },
      ),
    );
}

const BATCH_HELP = `
--batch: every selected account is read once, afresh; the payouts are decided in file order,
each against what the yes payouts before it left of the balance that pays it. Only yes payouts
commit money: the plan holds only if the script pays exactly the yes payouts, in file order.
Exit: 0 every payout yes, 1 all decided and some no, 2-6 some could not be decided.
`;

/** What `can-withdraw` was asked: one payout from its arguments, or a run from a file. */
export type CanWithdrawCommand = { single: CanWithdrawOptions } | { batch: BatchOptions };

export async function parseCanWithdrawCommand(opts: RawOptions, args: readonly string[]): Promise<CanWithdrawCommand> {
  const batch = stringOption(opts, 'batch');
  if (batch === undefined) {
    if (args.length < 2) throw new UsageError(`missing ${args.length === 0 ? '<currency> and <amount>' : '<amount>'}`, 'e.g. can-withdraw USDT 250, or can-withdraw --batch payouts.csv');
    return { single: await parseCanWithdrawOptions(opts, args) };
  }
  if (args.length > 0) throw new UsageError('--batch takes the payouts from the file; give no currency or amount with it');
  if (stringOption(opts, 'network') !== undefined) throw new UsageError('--network applies to one payout; a --batch file gives each payout its network in a network column');
  const [{ parseMode }, { CLI_OPTION_NAMES }] = await Promise.all([import('../api/can-withdraw.js'), import('../core/option-names.js')]);
  if (batch.trim() === '') throw new UsageError('--batch needs a file, or - for standard input');
  return { batch: { file: batch, mode: parseMode(stringOption(opts, 'mode'), CLI_OPTION_NAMES) } };
}

export async function runCanWithdrawCommand(ctx: RunContext, command: CanWithdrawCommand): Promise<number> {
  if ('single' in command) return runCanWithdraw(ctx, command.single);
  const { runBatch } = await import('./can-withdraw-batch.js');
  return runBatch(ctx, command.batch);
}

/** Usage errors before any provider is asked. */
export async function parseCanWithdrawOptions(opts: RawOptions, args: readonly string[]): Promise<CanWithdrawOptions> {
  const [{ parseWithdrawalQuery, parseMode }, { CLI_OPTION_NAMES }] = await Promise.all([import('../api/can-withdraw.js'), import('../core/option-names.js')]);
  const request = parseWithdrawalQuery({ currency: args[0] ?? '', amount: args[1] ?? '', network: stringOption(opts, 'network') }, 'arguments');
  return { request, mode: parseMode(stringOption(opts, 'mode'), CLI_OPTION_NAMES) };
}

export async function runCanWithdraw(ctx: RunContext, { request, mode }: CanWithdrawOptions): Promise<number> {
  const [{ canWithdraw }, { collectBalances, reportErrors }, format] = await Promise.all([
    import('../api/can-withdraw.js'),
    import('./shared/fetch.js'),
    import('../format/withdrawal.js'),
  ]);
  // Always fresh: a payout decision never rests on cached balances (docs/cache.md); what is read
  // still refreshes the cache for the commands that follow.
  const result = await collectBalances(ctx, { withdrawalRules: true, refresh: true });
  const answer = await canWithdraw(result, request, { mode });
  const { decision, chosen, checks, unheld } = answer;
  const inMode = format.modeTag(answer.mode);

  if (ctx.output.format === 'json') {
    ctx.output.data(format.withdrawalJson({ ...answer, generatedAt: ctx.now() }));
  } else if (chosen) {
    ctx.output.data(`${format.yesLine(request, chosen)} ${inMode}\n`);
  }
  if (decision === 'yes') {
    for (const note of chosen?.notes ?? []) ctx.output.info(`note: ${note}`);
    if (result.errors.length > 0) ctx.output.warn('some accounts could not be read; the yes comes from one that could');
    return ExitCode.ok;
  }
  for (const c of checks) {
    for (const note of c.status === 'unknown' && c.eligible ? c.notes : []) ctx.output.info(`note: ${note}`);
  }
  // Only a known no starts with "no:"; undecided, the same findings are what was seen so far.
  const prefix = decision === 'no' ? 'no' : 'so far';
  const lines = unheld ? [`${unheld} ${inMode}`] : checks.map((c) => `${c.reasons.join('; ')} ${format.modeTag(c.mode)}`);
  for (const line of lines) ctx.output.error(`${prefix}: ${line}`);
  if (decision === 'unknown') {
    reportErrors(ctx, result);
    ctx.output.error(
      result.errors.length > 0
        ? 'could not decide: an account that might hold the funds could not be read'
        : 'could not decide: a figure the answer rests on is inconsistent or could not be checked (see above)',
    );
    // Never 0 on doubt, even if no error code explains it.
    return answer.exitCode || ExitCode.badResponse;
  }
  return ExitCode.no;
}
