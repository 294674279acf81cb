// `balances`: every selected account's balances, normalized, as a table, JSON or CSV. Loaded when
// the command runs; its registration is registration/balances.ts.
import { combinedExitCode, type BalanceError } from '../core/errors.js';
import type { BalancesResult } from '../api/fetch.js';
import { balancesCsv } from '../format/csv.js';
import { balancesJson } from '../format/json.js';
import type { RunContext } from './shared/context.js';
import { collectBalances, reportErrors } from './shared/fetch.js';
import { booleanOption, listOption, type RawOptions } from './shared/raw-options.js';
import { render, type Renderers } from './shared/render.js';

export interface BalancesOptions {
  /** --currency, as typed (a canonical symbol or a provider code); [] = every currency. */
  currencies: string[];
  /** --hide-zero: leave out balances whose total is zero. */
  hideZero: boolean;
  /** Balances already fetched (demo shows one fetch as balances and total); their errors are then the fetcher's to report. */
  result?: BalancesResult;
}

export function parseBalancesOptions(opts: RawOptions): BalancesOptions {
  return { currencies: listOption(opts, 'currency'), hideZero: booleanOption(opts, 'hideZero') };
}

export async function runBalances(ctx: RunContext, options: BalancesOptions): Promise<number> {
  const result = options.result ?? (await collectBalances(ctx, { currencies: options.currencies, hideZero: options.hideZero }));
  await render(ctx.output, RENDER, { result, generatedAt: ctx.now() });
  return finish(ctx, result);
}

/** What `balances` prints: the balances read and the accounts that failed, as of the run. */
interface BalancesView {
  result: BalancesResult;
  generatedAt: Date;
}

const RENDER = {
  table: async ({ result }, output) => {
    if (result.balances.length > 0) {
      // On demand: tables for people (string-width, cell fitting) stay out of JSON and CSV runs.
      const { balancesTable } = await import('../format/table.js');
      output.data(balancesTable(result.balances, output.tableStyle()));
    } else if (result.errors.length === 0) {
      output.info('No balances match.');
    }
  },
  json: ({ result, generatedAt }, output) => output.data(balancesJson(result.balances, result.errors, generatedAt, result.cache)),
  csv: ({ result }, output) => {
    // No header-only CSV when every account failed: an empty file must not look like "no money".
    if (result.balances.length === 0 && result.errors.length > 0) return;
    output.data(balancesCsv(result.balances));
  },
} satisfies Renderers<BalancesView>;

function finish(ctx: RunContext, result: { errors: BalanceError[] }): number {
  reportErrors(ctx, result);
  return combinedExitCode(result.errors.map((e) => e.exitCode));
}

export const balancesCommand = { parse: parseBalancesOptions, run: runBalances, prints: RENDER };
