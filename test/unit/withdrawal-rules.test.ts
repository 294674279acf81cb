// Every rule of the withdrawal decision (core/withdrawal.ts, core/withdrawal-limits.ts), one test
// each, named after the rule: deleting or bending any single rule fails the test named after it
// (and `npm run mutate` reports every mutant of both files killed; withdrawal-rules-funds.test.ts
// holds the rules of a reserve, a run's commitments and duplicate limits). Each asserts what a user of
// `can-withdraw` sees: the candidate's status (yes/no/unknown) and the reason line printed.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/money.js';
import { chooseCandidate, matchesRequest, notHeldReason } from '../../src/core/withdrawal.js';
import { allowedDecimals, minimumFor, type ProviderRules } from '../../src/core/withdrawal-limits.js';
import { balance } from '../helpers/balances.js';
import { decide, PLAIN, request, rules, TABLED, usdt } from '../helpers/withdrawal-rules.js';

describe('withdrawal rules: the balance', () => {
  it('rule: the available figure must cover the amount (equal is enough)', () => {
    expect(decide(usdt(), '100')).toMatchObject({ status: 'ok', ok: true, reasons: [] });
    expect(decide(usdt(), '100.000001')).toMatchObject({
      status: 'no',
      ok: false,
      reasons: ["insufficient: available 100.00 USDT (tron) in 'acct' < 100.000001"],
    });
  });

  it('rule: pending money never counts, whatever the total', () => {
    const settling = usdt({ available: '10.00', pending: '90.00', total: '100.00' });
    expect(decide(settling, '50').reasons).toEqual(["insufficient: available 10.00 USDT (tron) in 'acct' < 50"]);
  });

  it('rule: the network fee is paid from the same balance, on top of the amount', () => {
    const withFee = usdt({ networkFee: '1.5' });
    expect(decide(withFee, '98.5')).toMatchObject({ status: 'ok', reasons: [] });
    expect(decide(withFee, '99')).toMatchObject({ status: 'no', reasons: ["insufficient: available 100.00 USDT (tron) in 'acct' < 99 + fee 1.5"] });
    expect(decide(withFee, '99').check.required.toString()).toBe('100.5');
  });

  it('rule: a zero fee is not mentioned; an unknown fee is a note beside a yes, never a no', () => {
    expect(decide(usdt({ networkFee: '0' }), '101').reasons).toEqual(["insufficient: available 100.00 USDT (tron) in 'acct' < 101"]);
    const unknownFee = decide(usdt({ networkFee: null }), '100');
    expect(unknownFee).toMatchObject({ status: 'ok', reasons: [] });
    expect(unknownFee.notes).toEqual(['Plain reports no withdrawal fee for USDT (tron); make sure the amount covers any fee']);
    expect(decide(usdt(), '1').notes).toEqual([]);
  });

  it('rule: an unknown available figure makes the answer unknown, never a yes or a no', () => {
    const unknown = usdt({ available: null, total: '1000.00', pending: null });
    expect(decide(unknown, '1')).toMatchObject({
      status: 'unknown',
      ok: false,
      reasons: ["unknown: Plain does not report an available USDT (tron) balance for 'acct'"],
    });
  });

  it('rule: an inconsistent figure decides nothing: unknown, even where a check fails', () => {
    const inconsistent = { ...usdt(), inconsistent: [{ field: 'pendingAmount', value: '-5', problem: 'negative' }] };
    expect(decide(inconsistent, '1')).toMatchObject({
      status: 'unknown',
      ok: false,
      reasons: ["inconsistent: Plain reported USDT (tron) in 'acct' with pendingAmount -5: negative"],
    });
    const alsoShort = decide(inconsistent, '500');
    expect(alsoShort.status).toBe('unknown');
    expect(alsoShort.reasons).toEqual([
      "inconsistent: Plain reported USDT (tron) in 'acct' with pendingAmount -5: negative",
      "insufficient: available 100.00 USDT (tron) in 'acct' < 500",
    ]);
  });

  it('rule: a known failure is a no even when another check cannot be made; unknowns are listed first', () => {
    const noDecimals = usdt({ assetDecimals: null, currency: 'XYZ', providerCurrency: 'XYZ', network: null });
    const answer = decide(noDecimals, '500');
    expect(answer.status).toBe('no');
    expect(answer.reasons).toEqual([
      'unknown decimals: the decimals XYZ allows are not known; set decimals.acct.XYZ in the config',
      "insufficient: available 100.00 XYZ in 'acct' < 500",
    ]);
  });
});

