// What people hear when a request has to wait a noticeable time: a retry after a failed attempt
// ("syncpay: rate-limited, retrying in 3s (attempt 2 of 3)") or pacing holding it back before it
// is sent ("bachs: rate-limited, waiting 3s"). Commands route these to stderr / the spinner.
import type { WaitNotice } from './rate-limiter.js';

/** Retries and pacing waits at least this long are announced through onRetry. */
export const NOTICEABLE_WAIT_MS = 1_000;

export interface RetryNotice {
  /** The account asking (HttpRequestSpec.account), or who when none was given. */
  account: string;
  /** Why: "rate-limited", "HTTP 503", "connection reset", "timed out". */
  reason: string;
  waitMs: number;
  /** The attempt about to be made, and how many there can be. */
  attempt: number;
  maxAttempts: number;
  /** Set when nothing failed: pacing holds the request back before it is sent. */
  pacing?: true;
}

/**
 * For people: "syncpay: rate-limited, retrying in 3s (attempt 2 of 3)" after a failed attempt,
 * "bachs: rate-limited, waiting 3s" when pacing holds a request back.
 */
export function describeRetry(notice: RetryNotice): string {
  if (notice.pacing) return describePacingWait(notice.account, notice.waitMs);
  return `${notice.account}: ${notice.reason}, retrying in ${waitText(notice.waitMs)} (attempt ${notice.attempt} of ${notice.maxAttempts})`;
}

/** "bachs: rate-limited, waiting 3s": a request (or a watch poll) held back by the rate limit. */
export function describePacingWait(account: string, waitMs: number): string {
  return `${account}: rate-limited, waiting ${waitText(waitMs)}`;
}

const waitText = (ms: number) => (ms >= 1000 ? `${Math.ceil(ms / 1000)}s` : `${Math.max(0, Math.round(ms))}ms`);

/** The limiter's hook for one request's pacing waits, or nothing when nobody listens. */
export function pacingNotice(
  account: string,
  attempt: number,
  maxAttempts: number,
  onRetry: ((notice: RetryNotice) => void) | undefined,
): WaitNotice | undefined {
  if (!onRetry) return undefined;
  return {
    atLeastMs: NOTICEABLE_WAIT_MS,
    notify: (waitMs) => onRetry({ account, reason: 'rate-limited', waitMs, attempt, maxAttempts, pacing: true }),
  };
}
