// Cryptofuse: every documented balance shape with exact values, and every error body form.
// OAuth, enumeration and withdrawal rules are in cryptofuse-auth.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBalanceJson, type Balance } from '../../src/core/balance.js';
import { PROVIDERS } from '../../src/providers/catalog.js';
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import type { Sandbox } from '../../src/sandbox/server.js';
import { cryptofuseSandbox, fetchCf, only, requestsTo, type Accounts } from '../helpers/cryptofuse.js';

let sandbox: Sandbox;
let accounts: Accounts;
beforeEach(async () => {
  ({ sandbox, accounts } = await cryptofuseSandbox());
});
afterEach(() => sandbox.close());

/** wallet name, currency, network, provider code, available, pending, total (as printed). */
const row = (b: Balance) => {
  const j = toBalanceJson(b);
  return [j.walletName, j.currency, j.network, j.providerCurrency, j.available, j.pending, j.total];
};
const errorsOf = (result: { errors: Array<{ code: string; exitCode: number; message: string }> }) => result.errors.map((e) => [e.code, e.exitCode, e.message]);

describe('v1: GET /wallets/balances?wallet_id=… (amount is the total)', () => {
  it('reads the docs example: usdterc20 500.75 with 100.00 pending is available 400.75', async () => {
    const result = await fetchCf(only(accounts, 'casino-v1'));
    expect(result.errors).toEqual([]);
    expect(result.balances.map(row)).toEqual([
      ['Trading Wallet', 'USDT', 'tron', 'usdttrc20', '1000.50', '0.00', '1000.50'],
      ['Trading Wallet', 'USDT', 'ethereum', 'usdterc20', '400.75', '100.00', '500.75'],
      ['Trading Wallet', 'BTC', 'bitcoin', 'btc', '0.05', '0.00', '0.05'],
    ]);
    expect(result.balances.every((b) => b.wallet === TRADING_WALLET && b.mode === 'test')).toBe(true);
    const [request] = requestsTo(sandbox, '/wallets/balances');
    expect([request?.method, request?.path, request?.headers['x-api-key']]).toEqual([
      'GET',
      `/wallets/balances?wallet_id=${TRADING_WALLET}`,
      'cf_sandbox_key_00000000000000001',
    ]);
  });

  it('an empty balances array is no records, not an error', async () => {
    sandbox.state.cryptofuse.v1[TRADING_WALLET]!.balances = [];
    const result = await fetchCf(only(accounts, 'casino-v1'));
    expect([result.balances, result.errors]).toEqual([[], []]);
  });
});

