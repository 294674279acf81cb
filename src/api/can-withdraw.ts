// canWithdraw: "can I pay this out now?", fail-closed. `yes` only when some account is known to
// hold the funds and every rule is known to hold; `unknown` when an account that might hold them
// could not be read. A yes is never given from cached balances: with a config it always reads the
// providers afresh (refreshing the cache if one is configured); with a result that holds cached
// accounts, those accounts cannot make it a yes.
import type { Config } from '../config/types.js';
import { canonicalCurrency, canonicalNetwork } from '../core/currencies.js';
import { formatDuration } from '../core/duration.js';
import { UsageError, combinedExitCode, type BalanceError } from '../core/errors.js';
import { fractionDigits, parseUserDecimal } from '../core/money.js';
import { checkCandidate, chooseCandidate, matchesRequest, notHeldReason, type CandidateCheck, type WithdrawalRequest } from '../core/withdrawal.js';
import { minimumFor } from '../core/withdrawal-limits.js';
import { PROVIDERS, type ProviderId } from '../providers/catalog.js';
import { loadAdapter } from '../providers/index.js';
import { fetchBalances, type BalancesResult, type FetchBalancesOptions } from './fetch.js';

const CURRENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,23}$/;

export interface WithdrawalQuery {
  /** A canonical symbol (USDT) or a provider code (USDT_TRC20, usdttrc20, which pins the network). */
  currency: string;
  /** A plain decimal string such as "250" or "0.015". */
  amount: string;
  /** Only this network, for a canonical symbol. */
  network?: string | undefined;
}

export interface WithdrawalDecision {
  decision: 'yes' | 'no' | 'unknown';
  request: WithdrawalRequest;
  /** The account that can pay, when yes. */
  account: string | null;
  chosen: CandidateCheck | null;
  /** Every candidate balance with the figures compared. */
  checks: CandidateCheck[];
  /** Why it is not a yes (empty for yes). */
  reasons: string[];
  /** Set when no selected account reports the currency at all. */
  unheld: string | null;
  errors: BalanceError[];
  balances: BalancesResult;
}

/** Validate a query into a request; malformed amounts and codes are UsageErrors (exit 2). */
export function parseWithdrawalQuery(query: WithdrawalQuery): WithdrawalRequest {
  const { currency, network: networkArg } = query;
  const amountText = query.amount.trim();
  const amount = amountText.startsWith('-') ? null : parseUserDecimal(amountText);
  if (amount === null) {
    throw new UsageError(`amount "${query.amount}" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)`);
  }
  if (!CURRENCY_CODE.test(currency)) throw new UsageError(`currency "${currency}" is not a currency code; expected e.g. USDT or USDT_TRC20`);
  if (amount.isZero()) throw new UsageError('amount must be greater than 0');
  const canonical = canonicalCurrency(currency);
  const typedSymbolOnly = canonical.currency === currency.toUpperCase();
  const network = networkArg !== undefined ? canonicalNetwork(networkArg) : typedSymbolOnly ? null : canonical.network;
  if (networkArg !== undefined && !typedSymbolOnly && canonical.network !== null && network !== canonical.network) {
    throw new UsageError(`--network ${networkArg} contradicts ${currency}, which is on ${canonical.network}`);
  }
  return { input: currency, currency: canonical.currency, network, amount, amountDecimals: fractionDigits(amountText) };
}

export async function canWithdraw(
  source: Config | BalancesResult,
  query: WithdrawalQuery | WithdrawalRequest,
  options: FetchBalancesOptions = {},
): Promise<WithdrawalDecision> {
  const request = 'input' in query ? query : parseWithdrawalQuery(query);
  const result = 'outcomes' in source ? source : await fetchBalances(source, { ...options, withdrawalRules: true, refresh: true });
  const rules = result.rules ?? (await rulesNotRead(result));
  const cachedAge = new Map((result.cache?.accounts ?? []).filter((a) => a.source === 'cache').map((a) => [a.account, a.ageMs]));

  const checks = result.balances
    .filter((b) => matchesRequest(b, request))
    .map((b) => {
      const providerName = PROVIDERS[b.provider as ProviderId]?.displayName ?? b.provider;
      const served = rules.has(b.account) ? { rules: rules.get(b.account) ?? null } : undefined;
      const check = checkCandidate(b, request, minimumFor(b, result.config.minimums.get(b.account), served, providerName), providerName);
      const age = cachedAge.get(b.account);
      if (age === undefined) return check;
      return { ...check, ok: false, reasons: [...check.reasons, `cached: the balances of '${b.account}' are ${formatDuration(age)} old; a yes needs fresh figures`] };
    });
  const chosen = chooseCandidate(checks);
  const failureCode = combinedExitCode(result.errors.map((e) => e.exitCode));
  // A no is only known when every selected account answered afresh; otherwise the missing one might hold the funds.
  const decision = chosen ? 'yes' : failureCode !== 0 || checks.some((c) => cachedAge.has(c.account)) ? 'unknown' : 'no';
  const unheld = checks.length === 0 ? notHeldReason(request, result.balances) : null;
  return {
    decision,
    request,
    account: chosen?.account ?? null,
    chosen,
    checks,
    reasons: decision === 'yes' ? [] : unheld ? [unheld] : checks.flatMap((c) => c.reasons),
    unheld,
    errors: result.errors,
    balances: result,
  };
}

/**
 * A result fetched without withdrawalRules: for providers that serve limits from an API, treat
 * them as unreadable (a note, as when the endpoint fails) rather than as "no limits exist".
 */
async function rulesNotRead(result: BalancesResult): Promise<Map<string, null>> {
  const unread = new Map<string, null>();
  for (const outcome of result.outcomes) {
    const adapter = await loadAdapter(outcome.provider as ProviderId).catch(() => null);
    if (adapter?.withdrawalRules) unread.set(outcome.account, null);
  }
  return unread;
}
