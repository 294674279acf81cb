// Per-provider, per-credential pacing: at most `concurrency` requests in flight, and — where the
// provider documents a limit — at most `requests` started in any window of `windowMs`. A sliding
// log (not a token bucket) is used so that no server-side window, fixed or sliding, ever sees more
// than the limit: that is what keeps a fan-out over hundreds of wallets free of 429s.
import type { RateLimit } from '../providers/catalog.js';

export interface LimiterOptions {
  concurrency: number;
  rateLimit?: RateLimit | undefined;
}

export class RateLimiter {
  private inFlight = 0;
  private readonly starts: number[] = [];
  private readonly waiting: Array<() => void> = [];
  private blockedUntil = 0;

  constructor(
    private readonly options: LimiterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** The earliest time a new request may start, given the window log (ignores concurrency). */
  nextSlotAt(): number {
    const limit = this.options.rateLimit;
    let at = Math.max(this.now(), this.blockedUntil);
    if (limit) {
      const windowStart = at - limit.windowMs;
      while (this.starts.length > 0 && (this.starts[0] ?? 0) <= windowStart) this.starts.shift();
      if (this.starts.length >= limit.requests) {
        // A little margin so clock granularity on either side never lands two windows' worth at once.
        at = Math.max(at, (this.starts[this.starts.length - limit.requests] ?? 0) + limit.windowMs + 5);
      }
    }
    return at;
  }

  /** A provider said "wait" (429 Retry-After): hold every request on this credential until then. */
  pauseUntil(time: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, time);
  }

  /**
   * Wait for a slot. Resolves with a release function; rejects with `tooLate(waitMs)`'s error when
   * the slot would come after `deadline`, so a command never blocks past its --timeout.
   */
  async acquire(deadline: number, signal: AbortSignal | undefined, tooLate: (waitMs: number) => Error): Promise<() => void> {
    while (this.inFlight >= this.options.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(signal?.reason);
        this.waiting.push(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    this.inFlight++;
    try {
      for (;;) {
        const at = this.nextSlotAt();
        const wait = at - this.now();
        if (wait <= 0) break;
        if (at > deadline) throw tooLate(wait);
        await sleep(wait, signal);
      }
    } catch (error) {
      this.release();
      throw error;
    }
    this.starts.push(this.now());
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.release();
      }
    };
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const limiters = new Map<string, RateLimiter>();

/** One limiter per provider + credential fingerprint, shared by every request in this process. */
export function limiterFor(key: string, options: LimiterOptions): RateLimiter {
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(options);
    limiters.set(key, limiter);
  }
  return limiter;
}

/** Tests run many scenarios in one process; each starts with fresh pacing state. */
export function resetRateLimiters(): void {
  limiters.clear();
}
