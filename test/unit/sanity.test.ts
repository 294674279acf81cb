// The sanity boundary (issue 11 §1): each invariant, with the provider's field and value named.
import { beforeEach, describe, expect, it } from 'vitest';
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
    const b = balance({
      account: 'casino',
      wallet: 'w\u001b[2J',
      currency: 'USDT',
      network: 'tron',
      providerCurrency: 'usdt\u001btrc20',
      available: '-5',
      total: '1',
    });
    const { notices } = checkBalances([b], 'Cryptofuse');
    expect(notices).toEqual([
      "warning: inconsistent balance from Cryptofuse for account 'casino' wallet w\\e[2J, usdt\\etrc20: available -5: negative; excluded from totals, never a yes",
    ]);
  });
});

describe('checkRules', () => {
  const rule = (minimum: string | null, maximum: string | null) => ({
    providerCurrency: 'USDTTRC20',
    currency: 'USDT',
    network: 'tron',
    minimum: minimum === null ? null : new Decimal(minimum),
    maximum: maximum === null ? null : new Decimal(maximum),
  });
  it('marks negative limits and a maximum below the minimum', () => {
    expect(checkRules([rule('-10', '400')])[0]?.inconsistent).toBe('min_withdrawal -10: negative');
    expect(checkRules([rule('10', '-1')])[0]?.inconsistent).toBe('max_withdrawal -1: negative');
    expect(checkRules([rule('10', '5')])[0]?.inconsistent).toBe('max_withdrawal 5: below min_withdrawal 10');
    expect(
      checkRules([rule('10', '400'), { ...rule(null, null), providerCurrency: 'BTC', currency: 'BTC', network: 'bitcoin' }]).map((r) => r.inconsistent),
    ).toEqual([undefined, undefined]);
  });
});

