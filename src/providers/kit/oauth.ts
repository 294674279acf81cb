// OAuth 2.0 client credentials, for every provider that takes them (Cryptofuse, declared
// providers with `auth: { type: oauth2 }`): one token request per client, shared by concurrent
// calls, kept in the run's memory (Runtime.tokens, never on disk) until shortly before it expires,
// registered with the redactor the moment it arrives. A 401 on a call made with a token from an
// earlier call drops it and retries once with a fresh one (the provider may have revoked it early).
//
// Token request: POST, form `grant_type=client_credentials[&scope=…]`, the client id and secret as
// HTTP Basic auth (RFC 6749 §2.3.1, which every server must accept) or, where a provider wants
// them, as client_id/client_secret in the form. Response: {"access_token": "…",
// "token_type": "Bearer", "expires_in": 3600}.
import { BadResponseError, BalanceError } from '../../core/errors.js';
import type { CachedToken } from '../../http/token-cache.js';
import type { AdapterContext, ProviderAdapter } from './adapter.js';
import { callJson, whoLabel, type CallSpec } from './request.js';
import { obj, optInt, optStr, str } from './shape.js';

/** Renew this long before the token expires, so a request never races the expiry. */
const EARLY_RENEWAL_MS = 60_000;
/** A token response without expires_in is used for this long (then fetched again). */
const DEFAULT_LIFETIME_S = 300;
export const OAUTH_KEYS = 'clientId/clientSecret';

export interface TokenEndpoint {
  /** The base URL the path is under, when the token endpoint has a host of its own; default the account's. */
  baseUrl?: string | undefined;
  path: string;
  scope: string | null;
  clientAuth: 'basic' | 'body';
}

function tokenKey(ctx: AdapterContext, endpoint: TokenEndpoint): string {
  return `${endpoint.baseUrl ?? ctx.baseUrl}${endpoint.path}\n${ctx.account.credentials.clientId ?? ''}`;
}

async function requestToken(adapter: ProviderAdapter, ctx: AdapterContext, endpoint: TokenEndpoint, entry: CachedToken): Promise<string> {
  const { clientId = '', clientSecret = '' } = ctx.account.credentials;
  const form: Record<string, string> = { grant_type: 'client_credentials', ...(endpoint.scope !== null ? { scope: endpoint.scope } : {}) };
  const headers: Record<string, string> = {};
  if (endpoint.clientAuth === 'basic') headers.authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
  else Object.assign(form, { client_id: clientId, client_secret: clientSecret });
  const body = obj(
    await callJson(adapter, ctx, {
      method: 'POST',
      ...(endpoint.baseUrl !== undefined ? { baseUrl: endpoint.baseUrl } : {}),
      path: endpoint.path,
      form,
      headers,
      resource: `the OAuth token endpoint ${endpoint.path}`,
      credentialKeys: OAUTH_KEYS,
      credentialName: 'the OAuth client credentials',
    }),
    '$',
  );
  const token = str(body.access_token, '$.access_token');
  ctx.http.runtime.redactor.registerObtained(token);
  const type = optStr(body.token_type, '$.token_type');
  if (type !== null && type.toLowerCase() !== 'bearer') {
    throw new BadResponseError(`${whoLabel(ctx)} issued a '${type.slice(0, 20)}' token; only Bearer tokens are supported`);
  }
  const lifetimeMs = (optInt(body.expires_in, '$.expires_in', 9) ?? DEFAULT_LIFETIME_S) * 1000;
  entry.renewAt = Date.now() + lifetimeMs - Math.min(EARLY_RENEWAL_MS, lifetimeMs / 2);
  return token;
}

/** The cached token for this client, or a new one; `cached` says whether it predates this call. */
async function accessToken(adapter: ProviderAdapter, ctx: AdapterContext, endpoint: TokenEndpoint): Promise<{ token: string; cached: boolean }> {
  const key = tokenKey(ctx, endpoint);
  const tokens = ctx.http.runtime.tokens;
  const current = tokens.get(key);
  if (current && (current.renewAt === null || Date.now() < current.renewAt)) {
    return { token: await current.promise, cached: true };
  }
  const entry: CachedToken = { promise: Promise.resolve(''), renewAt: null };
  entry.promise = requestToken(adapter, ctx, endpoint, entry);
  tokens.set(key, entry);
  // A failed token request is not cached: the next call asks again.
  entry.promise.catch(() => tokens.deleteIf(key, entry));
  return { token: await entry.promise, cached: false };
}

/** Forget a token the provider rejected, unless another call already replaced it. */
async function dropToken(ctx: AdapterContext, endpoint: TokenEndpoint, token: string): Promise<void> {
  const key = tokenKey(ctx, endpoint);
  const tokens = ctx.http.runtime.tokens;
  const current = tokens.get(key);
  if (current && (await current.promise.catch(() => null)) === token) tokens.deleteIf(key, current);
}

export type TokenCall = Omit<CallSpec, 'credentialKeys' | 'credentialName'>;

/** Call an endpoint with the client's Bearer token (added to `spec.headers`). */
export async function callWithToken(adapter: ProviderAdapter, ctx: AdapterContext, endpoint: TokenEndpoint, spec: TokenCall): Promise<unknown> {
  const withToken = (token: string) =>
    callJson(adapter, ctx, {
      ...spec,
      headers: { ...spec.headers, authorization: `Bearer ${token}` },
      credentialKeys: OAUTH_KEYS,
      credentialName: 'the OAuth access token',
    });
  const first = await accessToken(adapter, ctx, endpoint);
  try {
    return await withToken(first.token);
  } catch (error) {
    if (!(error instanceof BalanceError && error.code === 'AUTH_FAILED') || !first.cached) throw error;
    await dropToken(ctx, endpoint, first.token);
    return withToken((await accessToken(adapter, ctx, endpoint)).token);
  }
}
