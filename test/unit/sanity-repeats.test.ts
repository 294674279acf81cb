// Repeats at the sanity boundary, at their edges: how many figures a notice quotes, a read of real
// size made of one repeated row, and repeated withdrawal limits that leave a bound out.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/money.js';
import { checkBalances, checkRules } from '../../src/core/sanity.js';
import type { WithdrawalRule } from '../../src/core/withdrawal-limits.js';
import { balance } from '../helpers/balances.js';

const repeated = (count: number) => Array.from({ length: count }, (_, i) => balance({ currency: 'USD', available: String(i + 1), total: String(i + 1) }));
const problemOf = (count: number) => checkBalances(repeated(count), 'SyncPay').balances[0]?.inconsistent?.[0]?.problem;

describe('checkBalances: the figures a repeat quotes', () => {
  it('quotes up to five figures in full, without a count of the rest', () => {
    expect(problemOf(2)).toBe('listed 2 times in one read (1, 2)');
    expect(problemOf(5)).toBe('listed 5 times in one read (1, 2, 3, 4, 5)');
  });

  it('from six on, quotes the first five and says how many there are', () => {
    expect(problemOf(6)).toBe('listed 6 times in one read (1, 2, 3, 4, 5, … (6 in all))');
  });

  it('marks every row of 20,000 repeats of one balance, each notice bounded', () => {
    const { balances, notices } = checkBalances(repeated(20_000), 'SyncPay');
    expect(balances.every((b) => b.inconsistent?.[0]?.problem === 'listed 20000 times in one read (1, 2, 3, 4, 5, … (20000 in all))')).toBe(true);
    expect(notices).toHaveLength(20_000);
    expect(notices[19_999]).toBe(
      "warning: inconsistent balance from SyncPay for account 'acct', USD: currency USD: listed 20000 times in one read (1, 2, 3, 4, 5, … (20000 in all)); excluded from totals, never a yes",
    );
  });
});

describe('checkRules: repeated limits', () => {
  const rule = (providerCurrency: string, network: string | null, min: string | null, max: string | null): WithdrawalRule => ({
    providerCurrency,
    currency: 'USDT',
    network,
    minimum: min === null ? null : new Decimal(min),
    maximum: max === null ? null : new Decimal(max),
  });

  it('a bound a repeated limit leaves out is quoted as none', () => {
    const checked = checkRules([rule('USDTTRC20', 'tron', null, '500'), rule('usdt-trc20', 'tron', '10', null)]);
    expect(checked.map((r) => r.inconsistent)).toEqual([
      'USDTTRC20 min none max 500, usdt-trc20 min 10 max none: one currency listed 2 times',
      'USDTTRC20 min none max 500, usdt-trc20 min 10 max none: one currency listed 2 times',
    ]);
  });

  it('one coin on two networks, under two codes, is two currencies', () => {
    const checked = checkRules([rule('USDTTRC20', 'tron', '10', '500'), rule('USDTERC20', 'ethereum', '20', '900')]);
    expect(checked.map((r) => r.inconsistent ?? null)).toEqual([null, null]);
  });

  it('one coin without a network, under two codes, is one currency', () => {
    const checked = checkRules([rule('USDT', null, '10', '500'), rule('TETHER', null, '20', '900')]);
    expect(checked[1]?.inconsistent).toBe('USDT min 10 max 500, TETHER min 20 max 900: one currency listed 2 times');
  });

  it('a repeat is said after the limit’s own problems, on one line', () => {
    const checked = checkRules([rule('USDTTRC20', 'tron', '-1', '500'), rule('USDTTRC20', 'tron', '10', '5')]);
    expect(checked.map((r) => r.inconsistent)).toEqual([
      'min_withdrawal -1: negative; USDTTRC20 min -1 max 500, USDTTRC20 min 10 max 5: one currency listed 2 times',
      'max_withdrawal 5: below min_withdrawal 10; USDTTRC20 min -1 max 500, USDTTRC20 min 10 max 5: one currency listed 2 times',
    ]);
  });
});
