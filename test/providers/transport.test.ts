// The undici transport (src/http/transport.ts): socket reuse per origin and how its failures are
// reported to users.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/providers/catalog.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';
import { fetchWith } from '../helpers/adapters.js';
import { freshRuntime } from '../helpers/runtime.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ latencyMs: 20 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.faults.clear();
  await freshRuntime();
});

describe('transport', () => {
  it('reads many wallets over keep-alive sockets, never more than the provider concurrency', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => `wal_t${i}`);
    const template = sandbox.state.swipelux.wallets.get('wal_abc123') as Record<string, unknown>;
    for (const id of ids) sandbox.state.swipelux.wallets.set(id, { ...template, walletId: id });
    const raw = (await sandboxRawConfig(sandbox.baseUrl)) as { accounts: Record<string, Record<string, unknown>> };
    raw.accounts.swipelux = { ...raw.accounts.swipelux, wallets: ids, customers: [] };
    const before = sandbox.connections();
    const result = await fetchWith(raw, ['swipelux']);
    expect(result.errors).toEqual([]);
    expect(new Set(result.balances.map((b) => b.wallet))).toEqual(new Set(ids));
    const opened = sandbox.connections() - before;
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThanOrEqual(PROVIDERS.swipelux.concurrency);
  });

  it('says the server closed the connection when it does so every time', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'reset', times: 5 });
    const result = await fetchWith(await sandboxRawConfig(sandbox.baseUrl), ['syncpay']);
    expect(result.errors[0]?.message).toBe(`cannot reach SyncPay for account 'syncpay' at ${new URL(sandbox.url).host}: connection closed by the server`);
    expect(result.errors[0]?.exitCode).toBe(5);
  });

  it('times out a stalled body with the body-timeout wording', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'stall-body', times: 5 });
    const result = await fetchWith(await sandboxRawConfig(sandbox.baseUrl), ['syncpay'], { bodyTimeoutMs: 100 });
    expect(result.errors[0]?.message).toBe("timed out waiting for SyncPay for account 'syncpay' (the response body stalled)");
  });
});
