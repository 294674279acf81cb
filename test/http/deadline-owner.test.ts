// The read's deadline is ended by our own timer (src/http/abort-scope.ts), never by undici's
// headers/body timeouts: those run on a coarse clock (undici's fast timers tick about every half
// second) and can fire up to a tick early, which under load turned "no answer within 1.5s" into
// "no answer" and a body stall at the deadline into a retry (fault scenarios N04, N05, N08).
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHttpSettings, httpRequest, timeBudget } from '../../src/http/client.js';
import { createRuntime, type Runtime } from '../../src/http/runtime.js';
import type { Exchange } from '../../src/http/transport.js';

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

/** A transport that records what it was asked and then answers as `answer` says. */
function recording(answer: (spec: Exchange) => Promise<{ status: number; headers: Record<string, string>; text: string }>) {
  runtime = createRuntime();
  const seen: Exchange[] = [];
  runtime.transport.exchange = (spec: Exchange) => {
    seen.push(spec);
    return answer(spec);
  };
  return { runtime, seen };
}

const spec = { method: 'GET' as const, url: new URL('http://127.0.0.1:9/v1/balances'), headers: {}, who: "SyncPay for account 'syncpay'" };

describe('who ends an attempt at the deadline', () => {
  it('when the budget is shorter than the stall limits, undici gets limits past the deadline and our timer ends the attempt at it', async () => {
    const { runtime: rt, seen } = recording((ex) => new Promise((_, reject) => ex.signal.addEventListener('abort', () => reject(ex.signal.reason))));
    const settings = defaultHttpSettings({ runtime: rt, ...timeBudget(300) });
    const error = await httpRequest(spec, settings).catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headersTimeoutMs).toBeGreaterThan(300);
    expect(seen[0]!.bodyTimeoutMs).toBeGreaterThan(300);
    expect((error as Error).message).toBe("timed out waiting for SyncPay for account 'syncpay' (no answer within 300ms)");
  });

  it('when a stall limit is shorter than the budget, undici keeps it (a stalled attempt is retried)', async () => {
    const { runtime: rt, seen } = recording(async () => ({ status: 200, headers: {}, text: '{}' }));
    const settings = defaultHttpSettings({ runtime: rt, ...timeBudget(30_000), headersTimeoutMs: 2_000, bodyTimeoutMs: 3_000 });
    await httpRequest(spec, settings);
    expect(seen[0]!.headersTimeoutMs).toBe(2_000);
    expect(seen[0]!.bodyTimeoutMs).toBe(3_000);
  });
});
