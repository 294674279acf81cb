// Withdrawal limits for `can-withdraw`: GET /withdrawal/available-currencies/
// @see https://cryptofuse-docs.pages.dev/pl/api-reference/withdrawals/available-currencies
//   {"currencies": [{"currency": "USDTTRC20", "name": "Tether USD (TRC20)", "blockchain": "TRX",
//     "token": "USDT", "balance": "400.00", "min_withdrawal": "10.00", "max_withdrawal": "400.00"}], "total": 1}
// Only currencies with a positive balance and withdrawals enabled are listed, and max_withdrawal
// is capped at that balance. The docs call the endpoint OAuth-only; we send whatever credential
// the account has and let the provider decide (a refusal becomes the usual one-line error).
// A currency missing from the list means "not withdrawable", so the list must be whole: read
// through the kit's paginator (one page), a `total` it falls short of or a currency named twice
// makes the rules unreadable (can-withdraw then answers unknown), never a no.
import { canonicalCurrency } from '../../core/currencies.js';
import { readList } from '../kit/paginator.js';
import { arr, obj, optAmount, optStr, str } from '../kit/shape.js';
import type { AdapterContext, ProviderAdapter, WithdrawalRule } from '../kit/adapter.js';
import { authedCall } from './auth.js';

export async function withdrawalRules(adapter: ProviderAdapter, ctx: AdapterContext): Promise<WithdrawalRule[]> {
  const listing = await readList(ctx, {
    what: 'the withdrawal currency list',
    paging: 'single',
    hint: `set minimums.${ctx.account.name} in the config to decide without it`,
    fetch: () => authedCall(adapter, ctx, { method: 'GET', path: '/withdrawal/available-currencies/', resource: 'the withdrawal currency list' }),
    rows: (body) => ({ rows: arr(obj(body, '$').currencies, '$.currencies'), path: '$.currencies' }),
    idOf: (row, at) => str(obj(row, at).currency, `${at}.currency`),
  });
  if (listing.error) throw listing.error;
  return listing.entries.map(({ row, path }): WithdrawalRule => {
    const item = obj(row, path);
    const code = str(item.currency, `${path}.currency`);
    return {
      providerCurrency: code,
      ...canonicalCurrency(code, optStr(item.blockchain, `${path}.blockchain`)),
      minimum: optAmount(item.min_withdrawal, `${path}.min_withdrawal`)?.value ?? null,
      maximum: optAmount(item.max_withdrawal, `${path}.max_withdrawal`)?.value ?? null,
    };
  });
}
