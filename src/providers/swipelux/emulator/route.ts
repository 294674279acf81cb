// Swipelux emulator: GET /v1/wallets/{walletId}/balance and GET /v1/customers/{customerId}/balances
// with the docs' example data, X-API-Key auth and problem+json errors (the v3 error format; v1
// bodies are undocumented). Also serves what tests need to reach: the legacy guide's
// `{"balance": 48.5}` for `cus_legacy`, and a 403 "missing required permission" for a key that
// lacks balances:read. No rate limit is documented, so none is enforced unless a test asks for one.
// The customer list, customer-scoped v1 wallets and v3 customers/accounts are in routes.ts.
import type { Mount, MountResponse } from '../../kit/mount.js';
import { swipeluxExtraFixtures, type SwipeluxExtraState } from './data.js';
import { swipeluxRoutes } from './routes.js';

/** A valid sandbox key without the balances:read permission: every balance read gets a 403. */
export const SWIPELUX_RESTRICTED_KEY = 'sk.sbx.nobalancesread0000000001';

export interface SwipeluxState extends SwipeluxExtraState {
  /** Wallet balance bodies by wallet id, served as JSON. */
  wallets: Map<string, unknown>;
  /** Customer balance bodies by customer id: an object (JSON) or raw JSON text (exact numbers). */
  customers: Map<string, unknown>;
  /** Keys that authenticate but lack balances:read. */
  restrictedKeys: Set<string>;
}

function problem(status: number, code: string, title: string, detail: string): MountResponse {
  return {
    status,
    contentType: 'application/problem+json',
    body: {
      type: `https://docs.swipelux.com/errors/${code.replaceAll('_', '-')}`,
      title,
      status,
      code,
      detail,
      correlationId: `01JSANDBOX${status}`,
      retryable: status === 429 || status >= 500,
    },
  };
}

function defaultState(): SwipeluxState {
  return {
    ...swipeluxExtraFixtures(),
    wallets: new Map([
      [
        'wal_abc123',
        {
          walletId: 'wal_abc123',
          network: 'polygon',
          balances: [
            { currency: 'USDC', amount: '1250.50', decimals: 6 },
            { currency: 'USDT', amount: '0.00', decimals: 6 },
          ],
          lastUpdated: '2024-01-15T10:30:00Z',
        },
      ],
    ]),
    customers: new Map<string, unknown>([
      [
        'cus_abc123',
        {
          customerId: 'cus_abc123',
          totalBalance: { amount: '2500.75', currency: 'USD' },
          wallets: [
            {
              walletId: 'wal_poly_001',
              network: 'polygon',
              address: '0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb',
              balances: [{ currency: 'USDC', amount: '1250.50' }],
            },
            {
              walletId: 'wal_eth_002',
              network: 'ethereum',
              address: '0x9876543210987654321098765432109876543210',
              balances: [{ currency: 'USDC', amount: '1250.25' }],
            },
          ],
        },
      ],
      // The "wallet-infrastructure" guide's body: a JSON number, so it is kept as text.
      ['cus_legacy', '{"balance": 48.5}'],
    ]),
    restrictedKeys: new Set([SWIPELUX_RESTRICTED_KEY]),
  };
}

const WALLET_PATH = /^\/v1\/wallets\/([^/]+)\/balance$/;
const CUSTOMER_PATH = /^\/v1\/customers\/([^/]+)\/balances$/;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function swipeluxMount(keys: Set<string>): { mount: Mount; state: SwipeluxState } {
  const state = defaultState();
  const notFound = () => problem(404, 'not_found', 'Not found', 'No route matches the request.');
  const routes = swipeluxRoutes(state, problem);
  const mount: Mount = {
    credentialOf: (headers) => headers['x-api-key'] || null,
    // Not documented; the problem+json form and Retry-After are the sandbox's assumption.
    rateLimited: (retryAfter) => ({
      ...problem(429, 'rate_limited', 'Too many requests', 'Rate limit exceeded.'),
      headers: { 'retry-after': String(retryAfter) },
    }),
    notFound,
    handle(req) {
      const wallet = WALLET_PATH.exec(req.path);
      const customer = CUSTOMER_PATH.exec(req.path);
      const segment = wallet?.[1] ?? customer?.[1];
      if (segment === undefined && !/^\/v[13]\/customers(\/|$)/.test(req.path)) return null;
      if (req.method !== 'GET') return problem(405, 'method_not_allowed', 'Method not allowed', `${req.method} is not supported here.`);
      const key = req.headers['x-api-key'];
      if (key && state.restrictedKeys.has(key)) {
        return problem(403, 'forbidden', 'Forbidden', 'API key is missing required permission: balances:read');
      }
      if (!key || !keys.has(key)) return problem(401, 'unauthorized', 'Unauthorized', 'The request is missing a valid API key.');
      if (segment === undefined) return routes(req);
      const id = decoded(segment);
      const body = id === null ? undefined : wallet ? state.wallets.get(id) : state.customers.get(id);
      if (body !== undefined) return { status: 200, body };
      return wallet
        ? problem(404, 'not_found', 'Wallet not found', 'The wallet does not exist in the current API-key environment.')
        : problem(404, 'customer_not_found', 'Customer not found', 'The customer does not exist in the current API-key environment.');
    },
  };
  return { mount, state };
}
