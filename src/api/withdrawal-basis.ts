// What every payout decision on one read rests on, prepared once: each balance with its provider's
// limits, the config's minimum, decimals and reserve for it, and whether it came from the cache;
// the mode the decisions are about; the accounts that failed. canWithdraw decides one payout on it,
// planPayouts a whole run.
import type { Mode } from '../core/balance.js';
import { formatDuration } from '../core/duration.js';
import type { Candidate, DecisionBasis } from '../core/withdrawal-decision.js';
import { configuredFor, minimumFor } from '../core/withdrawal-limits.js';
import { setupMode } from '../providers/account-mode.js';
import type { BalancesResult } from './fetch.js';

export async function decisionBasis(result: BalancesResult, explicitMode: Mode | undefined): Promise<DecisionBasis> {
  const rules = result.rules ?? (await rulesNotRead(result));
  const { config } = result;
  const cachedAge = new Map((result.cache?.accounts ?? []).filter((a) => a.source === 'cache').map((a) => [a.account, a.ageMs]));
  const candidates = result.balances.map((b): Candidate => {
    const info = config.providers.has(b.provider) ? config.providers.info(b.provider) : undefined;
    const provider = { name: info?.displayName ?? b.provider, withdrawals: info?.withdrawals ?? {} };
    const served = rules.has(b.account) ? { rules: rules.get(b.account) ?? null } : undefined;
    const age = cachedAge.get(b.account);
    return {
      balance: b,
      provider,
      minimum: minimumFor(b, config.minimums.get(b.account), served, provider),
      decimals: config.decimals?.get(b.account),
      reserve: configuredFor(b, config.reserves?.get(b.account)),
      stale: age === undefined ? null : `cached: the balances of '${b.account}' are ${formatDuration(age)} old; a yes needs fresh figures`,
    };
  });
  const mode = decisionMode(result, explicitMode);
  // A failed account of unknown mode might be live: then only live money could answer any payout.
  const known = accountModes(result);
  const modes = new Map(result.outcomes.map((o, i) => [o.account, known[i] ?? null]));
  const modeDoubt =
    explicitMode !== undefined || mode === 'live' ? [] : result.errors.filter((e) => e.account === undefined || (modes.get(e.account) ?? null) === null);
  return { mode, explicitMode: explicitMode !== undefined, candidates, errors: result.errors, modeDoubt };
}

/**
 * The mode of each selected account: what its balances say, else what its setup tells (config
 * mode, a sandbox host, the key's prefix), so an account whose read failed keeps its mode.
 */
function accountModes(result: BalancesResult): Array<Mode | null> {
  return result.outcomes.map((o) => {
    const fromBalances = o.balances.find((b) => b.mode !== null)?.mode;
    if (fromBalances) return fromBalances;
    const account = result.config.accounts.find((a) => a.name === o.account);
    const providers = result.config.providers;
    return o.mode ?? (account && providers.has(account.provider) ? setupMode(account, providers.info(account.provider)) : null);
  });
}

/** Test and live money are never mixed: any live account selected makes it a live decision. */
function decisionMode(result: BalancesResult, requested: Mode | undefined): Mode | null {
  if (requested) return requested;
  const modes = accountModes(result);
  if (modes.includes('live')) return 'live';
  if (modes.length > 0 && modes.every((m) => m === 'test')) return 'test';
  return null;
}

/**
 * A result fetched without withdrawalRules: for providers that serve limits from an API, treat
 * them as unreadable (a note, as when the endpoint fails) rather than as "no limits exist".
 */
async function rulesNotRead(result: BalancesResult): Promise<Map<string, null>> {
  const unread = new Map<string, null>();
  for (const outcome of result.outcomes) {
    const adapter = await result.config.providers.loadAdapter(outcome.provider).catch(() => null);
    if (adapter?.withdrawalRules) unread.set(outcome.account, null);
  }
  return unread;
}