describe('inconsistent balances downstream', () => {
  // Built in each test, so mutation testing credits the code they run to the tests (stryker.config.mjs).
  let good: ReturnType<typeof balance>;
  let bad: ReturnType<typeof balance> | undefined;
  beforeEach(() => {
    good = balance({ account: 'a', currency: 'USD', available: '10.00', pending: '0.00', usdValue: '10.00', usdSource: 'usd' });
    [bad] = checkBalances([balance({ account: 'b', currency: 'USD', available: '-5.00', pending: '0.00', usdValue: '-5.00', usdSource: 'usd' })], 'P').balances;
  });

  it('totals leave them out and list them', () => {
    const totals = computeTotals([good, bad!], [], { by: 'currency', tolerancePercent: new Decimal(1) });
    expect(totals.grandTotal.toFixed(2)).toBe('10.00');
    expect(totals.groups.map((g) => [g.key, g.usdValue?.toFixed(2), g.amount?.toFixed(2)])).toEqual([['USD', '10.00', '10.00']]);
    expect(totals.inconsistent.map((i) => [i.account, i.providerCurrency, i.problems[0]?.field])).toEqual([['b', 'USD', 'available']]);
  });

  it('reconciliation with an inconsistent balance in scope is incomplete, not ok or MISMATCH', () => {
    const reported = [
      { account: 'b', provider: 'syncpay', scope: 'account' as const, scopeId: null, currency: 'USD' as const, amount: new Decimal('-5'), wallets: null },
    ];
    const row = computeTotals([bad!], reported, { by: 'currency', tolerancePercent: new Decimal(1) }).reconciliation[0];
    expect(row?.withinTolerance).toBeNull();
  });

  it('a condition over them is unknown, so --until never fires on them', () => {
    const selector = parseSelector('USD') as Selector;
    expect(sumAvailable(selector, [good]).amount?.toFixed(2)).toBe('10.00');
    const [dup1, dup2] = checkBalances(
      [balance({ currency: 'USD', available: '1000.00', pending: '0' }), balance({ currency: 'USD', available: '1000.00', pending: '0' })],
      'P',
    ).balances;
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
    const b = makeBalance({
      account: 'a',
      provider: 'syncpay',
      mode: null,
      currency: 'USD',
      network: null,
      providerCurrency: 'USD',
      available: new Decimal(big),
      pending: new Decimal(big),
      scale: 20,
      raw: null,
    });
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

describe('checkBalances: what is compared when a figure is unknown', () => {
  it('an unknown figure breaks no relation: nothing is compared with it', () => {
    expect(problemsOf({ ...balance({ total: '10', pending: '5' }), available: null })).toEqual([null]);
    expect(problemsOf({ ...balance({ available: '9', total: '10' }), pending: null })).toEqual([null]);
    expect(problemsOf({ ...balance({ available: '11' }), total: null, pending: null })).toEqual([null]);
    expect(problemsOf({ ...balance({ total: '1' }), available: null, pending: null })).toEqual([null]);
    expect(problemsOf({ ...balance({ available: '9', pending: '1' }), total: null })).toEqual([null]);
  });

  it('one reason per balance: a negative figure is said alone, not with the relations it breaks', () => {
    const b = balance({ available: '5.00', pending: '-1.00', total: '9.00', fields: { available: 'a', pending: 'p', total: 't' } });
    expect(problemsOf(b)).toEqual([[{ field: 'p', value: '-1.00', problem: 'negative' }]]);
  });

  it('a figure reported under one provider field for two of ours is said once', () => {
    const flow = balance({ available: '-2', total: '-2', fields: { available: 'balance', total: 'balance' } });
    expect(problemsOf(flow)).toEqual([[{ field: 'balance', value: '-2', problem: 'negative' }]]);
  });

  it('a negative network fee is named "network fee" and printed as reported, not padded to the balance scale', () => {
    const b = balance({ available: '5.00', total: '5.00', networkFee: '-0.5' });
    expect(problemsOf(b)).toEqual([[{ field: 'network fee', value: '-0.5', problem: 'negative' }]]);
  });

  it('every problem of a balance is said on its one line, separated by "; "', () => {
    const twice = balance({ currency: 'USDT', network: null, providerCurrency: 'usdttrc20', available: '1' });
    expect(checkBalances([twice, { ...twice }], 'Prov').notices[0]).toBe(
      "warning: inconsistent balance from Prov for account 'acct', usdttrc20: network none: usdttrc20 pins tron; currency usdttrc20: listed 2 times in one read (1, 1); excluded from totals, never a yes",
    );
  });

  it('the notice names provider, account, wallet when there is one, and the provider code', () => {
    const withWallet = balance({ account: 'acct', wallet: 'w1', providerCurrency: 'USDT_TRC20', currency: 'USDT', network: 'tron', available: '-1' });
    const without = balance({ account: 'acct', currency: 'USD', available: '-1' });
    expect(checkBalances([withWallet, without], 'Prov').notices).toEqual([
      "warning: inconsistent balance from Prov for account 'acct' wallet w1, USDT_TRC20: available -1: negative; excluded from totals, never a yes",
      "warning: inconsistent balance from Prov for account 'acct', USD: available -1: negative; excluded from totals, never a yes",
    ]);
  });
});

describe('checkBalances: networks and duplicates', () => {
  it('a bare coin code pins no network: a BTC row without one is fine', () => {
    expect(problemsOf(balance({ currency: 'BTC', providerCurrency: 'BTC', network: null, available: '1' }))).toEqual([null]);
    expect(problemsOf(balance({ currency: 'BTC', providerCurrency: ' btc ', network: null, available: '1' }))).toEqual([null]);
    expect(problemsOf(balance({ currency: 'USDT', providerCurrency: 'usdttrc20', network: null, available: '1' }))).toEqual([
      [{ field: 'network', value: 'none', problem: 'usdttrc20 pins tron' }],
    ]);
  });

  it('the same provider code in any case or padding is a duplicate; the figures are listed, unknown ones as such', () => {
    const a = balance({ providerCurrency: 'usdt_trc20', currency: 'USDT', network: 'tron', available: '1.50' });
    const b = { ...balance({ providerCurrency: 'USDT_TRC20 ', currency: 'USDT', network: 'tron', total: '7.0' }), available: null };
    const c = { ...balance({ providerCurrency: 'USDT_TRC20', currency: 'USDT', network: 'tron' }), available: null, total: null };
    const [first, second, third] = problemsOf(a, b, c);
    expect(first).toEqual([{ field: 'currency', value: 'usdt_trc20', problem: 'listed 3 times in one read (1.50, 7.0, unknown)' }]);
    expect(second?.[0]?.value).toBe('USDT_TRC20 ');
    expect(third?.[0]?.problem).toBe('listed 3 times in one read (1.50, 7.0, unknown)');
  });

  it('no wallet and an empty wallet id are the same place; different wallets are not', () => {
    const none = balance({ wallet: null, available: '1' });
    const empty = balance({ wallet: '', available: '2' });
    expect(problemsOf(none, empty).map((p) => p?.[0]?.problem ?? null)).toEqual(['listed 2 times in one read (1, 2)', 'listed 2 times in one read (1, 2)']);
    expect(problemsOf(balance({ wallet: 'w1', available: '1' }), balance({ wallet: 'w2', available: '1' }))).toEqual([null, null]);
  });
});

describe('checkRules: every problem of a limit, on one line', () => {
  const rule = (min: string | null, max: string | null, code = 'X') => ({
    providerCurrency: code,
    currency: code,
    network: null,
    minimum: min === null ? null : new Decimal(min),
    maximum: max === null ? null : new Decimal(max),
  });

  it('both limits negative: both said, the order relation not checked', () => {
    expect(checkRules([rule('-1', '-2')])[0]?.inconsistent).toBe('min_withdrawal -1: negative; max_withdrawal -2: negative');
    expect(checkRules([rule('5', '1')])[0]?.inconsistent).toBe('max_withdrawal 1: below min_withdrawal 5');
    expect(checkRules([rule('5', '5', 'A'), rule(null, '1', 'B'), rule('0', null, 'C')]).map((r) => r.inconsistent)).toEqual([undefined, undefined, undefined]);
  });
});
