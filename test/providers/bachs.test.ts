// Bachs (SyncPay's current API) against the sandbox: the balance call, hosts and modes by key
// prefix, both error envelopes, and pacing on X-RateLimit-* headers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toBalanceJson } from '../../src/core/balance.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { fetchWith } from '../helpers/adapters.js';
import { freshRuntime } from '../helpers/runtime.js';

let sandbox: Sandbox;
let config: Record<string, unknown>;
const accounts = () => config.accounts as Record<string, Record<string, unknown>>;
const bachsWith = (over: Record<string, unknown>) => ({ accounts: { bachs: { ...accounts().bachs, ...over } } });
const bachsRequests = () => sandbox.requests.filter((r) => r.provider === 'bachs');

beforeAll(async () => {
  sandbox = await startSandbox();
  config = await sandboxRawConfig(sandbox.baseUrl);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.faults.clear();
  sandbox.requests.length = 0;
  sandbox.state.bachs.limit = 100;
  sandbox.state.bachs.windowMs = 60_000;
  sandbox.state.bachs.windows.clear();
  await freshRuntime();
});

describe('Bachs balances', () => {
  it('reads the OpenAPI shape exactly: no success field, settlements ignored, mode test from sk_sandbox_', async () => {
    const result = await fetchWith(config, ['bachs']);
    expect(result.errors).toEqual([]);
    expect(
      result.balances.map(toBalanceJson).map((b) => [b.provider, b.mode, b.currency, b.network, b.providerCurrency, b.available, b.pending, b.total]),
    ).toEqual([
      ['bachs', 'test', 'NGN', null, 'NGN', '58700.00', '0.00', '58700.00'],
      ['bachs', 'test', 'USD', null, 'USD', '95178.20', '0.00', '95178.20'],
      ['bachs', 'test', 'USDT', 'tron', 'USDT_TRC20', '1200.50', '300.00', '1500.50'],
    ]);
    expect(result.reported.map((r) => [r.account, r.scope, r.amount.toFixed()])).toEqual([['bachs', 'account', '96716.86']]);
  });

  it('sends Bearer to /v1/accounts/balances (no /api prefix)', async () => {
    await fetchWith(config, ['bachs']);
    expect(bachsRequests().map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', '/v1/accounts/balances', `Bearer ${SANDBOX_KEYS.bachs.apiKey}`],
    ]);
  });

  it('a sk_live_ key through a baseUrl is mode live (the prefix sets the mode)', async () => {
    const live = 'sk_live_bachslivekey000000000000001';
    sandbox.state.keys.bachs?.add(live);
    const result = await fetchWith(bachsWith({ apiKey: live }));
    expect(result.errors).toEqual([]);
    expect(new Set(result.balances.map((b) => b.mode))).toEqual(new Set(['live']));
  });

  it('pending_settlements_by_day of any form is ignored, never an error', async () => {
    for (const settlements of ['"soon"', 'null', '[1, {"x": null}]']) {
      sandbox.faults.add({
        provider: 'bachs',
        kind: 'body',
        body: `{"account_id":"org_1","balances":[{"currency":"USD","available_balance":"1.00","pending_balance":"2.00"}],"total_balance_usd":"3.00","pending_settlements_by_day":${settlements}}`,
      });
      const result = await fetchWith(config, ['bachs']);
      expect(result.errors, settlements).toEqual([]);
      expect(result.balances.map((b) => toBalanceJson(b).total)).toEqual(['3.00']);
    }
  });

  it('an empty balances list is no error and no rows', async () => {
    const saved = sandbox.state.bachs.balances;
    sandbox.state.bachs.balances = [];
    try {
      const result = await fetchWith(config, ['bachs']);
      expect([result.errors, result.balances]).toEqual([[], []]);
    } finally {
      sandbox.state.bachs.balances = saved;
    }
  });

  it('a wrong amount type names the JSON path (exit 6)', async () => {
    sandbox.faults.add({
      provider: 'bachs',
      kind: 'body',
      body: '{"account_id":"org_1","balances":[{"currency":"USD","available_balance":null,"pending_balance":"0"}],"total_balance_usd":"0"}',
    });
    const result = await fetchWith(config, ['bachs']);
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['BAD_SHAPE', 6]]);
    expect(result.errors[0]?.message).toContain('$.balances[0].available_balance');
  });
});

