// `total`: USD value of the selected balances, grouped, with each line's source, the balances no
// rate prices (listed, never counted as $0) and reconciliation against provider-reported totals.
// Loaded when the command runs; its registration is registration/total.ts.
import { ExitCode, combinedExitCode } from '../core/errors.js';
import { forTerminal } from '../core/sanitize.js';
import type { BalancesResult } from '../api/fetch.js';
import { parseTolerance, totals as computeTotals } from '../api/totals.js';
import type { Decimal } from '../core/money.js';
import { describeDisagreement, rateDisagreements } from '../core/rate-spread.js';
import type { GroupBy, Totals } from '../core/totals.js';
import { totalsCsv, totalsJson } from '../format/totals.js';
import { GROUP_BY } from './shared/choices.js';
import type { RunContext } from './shared/context.js';
import { collectBalances, reportErrors } from './shared/fetch.js';
import { render, type Renderers } from './shared/render.js';
import { booleanOption, choiceOption, listOption, requiredStringOption, type RawOptions } from './shared/raw-options.js';

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

/** A bad --tolerance is a usage error before any provider is asked. */
export async function parseTotalOptions(opts: RawOptions): Promise<TotalOptions> {
  return {
    by: choiceOption(opts, 'by', '--by', GROUP_BY) ?? 'currency',
    tolerance: parseTolerance(requiredStringOption(opts, 'tolerance')),
    strict: booleanOption(opts, 'strict'),
    currencies: listOption(opts, 'currency'),
    hideZero: booleanOption(opts, 'hideZero'),
  };
}

export async function runTotal(ctx: RunContext, options: TotalOptions): Promise<number> {
  const result = options.result ?? (await collectBalances(ctx, { currencies: options.currencies, hideZero: options.hideZero }));
  const totals = computeTotals(result, { by: options.by, tolerance: options.tolerance });
  // When every account failed there is no total to show: a table saying "TOTAL 0.00" would be a
  // false zero. JSON still prints its document, with complete: false and the errors.
  const nothingFetched = result.errors.length > 0 && result.outcomes.every((o) => o.errors.length > 0 && o.balances.length === 0);
  await render(ctx.output, RENDER, { totals, result, nothingFetched, generatedAt: ctx.now() });
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

/** What `total` prints: the totals, the read they come from, and whether any account was read at all. */
interface TotalView {
  totals: Totals;
  result: BalancesResult;
  nothingFetched: boolean;
  generatedAt: Date;
}

const RENDER = {
  table: async ({ totals, result, nothingFetched }, output) => {
    if (nothingFetched) output.info('No total: no account could be read.');
    // Nothing selected (a --currency that matches nothing): no "TOTAL 0.00" either; the reason was warned.
    else if (totals.groups.length === 0) output.info('No total: no balance matches the selection.');
    // On demand: tables for people (string-width, cell fitting) stay out of JSON and CSV runs.
    else output.data((await import('../format/totals-table.js')).totalsTable(totals, output.tableStyle()));
    if (result.errors.length > 0 && !nothingFetched) {
      const failed = [...new Set(result.errors.map((e) => e.account).filter(Boolean))];
      output.warn(`the total excludes ${failed.length === 1 ? 'account' : 'accounts'} ${failed.map((a) => `'${a}'`).join(', ')} (failed, see below)`);
    }
  },
  json: ({ totals, result, generatedAt }, output) => output.data(totalsJson(totals, result.errors, generatedAt, result.cache)),
  csv: ({ totals, nothingFetched }, output) => {
    if (nothingFetched) output.info('No total: no account could be read.');
    else output.data(totalsCsv(totals));
  },
} satisfies Renderers<TotalView>;

export const totalCommand = { parse: parseTotalOptions, run: runTotal, prints: RENDER };
