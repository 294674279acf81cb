// `can-withdraw <currency> <amount>`: answer "can I pay this out?" with an exit code a shell script
// can trust. 0 only when some account is known to have the funds and every rule is known to hold;
// 1 for a known no; 2–6 when the answer could not be decided. Never 0 on doubt.
import type { Command } from 'commander';
import { ExitCode, UsageError, combinedExitCode } from '../core/errors.js';
import type { WithdrawalRequest } from '../core/withdrawal.js';
import { examples } from './shared/options.js';
import type { RunContext, Runner } from './shared/context.js';

const AMOUNT = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const CURRENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,23}$/;

export function registerCanWithdraw(program: Command, run: Runner): void {
  program
    .command('can-withdraw')
    .description('exit 0 if an account can pay out this amount now (available funds, fee, minimum, decimals), 1 if not')
    .argument('<currency>', 'USDT, or a provider code such as USDT_TRC20 or usdttrc20')
    .argument('<amount>', 'a plain decimal such as 250 or 0.015 (no exponent, sign or separators)')
    .option('--network <chain>', 'only this network for a canonical symbol, e.g. tron, ethereum')
    .addHelpText(
      'after',
      examples([
        'balance-inspector can-withdraw USDT 250 --account syncpay && ./pay.sh',
        'balance-inspector can-withdraw USDT 450 --network tron --json',
        'balance-inspector can-withdraw usdttrc20 100 --account casino',
        'balance-inspector can-withdraw ETH 0.05 --provider flow-payments',
      ]),
    )
    .addHelpText('after', '\nExit: 0 yes, 1 no (reason on stderr), 2-6 could not decide (see --help of the program).\n')
    .action(run((ctx, opts, args) => runCanWithdraw(ctx, args[0] ?? '', args[1] ?? '', opts.network as string | undefined)));
}

export async function parseRequest(currencyArg: string, amountArg: string, networkArg: string | undefined): Promise<WithdrawalRequest> {
  const amountText = amountArg.trim();
  if (!AMOUNT.test(amountText)) {
    throw new UsageError(`amount "${amountArg}" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)`);
  }
  if (!CURRENCY_CODE.test(currencyArg)) throw new UsageError(`currency "${currencyArg}" is not a currency code; expected e.g. USDT or USDT_TRC20`);
  const [{ Decimal }, { canonicalCurrency, canonicalNetwork }] = await Promise.all([import('../core/money.js'), import('../core/currencies.js')]);
  const amount = new Decimal(amountText);
  if (amount.isZero()) throw new UsageError('amount must be greater than 0');
  const canonical = canonicalCurrency(currencyArg);
  const typedSymbolOnly = canonical.currency === currencyArg.toUpperCase();
  const network = networkArg !== undefined ? canonicalNetwork(networkArg) : typedSymbolOnly ? null : canonical.network;
  if (networkArg !== undefined && !typedSymbolOnly && canonical.network !== null && network !== canonical.network) {
    throw new UsageError(`--network ${networkArg} contradicts ${currencyArg}, which is on ${canonical.network}`);
  }
  const dot = amountText.indexOf('.');
  return { input: currencyArg, currency: canonical.currency, network, amount, amountDecimals: dot === -1 ? 0 : amountText.length - dot - 1 };
}

export async function runCanWithdraw(ctx: RunContext, currencyArg: string, amountArg: string, networkArg: string | undefined): Promise<number> {
  const request = await parseRequest(currencyArg, amountArg, networkArg);
  const [{ collectBalances, reportErrors }, withdrawal, { minimumFor }, { PROVIDERS }, format] = await Promise.all([
    import('./shared/fetch.js'),
    import('../core/withdrawal.js'),
    import('../core/withdrawal-limits.js'),
    import('../providers/catalog.js'),
    import('../format/withdrawal.js'),
  ]);
  const result = await collectBalances(ctx, { withdrawalRules: true });
  const candidates = result.balances.filter((b) => withdrawal.matchesRequest(b, request));
  const checks = candidates.map((b) => {
    const providerName = PROVIDERS[b.provider as keyof typeof PROVIDERS]?.displayName ?? b.provider;
    const rules = result.rules.has(b.account) ? { rules: result.rules.get(b.account) ?? null } : undefined;
    return withdrawal.checkCandidate(b, request, minimumFor(b, result.config.minimums.get(b.account), rules, providerName), providerName);
  });
  const chosen = withdrawal.chooseCandidate(checks);
  const failureCode = combinedExitCode(result.errors.map((e) => e.exitCode));
  // A no is only known when every selected account answered; otherwise the missing one might hold the funds.
  const decision = chosen ? 'yes' : failureCode !== 0 ? 'unknown' : 'no';
  const unheld = checks.length === 0 ? format.notHeldReason(request, result.balances) : null;

  if (ctx.output.format === 'json') {
    ctx.output.data(format.withdrawalJson({ decision, request, chosen, checks, unheld, errors: result.errors, generatedAt: ctx.now() }));
  } else if (chosen) {
    ctx.output.data(`${format.yesLine(request, chosen)}\n`);
  }
  if (decision === 'yes') {
    for (const note of chosen?.notes ?? []) ctx.output.info(`note: ${note}`);
    if (result.errors.length > 0) ctx.output.warn('some accounts could not be read; the yes comes from one that could');
    return ExitCode.ok;
  }
  for (const line of unheld ? [unheld] : checks.map((c) => c.reasons.join('; '))) ctx.output.error(`no: ${line}`);
  if (decision === 'unknown') {
    reportErrors(ctx, result);
    ctx.output.error('could not decide: an account that might hold the funds could not be read');
    return failureCode;
  }
  return ExitCode.no;
}
