// A balance's identity in its account's history (history/store/series-key.ts): the text the
// `series.key` column holds. Histories already written hold it, so its form is fixed; every field
// that tells two balances of one account apart changes it.
import { describe, expect, it } from 'vitest';
import { seriesKey, type SeriesIdentity } from '../../src/history/store/series-key.js';

const usdc: SeriesIdentity = { wallet: null, currency: 'USDC', network: 'ethereum', providerCurrency: 'USDC' };

describe('seriesKey', () => {
  it('is the JSON list of wallet, currency, network and provider code, as the history stores it', () => {
    expect(seriesKey(usdc)).toBe('[null,"USDC","ethereum","USDC"]');
    expect(seriesKey({ wallet: 'w-1', currency: 'EUR', network: null, providerCurrency: 'eur' })).toBe('["w-1","EUR",null,"eur"]');
  });

  it('tells apart two balances differing in any one field (Flow USDC and USDC_ERC20 on ethereum)', () => {
    const variants: SeriesIdentity[] = [
      usdc,
      { ...usdc, providerCurrency: 'USDC_ERC20' },
      { ...usdc, wallet: 'w-2' },
      { ...usdc, network: null },
      { ...usdc, currency: 'USDT' },
      // No separator a code could contain makes two identities one.
      { ...usdc, currency: 'USDC","ethereum', network: null },
    ];
    expect(new Set(variants.map(seriesKey)).size).toBe(variants.length);
  });
});
