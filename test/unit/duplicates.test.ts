// One rule for repeated identities (issue 21 class 1), at its mechanism: core/duplicates.ts, used by
// the sanity boundary for balance rows and withdrawal limits, by valuation for borrowed rates and
// by the config for its currency maps. Each list, several spellings, never "pick one".
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';
import { codeIdentity, repeatedIdentities } from '../../src/core/duplicates.js';
import { Decimal } from '../../src/core/money.js';
import { checkBalances, checkRules } from '../../src/core/sanity.js';
import { valueBalances } from '../../src/core/valuation.js';
import { minimumFor, type WithdrawalRule } from '../../src/core/withdrawal-limits.js';
import { balance } from '../helpers/balances.js';

const rule = (providerCurrency: string, currency: string, network: string | null, max: string): WithdrawalRule => ({
  providerCurrency,
  currency,
  network,
  minimum: new Decimal('10'),
  maximum: new Decimal(max),
});
const provider = { name: 'Cryptofuse', withdrawals: {} };

describe('repeatedIdentities', () => {
  it('groups every item sharing any key, chained, in list order', () => {
    const groups = repeatedIdentities(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => [s[0] as string]);
    expect(groups.get(0)).toEqual([0, 2]);
    expect(groups.get(4)).toEqual([1, 4]);
    expect(groups.has(3)).toBe(false);
    const chained = repeatedIdentities([['x', 'y'], ['y', 'z'], ['z', 'w'], ['q']], (keys) => keys);
    expect(chained.get(0)).toEqual([0, 1, 2]);
    expect(chained.has(3)).toBe(false);
  });

  it('stays linear with 20,000 copies of one identity (one shared group array)', () => {
    const items = Array.from({ length: 20_000 }, () => 'USDT');
    const groups = repeatedIdentities(items, (s) => s);
    expect(groups.size).toBe(20_000);
    expect(groups.get(0)).toBe(groups.get(19_999));
  });

  it('compares codes without case or separators, but keeps suffixes apart', () => {
    expect(new Set(['USDT_TRC20', 'usdttrc20', 'usdt-trc20', ' USDT TRC20 '].map(codeIdentity)).size).toBe(1);
    expect(codeIdentity('USDC')).not.toBe(codeIdentity('USDC_ERC20'));
  });
});

describe('the sanity boundary', () => {
  it('marks every record of a repeated (wallet, currency), whatever the spelling of either', () => {
    const rows = [
      balance({ wallet: 'WAL-1', currency: 'USDT', network: 'tron', providerCurrency: 'USDT_TRC20', available: '5000', total: '5000' }),
      balance({ wallet: 'wal-1', currency: 'USDT', network: 'tron', providerCurrency: 'usdttrc20', available: '10', total: '10' }),
      balance({ wallet: 'wal-2', currency: 'USDT', network: 'tron', providerCurrency: 'USDTTRC20', available: '7', total: '7' }),
      balance({ wallet: 'wal-1', currency: 'USDC', network: 'ethereum', providerCurrency: 'USDC', available: '1', total: '1' }),
      balance({ wallet: 'wal-1', currency: 'USDC', network: 'ethereum', providerCurrency: 'USDC_ERC20', available: '2', total: '2' }),
    ];
    const { balances, notices } = checkBalances(rows, 'Cryptofuse');
    expect(balances.map((b) => Boolean(b.inconsistent))).toEqual([true, true, false, false, false]);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/USDT_TRC20: currency USDT_TRC20: listed 2 times in one read \(5000, 10\)/);
  });

  it('quotes at most five figures of a long repeat', () => {
    const rows = Array.from({ length: 12 }, (_, i) => balance({ currency: 'USD', available: String(i), total: String(i) }));
    const { notices } = checkBalances(rows, 'SyncPay');
    expect(notices[0]).toMatch(/listed 12 times in one read \(0, 1, 2, 3, 4, … \(12 in all\)\)/);
  });

  it('marks limits named twice: same code, code spellings, or one coin on one network', () => {
    const checked = checkRules([
      rule('USDTTRC20', 'USDT', 'tron', '100000'),
      rule('usdt_trc20', 'USDT', 'tron', '50'),
      rule('USDT', 'USDT', 'ethereum', '11'),
      rule('USDTERC20', 'USDT', 'ethereum', '12'),
      rule('BTC', 'BTC', 'bitcoin', '11'),
    ]);
    expect(checked.map((r) => r.inconsistent ?? null)).toEqual([
      'USDTTRC20 min 10 max 100000, usdt_trc20 min 10 max 50: one currency listed 2 times',
      'USDTTRC20 min 10 max 100000, usdt_trc20 min 10 max 50: one currency listed 2 times',
      'USDT min 10 max 11, USDTERC20 min 10 max 12: one currency listed 2 times',
      'USDT min 10 max 11, USDTERC20 min 10 max 12: one currency listed 2 times',
      null,
    ]);
  });
});

