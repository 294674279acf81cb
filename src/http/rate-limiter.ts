// Per-provider, per-credential pacing: at most `concurrency` requests in flight, and — where the
// provider documents a limit — at most `requests` in any window of `windowMs`. A sliding log (not a
// token bucket) is used so that no server-side window, fixed or sliding, ever sees more than the
// limit: that is what keeps a fan-out over hundreds of wallets free of 429s.
// The log holds when each request *ended*, and a request in flight counts as inside the window:
// the provider counted it at some moment between its start and its end, so only "W after its
// end" is certainly outside every window that counted it. Logging start times instead let a
// window's first request that reached the provider late (a new connection, a slow hop) open a
// window later than the log assumed, and the next batch then drew 429s (npm run bench, step 4).
import { MAX_TIMER_MS } from '../core/duration.js';

/** A documented request limit (each provider's info.ts in src/providers/<id>/ holds its own). */
export interface RateLimit {
  /** At most `requests` in any window of `windowMs`, per credential. */
  requests: number;
  windowMs: number;
}

export interface LimiterOptions {
  concurrency: number;
  rateLimit?: RateLimit | undefined;
}

/** Margin after a window so clock granularity on either side never lands two windows at once. */
const MARGIN_MS = 5;

/** Who hears of a pacing wait of `atLeastMs` or more, and how long it will be. */
export interface WaitNotice {
  atLeastMs: number;
  notify(waitMs: number): void;
}

export class RateLimiter {
  /** Holders of a concurrency slot (waiting for the rate gate or running). */
  private inFlight = 0;
  /** Requests past the rate gate and not yet ended. */
  private running = 0;
  private readonly ends: number[] = [];
  private readonly waiting: Array<() => void> = [];
  private endWaiters: Array<() => void> = [];
  private blockedUntil = 0;
  /** Until when the pause last announced through acquire's `onWait` lasts. */
  private announcedUntil = 0;

  constructor(
    private readonly options: LimiterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The earliest time a new request may start (ignoring concurrency), or null when that depends
   * on a request still in flight: its slot frees `windowMs` after it ends.
   */
  nextSlotAt(): number | null {
    const limit = this.options.rateLimit;
    let at = Math.max(this.now(), this.blockedUntil);
    if (limit) {
      const windowStart = at - limit.windowMs;
      while (this.ends.length > 0 && (this.ends[0] ?? 0) <= windowStart) this.ends.shift();
      const excess = this.ends.length + this.running - limit.requests;
      if (excess >= 0) {
        // The (excess+1)-th oldest end frees the slot we need; if that is a running request, wait.
        const end = this.ends[excess];
        if (end === undefined) return null;
        at = Math.max(at, end + limit.windowMs + MARGIN_MS);
      }
    }
    return at;
  }

  /** A provider said "wait" (429 Retry-After): hold every request on this credential until then. */
  pauseUntil(time: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, time);
  }

  /**
   * Wait for a slot. Resolves with a release function, to be called when the response has been
   * read; rejects with `tooLate(waitMs)`'s error when the slot would come after `deadline`, so a
   * command never blocks past its --timeout.
   */
  async acquire(deadline: number, signal: AbortSignal | undefined, tooLate: (waitMs: number) => Error, onWait?: WaitNotice): Promise<() => void> {
    while (this.inFlight >= this.options.concurrency) await this.park(this.waiting, signal);
    this.inFlight++;
    try {
      for (;;) {
        const at = this.nextSlotAt();
        if (at === null) {
          // Every request in flight ends by the deadline at the latest; then this is decided again.
          await this.park(this.endWaiters, signal);
          continue;
        }
        const wait = at - this.now();
        if (wait <= 0) break;
        if (at > deadline) throw tooLate(wait);
        this.announce(at, wait, onWait);
        await sleep(wait, signal);
      }
    } catch (error) {
      this.release();
      throw error;
    }
    this.running++;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.running--;
        this.ends.push(this.now());
        const waiters = this.endWaiters;
        this.endWaiters = [];
        for (const wake of waiters) wake();
        this.release();
      }
    };
  }

  /**
   * Say a noticeable wait once per pause: the requests of a fan-out queued behind the same window
   * (their slots free within `atLeastMs` of each other) are one pause, not one notice each.
   */
  private announce(at: number, wait: number, onWait: WaitNotice | undefined): void {
    if (!onWait || wait < onWait.atLeastMs || at <= this.announcedUntil + onWait.atLeastMs) return;
    this.announcedUntil = at;
    onWait.notify(wait);
  }

  private park(queue: Array<() => void>, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal?.reason);
      queue.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  // A Retry-After of 30 days is longer than one timer can wait: sleep in timer-sized steps.
  if (ms > MAX_TIMER_MS) return sleep(MAX_TIMER_MS, signal).then(() => sleep(ms - MAX_TIMER_MS, signal));
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

/**
 * One limiter per provider + credential fingerprint, shared by every request of one Runtime
 * (src/http/runtime.ts): accounts with the same key are paced together, two runtimes apart.
 */
export class RateLimiters {
  private readonly byKey = new Map<string, RateLimiter>();

  for(key: string, options: LimiterOptions): RateLimiter {
    let limiter = this.byKey.get(key);
    if (!limiter) {
      limiter = new RateLimiter(options);
      this.byKey.set(key, limiter);
    }
    return limiter;
  }
}
