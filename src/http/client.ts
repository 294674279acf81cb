// The one HTTP client every adapter uses (undici underneath, see transport.ts). It owns timeouts, the command deadline,
// retries with backoff and Retry-After, the response size cap, the no-redirects rule, pacing and
// the --debug request log. It returns whatever status the provider answered last; turning a
// status into a user-facing error is the provider layer's job (src/providers/kit/request.ts).
import { BadResponseError, ConfigError, UnavailableError } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import { RETRYABLE_ERROR_CODES, RETRYABLE_STATUS, backoffDelay, parseRetryAfter, DEFAULT_BACKOFF } from './retry.js';
import { sleep } from './rate-limiter.js';
import { exhaustedUntil } from './rate-limit-headers.js';
import { baseUrlProblem } from './url-policy.js';
import { NOTICEABLE_WAIT_MS, pacingNotice } from './retry-notice.js';
import { proxyFor, type ProxyChoice } from './proxy.js';
import { attemptSignal } from './abort-scope.js';
import type { HttpRequestSpec, HttpResponse, HttpSettings } from './types.js';
import { errorCode, pacingError, retryReason, timeoutError, tooLarge, transportError } from './failures.js';
import { publicUrl, urlForOutput } from '../core/url-credentials.js';

// Callers import the notice helpers from here, with the client they configure.
export { describeRetry, NOTICEABLE_WAIT_MS, type RetryNotice } from './retry-notice.js';
export type { HttpRequestSpec, HttpResponse, HttpSettings } from './types.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** A budget of `timeoutMs` from now: the deadline, and how to name it in messages ("within 30s"). */
export function timeBudget(timeoutMs: number): Pick<HttpSettings, 'deadline' | 'timeoutLabel'> {
  return { deadline: Date.now() + timeoutMs, timeoutLabel: formatDuration(timeoutMs) };
}

/** Settings a caller may leave out; the runtime it may not. */
export type HttpOverrides = Partial<HttpSettings> & Pick<HttpSettings, 'runtime'>;

export function defaultHttpSettings(overrides: HttpOverrides): HttpSettings {
  return {
    connectTimeoutMs: 5_000,
    headersTimeoutMs: 10_000,
    bodyTimeoutMs: 10_000,
    ...timeBudget(DEFAULT_TIMEOUT_MS),
    maxAttempts: 3,
    maxResponseBytes: 8 * 1024 * 1024,
    backoff: DEFAULT_BACKOFF,
    ...overrides,
    // The read's own signal (http/abort-scope.ts), which fans the long-lived one out; adapters
    // called directly (tests) listen to the runtime's.
    signal: overrides.signal ?? overrides.runtime.signal,
  };
}

export async function httpRequest(spec: HttpRequestSpec, settings: HttpSettings): Promise<HttpResponse> {
  const problem = baseUrlProblem(spec.url.origin);
  if (problem) throw new ConfigError(`refusing to call ${spec.url.host}: the URL ${problem}`);
  const route = proxyFor(spec.url, settings.env ?? process.env);
  const proxy = route.kind === 'proxy' ? route.proxy : null;
  // The proxy's password (and any secret parameter) is a secret of the run, like an API key.
  if (proxy) urlForOutput(proxy.url, settings.runtime.redactor);
  for (let attempt = 1; ; attempt++) {
    const remaining = settings.deadline - Date.now();
    if (remaining <= 0) throw timeoutError(spec, settings, attempt - 1, '', proxy);
    const release = spec.limiter
      ? await spec.limiter.acquire(
          settings.deadline,
          settings.signal,
          (waitMs) => pacingError(spec, waitMs),
          pacingNotice(spec.account ?? spec.who, attempt, settings.maxAttempts, settings.onRetry),
        )
      : () => undefined;
    settings.onRequest?.(attempt);
    const started = Date.now();
    let outcome: HttpResponse | Error;
    try {
      outcome = await attemptOnce(spec, settings, attempt, proxy);
    } catch (error) {
      outcome = error as Error;
    } finally {
      release();
    }
    const ms = Date.now() - started;
    const exhausted = outcome instanceof Error ? null : exhaustedUntil(outcome.headers);
    if (exhausted !== null && spec.limiter) spec.limiter.pauseUntil(exhausted);
    const retryable = outcome instanceof Error ? isRetryableError(outcome) : retryableAnswer(spec, outcome);
    log(settings, spec, attempt, ms, outcome, proxy);
    if (!retryable || (settings.signal?.aborted ?? false)) return finish(outcome, spec, settings, proxy);

    const retryAfter = outcome instanceof Error ? null : parseRetryAfter(outcome.headers['retry-after']);
    if (retryAfter !== null && retryAfter > 0 && spec.limiter) spec.limiter.pauseUntil(Date.now() + retryAfter);
    const wait = Math.max(backoffDelay(attempt, settings.backoff), retryAfter ?? 0);
    const outOfTime = Date.now() + wait >= settings.deadline;
    if (attempt >= settings.maxAttempts || outOfTime) {
      if (!(outcome instanceof Error) && retryAfter !== null && outOfTime) outcome.retryAfterMs = retryAfter;
      return finish(outcome, spec, settings, proxy);
    }
    settings.debug?.(`retrying ${spec.who} in ${formatDuration(wait)}${retryAfter !== null ? ' (Retry-After)' : ''}`);
    // A pause people notice is said (a 429's Retry-After, a long backoff); a sub-second retry
    // that usually goes unnoticed stays in --debug only.
    if (wait >= NOTICEABLE_WAIT_MS) {
      settings.onRetry?.({
        account: spec.account ?? spec.who,
        reason: retryReason(outcome),
        waitMs: wait,
        attempt: attempt + 1,
        maxAttempts: settings.maxAttempts,
      });
    }
    await sleep(wait, settings.signal);
  }
}

