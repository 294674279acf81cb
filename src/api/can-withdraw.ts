// canWithdraw: "can I pay this out now?", fail-closed. `yes` only when some account is known to
// hold the funds and every rule is known to hold; `unknown` when an account that might hold them
// could not be read. A yes is never given from cached balances: with a config it always reads the
// providers afresh (refreshing the cache if one is configured); with a result that holds cached
// accounts, those accounts cannot make it a yes.
import { CLI_OPTION_NAMES, LIBRARY_OPTION_NAMES, type OptionNames } from '../core/option-names.js';
import type { Config } from '../config/types.js';
import { networkTypo, parseSelector } from '../core/conditions.js';
import { canonicalNetwork } from '../core/currencies.js';
import { SELECTOR_HINT } from '../core/currency-filter.js';
import { formatDuration } from '../core/duration.js';
import { ExitCode, UsageError, combinedExitCode, type BalanceError } from '../core/errors.js';
import type { Mode } from '../core/balance.js';
import { fractionDigits, parseUserDecimal } from '../core/money.js';
import { checkCandidate, chooseCandidate, matchesRequest, notHeldReason, type CandidateCheck, type WithdrawalRequest } from '../core/withdrawal.js';
import { minimumFor } from '../core/withdrawal-limits.js';
import { isProviderId, PROVIDERS } from '../providers/catalog.js';
import { loadAdapter } from '../providers/index.js';
import { fetchBalances, type BalancesResult, type FetchBalancesOptions } from './fetch.js';

export interface WithdrawalQuery {
  /** A canonical symbol (USDT), a provider code (USDT_TRC20, usdttrc20, which pins the network), or CURRENCY@network. */
  currency: string;
  /** A plain decimal string such as "250" or "0.015". */
  amount: string;
  /** Only this network, for a canonical symbol. */
  network?: string | undefined;
  /**
   * Which money may answer: live or test. Default: live when any selected account is live, test
   * when every selected account is test; accounts of any other mode never make a yes.
   */
  mode?: Mode | undefined;
}

export interface WithdrawalDecision {
  decision: 'yes' | 'no' | 'unknown';
  /** 0 yes, 1 no; for unknown the failing accounts' lowest code, else 6 (a figure could not be trusted or checked). */
  exitCode: number;
  /** The money this decision is about (null: the selected accounts' mode is not known). */
  mode: Mode | null;
  request: WithdrawalRequest;
  /** The account that can pay, when yes. */
  account: string | null;
  chosen: CandidateCheck | null;
  /** Every candidate balance with the figures compared; `eligible` false: other money (mode). */
  checks: Array<CandidateCheck & { eligible: boolean }>;
  /** Why it is not a yes (empty for yes). */
  reasons: string[];
  /** Set when no selected account reports the currency at all. */
  unheld: string | null;
  errors: BalanceError[];
  balances: BalancesResult;
}

/** Validate a query into a request; malformed amounts and codes are UsageErrors (exit 2). */
export function parseWithdrawalQuery(query: WithdrawalQuery, names: Pick<OptionNames, 'accounts' | 'network'> = LIBRARY_OPTION_NAMES): WithdrawalRequest {
  const { currency, network: networkArg } = query;
  const amountText = query.amount.trim();
  const amount = amountText.startsWith('-') ? null : parseUserDecimal(amountText);
  if (amount === null) {
    throw new UsageError(`amount "${query.amount}" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)`);
  }
  // The selector grammar of --currency and watch (one rule for typed codes), without the account:
  // can-withdraw takes accounts from --account.
  const selector = parseSelector(currency);
  if ('error' in selector) throw new UsageError(`currency "${currency}": ${selector.error}`, SELECTOR_HINT);
  if (selector.account !== null) {
    const hint = names === CLI_OPTION_NAMES ? `e.g. can-withdraw ${currency.slice(currency.indexOf(':') + 1)} ${amountText} --account ${selector.account}` : `e.g. { accounts: ['${selector.account}'] }`;
    throw new UsageError(`currency "${currency}": can-withdraw takes the account from ${names.accounts}`, hint);
  }
  if (amount.isZero()) throw new UsageError('amount must be greater than 0');
  let network = selector.network;
  if (networkArg !== undefined) {
    const typo = networkTypo(networkArg);
    if (typo !== null) throw new UsageError(`${names.network} ${typo}`);
    const stated = canonicalNetwork(networkArg);
    if (network !== null && stated !== network) throw new UsageError(`${names.network} ${networkArg} contradicts ${currency}, which is on ${network}`);
    network = stated;
  }
  const input = currency.split('@')[0]?.trim() ?? currency;
  return { input, currency: selector.currency, network, amount, amountDecimals: fractionDigits(amountText) };
}

