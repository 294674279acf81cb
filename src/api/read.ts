// The read pipeline: the one way src/ reads accounts. fetchBalances (balances, total, can-withdraw,
// snapshot, the library), `config check` (and its --explain) and each watch poll send one ReadRequest and get one
// AccountOutcome per account back, in the order asked: cache lookup → adapters (in parallel, each
// behind the sanity boundary, api/fetch-balances.ts) with the withdrawal rules read alongside →
// cache write. It owns the HTTP budget, so no caller builds HTTP settings of its own; the sockets,
// pacing, tokens and redactor are the request's runtime's, closed by whoever created it.
import { notCalledOutcome, type AccountOutcome, type ResolvedAccount } from '../core/account.js';
import type { BalanceError } from '../core/errors.js';
import { DEFAULT_TIMEOUT_MS, timeBudget, type HttpOverrides, type RetryNotice } from '../http/client.js';
import type { Runtime } from '../http/runtime.js';
import { setupMode } from '../providers/account-mode.js';
import type { Explanation, WithdrawalRule } from '../providers/kit/adapter.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { AbortScope } from '../http/abort-scope.js';
import { explainAccountRead, fetchAccountBalances, fetchWithdrawalRules } from './fetch-balances.js';
import { cacheReport, openReadCache, type CachePolicy, type CacheReport } from './read-cache.js';

export type { AccountSource, CachePolicy, CacheReport } from './read-cache.js';

export interface ReadHooks {
  /** Accounts done of all asked; cached and unresolved ones count as done from the start. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Before a request is retried or held back by pacing, with how long it waits. */
  onRetry?: ((notice: RetryNotice) => void) | undefined;
  /** As each attempt is sent (watch counts first attempts to respect rate limits). */
  onRequest?: ((attempt: number) => void) | undefined;
  /** Request and cache log lines (secrets redacted), e.g. for --debug. */
  debug?: ((line: string) => void) | undefined;
}

export interface ReadRequest {
  /** Every account to report on, in the order the outcomes come back (config order). */
  accounts: ResolvedAccount[];
  /** The providers the accounts name (the config's registry: built-in and declared). */
  providers: ProviderRegistry;
  /** Whose sockets, pacing, tokens and redactor the read uses (the pipeline never closes it). */
  runtime: Runtime;
  /** Those of `accounts` whose ${VAR} or key file could not be resolved: never called, the error is their outcome. */
  unresolved?: ReadonlyMap<string, BalanceError> | undefined;
  /** Budget for the whole read in milliseconds (default 30 000). */
  budgetMs?: number | undefined;
  /** Stops the read (default: the runtime's signal). */
  signal?: AbortSignal | undefined;
  /** Where proxy variables and the cache folder are read from (default process.env). */
  env?: NodeJS.ProcessEnv | undefined;
  /** Ask adapters for zero balances too (always, when the cache is in use: entries serve every later call). */
  includeZero: boolean;
  cache: CachePolicy;
  /** Also read the withdrawal limits providers serve from an API, in parallel with the balances. */
  withdrawalRules: boolean;
  hooks?: ReadHooks | undefined;
}

export interface ReadResult {
  /** One per account of the request, in its order. */
  outcomes: AccountOutcome[];
  /** null when the cache policy is off. */
  cache: CacheReport | null;
  /** With withdrawalRules: per account whose provider serves limits, the limits (null: unreadable). */
  rules?: Map<string, WithdrawalRule[] | null>;
}

/**
 * Interrupts are not per-account failures: they end the read (and the command) as a thrown
 * INTERRUPTED — whatever the signal was aborted with (http/abort-scope.ts), and also when the
 * abort came after the last answer: an aborted read never returns figures.
 */
export async function readAccounts(request: ReadRequest): Promise<ReadResult> {
  // One listener on the long-lived signal for the whole read, fanned out to its requests.
  const scope = new AbortScope(request.signal ?? request.runtime.signal);
  try {
    const result = await readWithin(request, scope.signal);
    if (scope.signal.aborted) throw scope.signal.reason;
    return result;
  } finally {
    scope.close();
  }
}

async function readWithin(request: ReadRequest, signal: AbortSignal): Promise<ReadResult> {
  const { accounts, hooks = {} } = request;
  if (signal.aborted) throw signal.reason;
  const unresolved = request.unresolved ?? new Map<string, BalanceError>();
  const callable = accounts.filter((a) => !unresolved.has(a.name));
  const cache = await openReadCache(request.cache, callable, request.providers, request.env, hooks.debug, request.runtime.redactor);
  const live = callable.filter((a) => !cache?.hits.has(a.name));
  const doneFromStart = accounts.length - live.length;
  hooks.onProgress?.(doneFromStart, accounts.length);
  const http = httpOf(request, signal);
  const rules = new Map<string, WithdrawalRule[] | null>();
  const [balances] = await Promise.all([
    fetchAccountBalances(live, {
      http,
      providers: request.providers,
      includeZero: cache !== null || request.includeZero,
      onAccountDone: (_, done) => hooks.onProgress?.(doneFromStart + done, accounts.length),
    }),
    request.withdrawalRules ? readRules(callable, request.providers, http, rules) : undefined,
  ]);
  if (signal.aborted) throw signal.reason;
  const fetched = balances.outcomes;
  const fetchedAt = cache?.now() ?? new Date();
  const liveByName = new Map(fetched.map((o) => [o.account, o]));
  cache?.store(live, liveByName, fetchedAt);
  const outcomes = accounts.flatMap((a) => {
    const failed = unresolved.get(a.name);
    // An account never called keeps the mode its config or host tells (its key is not known).
    const outcome = failed
      ? { ...notCalledOutcome(a, failed), mode: setupMode(a, request.providers.info(a.provider)) }
      : (cache?.hits.get(a.name)?.outcome ?? liveByName.get(a.name));
    return outcome ? [outcome] : [];
  });
  return {
    outcomes,
    cache: cache ? cacheReport(cache, outcomes, fetchedAt) : null,
    ...(request.withdrawalRules ? { rules } : {}),
  };
}

/** The request's HTTP overrides: its runtime, and the one budget for the whole read. */
function httpOf(request: Pick<ReadRequest, 'runtime' | 'budgetMs' | 'signal' | 'env' | 'hooks'>, signal = request.signal): HttpOverrides {
  const hooks = request.hooks ?? {};
  return {
    runtime: request.runtime,
    ...timeBudget(request.budgetMs ?? DEFAULT_TIMEOUT_MS),
    signal,
    debug: hooks.debug,
    env: request.env,
    onRetry: hooks.onRetry,
    onRequest: hooks.onRequest,
  };
}

/**
 * `config check --explain`: the first page of one account's balance list, path by path, through
 * the same HTTP settings and budget as a read (no cache: the point is what the provider says now).
 */
export function explainRead(
  account: ResolvedAccount,
  request: Pick<ReadRequest, 'providers' | 'runtime' | 'budgetMs' | 'signal' | 'env' | 'hooks'>,
): Promise<Explanation | undefined> {
  return explainAccountRead(account, { http: httpOf(request), providers: request.providers });
}

async function readRules(
  accounts: ResolvedAccount[],
  providers: ProviderRegistry,
  http: HttpOverrides,
  into: Map<string, WithdrawalRule[] | null>,
): Promise<void> {
  await Promise.all(
    accounts.map(async (account) => {
      const served = await fetchWithdrawalRules(account, { http, providers });
      if (served !== undefined) into.set(account.name, served);
    }),
  );
}