describe('withdrawal rules: minimum and maximum', () => {
  it('rule: below the minimum is a no (equal to it is enough)', () => {
    expect(decide(usdt(), '20', { provider: TABLED, input: 'USDT_TRC20' })).toMatchObject({ status: 'ok', reasons: [] });
    expect(decide(usdt(), '19.99', { provider: TABLED })).toMatchObject({
      status: 'no',
      reasons: ["below minimum: 19.99 < 20 USDT_TRC20 for Tabled account 'acct'"],
    });
  });

  it('rule: above the maximum the provider serves is a no (equal to it is enough)', () => {
    const served = rules({ min: '1', max: '50' });
    expect(decide(usdt(), '50', { served })).toMatchObject({ status: 'ok', reasons: [] });
    expect(decide(usdt(), '50.01', { served })).toMatchObject({ status: 'no', reasons: ["above maximum: 50.01 > 50 USDT_TRC20 for Plain account 'acct'"] });
  });

  it('rule: a currency the provider does not list among its withdrawable ones is a no', () => {
    const other = rules({ code: 'BTC', currency: 'BTC', network: 'bitcoin', min: '0.001' });
    expect(decide(usdt(), '10', { served: other })).toMatchObject({
      status: 'no',
      reasons: ["not withdrawable: Plain does not list USDT_TRC20 among the currencies 'acct' can withdraw"],
    });
    // An empty list lists nothing; a minimum from the config does not make it withdrawable.
    expect(decide(usdt(), '10', { served: rules(), config: { USDT_TRC20: '1' } }).status).toBe('no');
  });

  it('rule: a served limit is found by the provider code in any case, or by currency and network', () => {
    expect(decide(usdt(), '5', { served: rules({ code: 'usdt_trc20', min: '10' }) }).reasons).toEqual([
      "below minimum: 5 < 10 USDT_TRC20 for Plain account 'acct'",
    ]);
    expect(decide(usdt(), '5', { served: rules({ code: 'USDTTRC20', min: '10' }) }).reasons).toEqual([
      "below minimum: 5 < 10 USDT_TRC20 for Plain account 'acct'",
    ]);
    // Same currency on another network is another asset: not listed.
    expect(decide(usdt(), '5', { served: rules({ code: 'USDTERC20', network: 'ethereum', min: '1' }) }).status).toBe('no');
    expect(decide(usdt(), '5', { served: rules({ code: 'USDCTRC20', currency: 'USDC', min: '1' }) }).status).toBe('no');
    // The provider's own code decides even where its currency and network fields say otherwise.
    expect(decide(usdt(), '5', { served: rules({ code: 'usdt_trc20', currency: 'TETHER', network: null, min: '10' }) }).reasons).toEqual([
      "below minimum: 5 < 10 USDT_TRC20 for Plain account 'acct'",
    ]);
    expect(
      decide(usdt({ providerCurrency: 'usdt_trc20' }), '5', { served: rules({ code: 'USDT_TRC20', currency: 'TETHER', network: null, min: '10' }) }).status,
    ).toBe('no');
  });

  it('rule: served limits that break an invariant decide nothing (unknown)', () => {
    const broken = rules({ min: '5', inconsistent: 'min_withdrawal -5: negative' });
    expect(decide(usdt(), '10', { served: broken })).toMatchObject({
      status: 'unknown',
      reasons: ["inconsistent limits: Plain reported min_withdrawal -5: negative for USDT_TRC20 in 'acct'"],
    });
    expect(decide(usdt(), '10', { served: broken, config: { USDT_TRC20: '1' } }).status).toBe('unknown');
  });

  it('rule: a served limit without a minimum is unknown until the config states one; its maximum still counts', () => {
    const noMin = rules({ min: null, max: '50' });
    expect(decide(usdt(), '10', { served: noMin })).toMatchObject({
      status: 'unknown',
      reasons: ['unknown minimum: Plain states no minimum for USDT_TRC20; set minimums.acct.USDT_TRC20 in the config'],
    });
    expect(decide(usdt(), '10', { served: noMin, config: { USDT_TRC20: '5' } })).toMatchObject({ status: 'ok' });
    expect(decide(usdt(), '60', { served: noMin, config: { USDT_TRC20: '5' } }).reasons).toEqual([
      "above maximum: 60 > 50 USDT_TRC20 for Plain account 'acct'",
    ]);
    expect(minimumFor(usdt(), undefined, noMin, PLAIN)).toMatchObject({ minimum: null, maximum: new Decimal(50), source: 'none' });
  });

  it('rule: the config minimum overrides the provider minimum, never its maximum', () => {
    const served = rules({ min: '50', max: '80' });
    expect(decide(usdt(), '10', { served, config: { USDT_TRC20: '5' } })).toMatchObject({ status: 'ok' });
    expect(decide(usdt(), '90', { served, config: { USDT_TRC20: '5' } }).reasons).toEqual(["above maximum: 90 > 80 USDT_TRC20 for Plain account 'acct'"]);
    expect(minimumFor(usdt(), new Map([['USDT_TRC20', new Decimal(5)]]), served, PLAIN)).toMatchObject({
      source: 'config',
      minimum: new Decimal(5),
      maximum: new Decimal(80),
    });
    expect(minimumFor(usdt(), undefined, served, PLAIN)).toMatchObject({ source: 'provider-api', minimum: new Decimal(50) });
    expect(decide(usdt(), '10', { provider: TABLED, config: { USDT_TRC20: '5' } })).toMatchObject({ status: 'ok' });
  });

  it('rule: the config names a minimum by provider code (any case) or by canonical symbol', () => {
    expect(decide(usdt(), '3', { config: { USDT_TRC20: '5' } }).reasons).toEqual(["below minimum: 3 < 5 USDT_TRC20 for Plain account 'acct'"]);
    expect(decide(usdt({ providerCurrency: 'usdt_trc20' }), '3', { config: { USDT_TRC20: '5' } }).status).toBe('no');
    expect(decide(usdt(), '3', { config: { USDT: '5' } }).status).toBe('no');
    expect(decide(usdt(), '3', { config: { USDC: '5' } }).status).toBe('ok');
  });

  it('rule: unreadable served limits are unknown, unless the config states the minimum (then the maximum goes unchecked, said in a note)', () => {
    const unreadable: ProviderRules = { rules: null };
    expect(decide(usdt(), '10', { served: unreadable })).toMatchObject({
      status: 'unknown',
      reasons: ['unknown minimum: Plain withdrawal limits could not be read; set minimums.acct.USDT_TRC20 in the config'],
    });
    const configured = decide(usdt(), '10', { served: unreadable, config: { USDT_TRC20: '5' } });
    expect(configured).toMatchObject({ status: 'ok', reasons: [] });
    expect(configured.notes).toEqual(['Plain withdrawal limits could not be read; maximum not checked']);
    expect(decide(usdt(), '10', { config: { USDT_TRC20: '5' } }).notes).toEqual([]);
  });

  it('rule: a documented minimum table applies by provider code; a currency outside it is unknown', () => {
    expect(decide(usdt({ providerCurrency: 'usdt_trc20' }), '15', { provider: TABLED }).reasons).toEqual([
      "below minimum: 15 < 20 usdt_trc20 for Tabled account 'acct'",
    ]);
    const zar = balance({ account: 'acct', currency: 'ZAR', available: '900.00', pending: '0.00' });
    expect(decide(zar, '20', { provider: TABLED })).toMatchObject({
      status: 'unknown',
      reasons: ['unknown minimum: Tabled publishes no minimum for ZAR; set minimums.acct.ZAR in the config'],
    });
    expect(minimumFor(usdt(), undefined, undefined, TABLED)).toEqual({
      minimum: new Decimal(20),
      source: 'provider-docs',
      maximum: null,
      blocker: null,
      unknown: null,
      note: null,
    });
  });

  it('rule: where each minimum came from is said (config, provider API, provider docs, none)', () => {
    const config = new Map([['USDT_TRC20', new Decimal(5)]]);
    const source = (c: typeof config | undefined, served: ProviderRules | undefined, provider = PLAIN) => minimumFor(usdt(), c, served, provider).source;
    expect([source(undefined, rules()), source(config, rules())]).toEqual(['provider-api', 'config']);
    expect([source(undefined, rules({ inconsistent: 'x' })), source(config, rules({ inconsistent: 'x' }))]).toEqual(['provider-api', 'config']);
    expect([source(undefined, rules({ min: '1' })), source(config, rules({ min: '1' }))]).toEqual(['provider-api', 'config']);
    expect([source(undefined, { rules: null }), source(config, { rules: null })]).toEqual(['none', 'config']);
    expect([source(undefined, undefined, TABLED), source(undefined, undefined, { name: 'T', withdrawals: { documentedMinimums: {} } })]).toEqual([
      'provider-docs',
      'none',
    ]);
  });

  it('rule: a provider that documents no limits has no minimum to check', () => {
    expect(minimumFor(usdt(), undefined, undefined, PLAIN)).toEqual({ minimum: null, source: 'none', maximum: null, blocker: null, unknown: null, note: null });
    expect(decide(usdt(), '0.000001')).toMatchObject({ status: 'ok', reasons: [] });
  });
});