describe('minimumFor', () => {
  const b = balance({ account: 'casino', provider: 'cryptofuse', currency: 'USDT', network: 'tron', providerCurrency: 'USDTTRC20', available: '500' });
  it('two unchecked limits that both name the balance are unknown, never the first', () => {
    const info = minimumFor(b, undefined, { rules: [rule('USDTTRC20', 'USDT', 'tron', '100000'), rule('USDT_TRX', 'USDT', 'tron', '50')] }, provider);
    expect(info.unknown).toBe("inconsistent limits: Cryptofuse lists 2 limits for USDTTRC20 in 'casino'");
    expect(info.maximum).toBeNull();
  });
  it('a config minimum does not settle a repeated limit either', () => {
    const info = minimumFor(
      b,
      new Map([['USDT', new Decimal('1')]]),
      { rules: checkRules([rule('USDTTRC20', 'USDT', 'tron', '100000'), rule('USDTTRC20', 'USDT', 'tron', '50')]) },
      provider,
    );
    expect(info.unknown).toMatch(/^inconsistent limits: Cryptofuse reported .*one currency listed 2 times for USDTTRC20 in 'casino'$/);
  });
});

describe('valuation', () => {
  const eth = (account: string, rate: string | null, extra: Partial<Parameters<typeof balance>[0]> = {}) =>
    balance({
      account,
      provider: 'flow-payments',
      currency: 'ETH',
      network: 'ethereum',
      total: '2',
      available: '2',
      usdRate: rate,
      ...(rate ? { usdSource: 'flow-payments' } : {}),
      ...extra,
    });
  it('lends a rate reported in the run only when every report agrees', () => {
    const agreed = valueBalances([eth('a', '3000'), eth('b', '3000.00'), eth('c', null)], { rates: new Map(), pegged: new Set() });
    expect(agreed[2]?.usdSource).toBe('flow-payments:a');
    const disagreed = valueBalances([eth('a', '3000'), eth('b', '2000'), eth('c', null)], {
      rates: new Map([['ETH', new Decimal('2500')]]),
      pegged: new Set(),
    });
    expect([disagreed[2]?.usdSource, disagreed[2]?.usdValue?.toString()]).toEqual(['config', '5000']);
  });
  it('an inconsistent balance lends no rate', () => {
    const [bad] = checkBalances([eth('a', '3000', { available: '-1', total: '-1' })], 'Flow').balances;
    const valued = valueBalances([bad!, eth('c', null)], { rates: new Map(), pegged: new Set() });
    expect(valued[1]?.usdValue).toBeNull();
  });
});

describe('config currency maps', () => {
  const accounts = { syncpay: { provider: 'syncpay', apiKey: '${KEY}' } };
  const problems = (raw: Record<string, unknown>) => {
    try {
      validateConfig({ accounts, ...raw }, '/x/.balancerc.yaml', 'search');
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };
  it('refuses one currency named twice in rates, minimums and decimals, whatever the spelling', () => {
    expect(problems({ rates: { NGN: '0.00065', ngn: '0.5' } })).toEqual(['rates.NGN and rates.ngn: the same currency twice; keep one']);
    expect(problems({ minimums: { syncpay: { USDT_TRC20: '10', usdttrc20: '5', USD: '1' } } })).toEqual([
      'minimums.syncpay.USDT_TRC20 and minimums.syncpay.usdttrc20: the same currency twice; keep one',
    ]);
    expect(problems({ decimals: { syncpay: { USDT: 6, usdt: 2, Usdt: 3 } } })).toEqual([
      'decimals.syncpay.USDT and decimals.syncpay.usdt and decimals.syncpay.Usdt: the same currency 3 times; keep one',
    ]);
  });
  it('keeps distinct codes (USDT and USDT_TRC20 are a general and a specific minimum)', () => {
    expect(problems({ minimums: { syncpay: { USDT: '10', USDT_TRC20: '5' } }, rates: { NGN: '1', GHS: '2' } })).toEqual([]);
  });
});
