// The adapter step of the read pipeline (api/read.ts, the only importer in src/): ask every account
// for its balances, in parallel, each behind the sanity boundary. A failing account is a result, not
// an exception: what succeeded is kept, each failure carries its account, provider and exit code.
import { summarizeOutcomes, type AccountOutcome, type OutcomesSummary, type ResolvedAccount } from '../core/account.js';
import { defaultHttpSettings, type HttpOverrides, type HttpSettings } from '../http/client.js';
import { setupMode } from '../providers/account-mode.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { badShapeError, ShapeError } from '../providers/kit/shape.js';
import type { AdapterContext, Explanation, WithdrawalRule } from '../providers/kit/adapter.js';
import { BalanceError, InternalError, isBalanceError, withContext } from '../core/errors.js';
import { checkBalances, checkRules } from '../core/sanity.js';

export interface FetchOptions {
  /** The runtime (sockets, pacing, redactor) and any settings that differ from the defaults. */
  http: HttpOverrides;
  /** The providers the accounts may name: the built-in ones and the config's declared ones. */
  providers: ProviderRegistry;
  includeZero?: boolean;
  /** Called as each account finishes (for "3/12 accounts" progress). */
  onAccountDone?: (outcome: AccountOutcome, done: number, total: number) => void;
}

export type FetchResult = OutcomesSummary;

export async function fetchAccountBalances(accounts: ResolvedAccount[], options: FetchOptions): Promise<FetchResult> {
  const http = defaultHttpSettings(options.http);
  let done = 0;
  const outcomes = await Promise.all(
    accounts.map(async (account) => {
      const outcome = await fetchOne(account, options.providers, http, options.includeZero ?? true);
      options.onAccountDone?.(outcome, ++done, accounts.length);
      return outcome;
    }),
  );
  // Interrupts are not per-account failures: they end the command.
  const interrupted = outcomes.flatMap((o) => o.errors).find((e) => e.code === 'INTERRUPTED');
  if (interrupted) throw interrupted;
  return summarizeOutcomes(outcomes);
}

function adapterContext(account: ResolvedAccount, providers: ProviderRegistry, http: HttpSettings, includeZero: boolean): AdapterContext {
  const info = providers.info(account.provider);
  return { account, info, baseUrl: account.baseUrl ?? info.defaultBaseUrl, http, includeZero };
}

/**
 * What the first page of the account's balance list maps to, path by path (`config check
 * --explain`); undefined when its provider's adapter cannot explain itself (a built-in one).
 */
export async function explainAccountRead(account: ResolvedAccount, options: FetchOptions): Promise<Explanation | undefined> {
  const adapter = await options.providers.loadAdapter(account.provider);
  return adapter.explain?.(adapterContext(account, options.providers, defaultHttpSettings(options.http), true));
}

/**
 * Withdrawal limits an adapter serves from an endpoint: undefined when the provider has no such
 * endpoint, null when it has one that could not be read (the caller decides what that means).
 */
export async function fetchWithdrawalRules(account: ResolvedAccount, options: FetchOptions): Promise<WithdrawalRule[] | null | undefined> {
  const adapter = await options.providers.loadAdapter(account.provider);
  if (!adapter.withdrawalRules) return undefined;
  try {
    return checkRules(await adapter.withdrawalRules(adapterContext(account, options.providers, defaultHttpSettings(options.http), true)));
  } catch (error) {
    if (isBalanceError(error) && error.code === 'INTERRUPTED') throw error;
    return null;
  }
}

async function fetchOne(account: ResolvedAccount, providers: ProviderRegistry, http: HttpSettings, includeZero: boolean): Promise<AccountOutcome> {
  const info = providers.info(account.provider);
  const started = Date.now();
  const context = { account: account.name, provider: info.id };
  try {
    const adapter = await providers.loadAdapter(account.provider);
    const result = await adapter.fetchBalances(adapterContext(account, providers, http, includeZero));
    // The sanity boundary: every adapter's figures, before anything else sees them.
    const checked = checkBalances(result.balances, info.displayName);
    return {
      ...context,
      mode: setupMode(account, info),
      ...result,
      balances: checked.balances,
      notices: [...result.notices, ...checked.notices],
      errors: result.errors.map((e) => withContext(e, context)),
      ms: Date.now() - started,
    };
  } catch (error) {
    return {
      ...context,
      mode: setupMode(account, info),
      balances: [],
      reported: [],
      errors: [toBalanceError(error, account, info.displayName)],
      notices: [],
      ms: Date.now() - started,
    };
  }
}

function toBalanceError(error: unknown, account: ResolvedAccount, displayName: string): BalanceError {
  const context = { account: account.name, provider: account.provider };
  if (isBalanceError(error)) return withContext(error, context);
  if (error instanceof ShapeError) return withContext(badShapeError(displayName, account.name, error), context);
  return new InternalError(`unexpected failure while reading account '${account.name}'`, error, context);
}
