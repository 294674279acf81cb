// The conditions a watch session evaluates after each poll: threshold alerts and --until.
import { describe, expect, it } from 'vitest';
import { makeBalance, type Balance } from '../../src/core/balance.js';
import { parseCondition, parseLevel, type Condition, type ThresholdRule } from '../../src/core/conditions.js';
import { Decimal } from '../../src/core/money.js';
import type { AccountState } from '../../src/watch/accounts.js';
import { ConditionCheck } from '../../src/watch/condition-check.js';
import type { WatchEvent } from '../../src/watch/events.js';

const at = new Date('2026-11-21T10:00:00.000Z');
const usdt = (available: string | null, account = 'syncpay'): Balance =>
  makeBalance({
    account,
    provider: 'syncpay',
    mode: 'test',
    currency: 'USDT',
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available: available === null ? null : new Decimal(available),
    pending: null,
    scale: 2,
    raw: {},
  });
// Only what the check reads of an account's state: its name, latest errors and last figures.
const state = (name: string, fresh: boolean) => ({ account: { name }, errors: fresh ? [] : [new Error('down')], raw: [] }) as unknown as AccountState;
function rule(text: string): ThresholdRule {
  const level = parseLevel(text);
  if ('error' in level) throw new Error(level.error);
  return { name: text, kind: 'below', selector: level.selector, level: level.amount, levelText: text.split('=')[1] ?? '' };
}

function check(until: string | null, rules: ThresholdRule[] = []) {
  const alerts: WatchEvent[] = [];
  const held: string[] = [];
  const condition = until === null ? null : (parseCondition(until) as Condition);
  const c = new ConditionCheck(condition, rules, { alert: (e) => alerts.push(e), untilHeld: (notice) => held.push(notice) });
  return { c, alerts, held };
}

describe('ConditionCheck', () => {
  it('hands each threshold crossing to the session as a threshold event, once', () => {
    const { c, alerts } = check(null, [rule('USDT=100')]);
    c.evaluate(at, [usdt('150.00')], [state('syncpay', true)]);
    c.evaluate(at, [usdt('90.00')], [state('syncpay', true)]);
    c.evaluate(at, [usdt('80.00')], [state('syncpay', true)]);
    expect(alerts).toEqual([
      expect.objectContaining({ type: 'threshold', state: 'crossed', rule: 'USDT=100', amount: '90.00', previous: '150.00', level: '100' }),
    ]);
    expect(c.thresholds.alerting()).toBe(true);
  });

  it('says --until holds only when every covered account answered its latest poll', () => {
    const { c, held } = check('USDT>=500');
    c.evaluate(at, [usdt('600.00'), usdt('0.00', 'other')], [state('syncpay', true), state('other', false)]);
    expect(held).toEqual([]);
    c.evaluate(at, [usdt('600.00'), usdt('0.00', 'other')], [state('syncpay', true), state('other', true)]);
    expect(held).toEqual(['USDT >= 500 holds: 600.00 available']);
  });

  it('explains an unmet --until with the amount last seen, or that it is unknown', () => {
    const { c } = check('USDT >= 500');
    expect(c.unmetNotice('count', null)).toBe('USDT >= 500 did not hold within --count polls (its amount is unknown)');
    c.evaluate(at, [usdt('120.00')], [state('syncpay', true)]);
    expect(c.unmetNotice('timeout', 90_000)).toMatch(/^USDT >= 500 did not hold within --timeout \S+ \(last seen 120\.00 available\)$/);
  });

  it('has nothing to say about an unmet wait without --until', () => {
    expect(check(null).c.unmetNotice('timeout', 1_000)).toBeNull();
  });
});
