// Retry policy: which failures are worth another attempt, how long to wait, and how to read
// Retry-After. Defaults follow the Stripe/AWS consensus (docs/network.md):
// 3 attempts, 500 ms × 2ⁿ capped at 5 s, 50–100 % jitter so cron jobs don't fire in lockstep.

export const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Transport failures that may succeed on another attempt. ENOTFOUND is not here: it is usually a typo. */
export const RETRYABLE_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'SOCKET_CLOSED',
  'CONNECT_TIMEOUT',
  'HEADERS_TIMEOUT',
  'BODY_TIMEOUT',
  'BODY_TRUNCATED',
  'PROXY_CLOSED',
  'PROXY_FAILED',
]);

export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseDelayMs: 500, maxDelayMs: 5_000, random: Math.random };

/** Delay before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(attempt: number, settings: BackoffSettings = DEFAULT_BACKOFF): number {
  const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step * (0.5 + settings.random() * 0.5));
}

/**
 * The longest Retry-After taken at its word. Anything longer (a year, 10^20 seconds) is treated as
 * this long: the run stops at once either way, and no date arithmetic overflows.
 */
export const MAX_RETRY_AFTER_MS = 30 * 24 * 3_600_000;

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date, at most MAX_RETRY_AFTER_MS.
 * Garbage, negative values and dates in the past give null, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}
