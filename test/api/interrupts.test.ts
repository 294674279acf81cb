// Library interrupts are interrupts (issue 21 class 11): a caller's signal (or a runtime's) that
// aborts fetchBalances / canWithdraw rejects with INTERRUPTED whatever it was aborted with —
// never INTERNAL (exit 70), never a result — and a read adds one listener to a long-lived signal,
// not one per request: 100 Swipelux wallets print no MaxListenersExceededWarning and leave no
// listener behind, however many reads share the signal.
import { getEventListeners } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterruptedError, canWithdraw, createRuntime, fetchBalances, parseConfig, type Config } from '../../src/index.js';
import { SWIPELUX_INFO } from '../../src/providers/swipelux/info.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { sandboxWithConfig } from '../helpers/fixtures.js';

let sandbox: Sandbox;
let config: Config;
let slow: Sandbox;
let wallets: Config;
beforeAll(async () => {
  let raw: Record<string, unknown>;
  ({ sandbox, config: raw } = await sandboxWithConfig());
  config = parseConfig(raw);
  // 100 wallets behind a slow server: at most 4 in flight, 96 waiting on the same signal.
  slow = await startSandbox({ latencyMs: 20 });
  const ids = Array.from({ length: 100 }, (_, i) => `wal_${String(i).padStart(3, '0')}`);
  for (const id of ids)
    slow.state.swipelux.wallets.set(id, { walletId: id, network: 'polygon', balances: [{ currency: 'USDC', amount: '1.00', decimals: 6 }] });
  wallets = parseConfig({
    accounts: { many: { provider: 'swipelux', baseUrl: slow.baseUrl('swipelux'), apiKey: SWIPELUX_INFO.sandboxCredentials.apiKey, wallets: ids } },
  });
});
afterAll(async () => {
  await sandbox.close();
  await slow.close();
});

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<{ code?: string; exitCode?: number; name?: string; cause?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; exitCode?: number };
  }
  throw new Error('expected a rejection');
}

describe('a caller aborting a read', () => {
  const reasons: Array<[string, (c: AbortController) => void]> = [
    ['abort()', (c) => c.abort()],
    ['abort("stop")', (c) => c.abort('stop')],
    ['abort(new Error())', (c) => c.abort(new Error('shutting down'))],
    ['AbortSignal.timeout-like DOMException', (c) => c.abort(new DOMException('gone', 'TimeoutError'))],
  ];
  for (const [what, abort] of reasons) {
    it(`${what} mid-read rejects fetchBalances with INTERRUPTED`, async () => {
      sandbox.faults.add({ provider: 'syncpay', kind: 'hang' });
      const controller = new AbortController();
      const read = fetchBalances(config, { accounts: ['syncpay', 'flow-main'], signal: controller.signal });
      setTimeout(() => abort(controller), 100);
      const error = await rejection(read);
      expect(error).toBeInstanceOf(InterruptedError);
      expect(error).toMatchObject({ code: 'INTERRUPTED', exitCode: 130, message: 'interrupted: the caller aborted the call' });
      sandbox.faults.clear();
    });
  }

  it('a signal aborted before the call rejects at once, without a request', async () => {
    const before = sandbox.requests.length;
    expect(await rejection(fetchBalances(config, { accounts: ['syncpay'], signal: AbortSignal.abort() }))).toMatchObject({ code: 'INTERRUPTED' });
    expect(sandbox.requests.length).toBe(before);
  });

  it("a runtime created with the caller's signal, and canWithdraw, reject the same way", async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'hang' });
    const controller = new AbortController();
    const runtime = createRuntime({ signal: controller.signal });
    try {
      const answer = canWithdraw(config, { currency: 'USDT', amount: '10' }, { accounts: ['syncpay'], runtime });
      setTimeout(() => controller.abort(), 100);
      expect(await rejection(answer)).toMatchObject({ code: 'INTERRUPTED', exitCode: 130 });
    } finally {
      await runtime.close();
      sandbox.faults.clear();
    }
  });
});

describe('listeners on a long-lived signal', () => {
  it('100 wallets: one listener at most while reading, none after, no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const controller = new AbortController();
    let most = 0;
    const probe = setInterval(() => (most = Math.max(most, getEventListeners(controller.signal, 'abort').length)), 5);
    try {
      for (let i = 0; i < 2; i++) {
        const result = await fetchBalances(wallets, { signal: controller.signal, timeout: 60_000 });
        expect(result.errors).toEqual([]);
        expect(result.balances).toHaveLength(100);
      }
    } finally {
      clearInterval(probe);
      process.off('warning', onWarning);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(most).toBeLessThanOrEqual(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  }, 60_000);

  it("a shared runtime's signal keeps no listener after 50 reads", async () => {
    const controller = new AbortController();
    const runtime = createRuntime({ signal: controller.signal });
    try {
      for (let i = 0; i < 50; i++) await fetchBalances(config, { accounts: ['syncpay'], runtime });
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    } finally {
      await runtime.close();
    }
  });
});

describe('the mechanism', () => {
  it('src/ never combines signals with AbortSignal.any (its dependants leak on Node 20)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const offenders = files(new URL('../../src', import.meta.url).pathname).filter((f) => /AbortSignal\.any\(\s*\[/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
