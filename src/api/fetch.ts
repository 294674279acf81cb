// fetchBalances: the library's (and the CLI's) one way to read balances. Config → selected
// accounts → credentials → balance cache (opt-in) → adapters → valued, filtered balances. It never
// prints: progress, debug lines and notices go to callbacks or into the result; failures of single
// accounts are results (`errors`), everything else is thrown as a BalanceError.
import { resolveEachAccount, selectAccounts } from '../config/index.js';
import type { Config, ResolvedAccount } from '../config/types.js';
import { isZeroOrUnknown, type Balance } from '../core/balance.js';
import { matchesAnyFilter, parseCurrencyFilters } from '../core/currency-filter.js';
import { fetchAccountBalances, fetchWithdrawalRules, type AccountOutcome, type FetchResult } from './fetch-balances.js';
import { valueBalances } from '../core/valuation.js';
import { DEFAULT_TIMEOUT_MS, timeBudget, type HttpOverrides, type RetryNotice } from '../http/client.js';
import { createRuntime, type Runtime } from '../http/runtime.js';
import type { WithdrawalRule } from '../providers/types.js';

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

export interface AccountSource {
  account: string;
  /** Where this account's balances came from. */
  source: 'cache' | 'live';
  fetchedAt: Date;
  ageMs: number;
}

export interface CacheReport {
  maxAgeMs: number;
  /** Every account whose balances are in the result, in config order. */
  accounts: AccountSource[];
}

export interface BalancesResult extends FetchResult {
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
  const accounts = resolutions.flatMap((r) => (r.ok ? [r.account] : []));
  const unresolved = new Map(
    resolutions.flatMap((r): Array<[string, AccountOutcome]> =>
      r.ok ? [] : [[r.account.name, { account: r.account.name, provider: r.account.provider, balances: [], reported: [], errors: [r.error], notices: [], ms: 0 }]],
    ),
  );
  const now = options.now ?? (() => new Date());
  const maxAgeMs = effectiveMaxAge(config, options);
  const cache = maxAgeMs === null ? null : await openCache(maxAgeMs, options, now, runtime);

  const hits = new Map<string, { outcome: AccountOutcome; fetchedAt: Date; ageMs: number }>();
  if (cache && !options.refresh) {
    for (const account of accounts) {
      const hit = cache.lookup(account);
      if (hit) hits.set(account.name, hit);
    }
  }
  const live = accounts.filter((a) => !hits.has(a.name));
  options.onProgress?.(hits.size + unresolved.size, selected.length);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const http: HttpOverrides = { runtime, ...timeBudget(timeout), signal: options.signal, debug: options.debug, env: options.env, onRetry: options.onRetry };
  let fetched: FetchResult;
  const rules = new Map<string, WithdrawalRule[] | null>();
  try {
    [fetched] = await Promise.all([
      fetchAccountBalances(live, {
        http,
        // Cached entries must serve later calls with or without --hide-zero: fetch zeros too.
        includeZero: cache !== null || !options.hideZero,
        onAccountDone: (_, done) => options.onProgress?.(hits.size + unresolved.size + done, selected.length),
      }),
      options.withdrawalRules ? readRules(accounts, http, rules) : undefined,
    ]);
  } finally {
    // A runtime the caller passed stays open for its next call; our own leaves no socket behind.
    if (runtime !== options.runtime) await runtime.close();
  }
  const fetchedAt = now();
  const liveByName = new Map(fetched.outcomes.map((o) => [o.account, o]));
  if (cache) {
    for (const account of live) {
      const outcome = liveByName.get(account.name);
      // Inconsistent figures are never cached: the next run asks again (the cache keeps no marker).
      if (outcome && !outcome.balances.some((b) => b.inconsistent)) cache.remember(account, outcome, fetchedAt);
    }
    cache.save();
  }
  // Config order, whichever way each account was read.
  const outcomes = selected.flatMap((a) => {
    const outcome = hits.get(a.name)?.outcome ?? liveByName.get(a.name) ?? unresolved.get(a.name);
    return outcome ? [outcome] : [];
  });
  const valued = valueBalances(
    outcomes.flatMap((o) => o.balances),
    { rates: config.rates, pegged: config.pegged },
  );
  const errors = outcomes.flatMap((o) => o.errors);
  const report: CacheReport | null =
    maxAgeMs === null
      ? null
      : {
          maxAgeMs,
          accounts: outcomes
            .filter((o) => o.errors.length === 0 || o.balances.length > 0)
            .map((o) => {
              const hit = hits.get(o.account);
              return hit
                ? { account: o.account, source: 'cache' as const, fetchedAt: hit.fetchedAt, ageMs: hit.ageMs }
                : { account: o.account, source: 'live' as const, fetchedAt, ageMs: 0 };
            }),
        };
  return {
    balances: filterBalances(valued, options),
    unfiltered: valued,
    reported: outcomes.flatMap((o) => o.reported),
    errors,
    notices: outcomes.flatMap((o) => o.notices),
    outcomes,
    config,
    complete: errors.length === 0,
    cache: report,
    ...(options.withdrawalRules ? { rules } : {}),
  };
}

async function openCache(maxAgeMs: number, options: FetchBalancesOptions, now: () => Date, runtime: Runtime) {
  const { BalanceCache } = await import('../cache/store.js');
  return new BalanceCache({ maxAgeMs, dir: options.cacheDir, env: options.env, now, debug: options.debug, redactor: runtime.redactor });
}

async function readRules(accounts: ResolvedAccount[], http: HttpOverrides, into: Map<string, WithdrawalRule[] | null>): Promise<void> {
  await Promise.all(
    accounts.map(async (account) => {
      const served = await fetchWithdrawalRules(account, { http });
      if (served !== undefined) into.set(account.name, served);
    }),
  );
}

export function filterBalances(balances: Balance[], options: Pick<FetchBalancesOptions, 'currencies' | 'hideZero'>): Balance[] {
  const wanted = parseCurrencyFilters(options.currencies ?? []);
  return balances.filter((b) => !(options.hideZero && isZeroOrUnknown(b)) && matchesAnyFilter(wanted, b));
}
