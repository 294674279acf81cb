// Accounts with their own keys on one host run side by side (issue 22: 50 accounts took 5.4× one
// account, queued on 4 sockets), each key still keeps to its provider's pacing, and sockets per
// origin stay bounded (MAX_SOCKETS_PER_ORIGIN). Concurrency is counted at the sandbox — requests
// being answered at once, per key — and a `gather` fault makes requests that can run together meet,
// so nothing here depends on timing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_ORIGIN } from '../../src/http/transport.js';
import { PROVIDERS } from '../../src/providers/catalog.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: { swipelux: null, 'flow-payments': null } });
  dir = tempDir('bi-keys-');
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.inFlight.reset();
});

const key = (i: number) => `sk_test_side${String(i).padStart(4, '0')}by1side2keys`;

/** `n` SyncPay accounts, each with its own key (known to the sandbox). */
function syncpayAccounts(n: number): Record<string, Record<string, unknown>> {
  const accounts: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < n; i++) {
    sandbox.state.keys.syncpay?.add(key(i));
    accounts[`sp-${i}`] = { provider: 'syncpay', baseUrl: sandbox.baseUrl('syncpay'), apiKey: key(i) };
  }
  return accounts;
}

/** `n` Flow accounts on the sandbox's one Flow key. */
function sharedKeyAccounts(n: number): Record<string, Record<string, unknown>> {
  const accounts: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < n; i++) {
    accounts[`shared-${i}`] = {
      provider: 'flow-payments',
      baseUrl: `${sandbox.baseUrl('flow-payments')}/api`,
      apiKey: SANDBOX_KEYS['flow-payments'].apiKey,
      mode: 'test',
    };
  }
  return accounts;
}

async function balances(accounts: Record<string, Record<string, unknown>>, name: string): Promise<{ accounts: Set<string> }> {
  const config = writeConfig(dir, { accounts }, `${name}.json`);
  const result = await runCli(['balances', '--json', '--config', config], { timeoutMs: 30_000 });
  expect(result.code, result.stderr).toBe(0);
  const doc = JSON.parse(result.stdout) as { balances: Array<{ account: string }> };
  return { accounts: new Set(doc.balances.map((b) => b.account)) };
}

describe('accounts with their own keys on one host', () => {
  it("are read side by side, while accounts sharing a key and one key's wallets keep to its pacing", async () => {
    const own = 24;
    const swipeluxWallets = Array.from({ length: 16 }, (_, i) => `wal_side${i}`);
    const template = sandbox.state.swipelux.wallets.get('wal_abc123') as Record<string, unknown>;
    for (const id of swipeluxWallets) sandbox.state.swipelux.wallets.set(id, { ...template, walletId: id });
    // Every own-key account's request meets the others before any is answered; if they queued on a
    // few sockets, they would wait out the 5 s and never be `own` at once.
    sandbox.faults.add({ provider: 'syncpay', kind: 'gather', count: own, times: own, maxWaitMs: 5_000 });
    // One key's requests are slowed, so that any beyond its concurrency would pile up here.
    sandbox.faults.add({ provider: 'flow-payments', kind: 'delay', ms: 200, times: 100 });
    sandbox.faults.add({ provider: 'swipelux', kind: 'delay', ms: 200, times: 100 });
    const accounts = {
      ...syncpayAccounts(own),
      ...sharedKeyAccounts(6),
      wallets: { provider: 'swipelux', baseUrl: sandbox.baseUrl('swipelux'), apiKey: SANDBOX_KEYS.swipelux.apiKey, wallets: swipeluxWallets, customers: [] },
    };
    const read = await balances(accounts, 'side-by-side');
    expect(read.accounts.size).toBe(own + 6 + 1);
    expect(sandbox.inFlight.peak()).toBeGreaterThanOrEqual(own);
    for (let i = 0; i < own; i++) expect(sandbox.inFlight.peak(key(i))).toBe(1);
    // Six accounts on one Flow key: that key's concurrency, not six at once.
    expect(sandbox.inFlight.peak(SANDBOX_KEYS['flow-payments'].apiKey)).toBeLessThanOrEqual(PROVIDERS['flow-payments'].concurrency);
    expect(sandbox.inFlight.peak(SANDBOX_KEYS['flow-payments'].apiKey)).toBeGreaterThan(1);
    // Sixteen wallets on one Swipelux key: never more than its concurrency in flight.
    expect(sandbox.inFlight.peak(SANDBOX_KEYS.swipelux.apiKey)).toBeLessThanOrEqual(PROVIDERS.swipelux.concurrency);
    expect(sandbox.inFlight.peak(SANDBOX_KEYS.swipelux.apiKey)).toBeGreaterThan(1);
  });

  it(`open one socket per request in flight, and never more than ${MAX_SOCKETS_PER_ORIGIN} to one origin`, async () => {
    const n = MAX_SOCKETS_PER_ORIGIN + 16;
    // The first MAX_SOCKETS_PER_ORIGIN requests meet; the rest must reuse their sockets.
    sandbox.faults.add({ provider: 'syncpay', kind: 'gather', count: MAX_SOCKETS_PER_ORIGIN, times: MAX_SOCKETS_PER_ORIGIN, maxWaitMs: 5_000 });
    const before = sandbox.connections();
    const read = await balances(syncpayAccounts(n), 'bounded');
    expect(read.accounts.size).toBe(n);
    expect(sandbox.inFlight.peak()).toBe(MAX_SOCKETS_PER_ORIGIN);
    expect(sandbox.connections() - before).toBe(MAX_SOCKETS_PER_ORIGIN);
  });
});

describe("the sandbox's gather fault", () => {
  it('holds requests that cannot meet for at most its maxWaitMs, then answers them', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'gather', count: 3, times: 1, maxWaitMs: 200 });
    const read = await balances(syncpayAccounts(1), 'lonely');
    expect(read.accounts).toEqual(new Set(['sp-0']));
    expect(sandbox.inFlight.peak(key(0))).toBe(1);
  });
});
