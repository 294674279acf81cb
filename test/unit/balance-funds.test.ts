// What of one balance a payout may use (src/core/balance-funds.ts): available less what earlier
// payouts of a run committed, less the reserve; the figures a refusal quotes, at the balance's own
// scale; an unknown available figure stays unknown ('?'), never zero.
import { describe, expect, it, vi } from 'vitest';
import { BalanceFunds } from '../../src/core/balance-funds.js';
import { Decimal } from '../../src/core/money.js';
import { balance } from '../helpers/balances.js';

describe('BalanceFunds', () => {
  it('nothing committed, no reserve: all of available is left and free', () => {
    const funds = new BalanceFunds(balance({ available: '100.50' }), null);
    expect([funds.left?.toString(), funds.free?.toString()]).toEqual(['100.5', '100.5']);
    expect(['available', 'committed', 'left', 'free'].map((w) => funds.text(w as 'free'))).toEqual(['100.50', '0.00', '100.50', '100.50']);
  });

  it('after committed payouts and with a reserve: left = available − committed, free = left − reserve', () => {
    const funds = new BalanceFunds(balance({ available: '100.50' }), new Decimal('20')).after(new Decimal('30.25')).after(new Decimal('0.25'));
    expect([funds.left?.toString(), funds.free?.toString()]).toEqual(['70', '50']);
    expect(['available', 'committed', 'left', 'free'].map((w) => funds.text(w as 'free'))).toEqual(['100.50', '30.50', '70.00', '50.00']);
  });

  it('an unknown available figure leaves every figure unknown, quoted as ?', () => {
    const funds = new BalanceFunds(balance({ available: null, total: '5.00' }), new Decimal('1')).after(new Decimal('2'));
    expect([funds.left, funds.free]).toEqual([null, null]);
    expect(['available', 'left', 'free'].map((w) => funds.text(w as 'free'))).toEqual(['?', '?', '?']);
    expect(funds.text('committed')).toBe('2.00');
  });

  it('a text about the balance is made once per state, and again for the next state', () => {
    const funds = new BalanceFunds(balance({ available: '10' }), null);
    const make = vi.fn(() => 'note');
    expect([funds.once('note', make), funds.once('note', make)]).toEqual(['note', 'note']);
    expect(make).toHaveBeenCalledTimes(1);
    funds.after(new Decimal('1')).once('note', make);
    expect(make).toHaveBeenCalledTimes(2);
  });
});
