import { describe, expect, it } from 'vitest';
import { checkCandidate, matchesRequest, type WithdrawalRequest } from '../../src/core/withdrawal.js';
import { minimumFor } from '../../src/core/withdrawal-limits.js';
import { Decimal } from '../../src/core/money.js';
import { parseWithdrawalQuery } from '../../src/api/can-withdraw.js';
import { balance } from '../helpers/balances.js';
import { PROVIDERS, type ProviderId } from '../../src/providers/catalog.js';

/** A provider as the withdrawal checks see it: its name and its own documented limits. */
const provider = (id: ProviderId) => ({ name: PROVIDERS[id].displayName, withdrawals: PROVIDERS[id].withdrawals });
const FLOW = provider('flow-payments');
const SYNCPAY = provider('syncpay');
const CRYPTOFUSE = provider('cryptofuse');
const SWIPELUX = provider('swipelux');

/** The CLI's argument form of the library's query parser (async, so throws become rejections). */
const parseRequest = async (currency: string, amount: string, network: string | undefined) => parseWithdrawalQuery({ currency, amount, network });

function request(input: string, amount: string, network: string | null = null): WithdrawalRequest {
  const dot = amount.indexOf('.');
  return { input, currency: input.toUpperCase(), network, amount: new Decimal(amount), amountDecimals: dot === -1 ? 0 : amount.length - dot - 1 };
}

const usdt = () =>
  balance({
    account: 'syncpay',
    provider: 'syncpay',
    currency: 'USDT',
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available: '500.00',
    pending: '50.00',
  });

describe('checkCandidate', () => {
  it('adds the network fee to the amount (Flow)', () => {
    const eth = balance({
      account: 'flow',
      provider: 'flow-payments',
      currency: 'ETH',
      network: 'ethereum',
      available: '0.000090074983482468',
      total: '0.000090074983482468',
      networkFee: '0.000000042162288',
      assetDecimals: 18,
    });
    const all = checkCandidate(eth, request('ETH', '0.000090074983482468'), minimumFor(eth, undefined, undefined, FLOW), FLOW);
    expect(all.reasons).toEqual(["insufficient: available 0.000090074983482468 ETH (ethereum) in 'flow' < 0.000090074983482468 + fee 0.000000042162288"]);
    const less = checkCandidate(eth, request('ETH', '0.00009'), minimumFor(eth, undefined, undefined, FLOW), FLOW);
    expect(less.ok).toBe(true);
  });

  it('never counts pending: an amount between available and total is refused', () => {
    const check = checkCandidate(usdt(), request('USDT', '520'), minimumFor(usdt(), undefined, undefined, SYNCPAY), SYNCPAY);
    expect(check.reasons).toEqual(["insufficient: available 500.00 USDT (tron) in 'syncpay' < 520"]);
  });

  it('applies the SyncPay documented minimum, and config overrides it', () => {
    const five = checkCandidate(usdt(), request('USDT_TRC20', '5'), minimumFor(usdt(), undefined, undefined, SYNCPAY), SYNCPAY);
    expect(five.reasons).toEqual(["below minimum: 5 < 10 USDT_TRC20 for SyncPay account 'syncpay'"]);
    expect(checkCandidate(usdt(), request('USDT_TRC20', '10'), minimumFor(usdt(), undefined, undefined, SYNCPAY), SYNCPAY).ok).toBe(true);
    const lowered = minimumFor(usdt(), new Map([['USDT_TRC20', new Decimal('2')]]), undefined, SYNCPAY);
    expect(checkCandidate(usdt(), request('USDT_TRC20', '5'), lowered, SYNCPAY).ok).toBe(true);
  });

  it('fails closed on a SyncPay currency without a documented minimum', () => {
    const zar = balance({ account: 'syncpay', provider: 'syncpay', currency: 'ZAR', available: '900.00', pending: '0.00' });
    expect(checkCandidate(zar, request('ZAR', '20'), minimumFor(zar, undefined, undefined, SYNCPAY), SYNCPAY).reasons).toEqual([
      'unknown minimum: SyncPay publishes no minimum for ZAR; set minimums.syncpay.ZAR in the config',
    ]);
  });

  it('uses provider-served rules, refuses unlisted currencies, and cannot decide on unreadable rules', () => {
    const cf = balance({
      account: 'casino',
      provider: 'cryptofuse',
      currency: 'USDT',
      network: 'tron',
      providerCurrency: 'USDTTRC20',
      available: '400.00',
      pending: '100.00',
    });
    const rules = { rules: [{ providerCurrency: 'USDTTRC20', currency: 'USDT', network: 'tron', minimum: new Decimal('20'), maximum: null }] };
    expect(checkCandidate(cf, request('USDT', '10'), minimumFor(cf, undefined, rules, CRYPTOFUSE), CRYPTOFUSE).reasons).toEqual([
      "below minimum: 10 < 20 USDTTRC20 for Cryptofuse account 'casino'",
    ]);
    expect(minimumFor(cf, undefined, { rules: [] }, CRYPTOFUSE).blocker).toBe(
      "not withdrawable: Cryptofuse does not list USDTTRC20 among the currencies 'casino' can withdraw",
    );
    const unreadable = checkCandidate(cf, request('USDT', '10'), minimumFor(cf, undefined, { rules: null }, CRYPTOFUSE), CRYPTOFUSE);
    expect(unreadable.status).toBe('unknown');
    expect(unreadable.reasons).toEqual(['unknown minimum: Cryptofuse withdrawal limits could not be read; set minimums.casino.USDTTRC20 in the config']);
  });

  it('refuses more decimals than the currency allows, and unknown availability', () => {
    const usd = balance({ account: 'syncpay', provider: 'syncpay', currency: 'USD', available: '1250.50', pending: '0' });
    expect(checkCandidate(usd, request('USD', '10.001'), minimumFor(usd, undefined, undefined, SYNCPAY), SYNCPAY).reasons).toEqual([
      'too many decimals: 10.001 has 3, USD allows 2',
    ]);
    const unknown = balance({ account: 'x', provider: 'swipelux', currency: 'USDC', network: 'polygon', total: '5' });
    expect(
      checkCandidate({ ...unknown, available: null }, request('USDC', '1'), minimumFor(unknown, undefined, undefined, SWIPELUX), SWIPELUX).reasons,
    ).toEqual(["unknown: Swipelux does not report an available USDC (polygon) balance for 'x'"]);
  });
});

