// When each account is polled. Every account runs on its own fixed grid: a random phase (so
// accounts don't all fire at once), then every `interval` after it. Planning from the grid rather
// than from "when the last poll finished" keeps the cadence from drifting over weeks; a poll that
// overruns, or a provider that asked us to wait (429 Retry-After), skips grid slots rather than
// bunching up. One timer per account at most, and none while its poll is in flight: between
// polls the process is idle.
import { formatDuration, MAX_TIMER_MS } from '../core/duration.js';
import { NOTICEABLE_WAIT_MS } from '../http/retry-notice.js';
import type { ProviderInfo } from '../providers/catalog.js';

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  random: Math.random,
};

/** First polls are spread over at most this long (or a tenth of the interval), so the snapshot is quick. */
const MAX_SPREAD_MS = 2_000;

/** Delay of an account's first poll: its random phase on the grid. */
export function firstPollDelay(intervalMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(intervalMs / 10, MAX_SPREAD_MS));
}

/** The first grid point after `plannedAt` that is not before `earliest`. */
export function nextPollAt(plannedAt: number, intervalMs: number, earliest: number): number {
  const next = plannedAt + intervalMs;
  if (next >= earliest) return next;
  return plannedAt + Math.ceil((earliest - plannedAt) / intervalMs) * intervalMs;
}

export interface Floor {
  ms: number;
  /** Why the interval is raised, for the one-time notice; null when nothing applies. */
  reason: string | null;
  /** The floor comes from the request rate, so it depends on how many requests a poll sends. */
  byRate?: boolean;
}

/**
 * The shortest interval a provider allows for an account: its own polling guidance
 * (`minPollIntervalMs`, e.g. SyncPay's "no more than every 10 s") and its documented request rate
 * spread over the requests one poll makes (Flow 30/min per key: one request every 2 s). The
 * built-in sandbox is not a provider and has no polling guidance; its documented request rates
 * still apply, because the HTTP layer paces every credential by them anyway.
 */
export function providerFloor(info: ProviderInfo, requestsPerPoll: number, sandbox: boolean): Floor {
  const guidance = sandbox ? 0 : info.minPollIntervalMs;
  const limit = info.rateLimit;
  const byRate = limit ? Math.ceil((Math.max(1, requestsPerPoll) * limit.windowMs) / limit.requests) : 0;
  if (byRate > guidance && limit) {
    const per = limit.windowMs === 60_000 ? 'minute' : formatDuration(limit.windowMs);
    const made = `${requestsPerPoll} request${requestsPerPoll > 1 ? 's' : ''} per poll`;
    return { ms: byRate, reason: `${info.displayName} allows ${limit.requests} requests per ${per} per key (${made})`, byRate: true };
  }
  if (guidance > 0) return { ms: guidance, reason: `${info.displayName} asks for no more than one balance poll every ${formatDuration(guidance)}` };
  return { ms: 0, reason: null };
}

export interface LoopOptions {
  timers: Timers;
  /** Current interval of an account (floors may raise it between polls). */
  intervalOf(account: string): number;
  /** Earliest time the account's credential may send again (Retry-After, pacing). */
  notBefore(account: string): number;
  poll(account: string): Promise<void>;
  /** The rate limit holds the account's next poll back a noticeable time past its grid slot. */
  onHeldBack?: ((account: string, waitMs: number) => void) | undefined;
  /** Polls per account before the loop ends; null = until stopped. */
  count: number | null;
}

interface Slot {
  planned: number;
  polls: number;
  timer: unknown;
  inFlight: Promise<void> | null;
}

/** Runs each account's polls on its grid until every account has done `count` polls or stop(). */
export class PollLoop {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;
  private finish: (() => void) | null = null;
  private fail: ((error: unknown) => void) | null = null;

  constructor(
    private readonly accounts: readonly string[],
    private readonly options: LoopOptions,
  ) {}

  /** Resolves when done (count reached) or stopped; rejects if a poll throws (a bug). */
  run(): Promise<void> {
    const { timers } = this.options;
    const done = new Promise<void>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    if (this.stopped) {
      this.finish?.();
      return done;
    }
    const start = timers.now();
    for (const account of this.accounts) {
      const planned = start + firstPollDelay(this.options.intervalOf(account), timers.random);
      const slot: Slot = { planned, polls: 0, timer: null, inFlight: null };
      this.slots.set(account, slot);
      this.arm(account, slot);
    }
    if (this.accounts.length === 0) this.finish?.();
    return done;
  }

  /** Stop planning polls; resolves once polls in flight have settled (the caller aborts them). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const slot of this.slots.values()) this.options.timers.clearTimeout(slot.timer);
    await Promise.allSettled([...this.slots.values()].flatMap((s) => (s.inFlight ? [s.inFlight] : [])));
    this.finish?.();
  }

  private arm(account: string, slot: Slot): void {
    const delay = Math.max(0, slot.planned - this.options.timers.now());
    // A key held back for 30 days (Retry-After) is further than one timer reaches: re-arm on the way.
    if (delay > MAX_TIMER_MS) slot.timer = this.options.timers.setTimeout(() => this.arm(account, slot), MAX_TIMER_MS);
    else slot.timer = this.options.timers.setTimeout(() => this.fire(account, slot), delay);
  }

  private fire(account: string, slot: Slot): void {
    slot.timer = null;
    if (this.stopped) return;
    slot.inFlight = this.options.poll(account).then(
      () => this.after(account, slot),
      (error: unknown) => {
        slot.inFlight = null;
        this.stopped = true;
        for (const s of this.slots.values()) this.options.timers.clearTimeout(s.timer);
        this.fail?.(error);
      },
    );
  }

  private after(account: string, slot: Slot): void {
    slot.inFlight = null;
    slot.polls++;
    if (this.stopped) return;
    const { count, timers } = this.options;
    if (count !== null && slot.polls >= count) {
      if ([...this.slots.values()].every((s) => s.polls >= count)) this.finish?.();
      return;
    }
    const now = timers.now();
    const interval = this.options.intervalOf(account);
    const onGrid = nextPollAt(slot.planned, interval, now);
    slot.planned = nextPollAt(slot.planned, interval, Math.max(now, this.options.notBefore(account)));
    // A pause the provider imposed (X-RateLimit-Remaining 0, an unspent Retry-After) is said like
    // a retry's wait when people would notice it; a cadence that merely continues is not.
    if (slot.planned - onGrid >= NOTICEABLE_WAIT_MS) this.options.onHeldBack?.(account, slot.planned - now);
    this.arm(account, slot);
  }
}
