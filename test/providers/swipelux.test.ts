// The Swipelux adapter against the sandbox's docs examples: both endpoints, customer expansion,
// the reported total, mode, the problem+json errors and the legacy `{"balance": 48.5}` shape.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toBalanceJson } from '../../src/core/balance.js';
import { validateConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';
import { swipelux } from '../../src/providers/swipelux/adapter.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { SWIPELUX_RESTRICTED_KEY } from '../../src/providers/swipelux/emulator/route.js';
import { fetchWith } from '../helpers/adapters.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

/** A config with one Swipelux account `sw` pointed at the sandbox. */
function swipeConfig(settings: Record<string, unknown>): Record<string, unknown> {
  return { accounts: { sw: { provider: 'swipelux', baseUrl: sandbox.baseUrl('swipelux'), apiKey: SANDBOX_KEYS.swipelux.apiKey, ...settings } } };
}

const row = (j: ReturnType<typeof toBalanceJson>) => [
  j.wallet,
  j.currency,
  j.network,
  j.providerCurrency,
  j.available,
  j.pending,
  j.total,
  j.mode,
  j.updatedAt,
];
const failures = (errors: Array<{ code: string; exitCode: number; message: string }>) => errors.map((e) => [e.code, e.exitCode, e.message]);

describe('Swipelux wallet balance (docs example)', () => {
  it('normalizes every currency of the wallet exactly; pending unknown, available = total', async () => {
    const result = await fetchWith(swipeConfig({ wallets: ['wal_abc123'] }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map(toBalanceJson)).toEqual([
      {
        account: 'sw',
        provider: 'swipelux',
        mode: 'test',
        wallet: 'wal_abc123',
        walletName: null,
        currency: 'USDC',
        network: 'polygon',
        providerCurrency: 'USDC',
        available: '1250.50',
        pending: null,
        total: '1250.50',
        usdValue: null,
        usdRate: null,
        usdSource: null,
        updatedAt: '2024-01-15T10:30:00.000Z',
      },
      {
        account: 'sw',
        provider: 'swipelux',
        mode: 'test',
        wallet: 'wal_abc123',
        walletName: null,
        currency: 'USDT',
        network: 'polygon',
        providerCurrency: 'USDT',
        available: '0.00',
        pending: null,
        total: '0.00',
        usdValue: null,
        usdRate: null,
        usdSource: null,
        updatedAt: '2024-01-15T10:30:00.000Z',
      },
    ]);
    expect(result.balances.map((b) => b.assetDecimals)).toEqual([6, 6]);
    expect(result.reported).toEqual([]);
  });

  it('sends X-API-Key to /v1/wallets/{id}/balance with the id URL-encoded', async () => {
    sandbox.state.swipelux.wallets.set('wal odd:id+1', { walletId: 'wal odd:id+1', network: 'base', balances: [{ currency: 'USDC', amount: '1.5' }] });
    const result = await fetchWith(swipeConfig({ wallets: ['wal odd:id+1'] }));
    expect(result.balances.map((b) => row(toBalanceJson(b)))).toEqual([['wal odd:id+1', 'USDC', 'base', 'USDC', '1.5', null, '1.5', 'test', null]]);
    const last = sandbox.requests.filter((r) => r.provider === 'swipelux').at(-1);
    expect(last?.path).toBe('/v1/wallets/wal%20odd%3Aid%2B1/balance');
    expect(last?.headers['x-api-key']).toBe(SANDBOX_KEYS.swipelux.apiKey);
    expect(last?.headers.authorization).toBeUndefined();
  });
});

describe('Swipelux customer balances (docs example)', () => {
  it('expands into one record per wallet × currency and keeps totalBalance for reconciliation', async () => {
    const result = await fetchWith(swipeConfig({ customers: ['cus_abc123'] }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map((b) => row(toBalanceJson(b)))).toEqual([
      ['wal_poly_001', 'USDC', 'polygon', 'USDC', '1250.50', null, '1250.50', 'test', null],
      ['wal_eth_002', 'USDC', 'ethereum', 'USDC', '1250.25', null, '1250.25', 'test', null],
    ]);
    expect(result.balances.map((b) => b.assetDecimals)).toEqual([null, null]);
    expect(result.reported.map((r) => ({ ...r, amount: r.amount.toFixed() }))).toEqual([
      {
        account: 'sw',
        provider: 'swipelux',
        scope: 'customer',
        scopeId: 'cus_abc123',
        currency: 'USD',
        amount: '2500.75',
        wallets: ['wal_poly_001', 'wal_eth_002'],
      },
    ]);
    expect(sandbox.requests.filter((r) => r.provider === 'swipelux').at(-1)?.path).toBe('/v1/customers/cus_abc123/balances');
  });

  it('counts a wallet listed on its own and inside a listed customer once', async () => {
    sandbox.state.swipelux.wallets.set('wal_poly_001', {
      walletId: 'wal_poly_001',
      network: 'polygon',
      balances: [{ currency: 'USDC', amount: '1250.50', decimals: 6 }],
      lastUpdated: '2024-01-15T10:31:00Z',
    });
    try {
      const both = await fetchWith(swipeConfig({ wallets: ['wal_poly_001'], customers: ['cus_abc123'] }));
      expect(both.errors).toEqual([]);
      expect(both.balances.map((b) => [b.wallet, b.total?.toFixed(2), b.updatedAt])).toEqual([
        ['wal_poly_001', '1250.50', '2024-01-15T10:31:00.000Z'],
        ['wal_eth_002', '1250.25', null],
      ]);
    } finally {
      sandbox.state.swipelux.wallets.delete('wal_poly_001');
    }
  });

  it('mentions a non-USD totalBalance instead of keeping it as a USD figure', async () => {
    sandbox.faults.add({
      provider: 'swipelux',
      kind: 'body',
      body: '{"customerId": "cus_abc123", "totalBalance": {"amount": "10", "currency": "EUR"}, "wallets": []}',
    });
    const result = await fetchWith(swipeConfig({ customers: ['cus_abc123'] }));
    expect([result.reported, result.errors, result.balances]).toEqual([[], [], []]);
    expect(result.notices).toEqual(["Swipelux for account 'sw': customer cus_abc123's total is in EUR, not USD; it is not used to reconcile totals"]);
  });
});

describe('Swipelux mode', () => {
  it.each([
    [{}, 'test'],
    [{ mode: 'live' }, 'live'],
    [{ apiKey: 'sk.live.swipeluxlive000000000001' }, 'live'],
    [{ apiKey: 'sk_test_1234567890abcdef' }, null],
  ])('%j gives mode %s', async (settings, mode) => {
    sandbox.state.keys.swipelux?.add('sk.live.swipeluxlive000000000001').add('sk_test_1234567890abcdef');
    const result = await fetchWith(swipeConfig({ wallets: ['wal_abc123'], ...settings }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map((b) => b.mode)).toEqual([mode, mode]);
  });
});

describe('Swipelux errors', () => {
  it('a rejected key is one AUTH_FAILED error (exit 4) however many ids are listed', async () => {
    const result = await fetchWith(swipeConfig({ apiKey: 'sk.sbx.wrongkey0000000000', wallets: ['wal_abc123'], customers: ['cus_abc123'] }));
    expect(result.balances).toEqual([]);
    expect(failures(result.errors)).toEqual([
      ['AUTH_FAILED', 4, "Swipelux rejected the API key for account 'sw' (401 unauthorized: The request is missing a valid API key.)"],
    ]);
  });

  it('a 403 names the missing permission', async () => {
    const result = await fetchWith(swipeConfig({ apiKey: SWIPELUX_RESTRICTED_KEY, wallets: ['wal_abc123'] }));
    expect(failures(result.errors)).toEqual([
      ['FORBIDDEN', 4, "Swipelux refused account 'sw' access to wallet wal_abc123 (403 forbidden: API key is missing required permission: balances:read)"],
    ]);
    expect(result.errors[0]?.hint).toBe('give the key the permission named above, or use a key that has it');
  });

  it('a 404 for one wallet or customer does not hide the others', async () => {
    const result = await fetchWith(swipeConfig({ wallets: ['wal_missing', 'wal_abc123'], customers: ['cus_nobody', 'cus_abc123'] }));
    expect(result.balances.map((b) => `${b.wallet}:${b.currency}`)).toEqual(['wal_abc123:USDC', 'wal_abc123:USDT', 'wal_poly_001:USDC', 'wal_eth_002:USDC']);
    expect(result.reported.map((r) => r.scopeId)).toEqual(['cus_abc123']);
    expect(failures(result.errors)).toEqual([
      [
        'NOT_FOUND',
        4,
        "Swipelux does not know wallet wal_missing for account 'sw' (404 not_found: The wallet does not exist in the current API-key environment.)",
      ],
      [
        'NOT_FOUND',
        4,
        "Swipelux does not know customer cus_nobody for account 'sw' (404 customer_not_found: The customer does not exist in the current API-key environment.)",
      ],
    ]);
    expect(result.errors.map((e) => [e.account, e.provider])).toEqual([
      ['sw', 'swipelux'],
      ['sw', 'swipelux'],
    ]);
  });

  it('a wrong shape for one wallet is a BAD_SHAPE error naming it; the others still count', async () => {
    sandbox.faults.add({
      provider: 'swipelux',
      path: '/v1/wallets/',
      kind: 'body',
      body: '{"walletId": "wal_abc123", "balances": [{"currency": "USDC", "amount": 1250.5e400}]}',
    });
    const result = await fetchWith(swipeConfig({ wallets: ['wal_abc123'], customers: ['cus_abc123'] }));
    expect(result.balances.map((b) => b.wallet)).toEqual(['wal_poly_001', 'wal_eth_002']);
    expect(failures(result.errors)).toEqual([
      [
        'BAD_SHAPE',
        6,
        'Swipelux sent a response for wallet wal_abc123 of account \'sw\' that does not match its documented shape: $.balances[0].amount: expected a decimal amount, got "1250.5e400" is out of range for an amount',
      ],
    ]);
  });

  it('recognizes the legacy {"balance": 48.5} as LEGACY_SHAPE (exit 6) with the figure, and keeps the other customers', async () => {
    const result = await fetchWith(swipeConfig({ customers: ['cus_legacy', 'cus_abc123'] }));
    expect(result.balances.map((b) => b.wallet)).toEqual(['wal_poly_001', 'wal_eth_002']);
    expect(result.reported.map((r) => r.scopeId)).toEqual(['cus_abc123']);
    expect(failures(result.errors)).toEqual([
      [
        'LEGACY_SHAPE',
        6,
        "Swipelux answered the older wallet-infrastructure shape for customer cus_legacy of account 'sw': only a net worth (48.5 USD), no per-currency balances",
      ],
    ]);
    expect(result.errors[0]?.hint).toBe('read its wallets by id instead (accounts.sw.wallets), or try the default host https://platform.swipelux.com');
  });
});

describe('Swipelux error bodies and config', () => {
  it('reads problem+json and other JSON error bodies without failing', () => {
    expect(
      swipelux.errorDetail({ type: 'x', title: 'Forbidden', status: 403, code: 'forbidden', detail: 'API key is missing required permission: balances:read' }),
    ).toEqual({ code: 'forbidden', message: 'API key is missing required permission: balances:read' });
    expect(swipelux.errorDetail({ title: 'Not found', status: 404 })).toEqual({ code: undefined, message: 'Not found' });
    expect(swipelux.errorDetail({ error: { code: 'E1', message: 'nope' } })).toEqual({ code: 'E1', message: 'nope' });
    expect(swipelux.errorDetail({ error: 'Unauthorized' })).toEqual({ code: undefined, message: 'Unauthorized' });
    for (const body of [null, [], 'text', { code: 42, detail: { nested: true } }])
      expect(swipelux.errorDetail(body)).toEqual({ code: undefined, message: undefined });
  });

  it('ids are optional; v3 wallets are customerId/accountId; a customer id has no slash', () => {
    const problems = (settings: Record<string, unknown>): string[] => {
      try {
        validateConfig({ accounts: { sw: { provider: 'swipelux', apiKey: '${K}', ...settings } } }, null, 'builtin');
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({})).toEqual([]);
    expect(problems({ wallets: [] })).toEqual([]);
    expect(problems({ customers: ['cus_abc123'] })).toEqual([]);
    expect(problems({ wallets: ['cus_abc123/wal_1', 'wal_2'] })).toEqual([]);
    expect(problems({ apiVersion: 'v3', wallets: ['cus_abc123/acc_1'] })).toEqual([]);
    expect(problems({ apiVersion: 'v3', wallets: ['acc_1'] })).toEqual([
      'accounts.sw: wallets: "acc_1" is not customerId/accountId (v3 reads an account through its customer), e.g. cus_abc123/acc_1',
    ]);
    expect(problems({ wallets: ['cus_1/wal_1/x'] })).toEqual(['accounts.sw: wallets: "cus_1/wal_1/x" is not a wallet id (wal_…) or customerId/walletId']);
    expect(problems({ customers: ['cus_1/x'] })).toEqual(['accounts.sw: customers: "cus_1/x" is not a customer id (cus_… or biz_…)']);
    expect(problems({ apiVersion: 'v2' })).toEqual(["accounts.sw.apiVersion: \"v2\" is not one of v1, v3 (did you mean 'v1' or 'v3'?)"]);
    expect(problems({ wallets: 'wal_abc123' })).toEqual(['accounts.sw.wallets: expected a list of strings, got a string']);
  });
});
