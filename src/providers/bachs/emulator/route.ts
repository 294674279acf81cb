// Bachs emulator: GET /v1/accounts/balances with the OpenAPI example's shape (no `success`,
// `pending_settlements_by_day`), Bearer sk_sandbox_…/sk_live_… keys, flat {detail, error_code}
// errors, and X-RateLimit-Limit/Remaining/Reset on every answer: 100 requests per minute per key
// (the 429 text), counted in fixed windows whose reset is sent as Unix seconds.
import { bearer, type Mount, type MountResponse } from '../../kit/mount.js';

export interface BachsState {
  accountId: string;
  balances: Array<{ currency: string; available_balance: string; pending_balance: string }>;
  totalBalanceUsd: string;
  pendingSettlementsByDay: unknown[];
  /** Requests per window the headers announce (and the sandbox enforces unless told not to). */
  limit: number;
  windowMs: number;
  /** Per key: when its current window started and how many requests it used. */
  windows: Map<string, { start: number; used: number }>;
}

const error = (status: number, code: string, detail: string): MountResponse => ({ status, body: { detail, error_code: code } });

export function bachsMount(keys: Set<string>): { mount: Mount; state: BachsState } {
  const state: BachsState = {
    accountId: 'org_2bdb10644eba4ec488b7e87405597e43',
    balances: [
      { currency: 'NGN', available_balance: '58700.00', pending_balance: '0.00' },
      { currency: 'USD', available_balance: '95178.20', pending_balance: '0.00' },
      { currency: 'USDT_TRC20', available_balance: '1200.50', pending_balance: '300.00' },
    ],
    totalBalanceUsd: '96716.86',
    pendingSettlementsByDay: [{ date: '2026-11-22', currency: 'USDT_TRC20', amount: '300.00' }],
    limit: 100,
    windowMs: 60_000,
    windows: new Map(),
  };

  /** Count the request against its key's window; the headers to send, and whether it is over. */
  function count(key: string, now = Date.now()): { headers: Record<string, string>; over: boolean; resetMs: number } {
    let window = state.windows.get(key);
    if (!window || now - window.start >= state.windowMs) {
      window = { start: now, used: 0 };
      state.windows.set(key, window);
    }
    window.used += 1;
    const reset = window.start + state.windowMs;
    return {
      over: window.used > state.limit,
      resetMs: reset - now,
      headers: {
        'x-ratelimit-limit': String(state.limit),
        'x-ratelimit-remaining': String(Math.max(0, state.limit - window.used)),
        'x-ratelimit-reset': String(Math.ceil(reset / 1000)),
      },
    };
  }

  const mount: Mount = {
    credentialOf: bearer,
    rateLimited: (retryAfter) => ({
      ...error(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded. Please retry after a few seconds.'),
      headers: { 'retry-after': String(retryAfter) },
    }),
    notFound: () => error(404, 'NOT_FOUND', 'Resource not found'),
    handle(req) {
      if (req.path !== '/v1/accounts/balances') return null;
      const key = bearer(req.headers);
      if (!key || !keys.has(key)) return error(401, 'UNAUTHORIZED', 'Invalid API key');
      const limit = count(key);
      if (limit.over) {
        const retryAfter = String(Math.max(1, Math.ceil(limit.resetMs / 1000)));
        return {
          ...error(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded. Please retry after a few seconds.'),
          headers: { ...limit.headers, 'retry-after': retryAfter },
        };
      }
      return {
        status: 200,
        headers: limit.headers,
        body: {
          account_id: state.accountId,
          balances: state.balances,
          total_balance_usd: state.totalBalanceUsd,
          pending_settlements_by_day: state.pendingSettlementsByDay,
        },
      };
    },
  };
  return { mount, state };
}
