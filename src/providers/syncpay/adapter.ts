// SyncPay: GET {base}/api/v1/accounts/balances, Bearer sk_test_…/sk_live_… (the prefix is the mode).
// @see https://docs.usesyncpay.com/syncpay-api-documentation/get-account-balances
//
// Trimmed sample (docs):
//   {"success": true, "account_id": "org_abc123",
//    "balances": [{"currency": "USD", "available_balance": "1250.50", "pending_balance": "125.00"},
//                 {"currency": "USDT_TRC20", "available_balance": "500.00", "pending_balance": "50.00"}],
//    "total_balance_usd": "2847.25"}
// A currency with no balance may be listed with "0.00" or be absent; absent simply means no row.
// Errors: {"error": {"code": "UNAUTHORIZED", "message": "Invalid API key"}} (or Bachs' flat form).
// SyncPay's product is now Bachs (provider `bachs`): a host that no longer resolves or a route that
// is gone says so in its hint.
import { BadResponseError, isBalanceError, RefusedError, UnavailableError, type BalanceError } from '../../core/errors.js';
import { syncpayFamilyErrorDetail } from '../bachs/errors.js';
import { parseAccountBalances } from '../bachs/payload.js';
import { SYNCPAY_INFO } from './info.js';
import { setupMode } from '../account-mode.js';
import { callJson, whoLabel } from '../kit/request.js';
import { obj } from '../kit/shape.js';
import type { AdapterContext, ProviderAdapter } from '../kit/adapter.js';

/** The failures a retired SyncPay host or route gives: DNS cannot find it, or 404. */
function movedToBachs(error: unknown): boolean {
  if (!isBalanceError(error)) return false;
  return error.code === 'NOT_FOUND' || (error.code === 'UNREACHABLE' && /host not found|DNS lookup failed/.test(error.message));
}

/** The same failure (message, code, exit code), with the hint that SyncPay now answers as Bachs. */
function withBachsHint(error: BalanceError, ctx: AdapterContext): BalanceError {
  const hint = `SyncPay is now Bachs: set accounts.${ctx.account.name}.provider: bachs (its keys start with sk_sandbox_ or sk_live_)`;
  const opts = { code: error.code, hint, cause: error };
  return error.code === 'NOT_FOUND' ? new RefusedError(error.message, opts) : new UnavailableError(error.message, opts);
}

export const syncpay: ProviderAdapter = {
  info: SYNCPAY_INFO,

  errorDetail: syncpayFamilyErrorDetail,

  async fetchBalances(ctx) {
    let raw: unknown;
    try {
      raw = await callJson(this, ctx, {
        method: 'GET',
        path: '/api/v1/accounts/balances',
        headers: { authorization: `Bearer ${ctx.account.credentials.apiKey}` },
      });
    } catch (error) {
      throw movedToBachs(error) ? withBachsHint(error as BalanceError, ctx) : error;
    }
    const body = obj(raw, '$');
    if (body.success === false) {
      const detail = this.errorDetail(body);
      throw new BadResponseError(`${whoLabel(ctx)} answered success: false (${detail.code ?? ''} ${detail.message ?? 'no message'})`.replace('( ', '('));
    }
    return parseAccountBalances(ctx, body, setupMode(ctx.account, ctx.info));
  },
};
