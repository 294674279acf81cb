// The path every balance-reading command shares: config → selected accounts → credentials →
// adapters → valued balances, with a spinner for people and per-account errors kept as results.
import type { Config, ResolvedAccount } from '../../config/types.js';
import type { Balance } from '../../core/balance.js';
import { codeSelector, matchesCode } from '../../core/conditions.js';
import type { FetchResult } from '../../core/fetch-balances.js';
import type { RunContext } from './context.js';
import { httpSettingsFor } from './context.js';

export interface CollectOptions {
  /** Currency filters as typed: canonical (USDT) or provider codes (USDT_TRC20, usdttrc20). */
  currencies?: string[];
  hideZero?: boolean;
  /** A config built in memory (demo) instead of a file. */
  config?: Config;
}

export interface Collected extends FetchResult {
  config: Config;
}

/** The config (from a file, or in memory) and the accounts --account/--provider select, resolved. */
export async function loadAccounts(ctx: RunContext, inMemory?: Config): Promise<{ config: Config; accounts: ResolvedAccount[] }> {
  const { loadConfig, selectAccounts, resolveAccounts } = await import('../../config/index.js');
  const config = inMemory ?? (await loadConfig({ configPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env }));
  const selected = selectAccounts(config, { accounts: ctx.globals.accounts, provider: ctx.globals.provider });
  return { config, accounts: resolveAccounts(config, selected, ctx.env) };
}

export async function collectBalances(ctx: RunContext, options: CollectOptions = {}): Promise<Collected> {
  const { config, accounts } = await loadAccounts(ctx, options.config);

  const [{ fetchAccountBalances }, { valueBalances }, { startProgress }, { closeHttp }] = await Promise.all([
    import('../../core/fetch-balances.js'),
    import('../../core/valuation.js'),
    import('../../ui/spinner.js'),
    import('../../http/client.js'),
  ]);
  const progress = await startProgress(ctx.output, `Fetching balances: 0/${accounts.length} accounts`, ctx.env);
  let result: FetchResult;
  try {
    result = await fetchAccountBalances(accounts, {
      http: httpSettingsFor(ctx),
      includeZero: !options.hideZero,
      onAccountDone: (_, done, total) => progress.update(`Fetching balances: ${done}/${total} accounts`),
    });
  } finally {
    progress.stop();
    await closeHttp();
  }
  for (const notice of result.notices) ctx.output.info(notice);
  const valued = valueBalances(result.balances, { rates: config.rates, pegged: config.pegged });
  return { ...result, balances: filterBalances(valued, options), config };
}

export function filterBalances(balances: Balance[], options: CollectOptions): Balance[] {
  const wanted = (options.currencies ?? []).map((code) => codeSelector(code));
  return balances.filter((b) => {
    if (options.hideZero && isZeroOrUnknown(b)) return false;
    return wanted.length === 0 || wanted.some((w) => matchesCode(w, b));
  });
}

/** What --hide-zero leaves out: every amount is zero or unknown. */
export function isZeroOrUnknown(b: Balance): boolean {
  return [b.available, b.pending, b.total].every((v) => v === null || v.isZero());
}

/** Print each failed account on stderr, one line each, plus a hint for people. */
export function reportErrors(ctx: RunContext, result: Pick<FetchResult, 'errors'>): void {
  const c = ctx.output.errColor;
  for (const error of result.errors) {
    ctx.output.error(`${c.red('error:')} ${error.message}`);
    if (error.hint && !ctx.output.quiet) ctx.output.error(`  ${c.dim(`hint: ${error.hint}`)}`);
  }
}
