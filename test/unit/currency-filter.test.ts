// `--currency` (core/currency-filter.ts): which balances a filter keeps, the usage error for a
// bad one, and what is said when a filter or a can-withdraw code matches nothing.
import { describe, expect, it } from 'vitest';
import {
  matchesAnyFilter,
  parseCurrencyFilters,
  SELECTOR_HINT,
  suggestionText,
  unmatchedCode,
  unmatchedFilterWarnings,
} from '../../src/core/currency-filter.js';
import { UsageError } from '../../src/core/errors.js';
import { balance } from '../helpers/balances.js';

/** USDT on tron (syncpay), USDT on ethereum (flow), NGN (syncpay); built per test (stryker.config.mjs). */
const readAll = () => [
  balance({ account: 'syncpay', currency: 'USDT', network: 'tron', providerCurrency: 'USDT_TRC20', available: '5' }),
  balance({ account: 'flow', provider: 'flow-payments', currency: 'USDT', network: 'ethereum', providerCurrency: 'USDT', available: '7' }),
  balance({ account: 'syncpay', currency: 'NGN', providerCurrency: 'NGN', available: '100' }),
];

const kept = (...texts: string[]) => {
  const filters = parseCurrencyFilters(texts);
  return readAll()
    .filter((b) => matchesAnyFilter(filters, b))
    .map((b) => `${b.account}:${b.providerCurrency}`);
};

describe('--currency filters', () => {
  it('no filter keeps every balance; otherwise a balance must match one of them', () => {
    expect(kept()).toEqual(['syncpay:USDT_TRC20', 'flow:USDT', 'syncpay:NGN']);
    expect(kept('NGN')).toEqual(['syncpay:NGN']);
    expect(kept('USDT')).toEqual(['syncpay:USDT_TRC20', 'flow:USDT']);
    expect(kept('USDT@tron')).toEqual(['syncpay:USDT_TRC20']);
    expect(kept('usdt_trc20')).toEqual(['syncpay:USDT_TRC20']);
    expect(kept('flow:USDT')).toEqual(['flow:USDT']);
    expect(kept('NGN', 'flow:USDT')).toEqual(['flow:USDT', 'syncpay:NGN']);
    expect(kept('BTC')).toEqual([]);
  });

  it('a bad filter is a usage error naming the flag, the value and what was wrong, with the grammar as hint', () => {
    const error = (() => {
      try {
        parseCurrencyFilters(['USDT', 'US DT']);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({
      exitCode: 2,
      message: '--currency "US DT": "US DT" is not a currency code; expected e.g. USDT or USDT_TRC20',
      hint: SELECTOR_HINT,
    });
    expect(() => parseCurrencyFilters(['USDT@tronn'], '--below')).toThrow('--below "USDT@tronn": "tronn" is not a network we know (did you mean \'tron\'?)');
    expect(SELECTOR_HINT).toBe('expected [account:]CURRENCY[@network], e.g. USDT, USDT@tron, syncpay:USDT or USDT_TRC20');
  });
});

describe('a code that matches nothing', () => {
  it('a currency we know, or one some balance reports, is "known": no look-alikes suggested', () => {
    expect(unmatchedCode('BTC', readAll())).toEqual({ known: true, suggestions: [] });
    expect(unmatchedCode(' usdt_erc20 ', readAll())).toEqual({ known: true, suggestions: [] });
    const odd = balance({ currency: 'ZZQ', providerCurrency: 'zzq_token', available: '1' });
    expect(unmatchedCode('ZZQ_TOKEN', [odd])).toEqual({ known: true, suggestions: [] });
    expect(unmatchedCode('zzq', [odd])).toEqual({ known: true, suggestions: [] });
    expect(unmatchedCode(' zzq_token ', [odd])).toEqual({ known: true, suggestions: [] });
  });

  it('an unknown code gets close codes, each once whatever its case, never itself', () => {
    // Swapped letters rank first (balances' codes before the symbols we know), then near misses.
    expect(unmatchedCode('USTD', readAll())).toEqual({ known: false, suggestions: ['USDT', 'TUSD', 'USD'] });
    expect(unmatchedCode('NGNN', readAll()).suggestions).toEqual(['NGN']);
    const lower = balance({ currency: 'QQX', providerCurrency: 'qqx', available: '1' });
    expect(unmatchedCode('QQXX', [lower]).suggestions).toEqual(['QQX']);
    expect(unmatchedCode('USDT_TRC21', readAll()).suggestions).toContain('USDT_TRC20');
    expect(unmatchedCode('WXYZ', readAll())).toEqual({ known: false, suggestions: [] });
  });

  it('suggestions are phrased as a question, nothing when there are none', () => {
    expect(suggestionText([])).toBe('');
    expect(suggestionText(['USDT'])).toBe(" (did you mean 'USDT'?)");
    expect(suggestionText(['USDT', 'USDC'])).toBe(" (did you mean 'USDT' or 'USDC'?)");
  });

  it('one warning per filter that matches no balance read, naming the flag and the scope', () => {
    const filters = parseCurrencyFilters(['USDT', 'BTC', 'USTD', 'flow:NGN', 'USDT@solana']);
    expect(unmatchedFilterWarnings(filters, readAll())).toEqual([
      '--currency BTC matches no balance of the selected accounts',
      "--currency USTD matches no balance, and USTD is not a currency we know (did you mean 'USDT' or 'TUSD' or 'USD'?)",
      '--currency flow:NGN matches no balance of the selected accounts',
      '--currency USDT@solana matches no balance of the selected accounts',
    ]);
    expect(unmatchedFilterWarnings(parseCurrencyFilters(['BTC']), readAll(), { flag: '--below', scope: 'the watched accounts' })).toEqual([
      '--below BTC matches no balance of the watched accounts',
    ]);
    expect(unmatchedFilterWarnings(parseCurrencyFilters(['USDT']), readAll())).toEqual([]);
  });
});
