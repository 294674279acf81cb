// A small fake of "Ledgerly", a wallet API this tool does not ship (examples/providers/ledgerly.yaml
// declares it): OAuth 2.0 client credentials at POST /oauth/token, GET /v2/wallets paged by cursor,
// amounts as whole numbers of minor units with their decimals beside them. Loopback only; tests
// change its wallets, page size or whole answers between requests.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const LEDGERLY_CLIENT = { id: 'lgr_test_client_000000000001', secret: 'lgr-secret-0000000000000000000001' };
export const LEDGERLY_TOKEN = 'lgr-access-token-000000000000000000001';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FakeAnswer {
  status: number;
  /** JSON text, served as written (exact numbers). */
  body: string;
  headers?: Record<string, string>;
}

export interface LedgerlyFake {
  url: string;
  requests: FakeRequest[];
  /** The wallets served, in order; each `balances` row's amounts are JSON text (numbers or strings). */
  wallets: Array<{ id: string; label: string; balances: string[] }>;
  /** Answer a request before the fake does (return null to let it answer). */
  override: ((req: FakeRequest) => FakeAnswer | null) | null;
  tokensIssued: number;
  close(): Promise<void>;
}

const row = (asset: string, chain: string | null, available: string, pending: string, decimals: number) =>
  `{"asset": "${asset}", "chain": ${chain === null ? 'null' : `"${chain}"`}, "available": ${available}, "pending": ${pending}, "decimals": ${decimals}, "updated_at": "2026-11-21T09:58:00Z"}`;

/** Three wallets, so the default page size (2 here) gives two pages. */
export function defaultWallets(): LedgerlyFake['wallets'] {
  return [
    { id: 'wal_ops', label: 'Operations', balances: [row('USDT', 'tron', '1250500000', '"2000000"', 6), row('USD', null, '"990050"', '0', 2)] },
    { id: 'wal_payouts', label: 'Payouts', balances: [row('USDC', 'ethereum', '"123456789012345678901234"', '0', 18)] },
    { id: 'wal_cold', label: 'Cold storage', balances: [row('BTC', 'bitcoin', '5000000000', '0', 8)] },
  ];
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
  });
}

export async function startLedgerlyFake(options: { pageSize?: number } = {}): Promise<LedgerlyFake> {
  const fake: LedgerlyFake = { url: '', requests: [], wallets: defaultWallets(), override: null, tokensIssued: 0, close: () => Promise.resolve() };
  const answer = (req: FakeRequest): FakeAnswer => {
    const custom = fake.override?.(req);
    if (custom) return custom;
    if (req.path === '/oauth/token') return token(req);
    if (req.path !== '/v2/wallets') return { status: 404, body: '{"error": {"code": "not_found", "message": "No such route"}}' };
    if (req.headers.authorization !== `Bearer ${LEDGERLY_TOKEN}`)
      return { status: 401, body: '{"error": {"code": "invalid_token", "message": "The access token is invalid"}}' };
    const limit = Math.min(Number(req.query.get('limit') ?? 50), options.pageSize ?? 2);
    const start = Number((req.query.get('cursor') ?? 'c0').slice(1));
    const page = fake.wallets.slice(start, start + limit);
    const more = start + limit < fake.wallets.length;
    const data = page.map((w) => `{"id": "${w.id}", "label": "${w.label}", "balances": [${w.balances.join(', ')}]}`);
    return { status: 200, body: `{"data": [${data.join(', ')}], "has_more": ${more}, "next_cursor": ${more ? `"c${start + limit}"` : 'null'}}` };
  };
  const token = (req: FakeRequest): FakeAnswer => {
    const basic = `Basic ${Buffer.from(`${LEDGERLY_CLIENT.id}:${LEDGERLY_CLIENT.secret}`).toString('base64')}`;
    const form = new URLSearchParams(req.body);
    if (req.method !== 'POST' || req.headers.authorization !== basic)
      return { status: 401, body: '{"error": {"code": "invalid_client", "message": "Client authentication failed"}}' };
    if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'balances:read')
      return { status: 400, body: '{"error": {"code": "invalid_request", "message": "bad grant"}}' };
    fake.tokensIssued++;
    return { status: 200, body: `{"access_token": "${LEDGERLY_TOKEN}", "token_type": "Bearer", "expires_in": 3600}` };
  };
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      fake.requests.push(request);
      const { status, body: text, headers } = answer(request);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
