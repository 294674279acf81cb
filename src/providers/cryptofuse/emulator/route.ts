// Cryptofuse emulator: the three balance shapes (v1 GET /wallets/balances, v2 POST /wallets/balance,
// v3 POST /wallets/balances/), the wallet list, the OAuth token endpoint and withdrawal currencies.
// Auth is `X-API-Key` or a Bearer token from POST /o/token/ (client id/secret as Basic auth or in
// the form body, as the two docs pages show). 100 requests/minute per credential (v0.9 docs), with
// the documented error codes in {"error": {"code", "message"}} bodies and DRF {"detail": …} for
// requests without credentials.
import { randomBytes } from 'node:crypto';
import { stringify } from 'lossless-json';
import { cryptofuseFixtures, type CryptofuseState } from './data.js';
import { CRYPTOFUSE_INFO } from '../info.js';
import { bearer, type Mount, type MountRequest, type MountResponse } from '../../kit/mount.js';

const SANDBOX = CRYPTOFUSE_INFO.sandboxCredentials;

export type { CryptofuseState } from './data.js';

const reply = (status: number, body: unknown, headers?: Record<string, string>): MountResponse => ({
  status,
  body: stringify(body) ?? '',
  ...(headers ? { headers } : {}),
});
const error = (status: number, code: string, message: string) => reply(status, { error: { code, message } });
const AUTH_FAILED = () => error(401, 'authentication_failed', 'Authentication failed. Check your API key or OAuth 2.0 access token');
const WALLET_NOT_FOUND = () => error(404, 'wallet_not_found', 'Wallet with the specified ID was not found');

function basic(headers: Record<string, string>): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return null;
  const [id = '', ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return { id, secret: rest.join(':') };
}

