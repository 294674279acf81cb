// The sanity boundary (issue 11 §1): each invariant, with the provider's field and value named.
import { describe, expect, it } from 'vitest';
import { checkBalances, checkRules } from '../../src/core/sanity.js';
import { computeTotals } from '../../src/core/totals.js';
import { sumAvailable, parseSelector, type Selector } from '../../src/core/conditions.js';
import { Decimal, sumDecimals, exactTimes, formatDecimal } from '../../src/core/money.js';
import { makeBalance } from '../../src/core/balance.js';
import { balance } from '../helpers/balances.js';

const problemsOf = (...balances: ReturnType<typeof balance>[]) => checkBalances(balances, 'Prov').balances.map((b) => b.inconsistent ?? null);

describe('checkBalances: signs', () => {
  it.each([
    ['available', { available: '-1.00', total: '5.00' }, 'available_balance', '-1.00'],
    ['pending', { available: '5.00', pending: '-900.00' }, 'pendingAmount', '-900.00'],
    ['total', { total: '-3', pending: '0' }, 'amount', '-3'],
    ['network fee', { available: '5', total: '5', networkFee: '-100' }, 'network_fee', '-100'],
  ])('a negative %s is inconsistent, named by the provider field', (_, figures, field, value) => {
    const b = balance({ ...figures, fields: { available: 'available_balance', pending: 'pendingAmount', total: 'amount', networkFee: 'network_fee' } });
    expect(problemsOf(b)[0]).toContainEqual({ field, value, problem: 'negative' });
  });

  it('zero and "-0" are not negative', () => {
    expect(problemsOf(balance({ available: '0', pending: '0', networkFee: '0' }))).toEqual([null]);
  });

  it('a derived available from a negative pending is reported at its root (v1 pendingAmount -900)', () => {
    const b = balance({ total: '100', pending: '-900', fields: { total: 'amount', pending: 'pendingAmount' } });
    expect(b.available?.toFixed()).toBe('1000');
    expect(problemsOf(b)).toEqual([[{ field: 'pendingAmount', value: '-900', problem: 'negative' }]]);
  });
});

describe('checkBalances: relations', () => {
  it('available above total when both are reported (v3 available_balance 1000 vs amount 100, no pending)', () => {
    const b = balance({ available: '1000', total: '100', fields: { available: 'available_balance', total: 'amount' } });
    expect(problemsOf(b)).toEqual([[{ field: 'available_balance', value: '1000', problem: 'above amount 100' }]]);
  });

  it('available + pending must equal total when all three are reported', () => {
    const b = balance({ available: '450.00', pending: '100.00', total: '500.00' });
    expect(problemsOf(b)).toEqual([[{ field: 'total', value: '500.00', problem: 'differs from available 450.00 + pending 100.00' }]]);
    expect(problemsOf(balance({ available: '400.00', pending: '100.00', total: '500.00' }))).toEqual([null]);
  });

  it('available equal to total is fine', () => {
    expect(problemsOf(balance({ available: '7', total: '7' }))).toEqual([null]);
  });
});

describe('checkBalances: one record per (wallet, provider currency)', () => {
  it('marks every duplicate, with both figures, and sums neither', () => {
    const small = balance({ account: 'syncpay', currency: 'USDT', network: 'tron', providerCurrency: 'USDT_TRC20', available: '10.00', pending: '0.00' });
    const large = balance({ account: 'syncpay', currency: 'USDT', network: 'tron', providerCurrency: 'USDT_TRC20', available: '1000.00', pending: '0.00' });
    const problem = { field: 'currency', value: 'USDT_TRC20', problem: 'listed 2 times in one read (10.00, 1000.00)' };
    expect(problemsOf(small, large)).toEqual([[problem], [problem]]);
  });

  it('codes differing only in case are the same currency; other wallets are not duplicates', () => {
    const a = balance({ wallet: 'w1', currency: 'USDT', network: 'tron', providerCurrency: 'usdttrc20', available: '1', pending: '0' });
    const b = balance({ wallet: 'w1', currency: 'USDT', network: 'tron', providerCurrency: 'USDTTRC20', available: '2', pending: '0' });
    const c = balance({ wallet: 'w2', currency: 'USDT', network: 'tron', providerCurrency: 'USDTTRC20', available: '3', pending: '0' });
    const result = problemsOf(a, b, c);
    expect(result[0]).not.toBeNull();
    expect(result[1]).not.toBeNull();
    expect(result[2]).toBeNull();
  });
});

