// Per-account watch state: the effective interval (raised to the provider's floor, announced once),
// the last known balances, and the error streak that drives `error` / `recovered` events.
import type { ResolvedAccount } from '../config/types.js';
import type { Balance } from '../core/balance.js';
import { formatDuration } from '../core/duration.js';
import { combinedExitCode, type BalanceError } from '../core/errors.js';
import type { ProviderInfo } from '../providers/catalog.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { credentialFingerprint } from '../providers/kit/request.js';
import { balanceKey } from './diff.js';
import { isSandboxAccount } from './poll.js';
import { providerFloor } from './scheduler.js';

export interface AccountState {
  account: ResolvedAccount;
  info: ProviderInfo;
  /** Accounts sharing a credential share its rate limit. */
  group: string;
  sandbox: boolean;
  intervalMs: number;
  /** The highest interval already announced (starts at the user's). */
  announcedMs: number;
  /** Requests one poll of this account sends (measured; 1 until the first poll). */
  requests: number;
  /** Last known balances, unvalued; null until a poll succeeds. */
  raw: Balance[] | null;
  polls: number;
  lastPollAt: Date | null;
  lastSuccessAt: Date | null;
  /** Errors of the latest poll; empty when it succeeded. */
  errors: BalanceError[];
  /** Failed polls in a row. */
  failures: number;
  failingSince: Date | null;
}

export function initialStates(accounts: ResolvedAccount[], intervalMs: number, providers: ProviderRegistry): AccountState[] {
  return accounts.map((account) => ({
    account,
    info: providers.info(account.provider),
    group: `${account.provider}:${credentialFingerprint({ account })}`,
    sandbox: isSandboxAccount(account),
    intervalMs,
    announcedMs: intervalMs,
    requests: 1,
    raw: null,
    polls: 0,
    lastPollAt: null,
    lastSuccessAt: null,
    errors: [],
    failures: 0,
    failingSince: null,
  }));
}

/**
 * Recompute every account's interval from the provider floors; returns notices for intervals
 * raised above what was announced before (so each is said once, and again only if raised further).
 */
export function applyFloors(states: AccountState[], userIntervalMs: number): string[] {
  const perGroup = new Map<string, number>();
  for (const s of states) perGroup.set(s.group, (perGroup.get(s.group) ?? 0) + s.requests);
  const raised = new Map<string, string[]>();
  for (const s of states) {
    const floor = providerFloor(s.info, perGroup.get(s.group) ?? s.requests, s.sandbox);
    s.intervalMs = Math.max(userIntervalMs, floor.ms);
    if (s.intervalMs <= s.announcedMs || floor.reason === null) continue;
    // A rate floor before every account sharing the key has polled rests on a guessed request
    // count ("1 request per poll"); said then, it would go stale after the first poll. It applies
    // at once, and is announced once the count is measured.
    if (floor.byRate && states.some((o) => o.group === s.group && o.polls === 0)) continue;
    s.announcedMs = s.intervalMs;
    const shared = states.filter((o) => o.group === s.group).length > 1 ? ' (accounts sharing its key counted together)' : '';
    const key = `${floor.reason}${shared}: polling %s every ${formatDuration(s.intervalMs)} instead of ${formatDuration(userIntervalMs)}`;
    raised.set(key, [...(raised.get(key) ?? []), `'${s.account.name}'`]);
  }
  return [...raised].map(([text, names]) => text.replace('%s', `${names.length > 1 ? 'accounts' : 'account'} ${names.join(', ')}`));
}

/** Fold a poll's balances into the last known ones; a partial failure keeps what it could not read. */
export function mergeBalances(previous: Balance[] | null, fresh: Balance[], complete: boolean): Balance[] | null {
  if (complete) return fresh;
  if (fresh.length === 0) return previous;
  const keys = new Set(fresh.map(balanceKey));
  return [...fresh, ...(previous ?? []).filter((b) => !keys.has(balanceKey(b)))];
}

export type ErrorTransition = { kind: 'failed'; error: BalanceError } | { kind: 'recovered'; failures: number; failingSince: Date } | null;

/** Record a poll's errors; returns the transition worth an event (not repeated while unchanged). */
export function recordErrors(state: AccountState, errors: BalanceError[], at: Date): ErrorTransition {
  if (errors.length === 0) {
    const was = { failures: state.failures, failingSince: state.failingSince };
    state.errors = [];
    state.failures = 0;
    state.failingSince = null;
    return was.failures > 0 && was.failingSince ? { kind: 'recovered', failures: was.failures, failingSince: was.failingSince } : null;
  }
  const sorted = [...errors].sort((a, b) => a.exitCode - b.exitCode);
  const first = sorted[0] as BalanceError;
  const changed = state.errors[0]?.code !== first.code;
  state.errors = sorted;
  state.failures++;
  state.failingSince ??= at;
  return changed ? { kind: 'failed', error: first } : null;
}

/** The exit code a normal end reports for an account: its latest poll's failure, or 0. */
export function accountExitCode(state: AccountState): number {
  return combinedExitCode(state.errors.map((e) => e.exitCode));
}
