// X-RateLimit-Limit / -Remaining / -Reset, as Bachs sends them (and many other APIs): when a
// response says no request is left in the current window, every request on that credential waits
// for the reset instead of spending an attempt on a certain 429. The wait still ends at the
// command's deadline (the limiter refuses a slot after it), so a far reset fails fast with exit 5.
//
// Reset is "integer Unix seconds" in Bachs' OpenAPI; other APIs send seconds until the reset. A
// value below 10^9 (2001-09-09 as a Unix time) can only be the latter, so both are read.
const UNIX_SECONDS_FLOOR = 1_000_000_000;
/** A reset further away than this is not believed (a bad clock or header); the documented window applies instead. */
const MAX_PAUSE_MS = 60 * 60_000;

function wholeNumber(value: string | undefined): number | null {
  const text = value?.trim() ?? '';
  if (!/^\d{1,12}$/.test(text)) return null;
  return Number(text);
}

/** The time (ms since epoch) until which the credential has no request left, or null. */
export function exhaustedUntil(headers: Record<string, string | undefined>, now: number = Date.now()): number | null {
  if (wholeNumber(headers['x-ratelimit-remaining']) !== 0) return null;
  const reset = wholeNumber(headers['x-ratelimit-reset']);
  if (reset === null) return null;
  const at = reset >= UNIX_SECONDS_FLOOR ? reset * 1000 : now + reset * 1000;
  if (at <= now || at - now > MAX_PAUSE_MS) return null;
  return at;
}
