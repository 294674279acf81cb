// Cryptofuse accepts `X-API-Key: <key>` or an OAuth 2.0 client-credentials token
// (`Authorization: Bearer <token>`) on the wallet endpoints.
//
// Token request: POST /o/token/, form `grant_type=client_credentials&scope=read write` (the scopes
// both authentication pages document; the newer balance pages ask for both), with the client
// id and secret as HTTP Basic auth. That is the form the authentication page documents; the
// integration guide puts client_id/client_secret in the form body instead. Basic keeps the secret
// out of request bodies, and resolve.ts already registers the Basic value for redaction.
// Response: {"access_token": "…", "token_type": "Bearer", "expires_in": 36000, "scope": "read write"}.
// The docs disagree on the lifetime (3600 vs 36000 s), so `expires_in` from the response is used.
//
// Tokens are cached in the run's memory (Runtime.tokens, never on disk) per base URL + client id
// until shortly before they expire. Concurrent wallet reads share one token request. A 401 on a call made with a cached
// token drops it and retries once with a fresh one (the provider may have revoked it early).
import { BadResponseError, BalanceError } from '../../core/errors.js';
import { callJson, whoLabel, type CallSpec } from '../kit/request.js';
import { obj, optInt, optStr, str } from '../kit/shape.js';
import type { AdapterContext, ProviderAdapter } from '../kit/adapter.js';
import type { CachedToken } from '../../http/token-cache.js';

/** Renew this long before the token expires, so a request never races the expiry. */
const EARLY_RENEWAL_MS = 60_000;
/** A token response without expires_in is used for this long (then fetched again). */
const DEFAULT_LIFETIME_S = 300;
const OAUTH_KEYS = 'clientId/clientSecret';

export function usesOAuth(ctx: AdapterContext): boolean {
  const { apiKey, clientId, clientSecret } = ctx.account.credentials;
  return !apiKey && Boolean(clientId && clientSecret);
}

function cacheKey(ctx: AdapterContext): string {
  return `${ctx.baseUrl}\n${ctx.account.credentials.clientId ?? ''}`;
}

async function requestToken(adapter: ProviderAdapter, ctx: AdapterContext, entry: CachedToken): Promise<string> {
  const { clientId = '', clientSecret = '' } = ctx.account.credentials;
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  const body = obj(
    await callJson(adapter, ctx, {
      method: 'POST',
      path: '/o/token/',
      form: { grant_type: 'client_credentials', scope: 'read write' },
      headers: { authorization: `Basic ${basic}` },
      resource: 'the OAuth token endpoint /o/token/',
      credentialKeys: OAUTH_KEYS,
      credentialName: 'the OAuth client credentials',
    }),
    '$',
  );
  const token = str(body.access_token, '$.access_token');
  ctx.http.runtime.redactor.register(token);
  const type = optStr(body.token_type, '$.token_type');
  if (type !== null && type.toLowerCase() !== 'bearer') {
    throw new BadResponseError(`${whoLabel(ctx)} issued a '${type.slice(0, 20)}' token; only Bearer tokens are supported`);
  }
  const lifetimeMs = (optInt(body.expires_in, '$.expires_in', 9) ?? DEFAULT_LIFETIME_S) * 1000;
  entry.renewAt = Date.now() + lifetimeMs - Math.min(EARLY_RENEWAL_MS, lifetimeMs / 2);
  return token;
}

/** The cached token for this client, or a new one; `cached` says whether it predates this call. */
async function accessToken(adapter: ProviderAdapter, ctx: AdapterContext): Promise<{ token: string; cached: boolean }> {
  const key = cacheKey(ctx);
  const tokens = ctx.http.runtime.tokens;
  const current = tokens.get(key);
  if (current && (current.renewAt === null || Date.now() < current.renewAt)) {
    return { token: await current.promise, cached: true };
  }
  const entry: CachedToken = { promise: Promise.resolve(''), renewAt: null };
  entry.promise = requestToken(adapter, ctx, entry);
  tokens.set(key, entry);
  // A failed token request is not cached: the next call asks again.
  entry.promise.catch(() => tokens.deleteIf(key, entry));
  return { token: await entry.promise, cached: false };
}

/** Forget a token the provider rejected, unless another call already replaced it. */
async function dropToken(ctx: AdapterContext, token: string): Promise<void> {
  const key = cacheKey(ctx);
  const tokens = ctx.http.runtime.tokens;
  const current = tokens.get(key);
  if (current && (await current.promise.catch(() => null)) === token) tokens.deleteIf(key, current);
}

export type CryptofuseCall = Omit<CallSpec, 'headers' | 'credentialKeys' | 'credentialName'>;

/** Call a Cryptofuse endpoint with whichever credential the account has. */
export async function authedCall(adapter: ProviderAdapter, ctx: AdapterContext, spec: CryptofuseCall): Promise<unknown> {
  const { apiKey } = ctx.account.credentials;
  if (!usesOAuth(ctx)) return callJson(adapter, ctx, { ...spec, headers: { 'x-api-key': apiKey ?? '' } });
  const withToken = (token: string) =>
    callJson(adapter, ctx, {
      ...spec,
      headers: { authorization: `Bearer ${token}` },
      credentialKeys: OAUTH_KEYS,
      credentialName: 'the OAuth access token',
    });
  const first = await accessToken(adapter, ctx);
  try {
    return await withToken(first.token);
  } catch (error) {
    if (!(error instanceof BalanceError && error.code === 'AUTH_FAILED') || !first.cached) throw error;
    await dropToken(ctx, first.token);
    return withToken((await accessToken(adapter, ctx)).token);
  }
}
