// The condition grammar shared by --below/--above/--until and `alerts:`, and how amounts aggregate.
import { describe, expect, it } from 'vitest';
import { makeBalance } from '../../src/core/balance.js';
import { compare, parseCondition, parseLevel, parseSelector, sumAvailable, formatAggregate, type Selector } from '../../src/core/conditions.js';
import { Decimal } from '../../src/core/money.js';

const row = (account: string, providerCurrency: string, currency: string, network: string | null, available: string | null) =>
  makeBalance({ account, provider: 'syncpay', mode: 'test', currency, network, providerCurrency, available: available === null ? null : new Decimal(available), pending: null, scale: 2, raw: {} });

describe('selectors', () => {
  it.each([
    ['USDT', { account: null, code: 'USDT', currency: 'USDT', network: null }],
    ['syncpay:usdt', { account: 'syncpay', code: 'USDT', currency: 'USDT', network: null }],
    ['USDT@trc20', { account: null, code: 'USDT', currency: 'USDT', network: 'tron' }],
    ['USDT_TRC20', { account: null, code: 'USDT_TRC20', currency: 'USDT', network: 'tron' }],
    ['flow-main:BTC', { account: 'flow-main', code: 'BTC', currency: 'BTC', network: null }],
  ])('%s', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });

  it.each([
    ['', /is not a currency code/],
    ['US DT', /is not a currency code/],
    [':USDT', /is not an account name/],
    ['USDT@', /is not a network name/],
    ['USDT_TRC20@ethereum', /USDT_TRC20 is on tron, not ethereum/],
  ])('%j is refused', (text, message) => {
    const parsed = parseSelector(text);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('levels and conditions', () => {
  it('parses levels strictly as plain decimals', () => {
    const level = parseLevel('syncpay:USDT@tron=100.50');
    expect('error' in level).toBe(false);
    if (!('error' in level)) expect([level.selector.account, level.selector.network, level.amount.toString()]).toEqual(['syncpay', 'tron', '100.5']);
    for (const bad of ['USDT=1e3', 'USDT=1,000', 'USDT=+5', 'USDT=', 'USDT', 'USDT=.5', 'USDT=abc']) {
      expect('error' in parseLevel(bad), bad).toBe(true);
    }
  });

  it('parses conditions with every operator and spaces', () => {
    const ops = ['>=', '>', '<=', '<', '='].map((op) => {
      const c = parseCondition(`USDT ${op} 500`);
      return 'error' in c ? c.error : `${c.op} ${c.amount.toString()} ${c.text}`;
    });
    expect(ops).toEqual(['>= 500 USDT >= 500', '> 500 USDT > 500', '<= 500 USDT <= 500', '< 500 USDT < 500', '= 500 USDT = 500']);
    for (const bad of ['USDT', 'USDT>=', 'USDT=>500', 'USDT>=5e2', '>=500', 'USDT>=500>=1']) {
      expect('error' in parseCondition(bad), bad).toBe(true);
    }
  });

  it('compares exactly', () => {
    const a = new Decimal('0.1').plus('0.2');
    expect(compare(a, '=', new Decimal('0.3'))).toBe(true);
    expect(compare(new Decimal('500.00'), '>=', new Decimal('500'))).toBe(true);
    expect(compare(new Decimal('499.999999999999999999'), '>=', new Decimal('500'))).toBe(false);
  });
});

describe('sumAvailable', () => {
  const balances = [
    row('syncpay', 'USDT_TRC20', 'USDT', 'tron', '200.00'),
    row('flow', 'USDT', 'USDT', 'ethereum', '50.5'),
    row('flow', 'BTC', 'BTC', 'bitcoin', '1'),
  ];
  const sum = (text: string, list = balances) => formatAggregate(sumAvailable(parseSelector(text) as Selector, list));

  it('sums across accounts and networks unless narrowed', () => {
    expect(sum('USDT')).toBe('250.50');
    expect(sum('USDT@tron')).toBe('200.00');
    expect(sum('usdttrc20')).toBe('200.00');
    expect(sum('flow:USDT')).toBe('50.50');
  });

  it('is unknown (null), not zero, when nothing matches or an amount is unknown', () => {
    expect(sum('EUR')).toBeNull();
    expect(sum('USDT', [...balances, row('other', 'USDT', 'USDT', 'bsc', null)])).toBeNull();
  });
});
