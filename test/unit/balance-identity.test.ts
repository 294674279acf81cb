// The one identity of a balance: what names it in totals' inconsistent list and in history series.
import { describe, expect, it } from 'vitest';
import { balanceIdentity, makeBalance } from '../../src/core/balance.js';
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
