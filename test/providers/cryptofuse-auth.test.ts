// Cryptofuse: OAuth client credentials (token fetch, cache, renewal, revocation, redaction),
// wallet enumeration with paging, withdrawal rules, and the sandbox's 100/min limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listWallets } from '../../src/providers/cryptofuse/wallets.js';
import { cryptofuse } from '../../src/providers/cryptofuse/adapter.js';
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import type { Sandbox } from '../../src/sandbox/server.js';
import { contextFor, cryptofuseSandbox, fetchCf, only, requestsTo, type Accounts } from '../helpers/cryptofuse.js';
import { testRuntime } from '../helpers/runtime.js';

let sandbox: Sandbox;
let accounts: Accounts;
beforeEach(async () => {
  ({ sandbox, accounts } = await cryptofuseSandbox());
});
afterEach(() => sandbox.close());

const tokenRequests = () => requestsTo(sandbox, '/o/token/');

describe('OAuth client credentials', () => {
  it('asks for one token (Basic auth, form body) and uses it as Bearer for every wallet and run', async () => {
    const first = await fetchCf(only(accounts, 'casino-v2'));
    const second = await fetchCf(only(accounts, 'casino-v2'));
    expect([first.errors, second.errors]).toEqual([[], []]);
    expect(tokenRequests()).toHaveLength(1);
    const [token] = tokenRequests();
    const basic = Buffer.from(`${SANDBOX_KEYS.cryptofuse.clientId!}:${SANDBOX_KEYS.cryptofuse.clientSecret!}`).toString('base64');
    expect([token?.method, token?.headers.authorization, token?.headers['content-type'], token?.body]).toEqual([
      'POST',
      `Basic ${basic}`,
      'application/x-www-form-urlencoded',
      'grant_type=client_credentials&scope=read+write',
    ]);
    const calls = requestsTo(sandbox, '/wallets/balance');
    expect(calls).toHaveLength(4);
    const issued = [...sandbox.state.cryptofuse.tokens.keys()];
    expect(calls.every((c) => c.headers.authorization === `Bearer ${issued[0]}` && c.headers['x-api-key'] === undefined)).toBe(true);
    // The token is registered for redaction like the key itself.
    expect(testRuntime().redactor.redact(`token ${issued[0]}`)).toBe('token «redacted»');
  });

  it('renews the token shortly before it expires', async () => {
    // A 2 s token is renewed after half its lifetime (60 s early would be longer than it lives).
    sandbox.state.cryptofuse.tokenLifetimeSeconds = 2;
    await fetchCf(only(accounts, 'casino-v2'));
    await fetchCf(only(accounts, 'casino-v2'));
    expect(tokenRequests()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await fetchCf(only(accounts, 'casino-v2'))).errors).toEqual([]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('a revoked cached token is dropped and replaced once', async () => {
    await fetchCf(only(accounts, 'casino-v2'));
    sandbox.state.cryptofuse.tokens.clear();
    const result = await fetchCf(only(accounts, 'casino-v2'));
    expect(result.errors).toEqual([]);
    expect(result.balances).toHaveLength(5);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('a rejected client secret names clientId/clientSecret, is not retried, and never shows the secret', async () => {
    const result = await fetchCf(only(accounts, 'casino-v2', { clientSecret: 'wrong_secret_000000' }));
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message, e.hint])).toEqual([
      [
        'AUTH_FAILED',
        4,
        "Cryptofuse rejected the OAuth client credentials for account 'casino-v2' (401 invalid_client)",
        'check accounts.casino-v2.clientId/clientSecret; the key may be revoked, expired or for the other environment',
      ],
    ]);
    expect(tokenRequests()).toHaveLength(1);
    expect(requestsTo(sandbox, '/wallets/balance')).toHaveLength(0);
    expect(
      testRuntime().redactor.redact(`x wrong_secret_000000 ${Buffer.from(`${SANDBOX_KEYS.cryptofuse.clientId!}:wrong_secret_000000`).toString('base64')}`),
    ).toBe('x «redacted» «redacted»');
  });

  it('a token rejected right after it was issued is an error, not a loop', async () => {
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets/balance', kind: 'status', status: 401, body: '{"detail": "Invalid token."}', times: 10 });
    const result = await fetchCf(only(accounts, 'casino-v2', { wallets: [TRADING_WALLET] }));
    expect(result.errors.map((e) => e.message)).toEqual(["Cryptofuse rejected the OAuth access token for account 'casino-v2' (401 Invalid token.)"]);
    expect(tokenRequests()).toHaveLength(1);
  });
});

describe('wallet enumeration', () => {
  const addWallets = (count: number) => {
    for (let i = 0; i < count; i++)
      sandbox.state.cryptofuse.wallets.push({ id: `w-${String(i).padStart(3, '0')}`, name: `Wallet ${i}`, created_at: '2025-05-01T00:00:00Z' });
  };

  it('pages by limit/offset until total when the server caps the page size', async () => {
    sandbox.state.cryptofuse.maxPageSize = 20;
    addWallets(43);
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors).toEqual([]);
    expect(requestsTo(sandbox, '/wallets/').map((r) => r.path)).toEqual([
      '/wallets/?limit=100&offset=0',
      '/wallets/?limit=100&offset=20',
      '/wallets/?limit=100&offset=40',
    ]);
    expect(requestsTo(sandbox, '/wallets/balances/')).toHaveLength(45);
    expect(new Set(result.balances.map((b) => b.wallet))).toEqual(new Set([TRADING_WALLET, SAVINGS_WALLET]));
  });

  it("reads the bare-array list shape (no total, no hasMore) to an empty page: a short page may be the server's own page size", async () => {
    sandbox.state.cryptofuse.listShape = 'array';
    addWallets(120);
    const listing = await listWallets(cryptofuse, contextFor('casino-v3', accounts['casino-v3']!));
    expect(listing.error).toBeNull();
    expect(listing.targets).toHaveLength(122);
    expect(listing.targets[1]).toEqual({ by: 'wallet_id', id: SAVINGS_WALLET, name: 'Savings Wallet' });
    expect(requestsTo(sandbox, '/wallets/').map((r) => r.path)).toEqual([
      '/wallets/?limit=100&offset=0',
      '/wallets/?limit=100&offset=100',
      '/wallets/?limit=100&offset=122',
    ]);
  });

  it('stops after 50 pages and says the list was cut, never silently', async () => {
    sandbox.state.cryptofuse.maxPageSize = 1;
    addWallets(60);
    const listing = await listWallets(cryptofuse, contextFor('casino-v3', accounts['casino-v3']!));
    expect(listing.targets).toHaveLength(50);
    expect([listing.error?.code, listing.error?.exitCode, listing.error?.message]).toEqual([
      'LIST_INCOMPLETE',
      6,
      "Cryptofuse for account 'casino-v3': the wallet list has more than 50 pages; only the first 50 entries were read",
    ]);
  });

  it('an account without wallets is a notice, not an error', async () => {
    sandbox.state.cryptofuse.wallets = [];
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect([result.balances, result.errors, result.notices]).toEqual([[], [], ["Cryptofuse account 'casino-v3' has no wallets"]]);
  });
});