async function attemptOnce(spec: HttpRequestSpec, settings: HttpSettings, attempt: number, proxy: ProxyChoice | null): Promise<HttpResponse> {
  const remaining = Math.max(1, settings.deadline - Date.now());
  // One listener on the read's signal for this attempt, removed when it ends (no AbortSignal.any:
  // its dependants leak on Node 20); the deadline is a timer of our own, cleared likewise.
  const { signal, dispose } = attemptSignal(settings.signal, remaining);
  try {
    const response = await settings.runtime.transport.exchange({
      method: spec.method,
      url: spec.url,
      headers: { 'user-agent': 'balance-inspector', accept: 'application/json', ...spec.headers },
      body: spec.body,
      proxy,
      // The route keeps the connect timeout it was created with; the deadline is the signal's job.
      connectTimeoutMs: settings.connectTimeoutMs,
      headersTimeoutMs: stallLimit(settings.headersTimeoutMs, remaining),
      bodyTimeoutMs: stallLimit(settings.bodyTimeoutMs, remaining),
      maxResponseBytes: settings.maxResponseBytes,
      signal,
      tooLarge: () => tooLarge(spec, settings),
    });
    return { ...response, attempts: attempt, retryAfterMs: null };
  } finally {
    dispose();
  }
}

/**
 * undici's headers/body timeout for one attempt. Its timers run on a coarse clock (a tick of about
 * half a second) and can fire up to a tick early, so when the deadline comes first it is left to
 * our own precise timer (attemptSignal): undici then gets a limit a little past the deadline.
 */
const UNDICI_TICK_MS = 1_000;
function stallLimit(limitMs: number, remainingMs: number): number {
  return limitMs < remainingMs ? limitMs : remainingMs + UNDICI_TICK_MS;
}

function retryableAnswer(spec: HttpRequestSpec, response: HttpResponse): boolean {
  if (response.status < 400) return false;
  return spec.retryable?.(response) ?? RETRYABLE_STATUS.has(response.status);
}

function isRetryableError(error: Error): boolean {
  if (error instanceof BadResponseError) return false;
  return RETRYABLE_ERROR_CODES.has(errorCode(error));
}

function finish(outcome: HttpResponse | Error, spec: HttpRequestSpec, settings: HttpSettings, proxy: ProxyChoice | null): HttpResponse {
  if (!(outcome instanceof Error)) return outcome;
  if (settings.signal?.aborted) throw settings.signal.reason;
  if (outcome instanceof BadResponseError || outcome instanceof UnavailableError || outcome instanceof ConfigError) throw outcome;
  throw transportError(outcome, spec, settings, proxy);
}

function log(settings: HttpSettings, spec: HttpRequestSpec, attempt: number, ms: number, outcome: HttpResponse | Error, proxy: ProxyChoice | null): void {
  if (!settings.debug) return;
  const result = outcome instanceof Error ? errorCode(outcome) || outcome.name : String(outcome.status);
  const via = proxy ? ` via proxy ${proxy.display}` : '';
  settings.debug(
    settings.runtime.redactor.redact(`${spec.method} ${publicUrl(spec.url).text}${via} → ${result} in ${ms} ms (attempt ${attempt}/${settings.maxAttempts})`),
  );
}
