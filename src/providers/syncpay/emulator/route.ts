// SyncPay emulator: GET /api/v1/accounts/balances with the docs' example body; sk_test_/sk_live_
// keys; {"error": {"code", "message"}} bodies. No numeric rate limit is documented, so none is
// enforced unless a test asks for one.
import { Decimal, formatDecimal } from '../../../core/money.js';
import { bearer, type Mount, type ScenarioTarget } from '../../kit/mount.js';

export interface SyncpayState {
  balances: Array<{ currency: string; available_balance: string; pending_balance: string }>;
  totalBalanceUsd: string;
}

const BALANCES = '/api/v1/accounts/balances';
const error = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

export function syncpayMount(keys: Set<string>): { mount: Mount; state: SyncpayState } {
  const state: SyncpayState = {
    balances: [
      { currency: 'USD', available_balance: '1250.50', pending_balance: '125.00' },
      { currency: 'NGN', available_balance: '450000.00', pending_balance: '75000.00' },
      { currency: 'GHS', available_balance: '5600.00', pending_balance: '0.00' },
      { currency: 'USDT_TRC20', available_balance: '500.00', pending_balance: '50.00' },
    ],
    totalBalanceUsd: '2847.25',
  };
  const mount: Mount = {
    scenario: scenarioTarget(state),
    credentialOf: bearer,
    rateLimited: (retryAfter) => ({ ...error(429, 'RATE_LIMITED', 'Too many requests'), headers: { 'retry-after': String(retryAfter) } }),
    notFound: () => error(404, 'NOT_FOUND', 'Route not found'),
    handle(req) {
      if (req.path !== BALANCES) return null;
      const key = bearer(req.headers);
      if (!key || !keys.has(key)) return error(401, 'UNAUTHORIZED', 'Invalid API key');
      return {
        status: 200,
        body: { success: true, account_id: 'org_abc123', balances: state.balances, total_balance_usd: state.totalBalanceUsd },
      };
    },
  };
  return { mount, state };
}

/**
 * Scenarios move the dollar balances (USD, and USDT counted at 1.00), so total_balance_usd moves
 * by the same amount and `total` still reconciles.
 */
function scenarioTarget(state: SyncpayState): ScenarioTarget {
  const row = (currency: string) => state.balances.find((b) => b.currency === currency);
  return {
    balancesPath: BALANCES,
    depositCurrency: 'USDT_TRC20',
    dollarCurrency: 'USD',
    amounts(currency) {
      const b = row(currency);
      return b ? { available: b.available_balance, pending: b.pending_balance } : null;
    },
    setAmounts(currency, available, pending) {
      const b = row(currency);
      if (!b) return;
      const change = new Decimal(available).plus(pending).minus(b.available_balance).minus(b.pending_balance);
      b.available_balance = available;
      b.pending_balance = pending;
      state.totalBalanceUsd = formatDecimal(new Decimal(state.totalBalanceUsd).plus(change), 2);
    },
  };
}
