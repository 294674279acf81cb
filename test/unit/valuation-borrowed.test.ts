// Rates lent between accounts of one run (core/valuation.ts step 4): only when every report agrees.
import { describe, expect, it } from 'vitest';
import type { Balance } from '../../src/core/balance.js';
import { Decimal, formatDecimal } from '../../src/core/money.js';
import { valueBalances } from '../../src/core/valuation.js';
import { balance } from '../helpers/balances.js';

const eth = (account: string, rate: string | null) =>
  balance({
    account,
    provider: 'flow-payments',
    currency: 'ETH',
    network: 'ethereum',
    total: '2',
    available: '2',
    usdRate: rate,
    ...(rate ? { usdSource: 'flow-payments' } : {}),
  });
const noSettings = { rates: new Map<string, Decimal>(), pegged: new Set<string>() };
const borrower = (valued: Balance[]) => {
  const b = valued.at(-1) as Balance;
  return [b.usdSource, b.usdRate && formatDecimal(b.usdRate), b.usdValue && formatDecimal(b.usdValue)];
};

describe('valueBalances: a rate reported in the run', () => {
  it('one report is lent, under the account that reported it', () => {
    expect(borrower(valueBalances([eth('a', '3000'), eth('c', null)], noSettings))).toEqual(['flow-payments:a', '3000', '6000']);
  });

  it('reports that agree (3000 and 3000.00) lend the first one’s', () => {
    expect(borrower(valueBalances([eth('a', '3000'), eth('b', '3000.00'), eth('c', null)], noSettings))).toEqual(['flow-payments:a', '3000', '6000']);
  });

  it('two reports that differ lend none: the balance stays unpriced, never $0', () => {
    expect(borrower(valueBalances([eth('a', '3000'), eth('b', '2000'), eth('c', null)], noSettings))).toEqual([null, null, null]);
  });

  it('a third report that agrees with the first does not settle a disagreement', () => {
    expect(borrower(valueBalances([eth('a', '3000'), eth('b', '2000'), eth('d', '3000'), eth('c', null)], noSettings))).toEqual([null, null, null]);
  });

  it('after a disagreement, the config rate prices the balance', () => {
    const settings = { rates: new Map([['ETH', new Decimal('2500')]]), pegged: new Set<string>() };
    expect(borrower(valueBalances([eth('a', '3000'), eth('b', '2000'), eth('c', null)], settings))).toEqual(['config', '2500', '5000']);
  });

  it('the reporting accounts keep their own rates whether or not one is lent', () => {
    const valued = valueBalances([eth('a', '3000'), eth('b', '2000'), eth('c', null)], noSettings);
    expect(valued.slice(0, 2).map((b) => [b.usdSource, b.usdValue && formatDecimal(b.usdValue)])).toEqual([
      ['flow-payments', '6000'],
      ['flow-payments', '4000'],
    ]);
  });
});
