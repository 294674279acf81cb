// A sandbox for Swipelux tests and a config with one account `sw` pointed at it.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { toBalanceJson, type Balance } from '../../src/core/balance.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { swipeluxExtraFixtures } from '../../src/providers/swipelux/emulator/data.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import type { Sandbox } from '../../src/sandbox/server.js';
import { freshRuntime } from './runtime.js';

export function swipeConfig(sandbox: Sandbox, settings: Record<string, unknown>): Record<string, unknown> {
  void freshRuntime(); // the new runtime is in place at once; the old one's sockets close behind
  return { accounts: { sw: { provider: 'swipelux', baseUrl: sandbox.baseUrl('swipelux'), apiKey: SANDBOX_KEYS.swipelux.apiKey, ...settings } } };
}

/** wallet, walletName, currency, network, available, pending, total. */
export const swipeRow = (b: Balance) => {
  const j = toBalanceJson(b);
  return [j.wallet, j.walletName, j.currency, j.network, j.available, j.pending, j.total];
};

export const swipePaths = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.provider === 'swipelux').map((r) => r.path);

/** One sandbox for the test file; each test starts with the Swipelux fixtures, no faults, no requests. */
export function useSwipeluxSandbox(): { current: Sandbox } {
  const holder = {} as { current: Sandbox };
  beforeAll(async () => {
    holder.current = await startSandbox();
  });
  afterAll(() => holder.current.close());
  beforeEach(() => {
    holder.current.faults.clear();
    holder.current.requests.length = 0;
    Object.assign(holder.current.state.swipelux, swipeluxExtraFixtures());
  });
  return holder;
}
