// Pacing logic with a hand-driven clock (no timing assertions): a request occupies its window slot
// from its start until `windowMs` after it ends, so a late arrival at the provider cannot open a
// window later than the client assumed.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/http/rate-limiter.js';

const never = () => new Error('too late');

describe('RateLimiter', () => {
  it('holds a slot while its request is in flight and frees it a window after the end', async () => {
    let t = 0;
    const limiter = new RateLimiter({ concurrency: 4, rateLimit: { requests: 2, windowMs: 1_000 } }, () => t);
    const first = await limiter.acquire(10_000, undefined, never);
    const second = await limiter.acquire(10_000, undefined, never);
    expect(limiter.nextSlotAt()).toBeNull(); // both in flight: nothing is known to be outside a window
    t = 300;
    first();
    expect(limiter.nextSlotAt()).toBe(300 + 1_000 + 5);
    t = 400;
    second();
    t = 1_305;
    expect(limiter.nextSlotAt()).toBe(1_305);
    expect(await limiter.acquire(10_000, undefined, never)).toBeTypeOf('function');
    expect(limiter.nextSlotAt()).toBe(400 + 1_000 + 5);
  });

  it('refuses at once when the next slot is after the deadline', async () => {
    let t = 0;
    const limiter = new RateLimiter({ concurrency: 1, rateLimit: { requests: 1, windowMs: 60_000 } }, () => t);
    (await limiter.acquire(100_000, undefined, never))();
    t = 10;
    await expect(limiter.acquire(1_000, undefined, (wait) => new Error(`wait ${wait}`))).rejects.toThrow('wait 59995');
  });

  it('without a documented limit only concurrency applies', async () => {
    const limiter = new RateLimiter({ concurrency: 2 }, () => 0);
    const first = await limiter.acquire(1, undefined, never);
    const second = await limiter.acquire(1, undefined, never);
    expect(limiter.nextSlotAt()).toBe(0); // no window: only the two slots hold anyone back
    let third: (() => void) | null = null;
    const waiting = limiter.acquire(1, undefined, never).then((release) => (third = release));
    await new Promise((r) => setImmediate(r));
    expect(third).toBeNull(); // both slots are taken
    first();
    await waiting;
    expect(third).toBeTypeOf('function');
    // Releasing never opens a window either: any number of requests, as long as two at a time.
    second();
    third!();
    for (let i = 0; i < 10; i++) (await limiter.acquire(1, undefined, never))();
    expect(limiter.nextSlotAt()).toBe(0);
  });
});

describe('RateLimiter wait notices', () => {
  /** Acquire, recording what onWait hears; the wait itself is cut short by aborting. */
  async function heard(limiter: RateLimiter): Promise<number[]> {
    const waits: number[] = [];
    const controller = new AbortController();
    const notify = (waitMs: number) => (waits.push(waitMs), controller.abort(new Error('stop')));
    const acquired = limiter.acquire(10_000_000, controller.signal, never, { atLeastMs: 1_000, notify });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await acquired.then(
      (release) => release(),
      () => undefined,
    );
    return waits;
  }

  it('says a wait of a second or more once per pause, and a new pause again', async () => {
    let t = 0;
    const limiter = new RateLimiter({ concurrency: 4 }, () => t);
    limiter.pauseUntil(3_000); // X-RateLimit-Remaining 0 until a reset 3s away
    expect(await heard(limiter)).toEqual([3_000]);
    t = 100;
    expect(await heard(limiter)).toEqual([]); // same pause: a fan-out's other requests stay quiet
    t = 3_000;
    limiter.pauseUntil(60_000);
    expect(await heard(limiter)).toEqual([57_000]);
  });

  it('a sub-second wait stays silent', async () => {
    let t = 0;
    const limiter = new RateLimiter({ concurrency: 1, rateLimit: { requests: 1, windowMs: 500 } }, () => t);
    (await limiter.acquire(10_000, undefined, never))();
    expect(await heard(limiter)).toEqual([]);
    t = 0;
    limiter.pauseUntil(999);
    expect(await heard(limiter)).toEqual([]);
  });
});