describe('checkBalances: network pinned by the code', () => {
  it.each([
    ['usdterc20', 'tron', 'ethereum'],
    ['USDT_TRC20', 'ethereum', 'tron'],
    ['USDTPOLYGON', 'bsc', 'polygon'],
  ])('%s stated on %s is inconsistent', (code, network, pinned) => {
    const b = balance({ currency: 'USDT', network, providerCurrency: code, available: '1', pending: '0' });
    expect(problemsOf(b)).toEqual([[{ field: 'network', value: network, problem: `${code} pins ${pinned}` }]]);
  });

  it('bare symbols and agreeing codes are fine', () => {
    expect(problemsOf(balance({ currency: 'USDT', network: 'tron', providerCurrency: 'USDT', available: '1', pending: '0' }))).toEqual([null]);
    expect(problemsOf(balance({ currency: 'USDT', network: 'tron', providerCurrency: 'usdttrc20', available: '1', pending: '0' }))).toEqual([null]);
    expect(problemsOf(balance({ currency: 'BTC', network: 'bitcoin', providerCurrency: 'btc', available: '1', pending: '0' }))).toEqual([null]);
  });
});

describe('checkBalances: the notice', () => {
  it('is one line naming provider, account, wallet, code, field and value, with provider strings escaped', () => {
    const b = balance({ account: 'casino', wallet: 'w\u001b[2J', currency: 'USDT', network: 'tron', providerCurrency: 'usdt\u001btrc20', available: '-5', total: '1' });
    const { notices } = checkBalances([b], 'Cryptofuse');
    expect(notices).toEqual([
      "warning: inconsistent balance from Cryptofuse for account 'casino' wallet w\\e[2J, usdt\\etrc20: available -5: negative; excluded from totals, never a yes",
    ]);
  });
});

describe('checkRules', () => {
  const rule = (minimum: string | null, maximum: string | null) => ({
    providerCurrency: 'USDTTRC20', currency: 'USDT', network: 'tron',
    minimum: minimum === null ? null : new Decimal(minimum), maximum: maximum === null ? null : new Decimal(maximum),
  });
  it('marks negative limits and a maximum below the minimum', () => {
    expect(checkRules([rule('-10', '400')])[0]?.inconsistent).toBe('min_withdrawal -10: negative');
    expect(checkRules([rule('10', '-1')])[0]?.inconsistent).toBe('max_withdrawal -1: negative');
    expect(checkRules([rule('10', '5')])[0]?.inconsistent).toBe('max_withdrawal 5: below min_withdrawal 10');
    expect(checkRules([rule('10', '400'), { ...rule(null, null), providerCurrency: 'BTC', currency: 'BTC', network: 'bitcoin' }]).map((r) => r.inconsistent)).toEqual([undefined, undefined]);
  });
});