describe('request parsing', () => {
  it('accepts canonical symbols and provider codes, pins networks', async () => {
    expect(await parseRequest('USDT', '250', undefined)).toMatchObject({ currency: 'USDT', network: null, amountDecimals: 0 });
    expect(await parseRequest('USDT', '250', 'TRX')).toMatchObject({ currency: 'USDT', network: 'tron' });
    expect(await parseRequest('usdttrc20', '0.015', undefined)).toMatchObject({ currency: 'USDT', network: 'tron', amountDecimals: 3 });
    expect(matchesRequest(usdt(), await parseRequest('USDT_TRC20', '1', undefined))).toBe(true);
    expect(matchesRequest(usdt(), await parseRequest('USDT', '1', 'ethereum'))).toBe(false);
  });

  it('a bare symbol with --network never matches a same-named balance on another chain', async () => {
    const flowUsdt = balance({
      account: 'flow',
      provider: 'flow-payments',
      currency: 'USDT',
      network: 'ethereum',
      providerCurrency: 'USDT',
      available: '900',
      total: '900',
    });
    const parse = (currency: string, network?: string) => parseRequest(currency, '10', network);
    expect(matchesRequest(flowUsdt, await parse('USDT', 'tron'))).toBe(false);
    expect(matchesRequest(flowUsdt, await parse('USDT', 'ethereum'))).toBe(true);
    expect(matchesRequest(flowUsdt, await parse('USDT'))).toBe(true);
  });

  it.each(['1e3', '-5', '0', '0.000', 'abc', '1,000', '', ' 5 5', '+5', '.5', '007'])('rejects the amount %j', async (amount) => {
    await expect(parseRequest('USDT', amount, undefined)).rejects.toMatchObject({ exitCode: 2 });
  });
});
