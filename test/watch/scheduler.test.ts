// Scheduling with an injected clock: phases, the fixed grid, provider floors, counts and stops.
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/providers/catalog.js';
import { firstPollDelay, nextPollAt, PollLoop, providerFloor, type Timers } from '../../src/watch/scheduler.js';

/** A manual clock: timers run only when the test advances time. */
class FakeTimers implements Timers {
  time = 1_000_000;
  private queue: Array<{ at: number; fn: () => void; id: number }> = [];
  private ids = 0;
  constructor(private readonly rand = 0.5) {}
  now = () => this.time;
  random = () => this.rand;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.queue.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.queue = this.queue.filter((t) => t.id !== id);
  };
  get pending(): number {
    return this.queue.length;
  }
  /** Advance time, firing due timers in order and letting promise callbacks run between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const next = this.queue.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.queue = this.queue.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = end;
    await new Promise((r) => setImmediate(r));
  }
}

describe('planning', () => {
  it('spreads first polls over a tenth of the interval, at most 2s', () => {
    expect(firstPollDelay(60_000, () => 0.5)).toBe(1_000);
    expect(firstPollDelay(60_000, () => 0.999)).toBe(1_998);
    expect(firstPollDelay(1_000, () => 0.5)).toBe(50);
    expect(firstPollDelay(1_000, () => 0)).toBe(0);
  });

  it('keeps a fixed grid: no drift, and overruns skip slots instead of bunching', () => {
    expect(nextPollAt(10_000, 1_000, 10_400)).toBe(11_000);
    expect(nextPollAt(10_000, 1_000, 12_300)).toBe(13_000);
    expect(nextPollAt(10_000, 1_000, 13_000)).toBe(13_000);
  });

  it('derives floors from the catalog: guidance, request rate, requests per poll; the sandbox has no guidance', () => {
    expect(providerFloor(PROVIDERS.syncpay, 1, false)).toMatchObject({
      ms: 10_000,
      reason: expect.stringContaining('SyncPay asks for no more than one balance poll every 10s'),
    });
    expect(providerFloor(PROVIDERS.syncpay, 1, true)).toEqual({ ms: 0, reason: null });
    expect(providerFloor(PROVIDERS['flow-payments'], 1, false).ms).toBe(2_000);
    expect(providerFloor(PROVIDERS['flow-payments'], 1, true).ms).toBe(2_000); // pacing still applies
    expect(providerFloor(PROVIDERS['flow-payments'], 3, false)).toMatchObject({
      ms: 6_000,
      reason: 'Flow Payments allows 30 requests per minute per key (3 requests per poll)',
    });
    expect(providerFloor(PROVIDERS.cryptofuse, 1, false).ms).toBe(1_000);
    expect(providerFloor(PROVIDERS.cryptofuse, 12, false).ms).toBe(7_200);
  });
});

describe('PollLoop', () => {
  function loop(
    timers: FakeTimers,
    accounts: string[],
    options: {
      count?: number | null;
      interval?: (a: string) => number;
      notBefore?: (a: string) => number;
      pollMs?: number;
      onHeldBack?: (a: string, ms: number) => void;
    } = {},
  ) {
    const log: Array<[string, number]> = [];
    const poll = (account: string) => {
      log.push([account, timers.now()]);
      if (!options.pollMs) return Promise.resolve();
      return new Promise<void>((resolve) => timers.setTimeout(resolve, options.pollMs ?? 0));
    };
    const runner = new PollLoop(accounts, {
      timers,
      count: options.count ?? null,
      intervalOf: options.interval ?? (() => 1_000),
      notBefore: options.notBefore ?? (() => 0),
      poll,
      onHeldBack: options.onHeldBack,
    });
    return { runner, log, done: runner.run() };
  }

  it('polls each account on its own grid and stops after --count polls of every account', async () => {
    const timers = new FakeTimers(0.5);
    const { log, done } = loop(timers, ['a', 'b'], { count: 3, interval: (a) => (a === 'a' ? 1_000 : 2_500) });
    let finished = false;
    void done.then(() => (finished = true));
    await timers.advance(10_000);
    const t0 = 1_000_000;
    expect(log.filter(([a]) => a === 'a').map(([, t]) => t - t0)).toEqual([50, 1_050, 2_050]);
    expect(log.filter(([a]) => a === 'b').map(([, t]) => t - t0)).toEqual([125, 2_625, 5_125]);
    expect(finished).toBe(true);
    expect(timers.pending).toBe(0); // nothing left armed: the process can exit
  });

  it('never overlaps an account with itself and waits for Retry-After', async () => {
    const timers = new FakeTimers(0);
    const { log, runner } = loop(timers, ['a'], { pollMs: 1_500, notBefore: () => 1_000_000 + 5_000 });
    await timers.advance(9_000);
    // 0 runs to 1.5s; the credential is blocked until 5s; then each poll (1.5s) skips the grid slot it overran.
    expect(log.map(([, t]) => t - 1_000_000)).toEqual([0, 5_000, 7_000, 9_000]);
    const stopped = runner.stop();
    await timers.advance(1_500); // the poll in flight settles (a real one is aborted by the session)
    await stopped;
    expect(timers.pending).toBe(0);
  });

  it('a key held back 30 days (Retry-After) is waited out in timer-sized steps, never a timer past 2^31-1 ms', async () => {
    const timers = new FakeTimers(0);
    const delays: number[] = [];
    const setTimeout = timers.setTimeout;
    timers.setTimeout = (fn, ms) => {
      delays.push(ms);
      return setTimeout(fn, ms);
    };
    const thirtyDays = 30 * 86_400_000;
    const { log, runner } = loop(timers, ['a'], { notBefore: () => 1_000_000 + thirtyDays });
    await timers.advance(thirtyDays - 1_000);
    expect(log.map(([, t]) => t - 1_000_000)).toEqual([0]); // the first poll, then the key is held back
    await timers.advance(2_000);
    expect(log.slice(0, 2).map(([, t]) => t - 1_000_000)).toEqual([0, thirtyDays]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2 ** 31 - 1);
    await runner.stop();
  });

  it('stop() ends the loop after the poll in flight settles, with no timers left', async () => {
    const timers = new FakeTimers(0);
    const { log, runner, done } = loop(timers, ['a', 'b'], { pollMs: 300 });
    await timers.advance(100);
    const stopped = runner.stop();
    await timers.advance(300);
    await stopped;
    await done;
    await timers.advance(10_000);
    expect(log).toHaveLength(2);
    expect(timers.pending).toBe(0);
  });

  it('keeps at most one timer per account over a long run (idle between polls)', async () => {
    const timers = new FakeTimers(0.3);
    const { runner, log } = loop(timers, ['a', 'b', 'c']);
    for (let i = 0; i < 50; i++) {
      await timers.advance(1_000);
      expect(timers.pending).toBeLessThanOrEqual(3);
    }
    expect(log.length).toBeGreaterThanOrEqual(147);
    await runner.stop();
  });

  it('says when the rate limit holds a poll back a second or more past its slot, not otherwise', async () => {
    const timers = new FakeTimers(0); // first poll at once, at 1_000_000
    const held: Array<[string, number]> = [];
    let pausedUntil = 0;
    const { done } = loop(timers, ['a'], { count: 4, notBefore: () => pausedUntil, onHeldBack: (a, ms) => held.push([a, ms]) });
    pausedUntil = 1_000_000 + 3_500; // X-RateLimit-Remaining 0: reset 3.5s away
    await timers.advance(10);
    expect(held).toEqual([['a', 4_000]]); // until the grid slot after the reset
    pausedUntil = 1_000_000 + 5_400; // 0.4s past the slot at 5s: the slot after, 6s, is 1s late
    await timers.advance(3_990);
    expect(held).toHaveLength(2);
    pausedUntil = 0;
    await timers.advance(10_000);
    await done;
    expect(held).toHaveLength(2); // the ordinary cadence says nothing
  });
});
