// fetchBalances: the library's (and the CLI's) one way to read balances. Config → selected
// accounts → credentials → the read pipeline (api/read.ts: balance cache, adapters) → valued,
// filtered balances. It never prints: progress, debug lines and notices go to callbacks or into
// the result; failures of single accounts are results (`errors`), everything else is thrown as a
// BalanceError.
import { resolveEachAccount, selectAccounts, splitResolutions } from '../config/index.js';
import type { Config } from '../config/types.js';
import { summarizeOutcomes, type OutcomesSummary } from '../core/account.js';
import { isZeroOrUnknown, type Balance } from '../core/balance.js';
import { matchesAnyFilter, parseCurrencyFilters } from '../core/currency-filter.js';
import { valueBalances } from '../core/valuation.js';
import type { RetryNotice } from '../http/client.js';
import { createRuntime, type Runtime } from '../http/runtime.js';
import type { WithdrawalRule } from '../providers/kit/adapter.js';
import { readAccounts, type CacheReport, type ReadResult } from './read.js';

export type { AccountSource, CacheReport } from './read.js';

export interface FetchBalancesOptions {
  /** Only these account names (unknown names throw UsageError). */
  accounts?: string[] | undefined;
  /** Only accounts of this provider id. */
  provider?: string | undefined;
  /**
   * Currency filters, `[account:]CURRENCY[@network]` each: canonical symbols (USDT), provider codes
   * (USDT_TRC20, usdttrc20), a network (USDT@tron), an account (syncpay:USDT). Bad ones throw UsageError.
   */
  currencies?: string[] | undefined;
  /** Leave out balances that are zero. */
  hideZero?: boolean | undefined;
  /** Budget for the whole call in milliseconds (default 30 000). */
  timeout?: number | undefined;
  /**
   * Whose redactor, pacing, OAuth tokens and sockets the call uses. Pass one to share them across
   * calls (the caller closes it: `runtime.close()`); without one the call creates its own and
   * closes its sockets before it returns.
   */
  runtime?: Runtime | undefined;
  /** Stops the call (default: the runtime's signal). */
  signal?: AbortSignal | undefined;
  /** Where ${VAR} placeholders are read from (default process.env); also XDG_CACHE_HOME / HOME. */
  env?: NodeJS.ProcessEnv | undefined;
  /** Reuse balances fetched at most this many ms ago; default: the config's cache.maxAge, else no cache. */
  maxAge?: number | undefined;
  /** false: neither read nor write the cache, whatever maxAge says (the CLI's --no-cache). */
  cache?: boolean | undefined;
  /** Folder of the cache file (default $XDG_CACHE_HOME/balance-inspector). */
  cacheDir?: string | undefined;
  /** Ask every account now instead of reading the cache, but still store what was fetched. */
  refresh?: boolean | undefined;
  /** Also read withdrawal limits that providers serve from an API (canWithdraw uses them). */
  withdrawalRules?: boolean | undefined;
  /** Called as accounts complete: cached ones count as done from the start. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Called before a request is retried (rate limit, 5xx, network error), with how long it waits. */
  onRetry?: ((notice: RetryNotice) => void) | undefined;
  /** Request and cache log lines (secrets redacted), e.g. for --debug. */
  debug?: ((line: string) => void) | undefined;
  /** Clock for cache ages (tests). */
  now?: (() => Date) | undefined;
}

export interface BalancesResult extends OutcomesSummary {
  config: Config;
  /**
   * Every balance read, valued, before the currency and zero filters: provider-reported totals
   * cover whole accounts, so reconciliation compares them with these, not with a filtered view.
   */
  unfiltered: Balance[];
  /** true when every selected account was read completely (no errors). */
  complete: boolean;
  /** null when the cache was not in use for this call. */
  cache: CacheReport | null;
  /** Per account: limits the provider served (null: unreadable). Present with withdrawalRules: true. */
  rules?: Map<string, WithdrawalRule[] | null>;
}

export function effectiveMaxAge(config: Config, options: Pick<FetchBalancesOptions, 'cache' | 'maxAge'>): number | null {
  if (options.cache === false) return null;
  return options.maxAge ?? config.cache?.maxAgeMs ?? null;
}

export async function fetchBalances(config: Config, options: FetchBalancesOptions = {}): Promise<BalancesResult> {
  parseCurrencyFilters(options.currencies ?? []); // a bad filter is a usage error before any request
  const selected = selectAccounts(config, { accounts: options.accounts, provider: options.provider });
  const runtime = options.runtime ?? createRuntime({ signal: options.signal });
  // An account whose ${VAR} or key file cannot be resolved fails alone, like any account problem.
  const resolutions = resolveEachAccount(config, selected, options.env ?? process.env, runtime.redactor);
  const maxAgeMs = effectiveMaxAge(config, options);
  let read: ReadResult;
  try {
    read = await readAccounts({
      ...splitResolutions(resolutions),
      providers: config.providers,
      runtime,
      budgetMs: options.timeout,
      signal: options.signal,
      env: options.env,
      includeZero: !options.hideZero,
      cache: maxAgeMs === null ? { use: 'off' } : { use: options.refresh ? 'refresh' : 'read-write', maxAgeMs, dir: options.cacheDir, now: options.now },
      withdrawalRules: options.withdrawalRules ?? false,
      hooks: { onProgress: options.onProgress, onRetry: options.onRetry, debug: options.debug },
    });
  } finally {
    // A runtime the caller passed stays open for its next call; our own leaves no socket behind.
    if (runtime !== options.runtime) await runtime.close();
  }
  const summary = summarizeOutcomes(read.outcomes);
  const valued = valueBalances(summary.balances, { rates: config.rates, pegged: config.pegged });
  return {
    ...summary,
    balances: filterBalances(valued, options),
    unfiltered: valued,
    config,
    complete: summary.errors.length === 0,
    cache: read.cache,
    ...(read.rules ? { rules: read.rules } : {}),
  };
}

export function filterBalances(balances: Balance[], options: Pick<FetchBalancesOptions, 'currencies' | 'hideZero'>): Balance[] {
  const wanted = parseCurrencyFilters(options.currencies ?? []);
  return balances.filter((b) => !(options.hideZero && isZeroOrUnknown(b)) && matchesAnyFilter(wanted, b));
}
