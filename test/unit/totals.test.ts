import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../src/core/totals.js';
import { valueBalances } from '../../src/core/valuation.js';
import { Decimal, formatDecimal } from '../../src/core/money.js';
import { balance } from '../helpers/balances.js';

const options = { by: 'currency' as const, tolerancePercent: new Decimal(1) };

describe('valuation order', () => {
  it('prefers the provider value, then its rate, USD, another account\'s rate, config rates, the peg', () => {
    const valued = valueBalances(
      [
        balance({ account: 'flow', provider: 'flow-payments', currency: 'ETH', network: 'ethereum', total: '2', usdValue: '6000.10', usdRate: '3000' }),
        balance({ account: 'flow', provider: 'flow-payments', currency: 'BTC', network: 'bitcoin', total: '0.5', usdRate: '90000.5' }),
        balance({ account: 'sp', currency: 'USD', total: '10.50' }),
        balance({ account: 'cf', provider: 'cryptofuse', currency: 'BTC', network: 'bitcoin', total: '0.1' }),
        balance({ account: 'sp', currency: 'NGN', total: '1000.00' }),
        balance({ account: 'sp', currency: 'USDT', network: 'tron', total: '5.00' }),
        balance({ account: 'sp', currency: 'GHS', total: '5.00' }),
      ],
      { rates: new Map([['NGN', new Decimal('0.00065')]]), pegged: new Set(['USDT']) },
    );
    expect(valued.map((b) => [b.currency, b.usdValue && formatDecimal(b.usdValue), b.usdSource])).toEqual([
      ['ETH', '6000.1', 'flow-payments'],
      ['BTC', '45000.25', 'flow-payments'],
      ['USD', '10.5', 'usd'],
      ['BTC', '9000.05', 'flow-payments:flow'],
      ['NGN', '0.65', 'config'],
      ['USDT', '5', 'peg'],
      ['GHS', null, null],
    ]);
  });
});

describe('computeTotals', () => {
  it('groups by currency across networks and accounts, lists unpriced balances, never counts them as zero', () => {
    const totals = computeTotals(
      [
        balance({ account: 'a', currency: 'USDT', network: 'tron', total: '1.50', usdValue: '1.50', usdSource: 'peg' }),
        balance({ account: 'b', currency: 'USDT', network: 'ethereum', total: '2.25', usdValue: '2.25', usdSource: 'cryptofuse' }),
        balance({ account: 'b', currency: 'GHS', total: '50.00' }),
        balance({ account: 'b', currency: 'KES', total: '0.00' }),
      ],
      [],
      options,
    );
    expect(totals.groups.map((g) => [g.key, g.usdValue && formatDecimal(g.usdValue, 2), g.sources, g.amount && formatDecimal(g.amount, g.scale), g.unpricedCount])).toEqual([
      ['USDT', '3.75', ['cryptofuse', 'peg'], '3.75', 0],
      ['KES', '0.00', [], '0.00', 0],
      ['GHS', null, [], '50.00', 1],
    ]);
    expect(formatDecimal(totals.grandTotal, 2)).toBe('3.75');
    expect(totals.unpriced.map((u) => [u.account, u.currency, formatDecimal(u.amount, u.scale)])).toEqual([['b', 'GHS', '50.00']]);
  });

  it('is exact to the last digit of the inputs', () => {
    const values = Array.from({ length: 200 }, (_, i) => `${i}.${String(i * 7919).padStart(18, '0')}`);
    const totals = computeTotals(values.map((v, i) => balance({ account: `a${i % 3}`, total: '1', usdValue: v, usdSource: 'x' })), [], options);
    const scale = 10n ** 18n;
    const reference = values.reduce((sum, v) => {
      const [int = '0', frac = ''] = v.split('.');
      return sum + BigInt(int) * scale + BigInt(frac.padEnd(18, '0'));
    }, 0n);
    const expected = `${reference / scale}.${(reference % scale).toString().padStart(18, '0')}`;
    expect(totals.grandTotal.toFixed(18)).toBe(expected);
  });

  it('reconciles provider-reported totals with a tolerance, and refuses to judge an incomplete sum', () => {
    const balances = [
      balance({ account: 'sp', currency: 'USD', total: '100.00', usdValue: '100.00', usdSource: 'usd' }),
      balance({ account: 'cus', wallet: 'w1', currency: 'USDC', network: 'polygon', total: '50', usdValue: '50', usdSource: 'peg' }),
      balance({ account: 'cus', wallet: 'w2', currency: 'XYZ', total: '3' }),
    ];
    const reported = [
      { account: 'sp', provider: 'syncpay', scope: 'account' as const, scopeId: null, currency: 'USD' as const, amount: new Decimal('100.90'), wallets: null },
      { account: 'sp', provider: 'syncpay', scope: 'account' as const, scopeId: null, currency: 'USD' as const, amount: new Decimal('102'), wallets: null },
      { account: 'cus', provider: 'swipelux', scope: 'customer' as const, scopeId: 'cus_1', currency: 'USD' as const, amount: new Decimal('50'), wallets: ['w1'] },
      { account: 'cus', provider: 'swipelux', scope: 'customer' as const, scopeId: 'cus_2', currency: 'USD' as const, amount: new Decimal('60'), wallets: ['w1', 'w2'] },
    ];
    const rows = computeTotals(balances, reported, options).reconciliation;
    expect(rows.map((r) => [r.scopeId, formatDecimal(r.computed, 2), formatDecimal(r.difference, 2), r.withinTolerance, r.unpricedInScope])).toEqual([
      [null, '100.00', '-0.90', true, 0],
      [null, '100.00', '-2.00', false, 0],
      ['cus_1', '50.00', '0.00', true, 0],
      ['cus_2', '50.00', '-10.00', null, 1],
    ]);
  });
});
