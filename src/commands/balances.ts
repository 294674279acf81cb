// `balances`: every selected account's balances, normalized, as a table, JSON or CSV.
import type { Command } from 'commander';
import { combinedExitCode, type BalanceError } from '../core/errors.js';
import type { BalancesResult } from '../api/fetch.js';
import { examples, CURRENCY_OPTION } from './shared/options.js';
import type { RunContext, Runner } from './shared/context.js';
import { booleanOption, listOption, type RawOptions } from './shared/raw-options.js';

export interface BalancesOptions {
  /** --currency, as typed (a canonical symbol or a provider code); [] = every currency. */
  currencies: string[];
  /** --hide-zero: leave out balances whose total is zero. */
  hideZero: boolean;
  /** Balances already fetched (demo shows one fetch as balances and total); their errors are then the fetcher's to report. */
  result?: BalancesResult;
}

export function registerBalances(program: Command, run: Runner): void {
  program
    .command('balances')
    .description('show available / pending / total per currency for every configured account')
    .option(...CURRENCY_OPTION)
    .option('--hide-zero', 'leave out balances that are zero')
    .addHelpText(
      'after',
      examples([
        'balance-inspector balances',
        'balance-inspector balances --account flow-main --currency ETH',
        'balance-inspector balances --json > snapshot.json',
        'balance-inspector balances --provider syncpay --hide-zero --csv',
      ]),
    )
    .action(run(parseBalancesOptions, runBalances, { cache: true }));
}

export function parseBalancesOptions(opts: RawOptions): BalancesOptions {
  return { currencies: listOption(opts, 'currency'), hideZero: booleanOption(opts, 'hideZero') };
}

export async function runBalances(ctx: RunContext, options: BalancesOptions): Promise<number> {
  const { collectBalances } = await import('./shared/fetch.js');
  const result = options.result ?? (await collectBalances(ctx, { currencies: options.currencies, hideZero: options.hideZero }));
  const generatedAt = ctx.now();
  if (ctx.output.format === 'json') {
    const { balancesJson } = await import('../format/json.js');
    ctx.output.data(balancesJson(result.balances, result.errors, generatedAt, result.cache));
  } else if (ctx.output.format === 'csv') {
    // No header-only CSV when every account failed: an empty file must not look like "no money".
    if (result.balances.length === 0 && result.errors.length > 0) return finish(ctx, result);
    const { balancesCsv } = await import('../format/csv.js');
    ctx.output.data(balancesCsv(result.balances));
  } else if (result.balances.length > 0) {
    const { balancesTable } = await import('../format/table.js');
    ctx.output.data(balancesTable(result.balances, ctx.output.tableStyle()));
  } else if (result.errors.length === 0) {
    ctx.output.info('No balances match.');
  }
  return finish(ctx, result);
}

async function finish(ctx: RunContext, result: { errors: BalanceError[] }): Promise<number> {
  const { reportErrors } = await import('./shared/fetch.js');
  reportErrors(ctx, result);
  return combinedExitCode(result.errors.map((e) => e.exitCode));
}
