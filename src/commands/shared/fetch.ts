// The path every balance-reading command shares: config → selected accounts → credentials →
// adapters → valued balances, with a spinner for people and per-account errors kept as results.
import type { Config } from '../../config/types.js';
import type { Balance } from '../../core/balance.js';
import { canonicalCurrency } from '../../core/currencies.js';
import type { FetchResult } from '../../core/fetch-balances.js';
import type { WithdrawalRule } from '../../providers/types.js';
import type { RunContext } from './context.js';
import { httpSettingsFor } from './context.js';

export interface CollectOptions {
  /** Currency filters as typed: canonical (USDT) or provider codes (USDT_TRC20, usdttrc20). */
  currencies?: string[];
  hideZero?: boolean;
  /** A config built in memory (demo) instead of a file. */
  config?: Config;
  /** Also read providers' withdrawal limits (can-withdraw), in parallel with the balances. */
  withdrawalRules?: boolean;
}

export interface Collected extends FetchResult {
  config: Config;
  /** Per account: served rules, null when unreadable; absent when the provider has no endpoint. */
  rules: Map<string, WithdrawalRule[] | null>;
}

export async function collectBalances(ctx: RunContext, options: CollectOptions = {}): Promise<Collected> {
  const { loadConfig, selectAccounts, resolveAccounts } = await import('../../config/index.js');
  const config = options.config ?? (await loadConfig({ configPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env }));
  const selected = selectAccounts(config, { accounts: ctx.globals.accounts, provider: ctx.globals.provider });
  const accounts = resolveAccounts(config, selected, ctx.env);

  const [{ fetchAccountBalances, fetchWithdrawalRules }, { valueBalances }, { startProgress }, { closeHttp }] = await Promise.all([
    import('../../core/fetch-balances.js'),
    import('../../core/valuation.js'),
    import('../../ui/spinner.js'),
    import('../../http/client.js'),
  ]);
  const progress = await startProgress(ctx.output, `Fetching balances: 0/${accounts.length} accounts`, ctx.env);
  const http = httpSettingsFor(ctx);
  const rules = new Map<string, WithdrawalRule[] | null>();
  let result: FetchResult;
  try {
    [result] = await Promise.all([
      fetchAccountBalances(accounts, {
        http,
        includeZero: !options.hideZero,
        onAccountDone: (_, done, total) => progress.update(`Fetching balances: ${done}/${total} accounts`),
      }),
      options.withdrawalRules
        ? Promise.all(
            accounts.map(async (account) => {
              const served = await fetchWithdrawalRules(account, { http });
              if (served !== undefined) rules.set(account.name, served);
            }),
          )
        : undefined,
    ]);
  } finally {
    progress.stop();
    await closeHttp();
  }
  for (const notice of result.notices) ctx.output.info(notice);
  const valued = valueBalances(result.balances, { rates: config.rates, pegged: config.pegged });
  return { ...result, balances: filterBalances(valued, options), config, rules };
}

export function filterBalances(balances: Balance[], options: CollectOptions): Balance[] {
  const wanted = (options.currencies ?? []).map((code) => ({ code: code.toUpperCase(), ...canonicalCurrency(code) }));
  return balances.filter((b) => {
    if (options.hideZero && [b.available, b.pending, b.total].every((v) => v === null || v.isZero())) return false;
    if (wanted.length === 0) return true;
    return wanted.some(
      (w) =>
        b.providerCurrency.toUpperCase() === w.code ||
        (b.currency === w.currency && (w.network === null || w.code === w.currency || b.network === w.network)),
    );
  });
}

/** Print each failed account on stderr, one line each, plus a hint for people. */
export function reportErrors(ctx: RunContext, result: Pick<FetchResult, 'errors'>): void {
  const c = ctx.output.errColor;
  for (const error of result.errors) {
    ctx.output.error(`${c.red('error:')} ${error.message}`);
    if (error.hint && !ctx.output.quiet) ctx.output.error(`  ${c.dim(`hint: ${error.hint}`)}`);
  }
}