export async function canWithdraw(
  source: Config | BalancesResult,
  query: WithdrawalQuery | WithdrawalRequest,
  options: FetchBalancesOptions & { mode?: Mode | undefined } = {},
): Promise<WithdrawalDecision> {
  const request = 'input' in query ? query : parseWithdrawalQuery(query);
  const requestedMode = 'input' in query ? undefined : parseMode(query.mode);
  const result = 'outcomes' in source ? source : await fetchBalances(source, { ...options, withdrawalRules: true, refresh: true });
  const rules = result.rules ?? (await rulesNotRead(result));
  const explicitMode = requestedMode ?? options.mode;
  const mode = decisionMode(result, explicitMode);
  const cachedAge = new Map((result.cache?.accounts ?? []).filter((a) => a.source === 'cache').map((a) => [a.account, a.ageMs]));

  const checks = result.balances
    .filter((b) => matchesRequest(b, request))
    .map((b) => {
      const info = isProviderId(b.provider) ? PROVIDERS[b.provider] : undefined;
      const provider = { name: info?.displayName ?? b.provider, withdrawals: info?.withdrawals ?? {} };
      const served = rules.has(b.account) ? { rules: rules.get(b.account) ?? null } : undefined;
      const minimum = minimumFor(b, result.config.minimums.get(b.account), served, provider);
      let check = checkCandidate(b, request, minimum, provider, result.config.decimals?.get(b.account));
      const age = cachedAge.get(b.account);
      if (age !== undefined) {
        check = { ...check, ok: false, status: 'unknown', reasons: [...check.reasons, `cached: the balances of '${b.account}' are ${formatDuration(age)} old; a yes needs fresh figures`] };
      }
      const wrongMode = modeMismatch(check, mode, explicitMode !== undefined);
      return wrongMode ? { ...check, ok: false, eligible: false, reasons: [...check.reasons, wrongMode] } : { ...check, eligible: true };
    });
  // Candidates of the other mode neither answer nor make the answer unknown: they are other money.
  const eligible = checks.filter((c) => c.eligible);
  const chosen = chooseCandidate(eligible);
  const failureCode = combinedExitCode(result.errors.map((e) => e.exitCode));
  const undecided = eligible.some((c) => c.status === 'unknown');
  // A no is only known when every selected account answered afresh and every check could be made.
  const decision = chosen ? 'yes' : failureCode !== 0 || undecided ? 'unknown' : 'no';
  const exitCode = decision === 'yes' ? ExitCode.ok : decision === 'no' ? ExitCode.no : combinedExitCode([failureCode, undecided ? ExitCode.badResponse : 0]) || ExitCode.badResponse;
  const unheld = checks.length === 0 ? notHeldReason(request, result.balances) : null;
  return {
    decision,
    exitCode,
    mode,
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

/** `--mode`: live or test; anything else is a usage error. */
export function parseMode(text: string | undefined, names: Pick<OptionNames, 'mode'> = LIBRARY_OPTION_NAMES): Mode | undefined {
  if (text === undefined) return undefined;
  if (text === 'live' || text === 'test') return text;
  throw new UsageError(`${names.mode} "${text}" is not a mode; expected live or test`);
}

/** The mode of each selected account: what its balances say, else its config. */
function accountModes(result: BalancesResult): Array<Mode | null> {
  return result.outcomes.map((o) => o.balances.find((b) => b.mode !== null)?.mode ?? result.config.accounts.find((a) => a.name === o.account)?.mode ?? null);
}

/** Test and live money are never mixed: any live account selected makes it a live decision. */
function decisionMode(result: BalancesResult, requested: Mode | undefined): Mode | null {
  if (requested) return requested;
  const modes = accountModes(result);
  if (modes.includes('live')) return 'live';
  if (modes.length > 0 && modes.every((m) => m === 'test')) return 'test';
  return null;
}

function modeMismatch(c: CandidateCheck, mode: Mode | null, explicit: boolean): string | null {
  if (c.mode === mode) return null;
  const has = c.mode === null ? `the mode of '${c.account}' is not known (set accounts.${c.account}.mode)` : `'${c.account}' holds ${c.mode} money`;
  if (explicit) return `other mode: ${has}; --mode ${mode} decides on ${mode} money only`;
  if (mode === 'live') return `other mode: ${has} and live accounts are selected; only live money answers (--mode test to ask about test money)`;
  return `other mode: ${has} and the selected accounts are not all ${c.mode === null ? 'of one mode' : `${c.mode} mode`}; select them with --account or pass --mode`;
}

/**
 * A result fetched without withdrawalRules: for providers that serve limits from an API, treat
 * them as unreadable (a note, as when the endpoint fails) rather than as "no limits exist".
 */
async function rulesNotRead(result: BalancesResult): Promise<Map<string, null>> {
  const unread = new Map<string, null>();
  for (const outcome of result.outcomes) {
    const adapter = await loadAdapter(outcome.provider).catch(() => null);
    if (adapter?.withdrawalRules) unread.set(outcome.account, null);
  }
  return unread;
}
