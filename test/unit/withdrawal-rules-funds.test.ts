// More rules of the withdrawal decision, one test each, named after the rule (withdrawal-rules.test.ts
// has the others): what a reserve and a run's earlier payouts leave of a balance, and served limits
// that name one balance more than once. Each asserts the status and the reason line a user sees.
import { describe, expect, it } from 'vitest';
import { BalanceFunds } from '../../src/core/balance-funds.js';
import { Decimal } from '../../src/core/money.js';
import { minimumFor } from '../../src/core/withdrawal-limits.js';
import { decide, PLAIN, rules, usdt } from '../helpers/withdrawal-rules.js';

/** 100.00 USDT with `reserve` kept by the config and `committed` promised to earlier payouts of a run. */
function funds(reserve: string | null, committed?: string) {
  const b = usdt();
  const start = new BalanceFunds(b, reserve === null ? null : new Decimal(reserve));
  return { b, funds: committed ? start.after(new Decimal(committed)) : start };
}

describe('withdrawal rules: reserve and earlier payouts', () => {
  it('rule: the reserve is never paid out: a payout that only the reserve stops is a no naming the reserve', () => {
    const { b, funds: f } = funds('20');
    expect(decide(b, '80', { funds: f })).toMatchObject({ status: 'ok', reasons: [] });
    expect(decide(b, '80.01', { funds: f })).toMatchObject({
      status: 'no',
      reasons: ["reserve: available 100.00 USDT (tron) in 'acct' less reserve 20 leaves 80.00 < 80.01"],
    });
    expect(decide(b, '90', { funds: f }).check.reserve).toEqual(new Decimal(20));
  });

  it('rule: when the money itself is short, the payout is insufficient, whatever the reserve', () => {
    const { b, funds: f } = funds('20');
    expect(decide(b, '100.01', { funds: f })).toMatchObject({
      status: 'no',
      reasons: ["insufficient: available 100.00 USDT (tron) in 'acct' < 100.01"],
    });
  });

  it('rule: money committed to earlier payouts of a run is not there for the next one, and the reason says how much', () => {
    const { b, funds: f } = funds(null, '30');
    expect(decide(b, '70', { funds: f })).toMatchObject({ status: 'ok', reasons: [] });
    expect(decide(b, '70.5', { funds: f }).reasons).toEqual([
      "insufficient: available 100.00 USDT (tron) in 'acct' less 30.00 committed to earlier payouts leaves 70.00 < 70.5",
    ]);
  });

  it('rule: with both a reserve and earlier payouts, each is named with what is left', () => {
    const { b, funds: f } = funds('20', '30');
    expect(decide(b, '50', { funds: f })).toMatchObject({ status: 'ok', reasons: [] });
    expect(decide(b, '60', { funds: f }).reasons).toEqual([
      "reserve: available 100.00 USDT (tron) in 'acct' less 30.00 committed to earlier payouts and reserve 20 leaves 50.00 < 60",
    ]);
    expect(decide(b, '75', { funds: f }).reasons).toEqual([
      "insufficient: available 100.00 USDT (tron) in 'acct' less 30.00 committed to earlier payouts leaves 70.00 < 75",
    ]);
  });

  it('rule: a refusal and a note about one balance read the same for every payout checked against it', () => {
    const b = usdt({ networkFee: null, available: '10.00' });
    const f = new BalanceFunds(b, null);
    const [first, second] = [decide(b, '20', { funds: f }), decide(b, '30', { funds: f })];
    expect(first.reasons).toEqual(["insufficient: available 10.00 USDT (tron) in 'acct' < 20"]);
    expect(second.reasons).toEqual(["insufficient: available 10.00 USDT (tron) in 'acct' < 30"]);
    expect([...first.notes, ...second.notes]).toEqual([
      'Plain reports no withdrawal fee for USDT (tron); make sure the amount covers any fee',
      'Plain reports no withdrawal fee for USDT (tron); make sure the amount covers any fee',
    ]);
  });
});

describe('withdrawal rules: served limits naming one balance', () => {
  it('rule: a served limit listed under another code is found by its currency and network', () => {
    expect(decide(usdt(), '5', { served: rules({ code: 'TRX-USDT', min: '10' }) }).reasons).toEqual([
      "below minimum: 5 < 10 USDT_TRC20 for Plain account 'acct'",
    ]);
  });

  it('rule: two served limits for one balance are inconsistent: unknown, never the first of them', () => {
    const twice = rules({ min: '1' }, { code: 'TRX-USDT', min: '50' });
    const reason = "inconsistent limits: Plain lists 2 limits for USDT_TRC20 in 'acct'";
    expect(decide(usdt(), '10', { served: twice })).toMatchObject({ status: 'unknown', reasons: [reason] });
    expect(decide(usdt(), '60', { served: twice })).toMatchObject({ status: 'unknown', reasons: [reason] });
    expect(minimumFor(usdt(), undefined, twice, PLAIN)).toEqual({
      minimum: null,
      source: 'provider-api',
      maximum: null,
      blocker: null,
      unknown: reason,
      note: null,
    });
    // A minimum from the config does not choose between them.
    const config = new Map([['USDT_TRC20', new Decimal(5)]]);
    expect(minimumFor(usdt(), config, twice, PLAIN)).toMatchObject({ minimum: new Decimal(5), source: 'config', unknown: reason });
    expect(decide(usdt(), '10', { served: twice, config: { USDT_TRC20: '5' } }).status).toBe('unknown');
  });

  it('rule: among limits naming one balance, one that breaks an invariant is the reason, wherever it stands', () => {
    const broken = 'min_withdrawal -5: negative';
    const reason = `inconsistent limits: Plain reported ${broken} for USDT_TRC20 in 'acct'`;
    for (const served of [rules({ min: '1' }, { min: '5', inconsistent: broken }), rules({ min: '5', inconsistent: broken }, { min: '1' })]) {
      expect(decide(usdt(), '10', { served })).toMatchObject({ status: 'unknown', reasons: [reason] });
    }
  });
});