describe('inconsistent balances downstream', () => {
  const good = balance({ account: 'a', currency: 'USD', available: '10.00', pending: '0.00', usdValue: '10.00', usdSource: 'usd' });
  const [bad] = checkBalances([balance({ account: 'b', currency: 'USD', available: '-5.00', pending: '0.00', usdValue: '-5.00', usdSource: 'usd' })], 'P').balances;

  it('totals leave them out and list them', () => {
    const totals = computeTotals([good, bad!], [], { by: 'currency', tolerancePercent: new Decimal(1) });
    expect(totals.grandTotal.toFixed(2)).toBe('10.00');
    expect(totals.groups.map((g) => [g.key, g.usdValue?.toFixed(2), g.amount?.toFixed(2)])).toEqual([['USD', '10.00', '10.00']]);
    expect(totals.inconsistent.map((i) => [i.account, i.providerCurrency, i.problems[0]?.field])).toEqual([['b', 'USD', 'available']]);
  });

  it('reconciliation with an inconsistent balance in scope is incomplete, not ok or MISMATCH', () => {
    const reported = [{ account: 'b', provider: 'syncpay', scope: 'account' as const, scopeId: null, currency: 'USD' as const, amount: new Decimal('-5'), wallets: null }];
    const row = computeTotals([bad!], reported, { by: 'currency', tolerancePercent: new Decimal(1) }).reconciliation[0];
    expect(row?.withinTolerance).toBeNull();
  });

  it('a condition over them is unknown, so --until never fires on them', () => {
    const selector = (parseSelector('USD') as Selector);
    expect(sumAvailable(selector, [good]).amount?.toFixed(2)).toBe('10.00');
    const [dup1, dup2] = checkBalances([balance({ currency: 'USD', available: '1000.00', pending: '0' }), balance({ currency: 'USD', available: '1000.00', pending: '0' })], 'P').balances;
    expect(sumAvailable(selector, [good, dup1!, dup2!]).amount).toBeNull();
  });
});

describe('exact money at any size (§5)', () => {
  const big = `${'9'.repeat(150)}.${'9'.repeat(20)}`;
  it('sums 150-digit amounts without rounding', () => {
    const sum = sumDecimals([new Decimal(`1${'0'.repeat(149)}.01`), new Decimal('0.02'), new Decimal(big)]);
    expect(formatDecimal(sum)).toBe(`11${'0'.repeat(149)}.02999999999999999999`);
  });
  it('derives total = available + pending exactly for 150-digit figures', () => {
    const b = makeBalance({ account: 'a', provider: 'syncpay', mode: null, currency: 'USD', network: null, providerCurrency: 'USD', available: new Decimal(big), pending: new Decimal(big), scale: 20, raw: null });
    expect(formatDecimal(b.total!)).toBe(`1${'9'.repeat(150)}.${'9'.repeat(19)}8`);
  });
  it('values and totals 150-digit balances exactly', () => {
    expect(formatDecimal(exactTimes(new Decimal(`1${'0'.repeat(149)}`), '0.00065'))).toBe(`65${'0'.repeat(144)}`);
    const one = balance({ currency: 'USD', available: `1${'0'.repeat(149)}`, pending: '0', usdValue: `1${'0'.repeat(149)}`, usdSource: 'usd' });
    const other = balance({ currency: 'USD', account: 'b', available: '0.01', pending: '0', usdValue: '0.01', usdSource: 'usd' });
    const totals = computeTotals([one, other], [], { by: 'currency', tolerancePercent: new Decimal(1) });
    expect(formatDecimal(totals.grandTotal, 2)).toBe(`1${'0'.repeat(149)}.01`);
    expect(formatDecimal(totals.groups[0]!.amount!, 2)).toBe(`1${'0'.repeat(149)}.01`);
  });
});

describe('checkBalances: derived figures', () => {
  it('a negative derived figure is named when nothing reported explains it (v1 amount 100, pendingAmount 200)', () => {
    const b = balance({ total: '100', pending: '200', fields: { total: 'amount', pending: 'pendingAmount' } });
    expect(problemsOf(b)).toEqual([[{ field: 'available', value: '-100', problem: 'negative' }]]);
  });
  it('a derived figure is not named again when a reported one explains it (SyncPay total)', () => {
    const b = balance({ available: '-5.00', pending: '0.00', fields: { available: 'available_balance', pending: 'pending_balance' } });
    expect(problemsOf(b)).toEqual([[{ field: 'available_balance', value: '-5.00', problem: 'negative' }]]);
  });
});