describe('v2: POST /wallets/balance (JSON numbers, keyed by code)', () => {
  it('keeps every JSON number exactly, 18 decimals included, with usd_value as the USD source', async () => {
    const result = await fetchCf(only(accounts, 'casino-v2'));
    expect(result.errors).toEqual([]);
    const json = result.balances.map(toBalanceJson);
    expect(json[0]).toEqual({
      account: 'casino-v2',
      provider: 'cryptofuse',
      mode: 'test',
      wallet: TRADING_WALLET,
      walletName: 'Player Account',
      currency: 'BTC',
      network: 'bitcoin',
      providerCurrency: 'btc',
      available: '0.025',
      pending: '0.010',
      total: '0.035',
      usdValue: '1421.75',
      usdRate: null,
      usdSource: 'cryptofuse',
      updatedAt: '2025-04-28T09:12:33.456Z',
    });
    expect(json.map((j) => [j.walletName, j.currency, j.network, j.available, j.pending, j.total, j.usdValue])).toEqual([
      ['Player Account', 'BTC', 'bitcoin', '0.025', '0.010', '0.035', '1421.75'],
      ['Player Account', 'ETH', 'ethereum', '0.5', '0.0', '0.5', '1100.00'],
      ['Player Account', 'USDT', 'ethereum', '500.00', '100.00', '600.00', '600.00'],
      ['Savings Wallet', 'ETH', 'ethereum', '1.234567890123456789', '0.000000000000000000', '1.234567890123456789', '2895.92'],
      ['Savings Wallet', 'TRX', 'tron', '0', '0', '0', '0.00'],
    ]);
    expect(result.reported.map((r) => [r.scope, r.scopeId, r.wallets, r.amount.toFixed()])).toEqual([
      ['wallet', TRADING_WALLET, [TRADING_WALLET], '3121.75'],
      ['wallet', SAVINGS_WALLET, [SAVINGS_WALLET], '2895.92'],
    ]);
  });

  it('asks for zero balances only when they are shown (include_zero_balances = !--hide-zero)', async () => {
    const shown = await fetchCf(only(accounts, 'casino-v2'));
    const hidden = await fetchCf(only(accounts, 'casino-v2'), { includeZero: false });
    const bodies = requestsTo(sandbox, '/wallets/balance').map((r) => JSON.parse(r.body));
    expect(bodies).toEqual([
      { wallet_id: TRADING_WALLET, include_zero_balances: true },
      { wallet_id: SAVINGS_WALLET, include_zero_balances: true },
      { wallet_id: TRADING_WALLET, include_zero_balances: false },
      { wallet_id: SAVINGS_WALLET, include_zero_balances: false },
    ]);
    expect(shown.balances.some((b) => b.currency === 'TRX')).toBe(true);
    expect(hidden.balances.some((b) => b.currency === 'TRX')).toBe(false);
  });

  it('a v2 body answering a v3 request is still read (the parser does not trust apiVersion)', async () => {
    sandbox.faults.add({
      provider: 'cryptofuse',
      path: '/wallets/balances/',
      kind: 'body',
      body: `{"wallet_id": "${TRADING_WALLET}", "wallet_name": "Tenant", "balances": {"eth": {"available": 0.123456789012345678, "pending": 0, "total": 0.123456789012345678, "blockchain": "ETH"}}}`,
    });
    const result = await fetchCf(only(accounts, 'casino-v3', { wallets: [TRADING_WALLET] }));
    expect(result.balances.map(row)).toEqual([['Tenant', 'ETH', 'ethereum', 'eth', '0.123456789012345678', '0.000000000000000000', '0.123456789012345678']]);
  });
});

describe('v3: POST /wallets/balances/ (strings or numbers)', () => {
  it('enumerates both wallets and reads strings (docs example) and numbers alike', async () => {
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors).toEqual([]);
    expect(result.balances.map(row)).toEqual([
      ['Player 12345', 'USDT', 'tron', 'USDTTRC20', '400.00', '100.00', '500.00'],
      ['Player 12345', 'BTC', 'bitcoin', 'BTC', '0.025', '0.000', '0.025'],
      ['Savings Wallet', 'USDT', 'polygon', 'USDTPOLYGON', '250.50', '0.00', '250.50'],
      ['Savings Wallet', 'USDC', 'ethereum', 'USDCERC20', '750.000000', '250.000000', '1000.000000'],
    ]);
    expect(result.balances.map((b) => b.wallet)).toEqual([TRADING_WALLET, TRADING_WALLET, SAVINGS_WALLET, SAVINGS_WALLET]);
    expect(requestsTo(sandbox, '/wallets/balances/').map((r) => JSON.parse(r.body))).toEqual([{ wallet_id: TRADING_WALLET }, { wallet_id: SAVINGS_WALLET }]);
  });

  it('reads accounts by external_id; the wallet is the account id the provider answers with', async () => {
    const result = await fetchCf(only(accounts, 'casino-v3', { externalIds: ['player-12345'] }));
    expect(requestsTo(sandbox, '/wallets/balances/').map((r) => JSON.parse(r.body))).toEqual([{ external_id: 'player-12345' }]);
    expect(result.balances.map((b) => [b.wallet, b.walletName, b.providerCurrency])).toEqual([
      [TRADING_WALLET, 'Player 12345', 'USDTTRC20'],
      [TRADING_WALLET, 'Player 12345', 'BTC'],
    ]);
  });

  it('keeps figures that do not add up as reported, marks them inconsistent and says so', async () => {
    sandbox.state.cryptofuse.v3[TRADING_WALLET]!.balances = [
      { currency: 'USDTTRC20', amount: '500.00', pending_amount: '100.00', available_balance: '450.00' },
    ];
    const result = await fetchCf(only(accounts, 'casino-v3', { wallets: [TRADING_WALLET] }));
    expect(result.balances.map(row)).toEqual([['Player 12345', 'USDT', 'tron', 'USDTTRC20', '450.00', '100.00', '500.00']]);
    expect(result.balances[0]?.inconsistent).toEqual([
      { field: 'amount', value: '500.00', problem: 'differs from available_balance 450.00 + pending_amount 100.00' },
    ]);
    expect(result.notices).toEqual([
      `warning: inconsistent balance from Cryptofuse for account 'casino-v3' wallet ${TRADING_WALLET}, USDTTRC20: amount 500.00: differs from available_balance 450.00 + pending_amount 100.00; excluded from totals, never a yes`,
    ]);
  });

  it('externalIds with an older apiVersion is a config error (exit 3)', async () => {
    const result = await fetchCf(only(accounts, 'casino-v1', { externalIds: ['player-12345'] }));
    expect(errorsOf(result)).toEqual([['CONFIG', 3, 'accounts.casino-v1.externalIds needs apiVersion v3 (the v1 balance call takes wallet ids only)']]);
  });
});

