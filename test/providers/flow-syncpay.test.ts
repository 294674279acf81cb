import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toBalanceJson } from '../../src/core/balance.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';
import { fetchWith } from '../helpers/adapters.js';

let sandbox: Sandbox;
let config: Record<string, unknown>;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: { 'flow-payments': null } });
  config = await sandboxRawConfig(sandbox.baseUrl);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

describe('Flow Payments adapter (docs example)', () => {
  it('normalizes both rows exactly; pending is unknown, not zero', async () => {
    const result = await fetchWith(config, ['flow-main']);
    expect(result.errors).toEqual([]);
    expect(result.balances.map(toBalanceJson)).toEqual([
      {
        account: 'flow-main',
        provider: 'flow-payments',
        mode: 'test',
        wallet: null,
        walletName: null,
        currency: 'BTC',
        network: 'bitcoin',
        providerCurrency: 'BTC',
        available: '0',
        pending: null,
        total: '0',
        usdValue: '0.00',
        usdRate: '93037.28254643',
        usdSource: 'flow-payments',
        updatedAt: null,
      },
      {
        account: 'flow-main',
        provider: 'flow-payments',
        mode: 'test',
        wallet: null,
        walletName: null,
        currency: 'ETH',
        network: 'ethereum',
        providerCurrency: 'ETH',
        available: '0.000090074983482468',
        pending: null,
        total: '0.000090074983482468',
        usdValue: '0.28',
        usdRate: '3125.16675365',
        usdSource: 'flow-payments',
        updatedAt: null,
      },
    ]);
    expect(result.balances[1]?.networkFee?.toFixed()).toBe('0.000000042162288');
    expect(result.balances[1]?.assetDecimals).toBe(18);
  });

  it('sends the Bearer token to /api/balances', async () => {
    await fetchWith(config, ['flow-main']);
    const last = sandbox.requests.filter((r) => r.provider === 'flow-payments').at(-1);
    expect(last?.path).toBe('/api/balances');
    expect(last?.headers.authorization).toBe('Bearer sk_test_flowsandbox00000000000001');
  });

  it('keeps a JSON-number balance with 18 decimals digit for digit', async () => {
    const row = sandbox.state['flow-payments'].rows[1];
    if (!row) throw new Error('fixture missing');
    const saved = row.balanceJson;
    row.balanceJson = '0.123456789012345678';
    try {
      const result = await fetchWith(config, ['flow-main']);
      expect(toBalanceJson(result.balances[1]!).total).toBe('0.123456789012345678');
    } finally {
      row.balanceJson = saved;
    }
  });

  it('maps a rejected token to AUTH_FAILED naming account and provider', async () => {
    const result = await fetchWith({
      accounts: { 'flow-main': { ...(config.accounts as Record<string, object>)['flow-main'], apiKey: 'sk_test_wrong_token_000' } },
    });
    expect(result.balances).toEqual([]);
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      ['AUTH_FAILED', 4, "Flow Payments rejected the API key for account 'flow-main' (401 Unauthenticated.)"],
    ]);
  });
});

describe('SyncPay adapter (docs example)', () => {
  it('normalizes every currency with available + pending = total and keeps the reported USD total', async () => {
    const result = await fetchWith(config, ['syncpay']);
    expect(
      result.balances.map((b) => {
        const j = toBalanceJson(b);
        return [j.currency, j.network, j.providerCurrency, j.available, j.pending, j.total, j.mode];
      }),
    ).toEqual([
      ['USD', null, 'USD', '1250.50', '125.00', '1375.50', 'test'],
      ['NGN', null, 'NGN', '450000.00', '75000.00', '525000.00', 'test'],
      ['GHS', null, 'GHS', '5600.00', '0.00', '5600.00', 'test'],
      ['USDT', 'tron', 'USDT_TRC20', '500.00', '50.00', '550.00', 'test'],
    ]);
    expect(result.reported.map((r) => [r.account, r.scope, r.amount.toFixed(2)])).toEqual([['syncpay', 'account', '2847.25']]);
  });

  it('maps the documented 401 and 404 bodies', async () => {
    const bad = await fetchWith({ accounts: { syncpay: { provider: 'syncpay', baseUrl: sandbox.baseUrl('syncpay'), apiKey: 'sk_live_notakey000000' } } });
    expect(bad.errors[0]?.message).toBe("SyncPay rejected the API key for account 'syncpay' (401 UNAUTHORIZED: Invalid API key)");
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 404, body: '{"error": {"code": "NOT_FOUND", "message": "Organization not found"}}' });
    const missing = await fetchWith(config, ['syncpay']);
    expect(missing.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      ['NOT_FOUND', 4, "SyncPay does not know this account for account 'syncpay' (404 NOT_FOUND: Organization not found)"],
    ]);
  });

  it('treats a missing currency as absent and a wrong shape as a clear BAD_SHAPE error', async () => {
    // No GHS row this time: no GHS record, and nothing to report about it.
    const withoutGhs = [
      { currency: 'USD', available_balance: '1250.50', pending_balance: '125.00' },
      { currency: 'NGN', available_balance: '450000.00', pending_balance: '75000.00' },
      { currency: 'USDT_TRC20', available_balance: '500.00', pending_balance: '50.00' },
    ];
    sandbox.faults.add({
      provider: 'syncpay',
      kind: 'body',
      body: JSON.stringify({ success: true, account_id: 'org_abc123', balances: withoutGhs, total_balance_usd: '1925.50' }),
    });
    const absent = await fetchWith(config, ['syncpay']);
    expect([absent.errors, absent.notices]).toEqual([[], []]);
    expect(absent.balances.map((b) => b.providerCurrency)).toEqual(['USD', 'NGN', 'USDT_TRC20']);
    expect(absent.balances.some((b) => b.currency === 'GHS')).toBe(false);

    sandbox.faults.add({
      provider: 'syncpay',
      kind: 'body',
      body: '{"success": true, "balances": [{"currency": "USD", "available_balance": null, "pending_balance": "1"}]}',
    });
    const result = await fetchWith(config, ['syncpay']);
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      [
        'BAD_SHAPE',
        6,
        "SyncPay sent a response for account 'syncpay' that does not match its documented shape: $.balances[0].available_balance: expected a decimal amount, got null instead of a decimal amount",
      ],
    ]);
  });
});
