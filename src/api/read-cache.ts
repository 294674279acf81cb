// The read pipeline's cache step (api/read.ts): which accounts the balance cache can answer, what
// to store after the adapters ran, and the report of where each account's figures came from.
import type { AccountOutcome, ResolvedAccount } from '../core/account.js';
import type { BalanceCache } from '../cache/store.js';
import type { Redactor } from '../core/secrets.js';
import type { ProviderRegistry } from '../providers/registry.js';

/**
 * How a read uses the balance cache. `read-write`: answer from entries at most maxAgeMs old and
 * store what was fetched; `refresh`: ask every account, but still store what was fetched.
 */
export type CachePolicy = { use: 'off' } | { use: 'read-write' | 'refresh'; maxAgeMs: number; dir?: string | undefined; now?: (() => Date) | undefined };

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

export interface CacheHitOf {
  outcome: AccountOutcome;
  fetchedAt: Date;
  ageMs: number;
}

/** An open cache for one read, or null when the policy is off (then nothing is read or written). */
export interface ReadCache {
  maxAgeMs: number;
  now: () => Date;
  hits: Map<string, CacheHitOf>;
  /** Store the live outcomes, then write the file once. */
  store(live: ResolvedAccount[], outcomes: Map<string, AccountOutcome>, fetchedAt: Date): void;
}

export async function openReadCache(
  policy: CachePolicy,
  accounts: ResolvedAccount[],
  providers: ProviderRegistry,
  env: NodeJS.ProcessEnv | undefined,
  debug: ((line: string) => void) | undefined,
  redactor: Redactor,
): Promise<ReadCache | null> {
  if (policy.use === 'off') return null;
  const { BalanceCache } = await import('../cache/store.js');
  const now = policy.now ?? (() => new Date());
  const cache: BalanceCache = new BalanceCache({ maxAgeMs: policy.maxAgeMs, dir: policy.dir, env, now, debug, redactor, providers });
  const hits = new Map<string, CacheHitOf>();
  if (policy.use === 'read-write') {
    for (const account of accounts) {
      const hit = cache.lookup(account);
      if (hit) hits.set(account.name, hit);
    }
  }
  return {
    maxAgeMs: policy.maxAgeMs,
    now,
    hits,
    store(live, outcomes, fetchedAt) {
      for (const account of live) {
        const outcome = outcomes.get(account.name);
        // Inconsistent figures are never cached: the next run asks again (the cache keeps no marker).
        if (outcome && !outcome.balances.some((b) => b.inconsistent)) cache.remember(account, outcome, fetchedAt);
      }
      cache.save();
    },
  };
}

/** Accounts with figures in the result (failed ones without any are left out), in outcome order. */
export function cacheReport(cache: ReadCache, outcomes: AccountOutcome[], fetchedAt: Date): CacheReport {
  return {
    maxAgeMs: cache.maxAgeMs,
    accounts: outcomes
      .filter((o) => o.errors.length === 0 || o.balances.length > 0)
      .map((o) => {
        const hit = cache.hits.get(o.account);
        return hit
          ? { account: o.account, source: 'cache' as const, fetchedAt: hit.fetchedAt, ageMs: hit.ageMs }
          : { account: o.account, source: 'live' as const, fetchedAt, ageMs: 0 };
      }),
  };
}