describe('Bachs errors: both envelopes', () => {
  it('a rejected key shows the flat detail and error_code, exit 4, never the key', async () => {
    const result = await fetchWith(bachsWith({ apiKey: 'sk_sandbox_notthekey000000000001' }));
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      ['AUTH_FAILED', 4, "Bachs rejected the API key for account 'bachs' (401 UNAUTHORIZED: Invalid API key)"],
    ]);
  });

  it('a validation error names the first field error', async () => {
    const body = JSON.stringify({
      detail: 'Invalid request parameters',
      error_code: 'VALIDATION_ERROR',
      errors: [{ field: 'amount', message: 'Amount must be a positive decimal string', type: 'value_error' }],
    });
    sandbox.faults.add({ provider: 'bachs', kind: 'status', status: 400, body });
    const result = await fetchWith(config, ['bachs']);
    expect(result.errors.map((e) => [e.exitCode, e.message])).toEqual([
      [
        4,
        "Bachs rejected the request for account 'bachs' (400 VALIDATION_ERROR: Invalid request parameters (amount: Amount must be a positive decimal string))",
      ],
    ]);
  });

  it('Bachs reads the older nested SyncPay envelope too', async () => {
    sandbox.faults.add({ provider: 'bachs', kind: 'status', status: 403, body: '{"error":{"code":"FORBIDDEN","message":"no balances scope"}}' });
    const result = await fetchWith(config, ['bachs']);
    expect(result.errors[0]?.message).toBe("Bachs refused account 'bachs' access to its balances (403 FORBIDDEN: no balances scope)");
  });

  it('SyncPay reads the flat Bachs envelope too', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401, body: '{"detail":"Invalid API key","error_code":"UNAUTHORIZED"}' });
    const result = await fetchWith(config, ['syncpay']);
    expect(result.errors[0]?.message).toBe("SyncPay rejected the API key for account 'syncpay' (401 UNAUTHORIZED: Invalid API key)");
  });

  it('an escape sequence in detail does not reach the message', async () => {
    sandbox.faults.add({ provider: 'bachs', kind: 'status', status: 404, body: '{"detail":"gone\\u001b[31m red","error_code":"NOT_FOUND"}' });
    const result = await fetchWith(config, ['bachs']);
    expect(result.errors[0]?.message).not.toContain('\u001b');
    expect(result.errors[0]?.exitCode).toBe(4);
  });
});

describe('SyncPay hints that it is now Bachs', () => {
  it('a 404 keeps its code and exit 4 and hints provider: bachs', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 404, body: '{"error":{"code":"NOT_FOUND","message":"Route not found"}}' });
    const result = await fetchWith(config, ['syncpay']);
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['NOT_FOUND', 4]]);
    expect(result.errors[0]?.hint).toContain('SyncPay is now Bachs');
    expect(result.errors[0]?.hint).toContain('accounts.syncpay.provider: bachs');
  });

  it('a host that does not resolve hints provider: bachs (exit 5)', async () => {
    const result = await fetchWith({ accounts: { syncpay: { ...accounts().syncpay, baseUrl: 'https://api.usesyncpay.invalid' } } });
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['UNREACHABLE', 5]]);
    expect(result.errors[0]?.hint).toContain('provider: bachs');
  });

  it('an auth failure is not about Bachs and keeps its own hint', async () => {
    const result = await fetchWith({ accounts: { syncpay: { ...accounts().syncpay, apiKey: 'sk_test_wrongwrongwrong0001' } } });
    expect(result.errors[0]?.hint).not.toContain('Bachs');
  });
});

describe('Bachs rate limits', () => {
  it('waits for X-RateLimit-Reset when Remaining is 0, so no request draws a 429', async () => {
    sandbox.state.bachs.limit = 1;
    sandbox.state.bachs.windowMs = 1_000;
    const first = await fetchWith(config, ['bachs']);
    const started = Date.now();
    const second = await fetchWith(config, ['bachs']);
    expect([first.errors, second.errors]).toEqual([[], []]);
    // A 429 would show as a third request (the retry).
    expect(bachsRequests().map((r) => r.path)).toEqual(['/v1/accounts/balances', '/v1/accounts/balances']);
    expect(Date.now() - started).toBeGreaterThan(0);
  });

  it('a reset beyond the deadline fails fast with exit 5 and sends nothing more', async () => {
    sandbox.state.bachs.limit = 1;
    sandbox.state.bachs.windowMs = 60_000;
    await fetchWith(config, ['bachs']);
    const started = Date.now();
    const result = await fetchWith(config, ['bachs'], { deadline: Date.now() + 1_500 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['RATE_LIMITED', 5]]);
    expect(bachsRequests()).toHaveLength(1);
  });

  it('a 429 with Retry-After is retried after the wait', async () => {
    sandbox.faults.add({
      provider: 'bachs',
      kind: 'status',
      status: 429,
      body: '{"detail":"Rate limit exceeded.","error_code":"TOO_MANY_REQUESTS"}',
      headers: { 'retry-after': '1' },
    });
    const started = Date.now();
    const result = await fetchWith(config, ['bachs']);
    expect(result.errors).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(bachsRequests()).toHaveLength(2);
  });
});
