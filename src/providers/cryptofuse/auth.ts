// Cryptofuse accepts `X-API-Key: <key>` or an OAuth 2.0 client-credentials token
// (`Authorization: Bearer <token>`) on the wallet endpoints; the token flow is the kit's (kit/oauth.ts).
//
// Token request: POST /o/token/, form `grant_type=client_credentials&scope=read write` (the scopes
// both authentication pages document; the newer balance pages ask for both), with the client
// id and secret as HTTP Basic auth. That is the form the authentication page documents; the
// integration guide puts client_id/client_secret in the form body instead. Basic keeps the secret
// out of request bodies, and resolve.ts already registers the Basic value for redaction.
// The docs disagree on the token lifetime (3600 vs 36000 s), so `expires_in` from the response is used.
import { callJson, type CallSpec } from '../kit/request.js';
import { callWithToken, type TokenEndpoint } from '../kit/oauth.js';
import type { AdapterContext, ProviderAdapter } from '../kit/adapter.js';

const TOKEN_ENDPOINT: TokenEndpoint = { path: '/o/token/', scope: 'read write', clientAuth: 'basic' };

export function usesOAuth(ctx: AdapterContext): boolean {
  const { apiKey, clientId, clientSecret } = ctx.account.credentials;
  return !apiKey && Boolean(clientId && clientSecret);
}

export type CryptofuseCall = Omit<CallSpec, 'headers' | 'credentialKeys' | 'credentialName'>;

/** Call a Cryptofuse endpoint with whichever credential the account has. */
export async function authedCall(adapter: ProviderAdapter, ctx: AdapterContext, spec: CryptofuseCall): Promise<unknown> {
  const { apiKey } = ctx.account.credentials;
  if (!usesOAuth(ctx)) return callJson(adapter, ctx, { ...spec, headers: { 'x-api-key': apiKey ?? '' } });
  return callWithToken(adapter, ctx, TOKEN_ENDPOINT, { ...spec, headers: {} });
}
