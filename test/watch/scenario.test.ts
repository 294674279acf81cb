// Sandbox scenarios: balances that change per request (no timers), with a consistent USD total.
import { describe, expect, it } from 'vitest';
import { defaultMounts, type MountedEmulator } from '../../src/sandbox/mounts.js';
import type { ScenarioTarget } from '../../src/providers/kit/mount.js';
import { parseScenario, startScenario } from '../../src/sandbox/scenario.js';

const PATH = '/api/v1/accounts/balances';

describe('sandbox scenarios', () => {
  it('parses settle, settle:<requests>, settle:<duration> and ticker', () => {
    expect(parseScenario('settle')).toEqual({ name: 'settle' });
    expect(parseScenario('settle:5')).toEqual({ name: 'settle', after: 5 });
    expect(parseScenario('settle:30s')).toEqual({ name: 'settle', afterMs: 30_000 });
    expect(parseScenario('ticker')).toEqual({ name: 'ticker' });
    for (const bad of ['nope', 'settle:', 'settle:0', 'settle:-1', 'ticker:5']) expect(parseScenario(bad), bad).toBeNull();
  });

  it('settle: a deposit shows as pending, then settles; the reported USD total follows', async () => {
    const { state, mounts } = await defaultMounts();
    const scenario = startScenario({ name: 'settle' }, mounts);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      scenario.beforeRequest('flow-payments', '/api/balances'); // other providers do not count
      scenario.beforeRequest('syncpay', PATH);
      const usdt = state.syncpay.balances.find((b) => b.currency === 'USDT_TRC20');
      seen.push(`${usdt?.available_balance}/${usdt?.pending_balance} ${state.syncpay.totalBalanceUsd}`);
    }
    expect(seen).toEqual(['200.00/0.00 2497.25', '200.00/300.00 2797.25', '500.00/0.00 2797.25', '500.00/0.00 2797.25']);
  });

  it('settle:<duration> settles on time, checked lazily on each request', async () => {
    const { state, mounts } = await defaultMounts();
    let now = 0;
    const scenario = startScenario({ name: 'settle', afterMs: 1_000 }, mounts, () => now);
    const usdt = () => state.syncpay.balances.find((b) => b.currency === 'USDT_TRC20')?.available_balance;
    for (let i = 0; i < 5; i++) scenario.beforeRequest('syncpay', PATH);
    expect(usdt()).toBe('200.00');
    now = 1_000;
    scenario.beforeRequest('syncpay', PATH);
    expect(usdt()).toBe('500.00');
  });

  it('ticker adds 0.01 USD per request', async () => {
    const { state, mounts } = await defaultMounts();
    const scenario = startScenario({ name: 'ticker' }, mounts);
    for (let i = 0; i < 3; i++) scenario.beforeRequest('syncpay', PATH);
    expect(state.syncpay.balances.find((b) => b.currency === 'USD')?.available_balance).toBe('1250.53');
    expect(state.syncpay.totalBalanceUsd).toBe('2847.28');
  });

  it('any emulator offering a scenario target takes part, counting its own balance requests', async () => {
    const rows = new Map([
      ['USDT', { available: '9.00', pending: '0.00' }],
      ['USD', { available: '1.00', pending: '0.00' }],
    ]);
    const target: ScenarioTarget = {
      balancesPath: '/v9/funds',
      depositCurrency: 'USDT',
      dollarCurrency: 'USD',
      amounts: (currency) => rows.get(currency) ?? null,
      setAmounts: (currency, available, pending) => void rows.set(currency, { available, pending }),
    };
    const newcomer = { id: 'newcomer', mount: { scenario: target } } as unknown as MountedEmulator;
    const { state, mounts } = await defaultMounts();
    const scenario = startScenario({ name: 'settle' }, [...mounts, newcomer]);
    expect(rows.get('USDT')).toEqual({ available: '200.00', pending: '0.00' });
    scenario.beforeRequest('newcomer', '/v9/other'); // not a balance read
    scenario.beforeRequest('newcomer', '/v9/funds');
    scenario.beforeRequest('newcomer', '/v9/funds');
    expect(rows.get('USDT')).toEqual({ available: '200.00', pending: '300.00' });
    scenario.beforeRequest('newcomer', '/v9/funds');
    expect(rows.get('USDT')).toEqual({ available: '500.00', pending: '0.00' });
    // SyncPay's own count is untouched by the newcomer's requests.
    expect(state.syncpay.balances.find((b) => b.currency === 'USDT_TRC20')).toMatchObject({ available_balance: '200.00', pending_balance: '0.00' });
  });
});
