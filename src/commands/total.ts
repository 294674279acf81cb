// `total`: USD value of the selected balances, grouped, with each line's source, the balances no
// rate prices (listed, never counted as $0) and reconciliation against provider-reported totals.
import { Option, type Command } from 'commander';
import { ExitCode, combinedExitCode } from '../core/errors.js';
import { forTerminal } from '../core/sanitize.js';
import type { BalancesResult } from '../api/fetch.js';
import type { Decimal } from '../core/money.js';
import type { GroupBy } from '../core/totals.js';
import { examples, CURRENCY_OPTION } from './shared/options.js';
import type { RunContext, Runner } from './shared/context.js';
import { booleanOption, choiceOption, listOption, requiredStringOption, type RawOptions } from './shared/raw-options.js';

// Declared here, not imported from core/totals: a value import would pull decimal.js into --help.
const GROUP_BY = ['currency', 'account', 'provider'] as const satisfies readonly GroupBy[];

export interface TotalOptions {
  /** --by: one line per currency (default), account or provider. */
  by: GroupBy;
  /**
   * --tolerance in percent of a provider-reported total ("1%" and "1" both mean 1 %; default 1 %):
   * a larger difference from the sum of the parts is reported as a reconciliation problem.
   */
  tolerance: Decimal;
  /** --strict: a balance that could not be priced makes the run exit 1 (an inconsistent one, 6). */
  strict: boolean;
  /** --currency, as typed; [] = every currency. */
  currencies: string[];
  /** --hide-zero: leave out balances whose total is zero. */
  hideZero: boolean;
  /** Balances already fetched (demo); their errors are then the fetcher's to report. */
  result?: BalancesResult;
}

export function registerTotal(program: Command, run: Runner): void {
  program
    .command('total')
    .description('sum the USD value of your balances, show where each value came from, and reconcile with provider totals')
    .addOption(new Option('--by <group>', 'group lines by').choices(GROUP_BY).default('currency'))
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
    )
    .action(run(parseTotalOptions, runTotal, { cache: true }));
}

/** A bad --tolerance is a usage error before any provider is asked. */
export async function parseTotalOptions(opts: RawOptions): Promise<TotalOptions> {
  const { parseTolerance } = await import('../api/totals.js');
  return {
    by: choiceOption(opts, 'by', '--by', GROUP_BY) ?? 'currency',
    tolerance: parseTolerance(requiredStringOption(opts, 'tolerance')),
    strict: booleanOption(opts, 'strict'),
    currencies: listOption(opts, 'currency'),
    hideZero: booleanOption(opts, 'hideZero'),
  };
}

export async function runTotal(ctx: RunContext, options: TotalOptions): Promise<number> {
  const [{ collectBalances, reportErrors }, { totals: computeTotals }] = await Promise.all([
    import('./shared/fetch.js'),
    import('../api/totals.js'),
  ]);
  const result = options.result ?? (await collectBalances(ctx, { currencies: options.currencies, hideZero: options.hideZero }));
  const totals = computeTotals(result, { by: options.by, tolerance: options.tolerance });
  const { totalsJson, totalsCsv } = await import('../format/totals.js');
  // When every account failed there is no total to show: a table saying "TOTAL 0.00" would be a
  // false zero. JSON still prints its document, with complete: false and the errors.
  const nothingFetched = result.errors.length > 0 && result.outcomes.every((o) => o.errors.length > 0 && o.balances.length === 0);
  if (ctx.output.format === 'json') ctx.output.data(totalsJson(totals, result.errors, ctx.now(), result.cache));
  else if (nothingFetched) ctx.output.info('No total: no account could be read.');
  // Nothing selected (a --currency that matches nothing): no "TOTAL 0.00" either; the reason was warned.
  else if (totals.groups.length === 0 && ctx.output.format === 'table') ctx.output.info('No total: no balance matches the selection.');
  else if (ctx.output.format === 'csv') ctx.output.data(totalsCsv(totals));
  else ctx.output.data((await import('../format/totals-table.js')).totalsTable(totals, ctx.output.tableStyle()));

  if (result.errors.length > 0 && !nothingFetched && ctx.output.format === 'table') {
    const failed = [...new Set(result.errors.map((e) => e.account).filter(Boolean))];
    ctx.output.warn(`the total excludes ${failed.length === 1 ? 'account' : 'accounts'} ${failed.map((a) => `'${a}'`).join(', ')} (failed, see below)`);
  }
  const { rateDisagreements, describeDisagreement } = await import('../core/rate-spread.js');
  // Said in every format, on stderr: a JSON document stays what its schema says.
  for (const d of rateDisagreements(result.balances)) ctx.output.warn(forTerminal(describeDisagreement(d), 500));
  if (!options.result) reportErrors(ctx, result);
  const failures = combinedExitCode(result.errors.map((e) => e.exitCode));
  if (failures !== 0) return failures;
  if (options.strict && totals.inconsistent.length > 0) {
    // Like can-withdraw's "unknown": the provider's own figures cannot be trusted (exit 6).
    ctx.output.error(`error: --strict: ${totals.inconsistent.length} balance(s) are inconsistent and were left out of the total`);
    return ExitCode.badResponse;
  }
  if (options.strict && totals.unpriced.length > 0) {
    ctx.output.error(`error: --strict: ${totals.unpriced.length} balance(s) could not be priced`);
    return ExitCode.no;
  }
  return ExitCode.ok;
}
