// The one path from an adapter to the network and back: build the URL under the account's base,
// send through the shared client with the provider's pacing, then turn the answer into either a
// parsed (lossless) JSON body or a one-line error that names the account, the provider and what
// to do. Adapters only describe their endpoints and their error bodies.
import { createHash } from 'node:crypto';
import { BadResponseError, RefusedError, UnavailableError, type BalanceError } from '../../core/errors.js';
import { formatDuration } from '../../core/duration.js';
import { JsonSyntaxError, parseLosslessJson } from '../../core/json.js';
import { forTerminal } from '../../core/sanitize.js';
import type { Redactor } from '../../core/secrets.js';
import { httpRequest, type HttpResponse } from '../../http/client.js';
import { MAX_RETRY_AFTER_MS } from '../../http/retry.js';
import type { RateLimiter, RateLimiters } from '../../http/rate-limiter.js';
import type { ResolvedAccount } from '../../core/account.js';
import type { ProviderInfo } from './info.js';
import type { AdapterContext, ErrorDetail, ProviderAdapter } from './adapter.js';

export interface CallSpec {
  method: 'GET' | 'POST';
  /** The base URL the path is under, when not the account's (an OAuth token endpoint on a host of its own). */
  baseUrl?: string;
  /** Path under the base URL, e.g. `/api/balances`; built from constants and encoded ids only. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  headers: Record<string, string>;
  /** What this call reads, for 404 messages: "wallet wal_abc123". */
  resource?: string;
  /** Which config key a 401 points at (apiKey, clientId/clientSecret). */
  credentialKeys?: string;
  /** What a 401 rejected, for the message: "the API key" unless an OAuth client or token was sent. */
  credentialName?: string;
  /**
   * Follow one permanent redirect (301/308) that only adds or removes the path's trailing slash on
   * the same origin (a GET whose docs disagree about the slash). Any other redirect is an error.
   */
  followSlashRedirect?: boolean;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, string>): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url;
}

/** Rate limits are per credential: fingerprint it without keeping the key itself around. */
export function credentialFingerprint(ctx: Pick<AdapterContext, 'account'>): string {
  const secret = ctx.account.credentials.apiKey ?? ctx.account.credentials.clientId ?? ctx.account.name;
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** The run's pacing of this account's credential (shared by accounts with the same key). */
export function accountLimiter(limiters: RateLimiters, account: ResolvedAccount, info: ProviderInfo): RateLimiter {
  return limiters.for(`${info.id}:${credentialFingerprint({ account })}`, { concurrency: info.concurrency, rateLimit: info.rateLimit });
}

export function whoLabel(ctx: AdapterContext): string {
  return `${ctx.info.displayName} for account '${ctx.account.name}'`;
}

export async function callJson(adapter: ProviderAdapter, ctx: AdapterContext, spec: CallSpec): Promise<unknown> {
  const url = buildUrl(spec.baseUrl ?? ctx.baseUrl, spec.path, spec.query);
  const response = await send(adapter, ctx, spec, url);
  const slashTarget = spec.followSlashRedirect ? slashOnlyRedirect(url, response) : null;
  const final = slashTarget ? await send(adapter, ctx, spec, slashTarget) : response;
  if (final.status >= 200 && final.status < 300) return parseBody(final, ctx);
  throw statusError(adapter, ctx, spec, final);
}

/** The URL a 301/308 points to when it differs from `url` only by a trailing slash, else null. */
export function slashOnlyRedirect(url: URL, response: HttpResponse): URL | null {
  if (response.status !== 301 && response.status !== 308) return null;
  let target: URL;
  try {
    target = new URL(response.headers.location ?? '', url);
  } catch {
    return null;
  }
  const [from, to] = [url.pathname, target.pathname];
  const adds = (short: string, long: string) => long === `${short}/` && !short.endsWith('/');
  const slashOnly = adds(from, to) || adds(to, from);
  return slashOnly && target.origin === url.origin && target.search === url.search && target.hash === '' ? target : null;
}

async function send(adapter: ProviderAdapter, ctx: AdapterContext, spec: CallSpec, url: URL): Promise<HttpResponse> {
  const headers = { ...spec.headers };
  let body: string | undefined;
  if (spec.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(spec.json);
  } else if (spec.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(spec.form).toString();
  }
  const answer = await httpRequest(
    {
      method: spec.method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      who: whoLabel(ctx),
      account: ctx.account.name,
      limiter: accountLimiter(ctx.http.runtime.limiters, ctx.account, ctx.info),
      ...(adapter.retryable
        ? { retryable: (response: HttpResponse) => adapter.retryable?.(response.status, errorBody(response, ctx.http.runtime.redactor)) }
        : {}),
    },
    ctx.http,
  );
  return redactedResponse(answer, ctx.http.runtime.redactor);
}

/**
 * The trust boundary for provider text: secrets are taken out of the body and headers here, before
 * anything can parse, cut or quote them (a message cut at 200 characters must not keep half a key).
 */
function redactedResponse(response: HttpResponse, redactor: Redactor): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) headers[name] = redactor.redact(value);
  return { ...response, headers, text: redactor.redact(response.text) };
}

