// The one identity of a balance: what names it in totals' inconsistent list and in history series.
import { describe, expect, it } from 'vitest';
import { BALANCE_JSON_FIELDS, balanceIdentity, makeBalance, toBalanceJson } from '../../src/core/balance.js';
import { balancesCsv } from '../../src/format/csv.js';
import { balance } from '../helpers/balances.js';
import { Decimal } from '../../src/core/money.js';

describe('balanceIdentity', () => {
  it('keeps exactly the six identity fields, in their JSON key order, and nothing of the figures', () => {
    const b = makeBalance({
      account: 'flow-main',
      provider: 'flow-payments',
      mode: 'live',
      wallet: 'w1',
      currency: 'USDT',
      network: 'tron',
      providerCurrency: 'USDT_TRC20',
      available: new Decimal('5'),
      scale: 2,
      raw: { secret: 'x' },
    });
    const id = balanceIdentity(b);
    expect(Object.keys(id)).toEqual(['account', 'provider', 'wallet', 'currency', 'network', 'providerCurrency']);
    expect(id).toEqual({ account: 'flow-main', provider: 'flow-payments', wallet: 'w1', currency: 'USDT', network: 'tron', providerCurrency: 'USDT_TRC20' });
  });
});

describe('BALANCE_JSON_FIELDS', () => {
  it('is the JSON record of a consistent balance, key for key and in order (the CSV columns and history import use it)', () => {
    const record = toBalanceJson(balance({ account: 'a', currency: 'USDT', available: '1.50', pending: '0', total: '1.50', usdValue: '1.50', usdRate: '1' }));
    expect(Object.keys(record)).toEqual([...BALANCE_JSON_FIELDS]);
    expect(balancesCsv([]).split('\r\n')[0]).toBe([...BALANCE_JSON_FIELDS, 'inconsistent'].join(','));
  });
});
