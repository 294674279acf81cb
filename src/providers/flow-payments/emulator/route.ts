// Flow Payments emulator: GET /api/balances with the docs' example body (the zero BTC row as JSON
// numbers, the ETH row as strings), Laravel-style errors, 30 requests/minute per token.
import { bearer, type Mount } from '../../kit/mount.js';

export interface FlowAssetRow {
  asset: Record<string, unknown>;
  /** Raw JSON text of the amount, so numbers and strings are served exactly as the docs show. */
  balanceJson: string;
  usdValueJson: string;
}

export interface FlowState {
  rows: FlowAssetRow[];
}

export function flowPaymentsMount(keys: Set<string>): { mount: Mount; state: FlowState } {
  const state: FlowState = {
    rows: [
      {
        asset: {
          id: 1,
          name: 'Bitcoin',
          symbol: 'BTC',
          chain: 'bitcoin',
          type: 'native',
          decimals: 8,
          usd_rate: '93037.28254643',
          network_fee: '0',
          min_confirmations: 1,
        },
        balanceJson: '0',
        usdValueJson: '0',
      },
      {
        asset: {
          id: 2,
          name: 'Ethereum',
          symbol: 'ETH',
          chain: 'ethereum',
          type: 'native',
          decimals: 18,
          usd_rate: '3125.16675365',
          network_fee: '0.000000042162288',
          min_confirmations: 5,
        },
        balanceJson: '"0.000090074983482468"',
        usdValueJson: '"0.28"',
      },
    ],
  };
  const mount: Mount = {
    rateLimit: { requests: 30, windowMs: 60_000 },
    credentialOf: bearer,
    rateLimited: (retryAfter, limit) => ({
      status: 429,
      body: { message: 'Too Many Attempts.' },
      headers: { 'retry-after': String(retryAfter), 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0' },
    }),
    notFound: () => ({ status: 404, body: { message: 'Not Found.' } }),
    handle(req) {
      if (req.path !== '/api/balances') return null;
      if (req.method !== 'GET') return { status: 405, body: { message: 'The method is not supported for this route.' } };
      const token = bearer(req.headers);
      if (!token || !keys.has(token)) return { status: 401, body: { message: 'Unauthenticated.' } };
      const items = state.rows.map((row) => `{"asset": ${JSON.stringify(row.asset)}, "balance": ${row.balanceJson}, "usd_value": ${row.usdValueJson}}`);
      return { status: 200, body: `{"data": [${items.join(', ')}]}` };
    },
  };
  return { mount, state };
}