function parseBody(response: HttpResponse, ctx: AdapterContext): unknown {
  const who = whoLabel(ctx);
  const text = response.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new BadResponseError(`${who} sent an empty response (HTTP ${response.status})`);
  const type = response.headers['content-type'] ?? '';
  if (/^\s*</.test(text) || /text\/html/i.test(type)) {
    throw new BadResponseError(`${who} sent an HTML page instead of JSON (HTTP ${response.status}, ${forTerminal(type || 'no content type', 60)})`, {
      hint: 'a proxy, captive portal or wrong baseUrl answered instead of the API',
    });
  }
  try {
    // Text redaction cannot see a key spelled with JSON \u escapes; the parsed strings can.
    return ctx.http.runtime.redactor.redactDeep(parseLosslessJson(text));
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = error.position === null ? '' : ` at character ${error.position}`;
    const duplicate = /^Duplicate key '(.*)' encountered/.exec(error.message);
    if (duplicate) {
      throw new BadResponseError(`${who} sent the key '${forTerminal(duplicate[1] ?? '', 40)}' twice${at}; refusing to guess which value counts`);
    }
    throw new BadResponseError(`${who} sent invalid JSON${at}: ${forTerminal(error.message, 120)}`);
  }
}

/** Parse an error body if it is JSON; error bodies are best-effort, never a second failure. */
function errorBody(response: HttpResponse, redactor: Redactor): unknown {
  try {
    return redactor.redactDeep(parseLosslessJson(response.text));
  } catch {
    return null;
  }
}

function detailText(detail: ErrorDetail, status: number): string {
  const parts = [detail.code, detail.message].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const text = parts.length > 0 ? `${status} ${parts.join(': ')}` : String(status);
  return forTerminal(text, 200);
}

export function statusError(adapter: ProviderAdapter, ctx: AdapterContext, spec: CallSpec, response: HttpResponse): BalanceError {
  const status = response.status;
  const name = ctx.info.displayName;
  const account = ctx.account.name;
  const detail = detailText(adapter.errorDetail(errorBody(response, ctx.http.runtime.redactor)), status);
  const keyPath = `accounts.${account}.${spec.credentialKeys ?? 'apiKey'}`;
  const context = { account, provider: ctx.info.id };
  if (status === 401) {
    return new RefusedError(`${name} rejected ${spec.credentialName ?? 'the API key'} for account '${account}' (${detail})`, {
      ...context,
      code: 'AUTH_FAILED',
      hint: `check ${keyPath}; the key may be revoked, expired or for the other environment`,
    });
  }
  if (status === 403) {
    return new RefusedError(`${name} refused account '${account}' access to ${spec.resource ?? 'its balances'} (${detail})`, {
      ...context,
      code: 'FORBIDDEN',
      hint: 'give the key the permission named above, or use a key that has it',
    });
  }
  if (status === 404) {
    return new RefusedError(`${name} does not know ${spec.resource ?? 'this account'} for account '${account}' (${detail})`, {
      ...context,
      code: 'NOT_FOUND',
      hint: `check accounts.${account} (ids and baseUrl)`,
    });
  }
  if (status === 429) {
    const after = response.retryAfterMs;
    const when =
      after === null
        ? ''
        : after >= MAX_RETRY_AFTER_MS
          ? `; it asks to wait ${formatDuration(MAX_RETRY_AFTER_MS)} or more (not before ${new Date(Date.now() + after).toISOString()})`
          : `; retry after ${formatDuration(after)} (${new Date(Date.now() + after).toISOString()})`;
    return new UnavailableError(`${name} rate-limited account '${account}' (${detail})${when}`, {
      ...context,
      code: 'RATE_LIMITED',
      hint: after !== null ? undefined : 'try again in a minute',
    });
  }
  if (status >= 500) {
    return new UnavailableError(`${name} failed for account '${account}' (${detail}) after ${response.attempts} attempt${response.attempts > 1 ? 's' : ''}`, {
      ...context,
      code: 'PROVIDER_ERROR',
      hint: 'the provider is having trouble; try again later',
    });
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.location ? safeHost(response.headers.location, ctx.baseUrl) : 'elsewhere';
    return new BadResponseError(`${name} redirected account '${account}' to ${location} (${status}); not followed, so the key is not sent to another address`, {
      ...context,
      code: 'REDIRECT',
      hint: `check accounts.${account}.baseUrl`,
    });
  }
  if (status >= 400) {
    return new RefusedError(`${name} rejected the request for account '${account}' (${detail})`, {
      ...context,
      code: 'REJECTED',
      hint: `check accounts.${account}`,
    });
  }
  return new BadResponseError(`${name} answered account '${account}' with unexpected HTTP ${status}`, context);
}

function safeHost(location: string, base: string): string {
  try {
    const url = new URL(location, base);
    return forTerminal(url.host + url.pathname, 80);
  } catch {
    return 'an invalid address';
  }
}