describe('withdrawal rules: decimals', () => {
  it('rule: more decimals than the currency allows is a no (as many is fine)', () => {
    expect(decide(usdt(), '1.000001')).toMatchObject({ status: 'ok' });
    expect(decide(usdt(), '1.0000001')).toMatchObject({ status: 'no', reasons: ['too many decimals: 1.0000001 has 7, USDT (tron) allows 6'] });
  });

  it('rule: the config decimals win (by provider code in any case, or symbol), then the asset, then fiat minor units', () => {
    expect(allowedDecimals(usdt(), PLAIN, new Map([['USDT_TRC20', 2]]))).toBe(2);
    expect(allowedDecimals(usdt({ providerCurrency: 'usdt_trc20' }), PLAIN, new Map([['USDT_TRC20', 2]]))).toBe(2);
    expect(allowedDecimals(usdt(), PLAIN, new Map([['USDT', 3]]))).toBe(3);
    expect(allowedDecimals(usdt(), PLAIN, new Map([['USDT', 0]]))).toBe(0);
    expect(allowedDecimals(usdt({ assetDecimals: 9 }), PLAIN)).toBe(9);
    expect(allowedDecimals(usdt({ assetDecimals: 0 }), PLAIN)).toBe(0);
    expect(allowedDecimals(balance({ currency: 'JPY' }), PLAIN)).toBe(0);
    expect(allowedDecimals(balance({ currency: 'USD' }), PLAIN)).toBe(2);
    expect(decide(usdt(), '1.001', { decimals: { USDT_TRC20: 2 } }).reasons).toEqual(['too many decimals: 1.001 has 3, USDT (tron) allows 2']);
  });

  it('rule: a fiat code on a chain is a token, not fiat: its decimals are not the fiat minor units', () => {
    const onChain = balance({ currency: 'USD', network: 'ethereum', providerCurrency: 'USD_ERC20', available: '5' });
    expect(allowedDecimals(onChain, PLAIN)).toBeNull();
  });

  it('rule: without stated decimals, common crypto decimals apply, bounded by a documented cap', () => {
    const plainUsdt = usdt({ assetDecimals: null });
    expect(allowedDecimals(plainUsdt, PLAIN)).toBe(6);
    expect(allowedDecimals(plainUsdt, TABLED)).toBe(4);
    expect(allowedDecimals(usdt({ assetDecimals: null, currency: 'BTC', network: 'bitcoin', providerCurrency: 'BTC' }), PLAIN)).toBe(8);
    expect(allowedDecimals(usdt({ assetDecimals: null, currency: 'ETH', network: 'ethereum', providerCurrency: 'ETH' }), TABLED)).toBe(4);
    expect(allowedDecimals(usdt({ assetDecimals: null, currency: 'TRX', providerCurrency: 'TRX' }), { name: 'x', withdrawals: { maxCryptoDecimals: 8 } })).toBe(
      6,
    );
    // A coin whose provider names no network is still a coin, not fiat.
    expect(allowedDecimals(usdt({ assetDecimals: null, currency: 'BTC', network: null, providerCurrency: 'BTC' }), PLAIN)).toBe(8);
    // An asset we have no common figure for: the cap alone.
    expect(allowedDecimals(usdt({ assetDecimals: null, currency: 'XYZ', providerCurrency: 'XYZ' }), TABLED)).toBe(4);
  });

  it('rule: decimals nobody states make the answer unknown until the config states them', () => {
    const xyz = usdt({ assetDecimals: null, currency: 'XYZ', providerCurrency: 'XYZ' });
    expect(decide(xyz, '1')).toMatchObject({
      status: 'unknown',
      reasons: ['unknown decimals: the decimals XYZ (tron) allows are not known; set decimals.acct.XYZ in the config'],
    });
    expect(decide(xyz, '1', { decimals: { XYZ: 0 } })).toMatchObject({ status: 'ok' });
  });
});

