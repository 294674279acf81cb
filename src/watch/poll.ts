// One poll of one account: one request to the read pipeline (adapters, retries, pacing) with a
// budget that never outlasts the account's interval, and a count of the requests it sent, so the
// interval can be raised when an account needs several requests per poll.
import type { ResolvedAccount } from '../config/types.js';
import type { AccountOutcome } from '../core/account.js';
import { readAccounts } from '../api/read.js';
import { DEFAULT_TIMEOUT_MS, type RetryNotice } from '../http/client.js';
import type { Runtime } from '../http/runtime.js';
import { accountLimiter } from '../providers/kit/request.js';
import type { ProviderInfo } from '../providers/kit/info.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { isSandboxAccount } from '../providers/sandbox-keys.js';

export interface PollResult {
  outcome: AccountOutcome;
  /** First attempts sent (retries are paced by the HTTP layer and not counted). */
  requests: number;
}

export interface PollSettings {
  budgetMs: number;
  /** The config's providers (built-in and declared). */
  providers: ProviderRegistry;
  runtime: Runtime;
  signal: AbortSignal;
  debug?: ((line: string) => void) | undefined;
  onRetry?: ((notice: RetryNotice) => void) | undefined;
}

/** A poll's budget: the interval, at most the usual 30 s request budget, and never past `deadline`. */
export function pollBudget(intervalMs: number, now: number, deadline: number | null): number {
  const budget = Math.min(intervalMs, DEFAULT_TIMEOUT_MS);
  return deadline === null ? budget : Math.max(1, Math.min(budget, deadline - now));
}

export async function pollAccount(account: ResolvedAccount, settings: PollSettings): Promise<PollResult> {
  let requests = 0;
  const result = await readAccounts({
    accounts: [account],
    providers: settings.providers,
    budgetMs: settings.budgetMs,
    signal: settings.signal,
    includeZero: true,
    cache: { use: 'off' },
    withdrawalRules: false,
    runtime: settings.runtime,
    hooks: {
      debug: settings.debug,
      onRetry: settings.onRetry,
      onRequest: (attempt) => {
        if (attempt === 1) requests++;
      },
    },
  });
  const outcome = result.outcomes[0];
  if (!outcome) throw new Error('the read pipeline returned no outcome for one account');
  return { outcome, requests };
}

/** Earliest time this account's credential may send again (a 429's Retry-After, or pacing). */
export function accountNotBefore(account: ResolvedAccount, info: ProviderInfo, runtime: Runtime): number {
  // null means "when a request still in flight ends": for scheduling the next poll, that is now.
  return accountLimiter(runtime.limiters, account, info).nextSlotAt() ?? Date.now();
}

/** The built-in sandbox (loopback, published keys): provider polling guidance does not apply to it. */
export { isSandboxAccount };
