// Flow Payments: GET {base}/balances, Bearer token, one call for the whole merchant.
// @see https://flow-payments-docs.pages.dev/api-reference/balances
//
// Trimmed sample (docs): note the zero row uses JSON numbers, the others strings.
//   {"data": [{"asset": {"symbol": "BTC", "chain": "bitcoin", "decimals": 8, "usd_rate": "93037.28254643",
//              "network_fee": "0", "min_confirmations": 1}, "balance": 0, "usd_value": 0},
//             {"asset": {"symbol": "ETH", "chain": "ethereum", "decimals": 18, "usd_rate": "3125.16675365",
//              "network_fee": "0.000000042162288"}, "balance": "0.000090074983482468", "usd_value": "0.28"}]}
//
// Only confirmed funds are counted and no pending figure exists, so available = total = balance
// and pending is null (unknown, not zero).
import { makeBalance, type Balance } from '../../core/balance.js';
import { canonicalCurrency } from '../../core/currencies.js';
import { FLOW_PAYMENTS_INFO } from './info.js';
import { setupMode } from '../account-mode.js';
import { readList } from '../kit/paginator.js';
import { callJson } from '../kit/request.js';
import { amount, arr, isObject, obj, optAmount, optInt, optStr, str } from '../kit/shape.js';
import type { ProviderAdapter } from '../kit/adapter.js';

export const flowPayments: ProviderAdapter = {
  info: FLOW_PAYMENTS_INFO,

  // Laravel style: {"message": "Unauthenticated."} or {"message": "...", "errors": {"field": ["..."]}}
  errorDetail(body) {
    if (!isObject(body)) return {};
    const message = typeof body.message === 'string' ? body.message : undefined;
    const firstFieldError = isObject(body.errors)
      ? Object.values(body.errors)
          .flat()
          .find((e) => typeof e === 'string')
      : undefined;
    return { message: [message, firstFieldError].filter(Boolean).join(' ') || undefined };
  },

  async fetchBalances(ctx) {
    // One page, as documented; through the kit's paginator so that a page saying more follow
    // (Laravel's links.next or meta.total, say) is LIST_INCOMPLETE instead of a silent cut.
    const listing = await readList(ctx, {
      what: 'the balance list',
      paging: 'single',
      hint: 'the provider may have started paging its balances; --debug shows the response',
      fetch: () =>
        callJson(this, ctx, {
          method: 'GET',
          path: '/balances',
          headers: { authorization: `Bearer ${ctx.account.credentials.apiKey}`, 'content-type': 'application/json' },
        }),
      rows: (body) => ({ rows: arr(obj(body, '$').data, '$.data'), path: '$.data' }),
    });
    const mode = setupMode(ctx.account, ctx.info);
    const balances: Balance[] = listing.entries.map(({ row, path }) => {
      const item = obj(row, path);
      const asset = obj(item.asset, `${path}.asset`);
      const symbol = str(asset.symbol, `${path}.asset.symbol`);
      const balance = amount(item.balance, `${path}.balance`);
      const { currency, network } = canonicalCurrency(symbol, optStr(asset.chain, `${path}.asset.chain`));
      return makeBalance({
        account: ctx.account.name,
        provider: ctx.info.id,
        mode,
        currency,
        network,
        providerCurrency: symbol,
        available: balance.value,
        total: balance.value,
        pending: null,
        usdValue: optAmount(item.usd_value, `${path}.usd_value`)?.value ?? null,
        usdRate: optAmount(asset.usd_rate, `${path}.asset.usd_rate`)?.value ?? null,
        networkFee: optAmount(asset.network_fee, `${path}.asset.network_fee`)?.value ?? null,
        assetDecimals: optInt(asset.decimals, `${path}.asset.decimals`),
        fields: { available: 'balance', total: 'balance', networkFee: 'network_fee' },
        scale: balance.scale,
        raw: row,
      });
    });
    return { balances, reported: [], errors: listing.error ? [listing.error] : [], notices: [] };
  },
};
