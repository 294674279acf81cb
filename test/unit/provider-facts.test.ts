// Provider knowledge read from each provider's own folder (src/providers/<id>/info.ts) by the
// generic code: `config init` examples, documented withdrawal minimums and decimals.
import { describe, expect, it } from 'vitest';
import { exampleFor } from '../../src/commands/config/init-answers.js';
import { allowedDecimals, minimumFor } from '../../src/core/withdrawal-limits.js';
import { PROVIDERS, type ProviderId } from '../../src/providers/catalog.js';
import { balance } from '../helpers/balances.js';

const provider = (id: ProviderId) => ({ name: PROVIDERS[id].displayName, withdrawals: PROVIDERS[id].withdrawals });

describe("config init example, from the provider's info", () => {
  it.each([
    ['flow-payments', '--provider flow-payments --account flow-main --key-env FLOW_API_KEY'],
    ['syncpay', '--provider syncpay --account payouts --key-env SYNCPAY_API_KEY'],
    ['bachs', '--provider bachs --account bachs --key-env BACHS_API_KEY'],
    ['swipelux', '--provider swipelux --account treasury --wallet wal_abc123'],
    ['cryptofuse', '--provider cryptofuse --account casino --api-version v3'],
  ])('%s', (id, flags) => {
    expect(exampleFor(id)).toBe(`e.g. balance-inspector config init ${flags}`);
  });

  it("no provider or an unknown one shows Flow's example", () => {
    const flow = 'e.g. balance-inspector config init --provider flow-payments --account flow-main --key-env FLOW_API_KEY';
    expect(exampleFor(undefined)).toBe(flow);
    expect(exampleFor('flowpay')).toBe(flow);
  });
});

describe("documented withdrawal limits, from the provider's info", () => {
  const usd = (id: ProviderId) => balance({ account: id, provider: id, currency: 'USD', providerCurrency: 'USD', available: '100.00' });
  const btc = (id: ProviderId) => balance({ account: id, provider: id, currency: 'BTC', network: 'bitcoin', providerCurrency: 'BTC', available: '1' });

  it("Bachs follows SyncPay's table: USD 10 from the docs; a currency outside it is unknown", () => {
    for (const id of ['syncpay', 'bachs'] as const) {
      const known = minimumFor(usd(id), undefined, undefined, provider(id));
      expect([known.minimum?.toString(), known.source, known.unknown], id).toEqual(['10', 'provider-docs', null]);
      const zar = balance({ account: id, provider: id, currency: 'ZAR', providerCurrency: 'ZAR', available: '100.00' });
      expect(minimumFor(zar, undefined, undefined, provider(id)).unknown, id).toBe(
        `unknown minimum: ${PROVIDERS[id].displayName} publishes no minimum for ZAR; set minimums.${id}.ZAR in the config`,
      );
    }
  });

  it('a provider documenting no minimum has none to check', () => {
    for (const id of ['flow-payments', 'swipelux'] as const) {
      expect(minimumFor(usd(id), undefined, undefined, provider(id)), id).toMatchObject({ minimum: null, source: 'none', unknown: null, blocker: null });
    }
  });

  it('the documented crypto cap (SyncPay, Bachs: 8) bounds the decimals; others use the common value', () => {
    const eth = (id: ProviderId) => balance({ account: id, provider: id, currency: 'ETH', network: 'ethereum', providerCurrency: 'ETH', available: '1' });
    expect(allowedDecimals(eth('syncpay'), provider('syncpay'))).toBe(8);
    expect(allowedDecimals(eth('bachs'), provider('bachs'))).toBe(8);
    expect(allowedDecimals(eth('swipelux'), provider('swipelux'))).toBe(18);
    expect(allowedDecimals(btc('bachs'), provider('bachs'))).toBe(8);
  });

  it("the generic logic takes any provider's table, so a new provider needs no change in core", () => {
    const facts = { name: 'Newpay', withdrawals: { documentedMinimums: { USD: '25' }, maxCryptoDecimals: 4 } };
    expect(minimumFor(usd('syncpay'), undefined, undefined, facts).minimum?.toString()).toBe('25');
    expect(allowedDecimals(btc('syncpay'), facts)).toBe(4);
  });
});
