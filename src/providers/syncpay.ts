// SyncPay: GET {base}/api/v1/accounts/balances, Bearer sk_test_…/sk_live_… (the prefix is the mode).
// @see https://docs.usesyncpay.com/syncpay-api-documentation/get-account-balances
//
// Trimmed sample (docs):
//   {"success": true, "account_id": "org_abc123",
//    "balances": [{"currency": "USD", "available_balance": "1250.50", "pending_balance": "125.00"},
//                 {"currency": "USDT_TRC20", "available_balance": "500.00", "pending_balance": "50.00"}],
//    "total_balance_usd": "2847.25"}
// A currency with no balance may be listed with "0.00" or be absent; absent simply means no row.
// Errors: {"error": {"code": "UNAUTHORIZED", "message": "Invalid API key"}}.
import { makeBalance } from '../core/balance.js';
import { canonicalCurrency } from '../core/currencies.js';
import { BadResponseError } from '../core/errors.js';
import { PROVIDERS } from './catalog.js';
import { callJson, modeFromKeyPrefix, whoLabel } from './request.js';
import { amount, arr, isObject, obj, optAmount, str, scaleOf } from './shape.js';
import type { ProviderAdapter, ReportedTotal } from './types.js';

export const syncpay: ProviderAdapter = {
  info: PROVIDERS.syncpay,

  errorDetail(body) {
    if (!isObject(body)) return {};
    const error = isObject(body.error) ? body.error : body;
    return {
      code: typeof error.code === 'string' ? error.code : undefined,
      message: typeof error.message === 'string' ? error.message : undefined,
    };
  },

  async fetchBalances(ctx) {
    const body = obj(
      await callJson(this, ctx, {
        method: 'GET',
        path: '/api/v1/accounts/balances',
        headers: { authorization: `Bearer ${ctx.account.credentials.apiKey}` },
      }),
      '$',
    );
    if (body.success === false) {
      const detail = this.errorDetail(body);
      throw new BadResponseError(`${whoLabel(ctx)} answered success: false (${detail.code ?? ''} ${detail.message ?? 'no message'})`.replace('( ', '('));
    }
    const mode = modeFromKeyPrefix(ctx, 'sk_test_', 'sk_live_');
    const balances = arr(body.balances, '$.balances').map((row, i) => {
      const path = `$.balances[${i}]`;
      const item = obj(row, path);
      const code = str(item.currency, `${path}.currency`);
      const available = amount(item.available_balance, `${path}.available_balance`);
      const pending = amount(item.pending_balance, `${path}.pending_balance`);
      const { currency, network } = canonicalCurrency(code);
      return makeBalance({
        account: ctx.account.name,
        provider: ctx.info.id,
        mode,
        currency,
        network,
        providerCurrency: code,
        available: available.value,
        pending: pending.value,
        fields: { available: 'available_balance', pending: 'pending_balance' },
        scale: scaleOf(available, pending),
        raw: row,
      });
    });
    const reportedUsd = optAmount(body.total_balance_usd, '$.total_balance_usd');
    const reported: ReportedTotal[] = reportedUsd
      ? [{ account: ctx.account.name, provider: ctx.info.id, scope: 'account', scopeId: null, currency: 'USD', amount: reportedUsd.value, wallets: null }]
      : [];
    return { balances, reported, errors: [], notices: [] };
  },
};