describe('errors: every documented body form, naming account and wallet', () => {
  const UNKNOWN = '00000000-0000-0000-0000-000000000000';

  it.each([
    ['casino-v1', "Cryptofuse does not know wallet 00000000-0000-0000-0000-000000000000 for account 'casino-v1' (404 not_found: Wallet ID not found)"],
    [
      'casino-v2',
      "Cryptofuse does not know wallet 00000000-0000-0000-0000-000000000000 for account 'casino-v2' (404 wallet_not_found: Wallet with the specified ID was not found)",
    ],
    [
      'casino-v3',
      "Cryptofuse does not know wallet 00000000-0000-0000-0000-000000000000 for account 'casino-v3' (404 wallet_not_found: Wallet with the specified ID was not found)",
    ],
  ])("%s: a 404 for one wallet is that wallet's error; the other wallet still counts", async (name, message) => {
    const result = await fetchCf(only(accounts, name, { wallets: [UNKNOWN, SAVINGS_WALLET] }));
    expect(errorsOf(result)).toEqual([['NOT_FOUND', 4, message]]);
    expect(result.errors[0]?.account).toBe(name);
    expect(result.balances.length).toBeGreaterThan(0);
    expect(result.balances.every((b) => b.wallet === SAVINGS_WALLET)).toBe(true);
  });

  it.each([
    [401, '{"detail": "Not authenticated"}', 'AUTH_FAILED', 4, "Cryptofuse rejected the API key for account 'casino-v1' (401 Not authenticated)"],
    [401, '{"error": "authentication_failed"}', 'AUTH_FAILED', 4, "Cryptofuse rejected the API key for account 'casino-v1' (401 authentication_failed)"],
    [
      403,
      '{"error": {"code": "insufficient_permissions", "message": "Your API key does not have permission to view wallet balances"}}',
      'FORBIDDEN',
      4,
      `Cryptofuse refused account 'casino-v1' access to wallet ${TRADING_WALLET} (403 insufficient_permissions: Your API key does not have permission to view wallet balances)`,
    ],
    [
      403,
      '{"detail": "Only tenant administrators can access this endpoint"}',
      'FORBIDDEN',
      4,
      `Cryptofuse refused account 'casino-v1' access to wallet ${TRADING_WALLET} (403 Only tenant administrators can access this endpoint)`,
    ],
    [
      400,
      '{"error": {"code": "invalid_request", "message": "One of wallet_id or external_id is required"}}',
      'REJECTED',
      4,
      "Cryptofuse rejected the request for account 'casino-v1' (400 invalid_request: One of wallet_id or external_id is required)",
    ],
    [
      400,
      '{"wallet_id": ["This field is required."]}',
      'REJECTED',
      4,
      "Cryptofuse rejected the request for account 'casino-v1' (400 wallet_id: This field is required.)",
    ],
    [500, '{"error": "Internal server error"}', 'PROVIDER_ERROR', 5, "Cryptofuse failed for account 'casino-v1' (500 Internal server error) after 3 attempts"],
  ])('%i %s → %s, exit %i', async (status, body, code, exitCode, message) => {
    sandbox.faults.add({ provider: 'cryptofuse', kind: 'status', status, body, times: 3 });
    const result = await fetchCf(only(accounts, 'casino-v1'));
    expect(errorsOf(result)).toEqual([[code, exitCode, message]]);
  });

  it('429 rate_limit_exceeded with a Retry-After beyond the deadline: exit 5, says when', async () => {
    sandbox.faults.add({
      provider: 'cryptofuse',
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '3600' },
      body: '{"error": {"code": "rate_limit_exceeded", "message": "You have exceeded the rate limit for this endpoint"}}',
    });
    const [error] = (await fetchCf(only(accounts, 'casino-v1'))).errors;
    expect([error?.code, error?.exitCode]).toEqual(['RATE_LIMITED', 5]);
    expect(error?.message).toMatch(
      /^Cryptofuse rate-limited account 'casino-v1' \(429 rate_limit_exceeded: You have exceeded the rate limit for this endpoint\); retry after 1h \(/,
    );
  });

  it('a body of no documented shape is exit 6 naming the wallet and the JSON path', async () => {
    sandbox.faults.add({ provider: 'cryptofuse', kind: 'body', body: '{"result": {"id": "x", "balances": [{"currency": "btc", "amount": 0.5e400}]}}' });
    const result = await fetchCf(only(accounts, 'casino-v1'));
    expect(errorsOf(result)).toEqual([
      [
        'BAD_SHAPE',
        6,
        `Cryptofuse sent a response for wallet ${TRADING_WALLET} of account 'casino-v1' that does not match its documented shape: $.result.balances[0].amount: expected a decimal amount, got "0.5e400" is out of range for an amount`,
      ],
    ]);
  });

  describe('an account-wide failure', () => {
    // More wallets than the account reads at once: the first request is refused at once, the
    // others that started with it answer slowly, so the refusal is known before any slot frees.
    const WALLETS = 8;
    const { concurrency } = PROVIDERS.cryptofuse;
    async function refusedWhileReading() {
      const extra = Array.from({ length: WALLETS - 2 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        name: `Wallet ${i + 1}`,
        created_at: '2025-05-01T00:00:00.000Z',
      }));
      sandbox.state.cryptofuse.wallets.push(...extra);
      // Each wallet holds a balance, so every wallet read shows up in the result.
      for (const w of extra) {
        sandbox.state.cryptofuse.v2[w.id] = {
          name: w.name,
          totalUsd: '1.00',
          lastUpdated: w.created_at,
          balances: {
            usdt: {
              available: '1.00',
              pending: '0.00',
              total: '1.00',
              usd_value: '1.00',
              address: '0x0',
              blockchain: 'ETH',
              last_transaction_at: w.created_at,
            },
          },
        };
      }
      const wallets = [TRADING_WALLET, SAVINGS_WALLET, ...extra.map((w) => w.id)];
      sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets/balance', kind: 'status', status: 401, body: '{"detail": "Not authenticated"}' });
      sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets/balance', kind: 'delay', ms: 800, times: WALLETS });
      const result = await fetchCf(
        only(accounts, 'casino-v2', { clientId: undefined, clientSecret: undefined, apiKey: 'cf_sandbox_key_00000000000000001', wallets }),
      );
      const requested = requestsTo(sandbox, '/wallets/balance').map((r) => (JSON.parse(r.body) as { wallet_id: string }).wallet_id);
      const read = new Set(result.balances.map((b) => b.wallet));
      return { result, requested, read, wallets };
    }

    it('stops further wallets but keeps what was read', async () => {
      expect(concurrency).toBeLessThan(WALLETS);
      const { result, requested, read } = await refusedWhileReading();
      expect(result.errors.map((e) => e.code)).toEqual(['AUTH_FAILED']);
      // Only the wallets that started alongside the refused one were asked for.
      expect(requested).toHaveLength(concurrency);
      expect(new Set(requested).size).toBe(concurrency);
      expect(result.balances.length).toBeGreaterThan(0);
      expect(read.size).toBe(concurrency - 1);
      for (const wallet of read) expect(requested).toContain(wallet);
      expect(result.notices).toHaveLength(1);
      expect(result.notices[0]).toMatch(new RegExp(`^\\d+ of ${WALLETS} wallets of account 'casino-v2' were not read because of its AUTH_FAILED error$`));
    });

    it('says how many wallets were not read', async () => {
      const { result, requested, read, wallets } = await refusedWhileReading();
      const unread = Number(/^(\d+) of /.exec(result.notices[0] ?? '')?.[1]);
      // At least the wallets never asked for; at most every wallet whose balances are missing.
      expect(unread).toBeGreaterThanOrEqual(wallets.length - requested.length);
      expect(unread).toBeLessThanOrEqual(wallets.length - read.size);
      expect(unread).toBeGreaterThan(0);
    });
  });
});
