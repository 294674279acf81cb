// What a failed request says: one line naming who was asked, through which proxy (never its
// credentials), what went wrong in words people know, and whether the budget ran out. Split from
// client.ts, which decides when to retry and when to stop; these only phrase the outcome.
import { BadResponseError, UnavailableError } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import type { HttpRequestSpec, HttpResponse, HttpSettings } from './types.js';
import type { ProxyChoice } from './proxy.js';

export function errorCode(error: unknown): string {
  const direct = (error as { code?: string }).code;
  if (direct) return direct;
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? '';
}

const TRANSPORT_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  SOCKET_CLOSED: 'connection closed by the server',
  BODY_TRUNCATED: 'connection closed before the whole response arrived',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate verification failed (self-signed)',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate verification failed (self-signed in chain)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate verification failed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  PROXY_REFUSED: 'the proxy refused the tunnel',
  PROXY_FAILED: 'the proxy could not open the tunnel',
  PROXY_CLOSED: 'the proxy closed the connection before answering CONNECT',
  PROXY_BAD_ANSWER: 'the proxy did not answer CONNECT properly',
};
/** Codes whose error message adds what the proxy said (its status, what was wrong). */
const PROXY_DETAIL = new Set(['PROXY_REFUSED', 'PROXY_FAILED', 'PROXY_BAD_ANSWER']);
const TIMEOUT_CODES = new Set(['CONNECT_TIMEOUT', 'HEADERS_TIMEOUT', 'BODY_TIMEOUT', 'ETIMEDOUT', 'ABORTED']);

export function transportError(error: Error, spec: HttpRequestSpec, settings: HttpSettings, proxy: ProxyChoice | null): UnavailableError {
  const code = errorCode(error);
  if (TIMEOUT_CODES.has(code) || error.name === 'TimeoutError' || error.name === 'AbortError') {
    return timeoutError(spec, settings, null, code, proxy, (error as { phase?: string }).phase);
  }
  let words = TRANSPORT_WORDS[code] ?? (code ? code : 'network error');
  if (PROXY_DETAIL.has(code)) words += ` (${error.message})`;
  // Behind a proxy, "connection refused" is the proxy's: say which one, never its credentials.
  const via = viaProxy(proxy);
  const hint = proxy
    ? (error as { status?: number }).status === 407
      ? `the proxy wants credentials: put user:password@ in ${proxy.variable} (percent-encode special characters)`
      : `check ${proxy.variable} and NO_PROXY; the proxy must allow CONNECT to ${spec.url.host}`
    : code === 'ENOTFOUND'
      ? 'check baseUrl and your network/DNS (behind a proxy, set HTTPS_PROXY)'
      : 'try again later; --debug shows each attempt';
  return new UnavailableError(`cannot reach ${spec.who} at ${spec.url.host}${via}: ${words}`, { code: 'UNREACHABLE', hint });
}

export function retryReason(outcome: HttpResponse | Error): string {
  if (!(outcome instanceof Error)) return outcome.status === 429 ? 'rate-limited' : `HTTP ${outcome.status}`;
  const code = errorCode(outcome);
  return TIMEOUT_CODES.has(code) ? 'timed out' : (TRANSPORT_WORDS[code] ?? 'network error');
}

/** " via proxy http://host:port (HTTPS_PROXY)": which proxy, never its credentials; '' when direct. */
export function viaProxy(proxy: ProxyChoice | null): string {
  return proxy ? ` via proxy ${proxy.display} (${proxy.variable})` : '';
}

/** `connectPhase`: where a connection attempt stood when its timer ran out (src/http/connector.ts). */
export function timeoutError(
  spec: HttpRequestSpec,
  settings: HttpSettings,
  attempts: number | null,
  code = '',
  proxy: ProxyChoice | null = null,
  connectPhase?: string,
): UnavailableError {
  const phase = code === 'CONNECT_TIMEOUT' ? (connectPhase ?? 'connecting') : code === 'BODY_TIMEOUT' ? 'the response body stalled' : 'no answer';
  const within = settings.deadline - Date.now() <= 50 ? ` within ${settings.timeoutLabel}` : '';
  return new UnavailableError(`timed out waiting for ${spec.who}${viaProxy(proxy)} (${phase}${within}${attempts ? `, ${attempts} attempts` : ''})`, {
    code: 'TIMEOUT',
    hint: proxy ? `check ${proxy.variable} and NO_PROXY, or raise --timeout` : 'try again later or raise --timeout',
  });
}

export function pacingError(spec: HttpRequestSpec, waitMs: number): UnavailableError {
  return new UnavailableError(`rate limit for ${spec.who} leaves no request slot before the deadline (next in ${formatDuration(waitMs)})`, {
    code: 'RATE_LIMITED',
    hint: 'raise --timeout or query fewer wallets at once',
  });
}

export function tooLarge(spec: HttpRequestSpec, settings: HttpSettings): BadResponseError {
  return new BadResponseError(`${spec.who} sent a response larger than ${Math.round(settings.maxResponseBytes / 1048576)} MiB; refusing to read it`);
}
