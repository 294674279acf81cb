// The schemaVersion 1 documents (docs/json.md). Amounts are strings; nothing else is.
import type { CacheReport } from '../api/fetch.js';
import { toBalanceJson, type Balance } from '../core/balance.js';
import { errorsJson, type BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';

export { errorsJson, type ErrorJson } from '../core/errors.js';

/**
 * The optional `cache` member (schemaVersion 1 stays: it is added at the end, and only when the
 * cache was in use): the max age and, per account in the document, where its figures came from.
 */
export function cacheJson(report: CacheReport | null | undefined): { cache?: unknown } {
  if (!report) return {};
  return {
    cache: {
      maxAgeMs: report.maxAgeMs,
      accounts: report.accounts.map((a) => ({ account: a.account, source: a.source, fetchedAt: a.fetchedAt.toISOString(), ageMs: Math.round(a.ageMs) })),
    },
  };
}

export function balancesJson(balances: Balance[], errors: BalanceError[], generatedAt: Date, cache?: CacheReport | null): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    generatedAt: generatedAt.toISOString(),
    complete: errors.length === 0,
    balances: balances.map(toBalanceJson),
    errors: errorsJson(errors),
    ...cacheJson(cache),
  })}\n`;
}
