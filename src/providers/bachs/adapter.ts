// Bachs (SyncPay's current API): GET {host}/v1/accounts/balances, Authorization: Bearer sk_…
// @see https://docs.bachs.io (OpenAPI operation getBalances)
//
// Trimmed sample (OpenAPI example):
//   {"account_id": "org_2bdb…", "balances": [{"currency": "NGN", "available_balance": "58700.00",
//    "pending_balance": "0.00"}], "total_balance_usd": "95221.29", "pending_settlements_by_day": []}
// No `success` field; errors are flat {detail, error_code, errors?[]} (errors.ts reads both forms).
import { callJson } from '../kit/request.js';
import { obj } from '../kit/shape.js';
import type { ProviderAdapter } from '../kit/adapter.js';
import { syncpayFamilyErrorDetail } from './errors.js';
import { bachsTarget } from './hosts.js';
import { BACHS_INFO } from './info.js';
import { parseAccountBalances } from './payload.js';

export const bachs: ProviderAdapter = {
  info: BACHS_INFO,

  errorDetail: syncpayFamilyErrorDetail,

  async fetchBalances(ctx) {
    const target = bachsTarget(ctx);
    const body = await callJson(
      this,
      { ...ctx, baseUrl: target.baseUrl },
      {
        method: 'GET',
        path: '/v1/accounts/balances',
        headers: { authorization: `Bearer ${ctx.account.credentials.apiKey}` },
      },
    );
    return parseAccountBalances(ctx, obj(body, '$'), target.mode);
  },
};
