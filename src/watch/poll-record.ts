// What one finished poll leaves behind: the account's state (counters, last figures, error
// streak), for watch --record the read handed to the history store, the metric series, and the
// events it makes once the snapshot is out.
import type { AccountOutcome } from '../core/account.js';
import type { Balance, Mode } from '../core/balance.js';
import { mergeBalances, type AccountState, type ErrorTransition } from './accounts.js';
import type { BalanceChange } from './diff.js';
import { changeEvent, errorEvent, recoveredEvent, type WatchEvent } from './events.js';
import { accountReconciliation } from './metric-families.js';
import type { Metrics } from './metrics.js';
import type { PollResult } from './poll.js';

/** One poll as watch --record stores it: every currency, or none when the poll failed. */
export interface PollRead {
  account: string;
  provider: string;
  /** The mode the balances say, else the config's; null when unknown (history keys on it). */
  mode: Mode | null;
  balances: Balance[];
  errorCode: string | null;
}

/**
 * Applies a finished poll's counters and figures to its account's state (its errors are recorded
 * apart, by recordErrors, once the poll's notices are out).
 */
export function applyPoll(state: AccountState, { outcome, requests }: PollResult, at: Date): void {
  const ok = outcome.errors.length === 0;
  state.polls++;
  state.lastPollAt = at;
  if (ok) state.lastSuccessAt = at;
  if (requests > 0) state.requests = requests;
  state.raw = mergeBalances(state.raw, outcome.balances, ok);
}

/**
 * The history read of a poll. A failed poll keeps stale figures for the table; history gets a
 * gap instead (no balances), so a stale figure is never recorded as if it were read again.
 */
export function historyRead(state: AccountState, outcome: AccountOutcome, valued: readonly Balance[]): PollRead {
  const { name, provider } = state.account;
  const ok = outcome.errors.length === 0;
  const balances = ok ? valued.filter((b) => b.account === name) : [];
  const mode = outcome.balances.find((b) => b.mode !== null)?.mode ?? state.account.mode ?? null;
  return { account: name, provider, mode, balances, errorCode: outcome.errors[0]?.code ?? null };
}

/**
 * The metric series after a poll of `account`. A doubtful figure gets no series (like an unknown
 * one): an alert must not fire on it. Every account's series, not only this one's: a rate this
 * account reports re-prices the others' balances too (usdSource flow-payments:flow-main), and
 * their series must not wait for their own next poll to show it, or `sum by (currency)` would
 * disagree with `total` meanwhile.
 */
export function publishMetrics(
  metrics: Metrics,
  states: readonly AccountState[],
  account: string,
  poll: { watched: readonly Balance[]; valued: readonly Balance[]; outcome: AccountOutcome },
): void {
  for (const other of states) {
    if (other.raw === null && other.account.name !== account) continue;
    metrics.setBalances(
      other.account.name,
      poll.watched.filter((b) => b.account === other.account.name && !b.inconsistent),
    );
  }
  // Reported totals cover the whole account: reconcile with all of it, not the --currency view.
  if (poll.outcome.errors.length === 0) {
    metrics.setReported(
      account,
      accountReconciliation(
        poll.valued.filter((b) => b.account === account),
        poll.outcome.reported,
      ),
    );
  }
}

/** The events of a poll after the snapshot: its error streak's change, then every changed field. */
export function pollEvents(at: Date, state: AccountState, transition: ErrorTransition, changes: readonly BalanceChange[]): WatchEvent[] {
  const events: WatchEvent[] = [];
  if (transition?.kind === 'failed') events.push(errorEvent(at, transition.error, state.failures, state.lastSuccessAt));
  if (transition?.kind === 'recovered') events.push(recoveredEvent(at, state.account.name, state.info.id, transition.failures, transition.failingSince));
  for (const change of changes) {
    for (const field of change.changes) events.push(changeEvent(at, change.before, change.after, field, change.start[field.field]));
  }
  return events;
}
