import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../src/core/totals.js';
import { valueBalances } from '../../src/core/valuation.js';
import { Decimal, formatDecimal } from '../../src/core/money.js';
import { balance } from '../helpers/balances.js';

const options = { by: 'currency' as const, tolerancePercent: new Decimal(1) };

describe('valuation order', () => {
  it("prefers the provider value, then its rate, USD, another account's rate, config rates, the peg", () => {
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
    expect(
      totals.groups.map((g) => [g.key, g.usdValue && formatDecimal(g.usdValue, 2), g.sources, g.amount && formatDecimal(g.amount, g.scale), g.unpricedCount]),
    ).toEqual([
      ['USDT', '3.75', ['cryptofuse', 'peg'], '3.75', 0],
      ['KES', '0.00', [], '0.00', 0],
      ['GHS', null, [], '50.00', 1],
    ]);
    expect(formatDecimal(totals.grandTotal, 2)).toBe('3.75');
    expect(totals.unpriced.map((u) => [u.account, u.currency, formatDecimal(u.amount, u.scale)])).toEqual([['b', 'GHS', '50.00']]);
  });

  it('is exact to the last digit of the inputs', () => {
    const values = Array.from({ length: 200 }, (_, i) => `${i}.${String(i * 7919).padStart(18, '0')}`);
    const totals = computeTotals(
      values.map((v, i) => balance({ account: `a${i % 3}`, total: '1', usdValue: v, usdSource: 'x' })),
      [],
      options,
    );
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
      {
        account: 'cus',
        provider: 'swipelux',
        scope: 'customer' as const,
        scopeId: 'cus_1',
        currency: 'USD' as const,
        amount: new Decimal('50'),
        wallets: ['w1'],
      },
      {
        account: 'cus',
        provider: 'swipelux',
        scope: 'customer' as const,
        scopeId: 'cus_2',
        currency: 'USD' as const,
        amount: new Decimal('60'),
        wallets: ['w1', 'w2'],
      },
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

describe('valuation sources', () => {
  const settings = { rates: new Map<string, Decimal>(), pegged: new Set<string>() };
  const priced = (bs: ReturnType<typeof balance>[], s = settings) =>
    valueBalances(bs, s).map((b) => [b.account, b.currency, b.usdValue && formatDecimal(b.usdValue), b.usdRate && formatDecimal(b.usdRate), b.usdSource]);

  it('a provider rate without its own source is credited to the provider', () => {
    expect(priced([balance({ account: 'f', provider: 'flow-payments', currency: 'ETH', network: 'ethereum', total: '2', usdRate: '3' })])).toEqual([
      ['f', 'ETH', '6', '3', 'flow-payments'],
    ]);
  });

  it('a rate is priced even when the amount is unknown: the value stays unknown', () => {
    expect(priced([balance({ account: 'f', currency: 'ETH', usdRate: '3', usdSource: 'syncpay' })])).toEqual([['f', 'ETH', null, '3', 'syncpay']]);
    expect(priced([balance({ account: 's', currency: 'USD' })])).toEqual([['s', 'USD', null, '1', 'usd']]);
    // Valued before (a cached record): its rate keeps the source it was priced from.
    expect(priced([balance({ account: 's', provider: 'syncpay', currency: 'NGN', usdRate: '0.0006', usdSource: 'config' })])).toEqual([
      ['s', 'NGN', null, '0.0006', 'config'],
    ]);
  });

  it('USD on a chain is a token, not the dollar: it is not priced at 1', () => {
    expect(priced([balance({ account: 'c', currency: 'USD', network: 'ethereum', providerCurrency: 'USD_ERC20', total: '5' })])).toEqual([
      ['c', 'USD', null, null, null],
    ]);
  });

  it('only a rate a provider reported itself is lent to other accounts, never one without a rate or from the config', () => {
    const valueOnly = balance({ account: 'a', provider: 'flow-payments', currency: 'BTC', total: '1', usdValue: '90000', usdSource: 'flow-payments' });
    const fromConfig = balance({ account: 'b', currency: 'ETH', total: '1', usdValue: '3000', usdRate: '3000', usdSource: 'config' });
    const lent = balance({ account: 'c', provider: 'syncpay', currency: 'SOL', total: '1', usdRate: '150', usdSource: 'syncpay' });
    const others = ['BTC', 'ETH', 'SOL'].map((currency) => balance({ account: 'd', provider: 'cryptofuse', currency, total: '2' }));
    expect(priced([valueOnly, fromConfig, lent, ...others]).slice(3)).toEqual([
      ['d', 'BTC', null, null, null],
      ['d', 'ETH', null, null, null],
      ['d', 'SOL', '300', '150', 'syncpay:c'],
    ]);
  });

  it('a rate two accounts report alike is lent under the first; config rates come after borrowed ones, pegs last', () => {
    const first = balance({ account: 'a', provider: 'syncpay', currency: 'SOL', total: '1', usdRate: '150', usdSource: 'syncpay' });
    const second = balance({ account: 'b', provider: 'cryptofuse', currency: 'SOL', total: '1', usdRate: '150.00', usdSource: 'cryptofuse' });
    const borrower = balance({ account: 'c', currency: 'SOL', total: '1' });
    const pegged = balance({ account: 'c', currency: 'USDT', total: '2' });
    const both = {
      rates: new Map([
        ['SOL', new Decimal('1')],
        ['USDT', new Decimal('0.5')],
      ]),
      pegged: new Set(['USDT']),
    };
    expect(priced([first, second, borrower, pegged], both).slice(2)).toEqual([
      ['c', 'SOL', '150', '150', 'syncpay:a'],
      ['c', 'USDT', '1', '0.5', 'config'],
    ]);
  });
});

describe('totals by account and by provider', () => {
  const bs = () => [
    balance({ account: 'a', provider: 'syncpay', currency: 'USD', total: '10', usdValue: '10', usdSource: 'usd' }),
    balance({ account: 'b', provider: 'syncpay', currency: 'NGN', total: '1000' }),
    balance({ account: 'c', provider: 'flow-payments', currency: 'ETH', total: '1', usdValue: '3000', usdSource: 'flow-payments' }),
  ];
  const rows = (by: 'account' | 'provider' | 'currency', list = bs()) =>
    computeTotals(list, [], { by, tolerancePercent: new Decimal(1) }).groups.map((g) => [
      g.key,
      g.usdValue && formatDecimal(g.usdValue),
      g.amount && formatDecimal(g.amount, g.scale),
      g.unpricedCount,
    ]);

  it('groups by account or provider; an amount is summed only per currency', () => {
    expect(rows('account')).toEqual([
      ['c', '3000', null, 0],
      ['a', '10', null, 0],
      ['b', null, null, 1],
    ]);
    expect(rows('provider')).toEqual([
      ['flow-payments', '3000', null, 0],
      ['syncpay', '10', null, 1],
    ]);
  });

  it('a balance of unknown amount is unpriced and adds nothing to its currency amount', () => {
    const unknown = balance({ account: 'd', currency: 'USD', available: null, total: null });
    const totals = computeTotals([bs()[0] as ReturnType<typeof balance>, unknown], [], { by: 'currency', tolerancePercent: new Decimal(1) });
    expect(totals.groups.map((g) => [g.key, g.usdValue && formatDecimal(g.usdValue), g.amount && formatDecimal(g.amount), g.unpricedCount])).toEqual([
      ['USD', '10', '10', 1],
    ]);
    expect(totals.unpriced.map((u) => [u.account, formatDecimal(u.amount)])).toEqual([['d', '0']]);
  });

  it('orders groups by USD value, largest first; groups nothing priced go last, then by name', () => {
    const make = (currency: string, usd: string | null, total = '1') =>
      balance({ account: 'a', currency, total, ...(usd === null ? {} : { usdValue: usd, usdSource: 'x' }) });
    expect(rows('currency', [make('AAA', null), make('BBB', '2'), make('CCC', '3'), make('DDD', '1'), make('ZZZ', '0', '0')]).map((r) => r[0])).toEqual([
      'CCC',
      'BBB',
      'DDD',
      'ZZZ',
      'AAA',
    ]);
    expect(rows('currency', [make('ZZZ', null), make('AAA', null), make('MMM', '0', '0')]).map((r) => r[0])).toEqual(['MMM', 'AAA', 'ZZZ']);
    expect(rows('currency', [make('MMM', '0', '0'), make('AAA', null)]).map((r) => r[0])).toEqual(['MMM', 'AAA']);
  });
});
