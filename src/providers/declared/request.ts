// The requests of a declared provider: the account's credential as the declaration's auth says,
// the page position in the declaration's own parameter names, and the paging signals where the
// declaration says they are. Everything else is the provider kit's (request.ts, oauth.ts).
import type { AdapterContext, ProviderAdapter } from '../kit/adapter.js';
import { callWithToken } from '../kit/oauth.js';
import type { PageSignals, Signal } from '../kit/page-signals.js';
import type { PagePosition } from '../kit/paginator.js';
import { callJson, type CallSpec } from '../kit/request.js';
import type { DeclaredPaging, DeclaredProvider } from './declaration.js';
import { locationText, select, type JsonPath } from './jsonpath.js';

/** One request with the account's credential, as the declaration's auth says. */
export function call(adapter: ProviderAdapter, d: DeclaredProvider, ctx: AdapterContext, spec: CallSpec): Promise<unknown> {
  const { apiKey = '', clientId = '', clientSecret = '' } = ctx.account.credentials;
  const redactor = ctx.http.runtime.redactor;
  const auth = d.auth;
  switch (auth.type) {
    case 'bearer':
      return callJson(adapter, ctx, { ...spec, headers: { ...spec.headers, authorization: `Bearer ${apiKey}` } });
    case 'header':
      return callJson(adapter, ctx, { ...spec, headers: { ...spec.headers, [auth.name.toLowerCase()]: `${auth.prefix}${apiKey}` } });
    case 'query':
      // URLSearchParams escapes more than encodeURIComponent (the redactor's form): both are kept out.
      redactor.register(new URLSearchParams({ k: apiKey }).toString().slice(2));
      return callJson(adapter, ctx, { ...spec, query: { ...spec.query, [auth.name]: apiKey } });
    case 'basic': {
      const [user, password] = clientId ? [clientId, clientSecret] : [apiKey, ''];
      redactor.registerBasicAuth(user, password);
      const basic = Buffer.from(`${user}:${password}`).toString('base64');
      return callJson(adapter, ctx, {
        ...spec,
        headers: { ...spec.headers, authorization: `Basic ${basic}` },
        ...(clientId ? { credentialKeys: 'clientId/clientSecret' } : {}),
      });
    }
    case 'oauth2': {
      const absolute = !auth.tokenUrl.startsWith('/');
      const url = absolute ? new URL(auth.tokenUrl) : null;
      const endpoint = { ...(url ? { baseUrl: url.origin } : {}), path: url ? url.pathname : auth.tokenUrl, scope: auth.scope, clientAuth: auth.clientAuth };
      return callWithToken(adapter, ctx, endpoint, spec);
    }
  }
}

/** The query of one page: the position in the declaration's own parameter names. */
export function pageQuery(paging: DeclaredPaging, at: PagePosition): Record<string, string> {
  const query: Record<string, string> = paging.limitParam ? { [paging.limitParam]: String(at.limit) } : {};
  if (paging.type === 'cursor' && at.cursor !== null) query[paging.param] = at.cursor;
  if (paging.type === 'page') query[paging.param] = String(at.page - 1 + paging.firstPage);
  if (paging.type === 'offset') query[paging.param] = String(at.offset);
  return query;
}

/** The paging signals where the declaration says they are; the kit's rule judges them. */
export function pageSignals(paging: DeclaredPaging | null, body: unknown): PageSignals {
  const at = (path: JsonPath | null): Signal[] => (path ? select(path, body).map((n) => ({ at: `$${locationText(n.location)}`, value: n.value })) : []);
  return { more: at(paging?.hasMore ?? null), cursor: at(paging?.next ?? null), link: [], total: at(paging?.total ?? null) };
}