describe('withdrawal rules: choosing and matching', () => {
  it('rule: a yes needs one candidate that passes everything; the first in config order is chosen', () => {
    const short = decide(usdt({ account: 'a', available: '1.00' }), '50').check;
    const first = decide(usdt({ account: 'b' }), '50').check;
    const second = decide(usdt({ account: 'c' }), '50').check;
    expect(chooseCandidate([short, first, second])?.account).toBe('b');
    expect(chooseCandidate([short])).toBeNull();
    expect(chooseCandidate([])).toBeNull();
  });

  it('rule: the check reports the figures it compared', () => {
    const { check } = decide(usdt({ account: 'a', networkFee: '0.5', mode: 'live' }), '10.5');
    expect(check).toMatchObject({
      account: 'a',
      provider: 'syncpay',
      providerName: 'Plain',
      mode: 'live',
      currency: 'USDT',
      network: 'tron',
      providerCurrency: 'USDT_TRC20',
      available: new Decimal('100.00'),
      fee: new Decimal('0.5'),
      required: new Decimal('11'),
      decimalsAllowed: 6,
      status: 'ok',
      ok: true,
      scale: 2,
    });
  });

  it('rule: a provider code names its balance exactly; a bare symbol with a network matches that network only', () => {
    const flowUsdt = balance({ currency: 'USDT', network: 'ethereum', providerCurrency: 'USDT', available: '1' });
    expect(matchesRequest(flowUsdt, { ...request('USDT', '1'), network: 'tron' })).toBe(false);
    expect(matchesRequest(flowUsdt, { ...request('USDT', '1'), network: 'ethereum' })).toBe(true);
    expect(matchesRequest(usdt(), { ...request('usdt_trc20', '1'), currency: 'USDT', network: 'tron' })).toBe(true);
    expect(matchesRequest(usdt(), request('USDC', '1'))).toBe(false);
    // A provider code typed in lower case names the balance whose network the provider left out.
    const bep20 = balance({ currency: 'USDT', network: null, providerCurrency: 'USDTBEP20', available: '1' });
    expect(matchesRequest(bep20, { ...request('usdtbep20', '1'), currency: 'USDT', network: 'bsc' })).toBe(true);
    expect(matchesRequest(bep20, { ...request('USDT', '1'), network: 'bsc' })).toBe(false);
  });

  it('rule: nobody holding the currency is said, with a network only for a symbol, and suggestions only for unknown codes', () => {
    const held = [usdt()];
    expect(notHeldReason(request('BTC', '1'), held)).toBe('none of the selected accounts reports BTC');
    expect(notHeldReason({ ...request('USDC', '1'), network: 'tron' }, held)).toBe('none of the selected accounts reports USDC on tron');
    expect(notHeldReason({ ...request('USDC_TRC20', '1'), currency: 'USDC', network: 'tron' }, held)).toBe('none of the selected accounts reports USDC_TRC20');
    expect(notHeldReason(request('USDTT', '1'), held)).toBe("none of the selected accounts reports USDTT (did you mean 'USDT'?)");
  });
});