function jsonBody(req: MountRequest): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(req.body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isZero = (value: unknown) => /^-?0+(\.0+)?$/.test(String(value));

export function cryptofuseMount(keys: Set<string>): { mount: Mount; state: CryptofuseState } {
  const state: CryptofuseState = {
    ...cryptofuseFixtures(),
    clients: new Map([[SANDBOX.clientId ?? '', SANDBOX.clientSecret ?? '']]),
    tokens: new Map(),
  };
  const known = (id: unknown) => state.wallets.find((w) => w.id === id);

  function authFailure(req: MountRequest): MountResponse | null {
    const apiKey = req.headers['x-api-key'];
    if (apiKey) return keys.has(apiKey) ? null : AUTH_FAILED();
    const token = bearer(req.headers);
    if (token) return (state.tokens.get(token) ?? 0) > Date.now() ? null : AUTH_FAILED();
    return reply(401, { detail: 'Not authenticated' });
  }

  function issueToken(req: MountRequest): MountResponse {
    const form = new URLSearchParams(req.body);
    const client = basic(req.headers) ?? { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
    if (!client.id || state.clients.get(client.id) !== client.secret) return reply(401, { error: 'invalid_client' });
    if (form.get('grant_type') !== 'client_credentials') return reply(400, { error: 'unsupported_grant_type' });
    const token = `cfsbx_${randomBytes(20).toString('hex')}`;
    state.tokens.set(token, Date.now() + state.tokenLifetimeSeconds * 1000);
    return reply(200, { access_token: token, token_type: 'Bearer', expires_in: state.tokenLifetimeSeconds, scope: form.get('scope') ?? 'read write' });
  }

  function v1(req: MountRequest): MountResponse {
    const id = req.query.get('wallet_id');
    if (!id) return error(400, 'bad_request', 'Missing or invalid wallet ID');
    const wallet = known(id);
    if (!wallet) return error(404, 'not_found', 'Wallet ID not found');
    const data = state.v1[id] ?? { name: wallet.name, balances: [] };
    return reply(200, { result: { id, name: data.name, balances: data.balances } });
  }

  function v2(req: MountRequest): MountResponse {
    const body = jsonBody(req);
    if (typeof body?.wallet_id !== 'string') return error(400, 'invalid_request', 'wallet_id is required');
    const wallet = known(body.wallet_id);
    if (!wallet) return WALLET_NOT_FOUND();
    const data = state.v2[wallet.id];
    const entries = Object.entries(data?.balances ?? {}).filter(
      ([code, b]) =>
        (body.currency === undefined || (typeof body.currency === 'string' && code === body.currency.toLowerCase())) &&
        // Zero balances are left out unless asked for (the documented default).
        (body.include_zero_balances === true || !(isZero(b.available) && isZero(b.pending) && isZero(b.total))),
    );
    return reply(200, {
      wallet_id: wallet.id,
      wallet_name: data?.name ?? wallet.name,
      balances: Object.fromEntries(entries),
      total_usd_value: data?.totalUsd ?? '0',
      last_updated: data?.lastUpdated ?? wallet.created_at,
    });
  }

  function v3(req: MountRequest): MountResponse {
    const body = jsonBody(req);
    const byId = typeof body?.wallet_id === 'string' ? body.wallet_id : null;
    const byExternal = typeof body?.external_id === 'string' ? body.external_id : null;
    if (!byId && !byExternal) return error(400, 'invalid_request', 'One of wallet_id or external_id is required');
    // wallet_id wins when both are sent (docs).
    const id = byId ?? Object.values(state.v3).find((a) => a.account.external_id === byExternal)?.account.id;
    const wallet = known(id);
    if (!wallet) return WALLET_NOT_FOUND();
    const data = state.v3[wallet.id] ?? { account: { id: wallet.id, name: wallet.name, external_id: '', wallet_id: '' }, balances: [] };
    return reply(200, data);
  }

  function list(req: MountRequest): MountResponse {
    if (state.listPath !== 'both' && req.path !== state.listPath) {
      if (state.otherListPath === 404) return reply(404, { detail: 'Not found.' });
      const query = req.query.toString();
      return { status: 301, body: '', headers: { location: `${req.prefix}${state.listPath}${query ? `?${query}` : ''}` } };
    }
    const limit = Math.min(state.maxPageSize, Math.max(1, Number(req.query.get('limit') ?? 10) || 10));
    const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
    const wallets = state.wallets.slice(offset, offset + limit);
    if (state.listShape === 'array') return reply(200, wallets);
    if (state.listShape === 'accounts') {
      // The newer page: each wallet with its (v3) account fields and balances embedded.
      const accounts = wallets.map((w) => {
        const v3 = state.v3[w.id];
        return { ...(v3?.account ?? { id: w.id, name: w.name }), created: w.created_at, updated: w.created_at, balances: v3?.balances ?? [] };
      });
      return reply(200, { accounts, total: state.wallets.length });
    }
    return reply(200, { result: { wallets, total: state.wallets.length, limit, offset } });
  }

  const routes: Record<string, Record<string, (req: MountRequest) => MountResponse>> = {
    '/o/token/': { POST: issueToken },
    '/wallets/balances': { GET: v1 },
    '/wallets/balance': { POST: v2 },
    '/wallets/balances/': { POST: v3 },
    '/wallets': { GET: list },
    '/wallets/': { GET: list },
    '/withdrawal/available-currencies/': {
      GET: () => reply(200, { currencies: state.withdrawalCurrencies, total: state.withdrawalCurrencies.length }),
    },
  };

  const mount: Mount = {
    rateLimit: { requests: 100, windowMs: 60_000 },
    credentialOf: (headers) => headers['x-api-key'] || bearer(headers) || basic(headers)?.id || null,
    rateLimited: (retryAfter) => ({
      ...error(429, 'rate_limit_exceeded', 'You have exceeded the rate limit for this endpoint'),
      headers: { 'retry-after': String(retryAfter) },
    }),
    notFound: () => reply(404, { detail: 'Not found.' }),
    handle(req) {
      const route = routes[req.path];
      if (!route) return null;
      const handler = route[req.method];
      if (!handler) return reply(405, { detail: `Method "${req.method}" not allowed.` });
      if (req.path !== '/o/token/') {
        const denied = authFailure(req);
        if (denied) return denied;
      }
      return handler(req);
    },
  };
  return { mount, state };
}
