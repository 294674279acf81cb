// What a finished poll leaves behind: account state, the history read, and its events.
import { describe, expect, it } from 'vitest';
import type { AccountOutcome } from '../../src/core/account.js';
import type { ResolvedAccount } from '../../src/config/types.js';
import { makeBalance } from '../../src/core/balance.js';
import { BalanceError, ExitCode } from '../../src/core/errors.js';
import { Decimal } from '../../src/core/money.js';
import type { AccountState } from '../../src/watch/accounts.js';
import { BalanceTracker } from '../../src/watch/diff.js';
import { applyPoll, historyRead, pollEvents } from '../../src/watch/poll-record.js';

const t0 = new Date('2026-11-21T10:00:00.000Z');
const t1 = new Date('2026-11-21T10:01:00.000Z');
const usdt = (available: string, account = 'syncpay') =>
  makeBalance({
    account,
    provider: 'syncpay',
    mode: 'test',
    currency: 'USDT',
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available: new Decimal(available),
    pending: null,
    scale: 2,
    raw: {},
  });
const outcome = (balances: ReturnType<typeof usdt>[], errors: BalanceError[] = []): AccountOutcome =>
  ({ account: 'syncpay', provider: 'syncpay', balances, reported: [], errors, notices: [], ms: 5 }) as AccountOutcome;
function freshState(): AccountState {
  return {
    account: { name: 'syncpay', provider: 'syncpay' } as ResolvedAccount,
    info: { id: 'syncpay' } as AccountState['info'],
    group: 'g',
    sandbox: true,
    intervalMs: 1_000,
    announcedMs: 1_000,
    requests: 1,
    raw: null,
    polls: 0,
    lastPollAt: null,
    lastSuccessAt: null,
    errors: [],
    failures: 0,
    failingSince: null,
  };
}
const down = new BalanceError('syncpay: timed out', { code: 'TIMEOUT', exitCode: ExitCode.unavailable });

describe('a finished poll', () => {
  it('updates the account’s counters and figures, keeping stale ones when a poll fails', () => {
    const state = freshState();
    applyPoll(state, { outcome: outcome([usdt('1.00')]), requests: 2 }, t0);
    expect(state).toMatchObject({ polls: 1, lastPollAt: t0, lastSuccessAt: t0, requests: 2 });
    applyPoll(state, { outcome: outcome([], [down]), requests: 0 }, t1);
    expect(state).toMatchObject({ polls: 2, lastPollAt: t1, lastSuccessAt: t0, requests: 2 });
    expect(state.raw?.map((b) => b.available?.toString())).toEqual(['1']); // stale figures kept for the table
    applyPoll(state, { outcome: outcome([usdt('3.00')]), requests: 1 }, t1);
    expect(state.raw?.map((b) => b.available?.toString())).toEqual(['3']);
  });

  it('gives history this account’s balances, or a gap with the error code when the poll failed', () => {
    const state = freshState();
    const valued = [usdt('1.00'), usdt('9.00', 'other')];
    expect(historyRead(state, outcome([usdt('1.00')]), valued)).toEqual({
      account: 'syncpay',
      provider: 'syncpay',
      mode: 'test',
      balances: [valued[0]],
      errorCode: null,
    });
    // A failed poll has no balance to tell the mode: the config's, else unknown (history joins the identity read last).
    expect(historyRead(state, outcome([], [down]), valued)).toEqual({
      account: 'syncpay',
      provider: 'syncpay',
      mode: null,
      balances: [],
      errorCode: 'TIMEOUT',
    });
    state.account = { ...state.account, mode: 'live' };
    expect(historyRead(state, outcome([], [down]), valued).mode).toBe('live');
  });

  it('makes the streak event first, then one change event per changed field', () => {
    const state = freshState();
    const tracker = new BalanceTracker();
    tracker.update('syncpay', [usdt('1.00')], t0);
    const changes = tracker.update('syncpay', [usdt('2.00')], t1);
    const transition = { kind: 'recovered' as const, failures: 3, failingSince: t0 };
    const events = pollEvents(t1, state, transition, changes);
    expect(events.map((e) => (e.type === 'change' ? `change ${e.field} ${e.old ?? '?'}→${e.new ?? '?'}` : e.type))).toEqual([
      'recovered',
      'change available 1.00→2.00',
    ]);
    expect(pollEvents(t1, state, null, [])).toEqual([]);
  });
});