describe('withdrawal rules (GET /withdrawal/available-currencies/)', () => {
  it.each(['casino-v1', 'casino-v2'])('%s: canonical currency, minimum and maximum, strings or numbers', async (name) => {
    const rules = await cryptofuse.withdrawalRules!(contextFor(name, accounts[name]!));
    expect(rules.map((r) => [r.providerCurrency, r.currency, r.network, r.minimum?.toFixed(), r.maximum?.toFixed()])).toEqual([
      ['USDTTRC20', 'USDT', 'tron', '10', '400'],
      ['USDTERC20', 'USDT', 'ethereum', '20', '400.75'],
      ['BTC', 'BTC', 'bitcoin', '0.0001', '0.025'],
      ['USDCERC20', 'USDC', 'ethereum', '20', '750'],
    ]);
  });
});

describe('sandbox rate limit', () => {
  it('answers 429 rate_limit_exceeded with Retry-After once a credential passes the limit', async () => {
    await sandbox.close();
    ({ sandbox, accounts } = await cryptofuseSandbox({ rateLimits: { cryptofuse: { requests: 2, windowMs: 60_000 } } }));
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['RATE_LIMITED', 5]]);
    expect(result.errors[0]?.message).toMatch(/\(429 rate_limit_exceeded: You have exceeded the rate limit for this endpoint\); retry after 1m \(/);
    expect(requestsTo(sandbox, '/wallets/balances/').length).toBeGreaterThan(0);
  });
});
