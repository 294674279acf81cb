// Diffing polls and threshold state: exact deltas, bounded state, one event per crossing.
import { describe, expect, it } from 'vitest';
import { makeBalance, type Balance } from '../../src/core/balance.js';
import { parseCondition, parseLevel, type Condition, type ThresholdRule } from '../../src/core/conditions.js';
import { Decimal } from '../../src/core/money.js';
import { BalanceTracker } from '../../src/watch/diff.js';
import { changeEvent } from '../../src/watch/events.js';
import { ThresholdTracker, untilHolds } from '../../src/watch/thresholds.js';

const at = new Date('2026-11-21T10:00:00.000Z');
const dec = (v: string | null) => (v === null ? null : new Decimal(v));
function usdt(available: string | null, pending: string | null = '0.00', account = 'syncpay'): Balance {
  return makeBalance({
    account,
    provider: 'syncpay',
    mode: 'test',
    currency: 'USDT',
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available: dec(available),
    pending: dec(pending),
    scale: 2,
    raw: {},
  });
}
function rule(text: string, kind: 'below' | 'above' = 'below'): ThresholdRule {
  const level = parseLevel(text);
  if ('error' in level) throw new Error(level.error);
  return { name: text, kind, selector: level.selector, level: level.amount, levelText: text.split('=')[1] ?? '' };
}

describe('BalanceTracker', () => {
  it('reports each changed field with exact old/new/delta and since-start strings', () => {
    const tracker = new BalanceTracker();
    expect(tracker.update('syncpay', [usdt('200.00', '0.00')], at)).toHaveLength(1); // first sight: from unknown
    expect(tracker.update('syncpay', [usdt('200.00', '0.00')], at)).toEqual([]);
    const pending = tracker.update('syncpay', [usdt('200.00', '300.00')], at);
    expect(pending.flatMap((c) => c.changes.map((f) => f.field))).toEqual(['pending', 'total']);
    const settled = tracker.update('syncpay', [usdt('500.00', '0.00')], at);
    const events = settled.flatMap((c) => c.changes.map((f) => changeEvent(at, c.before, c.after, f, c.start[f.field])));
    expect(events.map(({ field, old, new: now, delta, sinceStart }) => ({ field, old, new: now, delta, sinceStart }))).toEqual([
      { field: 'available', old: '200.00', new: '500.00', delta: '300.00', sinceStart: '300.00' },
      { field: 'pending', old: '300.00', new: '0.00', delta: '-300.00', sinceStart: '0.00' },
    ]);
    expect(events[0]).toMatchObject({
      type: 'change',
      schemaVersion: 1,
      at: at.toISOString(),
      account: 'syncpay',
      currency: 'USDT',
      network: 'tron',
      providerCurrency: 'USDT_TRC20',
    });
    expect(events[0]?.balance?.available).toBe('500.00');
  });

  it('a value becoming unknown is a change with a null delta; a vanished balance is forgotten', () => {
    const tracker = new BalanceTracker();
    tracker.update('syncpay', [usdt('1.00')], at);
    const unknown = tracker.update('syncpay', [usdt(null)], at);
    expect(unknown[0]?.changes.find((c) => c.field === 'available')).toMatchObject({ new: null, delta: null });
    const gone = tracker.update('syncpay', [], at);
    expect(gone[0]?.after).toBeNull();
    expect(tracker.size).toBe(0);
  });

  it('stays bounded over many polls and only touches the polled account', () => {
    const tracker = new BalanceTracker();
    tracker.update('other', [usdt('5.00', '0.00', 'other')], at);
    for (let i = 0; i < 5_000; i++) tracker.update('syncpay', [usdt(`${i}.00`)], at);
    expect(tracker.size).toBe(2);
    expect(
      tracker
        .all()
        .find((t) => t.balance.account === 'syncpay')
        ?.start.available?.toString(),
    ).toBe('0');
  });
});

describe('ThresholdTracker', () => {
  it('fires once per crossing and once on recovery, never on every poll', () => {
    const t = new ThresholdTracker([rule('USDT=100')]);
    const states = ['150.00', '120.00', '99.99', '50.00', '10.00', '100.00', '100.00', '99.00', '200.00'].map((v) =>
      t.evaluate([usdt(v)]).map((e) => `${e.state} ${e.amount} from ${e.previous}`),
    );
    expect(states).toEqual([
      [],
      [],
      ['crossed 99.99 from 120.00'],
      [],
      [],
      ['recovered 100.00 from 10.00'],
      [],
      ['crossed 99.00 from 100.00'],
      ['recovered 200.00 from 99.00'],
    ]);
  });

  it('reports a level already breached at start once, and ignores unknown amounts', () => {
    const t = new ThresholdTracker([rule('USDT=100')]);
    expect(t.evaluate([usdt('20.00')]).map((e) => e.state)).toEqual(['crossed']);
    expect(t.evaluate([usdt(null)])).toEqual([]);
    expect(t.evaluate([])).toEqual([]);
    expect(t.alerting()).toBe(true);
    expect(t.evaluate([usdt('20.00')])).toEqual([]);
  });

  it('aggregates across accounts unless the rule names one; above works the same way', () => {
    const t = new ThresholdTracker([rule('USDT=300'), rule('syncpay:USDT=300'), rule('USDT=400', 'above')]);
    const fired = t.evaluate([usdt('200.00'), usdt('250.00', '0.00', 'flow')]).map((e) => `${e.rule.name} ${e.state} ${e.amount}`);
    expect(fired).toEqual(['syncpay:USDT=300 crossed 200.00', 'USDT=400 crossed 450.00']);
  });
});

describe('untilHolds', () => {
  it('holds only on fresh data from every account in scope', () => {
    const until = parseCondition('USDT>=500') as Condition;
    expect(untilHolds(until, [usdt('500.00')], ['syncpay'], () => true)).toEqual({ holds: true, amount: '500.00' });
    expect(untilHolds(until, [usdt('499.99')], ['syncpay'], () => true).holds).toBe(false);
    expect(untilHolds(until, [usdt('900.00')], ['syncpay', 'flow'], (a) => a === 'syncpay').holds).toBe(false);
    const named = parseCondition('syncpay:USDT>=500') as Condition;
    expect(untilHolds(named, [usdt('900.00')], ['syncpay', 'flow'], (a) => a === 'syncpay').holds).toBe(true);
    expect(untilHolds(until, [], ['syncpay'], () => true)).toEqual({ holds: false, amount: null });
  });
});
