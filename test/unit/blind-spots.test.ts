// Cases that mutation testing showed no test would notice (issue 12): comparisons at equality,
// an unknown part in a sum, two wallets of one currency in watch diffs, unknown fields across
// polls, revalue(), group-readable secret files, and negative zero.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAccounts } from '../../src/config/index.js';
import { validateConfig } from '../../src/config/schema.js';
import { toBalanceJson } from '../../src/core/balance.js';
import { compare, parseCondition, sumAvailable, codeSelector, breaches, type Comparator, type Condition } from '../../src/core/conditions.js';
import { ConfigError, ExitCode } from '../../src/core/errors.js';
import { Decimal, formatDecimal, formatUsdForPeople } from '../../src/core/money.js';
import { BalanceTracker } from '../../src/watch/diff.js';
import { balance } from '../helpers/balances.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { Redactor } from '../../src/core/secrets.js';

const d = (v: string) => new Decimal(v);

describe('comparisons at, just above and just below the level', () => {
  const cases: Array<[Comparator, boolean, boolean, boolean]> = [
    // op,   below, equal, above
    ['>=', false, true, true],
    ['>', false, false, true],
    ['<=', true, true, false],
    ['<', true, false, false],
    ['=', false, true, false],
  ];
  it.each(cases)('%s: below %s, equal %s, above %s', (op, below, equal, above) => {
    expect(compare(d('499.999999'), op, d('500'))).toBe(below);
    expect(compare(d('500.000000'), op, d('500'))).toBe(equal);
    expect(compare(d('500.000001'), op, d('500'))).toBe(above);
  });

  it('--until USDT>500 does not hold at exactly 500; USDT<=500 does', () => {
    const holds = (text: string, available: string) => {
      const condition = parseCondition(text) as Condition;
      const sum = sumAvailable(condition.selector, [balance({ currency: 'USDT', available })]);
      return sum.amount !== null && compare(sum.amount, condition.op, condition.amount);
    };
    expect([holds('USDT>500', '500'), holds('USDT>500', '500.01'), holds('USDT<=500', '500'), holds('USDT<=500', '500.01')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('an alert level is not breached at exactly the level, in either direction', () => {
    expect(breaches({ kind: 'below', level: d('100') }, d('100.00'))).toBe(false);
    expect(breaches({ kind: 'below', level: d('100') }, d('99.99'))).toBe(true);
    expect(breaches({ kind: 'above', level: d('100') }, d('100'))).toBe(false);
    expect(breaches({ kind: 'above', level: d('100') }, d('100.01'))).toBe(true);
  });
});

describe('a sum with an unknown part is unknown, whatever the order', () => {
  const usdt = () => codeSelector('USDT');
  it.each([
    ['unknown, then known', [null, '10']],
    ['known, then unknown', ['10', null]],
    ['known, unknown, known', ['10', null, '5']],
  ])('%s', (_label, amounts) => {
    const balances = amounts.map((available, i) => balance({ currency: 'USDT', wallet: `w${i}`, available }));
    expect(sumAvailable(usdt(), balances)).toMatchObject({ amount: null, matched: amounts.length });
  });

  it('all known: the exact sum, at the widest scale', () => {
    const sum = sumAvailable(usdt(), [
      balance({ currency: 'USDT', wallet: 'a', available: '0.1' }),
      balance({ currency: 'USDT', wallet: 'b', available: '0.20' }),
    ]);
    expect([sum.amount?.toFixed(), sum.scale, sum.matched]).toEqual(['0.3', 2, 2]);
  });
});

describe('watch diffs', () => {
  const at = new Date('2026-11-21T10:00:00Z');

  it('two wallets holding the same currency are tracked apart: a change in one is reported once, for that wallet', () => {
    const tracker = new BalanceTracker();
    tracker.update('acct', [balance({ wallet: 'w1', currency: 'USDT', available: '10' }), balance({ wallet: 'w2', currency: 'USDT', available: '20' })], at);
    expect(tracker.size).toBe(2);
    const changes = tracker.update(
      'acct',
      [balance({ wallet: 'w1', currency: 'USDT', available: '10' }), balance({ wallet: 'w2', currency: 'USDT', available: '25' })],
      at,
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]?.after?.wallet).toBe('w2');
    expect(changes[0]?.changes.map((c) => [c.field, c.old?.toFixed(), c.new?.toFixed(), c.delta?.toFixed()])).toEqual([['available', '20', '25', '5']]);
  });

  it('fields unknown in every poll produce no change event after the first poll', () => {
    const tracker = new BalanceTracker();
    const poll = () => [balance({ currency: 'USD', available: '10', pending: null, total: null })];
    const first = tracker.update('acct', poll(), at);
    expect(first.map((c) => c.changes.map((f) => f.field))).toEqual([['available']]);
    for (let i = 0; i < 3; i++) expect(tracker.update('acct', poll(), at)).toEqual([]);
  });

  it('a field that becomes unknown is a change with no delta, and staying unknown is not', () => {
    const tracker = new BalanceTracker();
    tracker.update('acct', [balance({ available: '10', pending: '1', total: '11' })], at);
    const changes = tracker.update('acct', [balance({ available: '10', pending: null, total: '11' })], at);
    expect(changes[0]?.changes.map((c) => [c.field, c.old?.toFixed() ?? null, c.new, c.delta])).toEqual([['pending', '1', null, null]]);
    expect(tracker.update('acct', [balance({ available: '10', pending: null, total: '11' })], at)).toEqual([]);
  });

  it('revalue() swaps in the new USD value without a change event, and later polls compare with it', () => {
    const tracker = new BalanceTracker();
    tracker.update('acct', [balance({ currency: 'NGN', available: '1000', usdValue: null })], at);
    tracker.revalue([balance({ currency: 'NGN', available: '1000', usdValue: '0.65', usdRate: '0.00065' })]);
    expect(tracker.all().map((t) => t.balance.usdValue?.toFixed() ?? null)).toEqual(['0.65']);
    expect(tracker.all()[0]?.fresh).toEqual([]);
    // A balance revalue() does not know is not added.
    tracker.revalue([balance({ account: 'other', currency: 'NGN', available: '5' })]);
    expect(tracker.size).toBe(1);
    expect(tracker.update('acct', [balance({ currency: 'NGN', available: '1000', usdValue: '0.65', usdRate: '0.00065' })], at)).toEqual([]);
  });
});

describe('secret files readable by the group', () => {
  it.each(['0640', '0660', '0604'])('a key file with mode %s is refused (exit 3), the key never shown', (octal) => {
    const mode = parseInt(octal, 8);
    const dir = tempDir();
    const path = join(dir, 'key');
    writeFileSync(path, 'sk_test_groupreadable123456');
    chmodSync(path, mode);
    const c = validateConfig({ accounts: { a: { provider: 'syncpay', apiKeyFile: path } } }, writeConfig(dir, {}), 'flag');
    let error: unknown = null;
    try {
      resolveAccounts(c, c.accounts, {}, new Redactor());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = [(error as ConfigError).message, ...((error as ConfigError).problems ?? [])].join('\n');
    expect((error as ConfigError).exitCode).toBe(ExitCode.config);
    expect(text).toContain(octal);
    expect(text).toContain(path);
    expect(text).not.toContain('groupreadable');
  });

  it.each(['0640', '0660'])('a config file with a literal key and mode %s is refused', (octal) => {
    const dir = tempDir();
    const path = writeConfig(dir, {}, '.balancerc.json', parseInt(octal, 8));
    const c = validateConfig({ accounts: { a: { provider: 'syncpay', apiKey: 'sk_live_literal_group1234' } } }, path, 'search');
    expect(() => resolveAccounts(c, c.accounts, {}, new Redactor())).toThrow(ConfigError);
    expect(() => resolveAccounts(c, c.accounts, {}, new Redactor())).toThrow(octal);
  });

  it('0600 and 0400 are accepted', () => {
    for (const mode of [0o600, 0o400]) {
      const dir = tempDir();
      const path = join(dir, 'key');
      writeFileSync(path, 'sk_test_private123456\n');
      chmodSync(path, mode);
      const c = validateConfig({ accounts: { a: { provider: 'syncpay', apiKeyFile: path } } }, writeConfig(dir, {}), 'flag');
      expect(resolveAccounts(c, c.accounts, {}, new Redactor())[0]?.credentials.apiKey).toBe('sk_test_private123456');
    }
  });
});

describe('negative zero is printed as zero', () => {
  it.each(['-0', '-0.00', '-0.000000000000000000'])('%s', (text) => {
    expect(formatDecimal(d(text))).toBe('0');
    expect(formatDecimal(d(text), 2)).toMatch(/^0\.0+$/);
    expect(formatUsdForPeople(d(text))).toBe('0.00');
  });

  it('in a balance record from a provider that reports "-0.00"', () => {
    const json = toBalanceJson(balance({ available: '-0.00', pending: '-0', total: '-0.00', usdValue: '-0.00' }));
    expect([json.available, json.pending, json.total, json.usdValue]).toEqual(['0.00', '0.00', '0.00', '0.00']);
  });

  it('a tiny negative USD value is not rounded to "-0.00" for people', () => {
    expect(formatUsdForPeople(d('-0.004'))).toBe('>-0.01');
    expect(formatUsdForPeople(d('-0.005'))).toBe('-0.01');
  });
});
