// The library API as users import it (src/index.ts), in-process against the sandbox: no printing,
// typed results, BalanceError classes thrown, and canWithdraw refusing a yes from cached balances.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BalanceError,
  ConfigError,
  RefusedError,
  UsageError,
  canWithdraw,
  fetchBalances,
  loadConfig,
  parseConfig,
  toBalanceJson,
  totals,
  type Config,
} from '../../src/index.js';
import type { Sandbox } from '../../src/sandbox/server.js';
import { sandboxWithConfig, tempDir } from '../helpers/fixtures.js';

let sandbox: Sandbox;
let configPath: string;
let config: Config;
beforeAll(async () => {
  let raw: Record<string, unknown>;
  ({ sandbox, configPath, config: raw } = await sandboxWithConfig());
  config = parseConfig(raw);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

describe('library API', () => {
  it('loadConfig + fetchBalances: valued balances, reported totals, complete, without printing', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const loaded = await loadConfig({ configPath });
    const progress: string[] = [];
    const result = await fetchBalances(loaded, { accounts: ['syncpay', 'flow-main'], env: {}, onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    expect([result.complete, result.cache, result.errors]).toEqual([true, null, []]);
    const usdt = result.balances.find((b) => b.currency === 'USDT');
    expect(usdt && toBalanceJson(usdt)).toMatchObject({ available: '500.00', usdValue: '550.00', usdSource: 'peg' });
    expect(result.reported.map((r) => r.amount.toFixed(2))).toEqual(['2847.25']);
    expect(totals(result).grandTotal.toFixed(2)).toBe('2267.03');
    expect(totals(result, { by: 'account', tolerance: '0.5%' }).groups.map((g) => g.key)).toEqual(['syncpay', 'flow-main']);
  });

  it('per-account failures are results; everything else is thrown as a BalanceError', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401 });
    const result = await fetchBalances(config, { accounts: ['syncpay', 'flow-main'] });
    expect(result.complete).toBe(false);
    expect(result.errors[0]).toBeInstanceOf(RefusedError);
    expect(result.errors[0]).toMatchObject({ code: 'AUTH_FAILED', exitCode: 4, account: 'syncpay' });
    await expect(fetchBalances(config, { accounts: ['nope'] })).rejects.toBeInstanceOf(UsageError);
    expect(() => parseConfig({ accounts: {} })).toThrow(ConfigError);
    expect(() => totals(result, { tolerance: 'lots' })).toThrow(BalanceError);
  });

  it('caches with maxAge and an injected clock, and reports where each account came from', async () => {
    const cacheDir = tempDir();
    const t0 = Date.parse('2026-11-21T10:00:00Z');
    const opts = { accounts: ['syncpay'], maxAge: 30_000, cacheDir };
    const first = await fetchBalances(config, { ...opts, now: () => new Date(t0) });
    expect(first.cache?.accounts).toMatchObject([{ account: 'syncpay', source: 'live', ageMs: 0 }]);
    const before = sandbox.requests.length;
    const second = await fetchBalances(config, { ...opts, now: () => new Date(t0 + 20_000) });
    expect(sandbox.requests.length).toBe(before);
    expect(second.cache?.accounts).toMatchObject([{ account: 'syncpay', source: 'cache', ageMs: 20_000 }]);
    expect(second.balances.map(toBalanceJson)).toEqual(first.balances.map(toBalanceJson));
    const expired = await fetchBalances(config, { ...opts, now: () => new Date(t0 + 31_000) });
    expect(expired.cache?.accounts[0]?.source).toBe('live');

    // canWithdraw never says yes from cached figures; from the config it reads afresh.
    const cached = await fetchBalances(config, { ...opts, now: () => new Date(t0 + 32_000) });
    expect(cached.cache?.accounts[0]?.source).toBe('cache');
    const fromCache = await canWithdraw(cached, { currency: 'USDT', amount: '10' });
    expect(fromCache.decision).toBe('unknown');
    expect(fromCache.reasons.join('\n')).toContain("cached: the balances of 'syncpay' are 1s old; a yes needs fresh figures");
    const fresh = await canWithdraw(config, { currency: 'USDT', amount: '10' }, { ...opts, now: () => new Date(t0 + 33_000) });
    expect([fresh.decision, fresh.account, fresh.balances.cache?.accounts[0]?.source]).toEqual(['yes', 'syncpay', 'live']);
  });

  it('canWithdraw: a known no with reasons, and usage errors for malformed requests', async () => {
    const no = await canWithdraw(config, { currency: 'USDT_TRC20', amount: '5' }, { accounts: ['syncpay'] });
    expect([no.decision, no.reasons]).toEqual(['no', ["below minimum: 5 < 10 USDT_TRC20 for SyncPay account 'syncpay'"]]);
    expect(no.checks[0]).toMatchObject({ account: 'syncpay', ok: false });
    await expect(canWithdraw(config, { currency: 'USDT', amount: '1e3' })).rejects.toBeInstanceOf(UsageError);
  });

  it("words its errors for a library caller: the options' names, never a CLI flag", async () => {
    const missing = `${tempDir()}/nope.yaml`;
    await expect(loadConfig({ configPath: missing })).rejects.toThrow(`config file not found: ${missing} (from configPath)`);
    const nowhere = tempDir();
    const none = await loadConfig({ cwd: nowhere, env: { HOME: nowhere } }).catch((e: unknown) => e as ConfigError);
    expect((none as ConfigError).problems[0]).toBe('looked for: configPath, $BALANCE_CONFIG,');
    await expect(fetchBalances(config, { provider: 'bachs', accounts: ['syncpay'] })).rejects.toThrow(
      'no configured account matches provider bachs and accounts syncpay',
    );
    await expect(canWithdraw(config, { currency: 'USDT', amount: '5', network: 'tronn' })).rejects.toThrow(/^network "tronn" /);
    await expect(canWithdraw(config, { currency: 'USDT', amount: '5', mode: 'prod' as never })).rejects.toThrow(
      'mode "prod" is not a mode; expected live or test',
    );
    const accountInCurrency = await canWithdraw(config, { currency: 'syncpay:USDT', amount: '5' }).catch((e: unknown) => e as UsageError);
    expect([(accountInCurrency as UsageError).message, (accountInCurrency as UsageError).hint]).toEqual([
      'currency "syncpay:USDT": canWithdraw takes the account from the accounts option',
      "e.g. { accounts: ['syncpay'] }",
    ]);
    for (const error of [none, accountInCurrency]) expect(JSON.stringify(error) + String((error as Error).message)).not.toMatch(/--[a-z]/);
  });
});
