// `total` says when the USD rates behind one currency disagree widely (more than 5 %).
import { describe, expect, it } from 'vitest';
import { describeDisagreement, rateDisagreements } from '../../src/core/rate-spread.js';
import { balance } from '../helpers/balances.js';

const btc = (account: string, fields: { usdRate?: string; usdValue: string; total: string; usdSource?: string }) =>
  balance({
    account,
    currency: 'BTC',
    network: 'bitcoin',
    available: fields.total,
    total: fields.total,
    usdValue: fields.usdValue,
    usdRate: fields.usdRate ?? null,
    usdSource: fields.usdSource ?? account,
  });

describe('rateDisagreements', () => {
  it('finds the demo case: a rate implied by a provider USD value vs a reported rate', () => {
    const found = rateDisagreements([
      btc('casino-v2', { total: '0.035', usdValue: '1421.75', usdSource: 'cryptofuse' }),
      btc('casino-v1', { total: '0.05', usdValue: '4651.86', usdRate: '93037.2', usdSource: 'flow-payments:flow-main' }),
    ]);
    expect(found).toHaveLength(1);
    expect(describeDisagreement(found[0]!)).toBe(
      "BTC is valued at USD rates 129% apart: 40,621.43 USD (cryptofuse in 'casino-v2') to 93,037.20 USD (flow-payments:flow-main in 'casino-v1'); its USD total mixes them",
    );
  });

  it('exactly 5 % apart is not "widely"; just above is', () => {
    const at = (rate: string) => [btc('a', { total: '1', usdValue: '100', usdRate: '100' }), btc('b', { total: '1', usdValue: rate, usdRate: rate })];
    expect(rateDisagreements(at('105'))).toEqual([]);
    expect(rateDisagreements(at('105.01')).map((d) => d.spreadPercent.toString())).toEqual(['5.01']);
  });

  it('one source, or several currencies that each agree, is no disagreement', () => {
    expect(rateDisagreements([btc('a', { total: '1', usdValue: '100', usdRate: '100' }), btc('a', { total: '2', usdValue: '200', usdRate: '100' })])).toEqual(
      [],
    );
    const usdt = balance({ currency: 'USDT', available: '10', total: '10', usdValue: '10', usdRate: '1', usdSource: 'peg' });
    expect(rateDisagreements([usdt, btc('a', { total: '1', usdValue: '50000', usdRate: '50000' })])).toEqual([]);
  });

  it('ignores unpriced and zero balances, and rates implied from values under $1 (cent rounding)', () => {
    expect(
      rateDisagreements([
        btc('a', { total: '1', usdValue: '100', usdRate: '100' }),
        btc('tiny', { total: '0.00009', usdValue: '0.28' }),
        btc('zero', { total: '0', usdValue: '0' }),
        balance({ account: 'x', currency: 'BTC', available: '5', total: '5', usdValue: null }),
      ]),
    ).toEqual([]);
  });
});
