// `can-withdraw <currency> <amount>`: answer "can I pay this out?" with an exit code a shell script
// can trust. 0 only when some account is known to have the funds and every rule is known to hold;
// 1 for a known no; 2–6 when the answer could not be decided. Never 0 on doubt. Loaded when the
// command runs; its registration is registration/can-withdraw.ts.
import { canWithdraw as decide, parseMode, parseWithdrawalQuery, type WithdrawalDecision } from '../api/can-withdraw.js';
import { ExitCode, UsageError } from '../core/errors.js';
import { CLI_OPTION_NAMES } from '../core/option-names.js';
import type { Mode } from '../core/balance.js';
import type { WithdrawalRequest } from '../core/withdrawal.js';
import { modeTag, withdrawalJson, yesLine } from '../format/withdrawal.js';
import type { RunContext } from './shared/context.js';
import { collectBalances, reportErrors } from './shared/fetch.js';
import { stringOption, type RawOptions } from './shared/raw-options.js';
import { render, type Renderers } from './shared/render.js';
import { PLAN_RENDER, runBatch, type BatchOptions } from './can-withdraw-batch.js';

export interface CanWithdrawOptions {
  /**
   * <currency> <amount> and --network: the amount is an exact decimal; the currency a canonical
   * symbol (any network, unless --network names one) or a provider code (one network).
   */
  request: WithdrawalRequest;
  /** --mode: decide on live or test money; undefined = live if any selected account is live. */
  mode: Mode | undefined;
}

/** What `can-withdraw` was asked: one payout from its arguments, or a run from a file. */
export type CanWithdrawCommand = { single: CanWithdrawOptions } | { batch: BatchOptions };

export async function parseCanWithdrawCommand(opts: RawOptions, args: readonly string[]): Promise<CanWithdrawCommand> {
  const batch = stringOption(opts, 'batch');
  if (batch === undefined) {
    if (args.length < 2)
      throw new UsageError(
        `missing ${args.length === 0 ? '<currency> and <amount>' : '<amount>'}`,
        'e.g. can-withdraw USDT 250, or can-withdraw --batch payouts.csv',
      );
    return { single: await parseCanWithdrawOptions(opts, args) };
  }
  if (args.length > 0) throw new UsageError('--batch takes the payouts from the file; give no currency or amount with it');
  if (stringOption(opts, 'network') !== undefined)
    throw new UsageError('--network applies to one payout; a --batch file gives each payout its network in a network column');
  const mode = parseMode(stringOption(opts, 'mode'), CLI_OPTION_NAMES);
  if (batch.trim() === '') throw new UsageError('--batch needs a file, or - for standard input');
  return { batch: { file: batch, mode } };
}

export async function runCanWithdrawCommand(ctx: RunContext, command: CanWithdrawCommand): Promise<number> {
  return 'single' in command ? runCanWithdraw(ctx, command.single) : runBatch(ctx, command.batch);
}

/** Usage errors before any provider is asked. */
export async function parseCanWithdrawOptions(opts: RawOptions, args: readonly string[]): Promise<CanWithdrawOptions> {
  const request = parseWithdrawalQuery({ currency: args[0] ?? '', amount: args[1] ?? '', network: stringOption(opts, 'network') }, 'arguments');
  return { request, mode: parseMode(stringOption(opts, 'mode'), CLI_OPTION_NAMES) };
}

export async function runCanWithdraw(ctx: RunContext, { request, mode }: CanWithdrawOptions): Promise<number> {
  // Always fresh: a payout decision never rests on cached balances (docs/cache.md); what is read
  // still refreshes the cache for the commands that follow.
  const result = await collectBalances(ctx, { withdrawalRules: true, refresh: true });
  const answer = await decide(result, request, { mode });
  const { decision, chosen, checks, unheld } = answer;
  const inMode = modeTag(answer.mode);

  await render(ctx.output, RENDER, { answer, request, generatedAt: ctx.now() });
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
  const lines = unheld ? [`${unheld} ${inMode}`] : checks.map((c) => `${c.reasons.join('; ')} ${modeTag(c.mode)}`);
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

/** What can-withdraw prints on stdout: the answer (the reasons for a no go to stderr either way). */
interface AnswerView {
  answer: WithdrawalDecision;
  request: WithdrawalRequest;
  generatedAt: Date;
}

const RENDER = {
  // For people, stdout holds the one account that can pay, if any.
  table: ({ answer, request }, output) => {
    if (answer.chosen) output.data(`${yesLine(request, answer.chosen)} ${modeTag(answer.mode)}\n`);
  },
  json: ({ answer, generatedAt }, output) => output.data(withdrawalJson({ ...answer, generatedAt })),
} satisfies Renderers<AnswerView>;

// One answer prints a table or JSON (RENDER); a --batch plan also CSV (its Supports says which, by --batch).
export const canWithdrawCommand = { parse: parseCanWithdrawCommand, run: runCanWithdrawCommand, prints: PLAN_RENDER };
