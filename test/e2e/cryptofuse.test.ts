// The built CLI against the sandbox's Cryptofuse mount: the three API shapes, OAuth from ${VAR}s,
// --hide-zero, and failures that name the account and wallet without hiding other accounts.
import { describe, expect, it } from 'vitest';
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { runCli } from '../helpers/cli.js';
import { basicPair, expectNoSecrets } from '../helpers/secrets.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();
const accounts = () => e2e.config.accounts as Record<string, Record<string, unknown>>;

const CASINOS = ['--account', 'casino-v1', '--account', 'casino-v2', '--account', 'casino-v3'];
const UNKNOWN = '00000000-0000-0000-0000-000000000000';

interface Row {
  account: string;
  wallet: string;
  walletName: string;
  currency: string;
  network: string;
  providerCurrency: string;
  available: string;
  pending: string;
  total: string;
  usdValue: string | null;
  usdSource: string | null;
}
const pick = (rows: Row[], account: string, code: string) => rows.find((r) => r.account === account && r.providerCurrency === code);

/** The key, the client secret (alone and as HTTP Basic) and every access token the sandbox issued. */
const secrets = () => [
  SANDBOX_KEYS.cryptofuse.apiKey,
  SANDBOX_KEYS.cryptofuse.clientSecret!,
  basicPair(SANDBOX_KEYS.cryptofuse.clientId!, SANDBOX_KEYS.cryptofuse.clientSecret!),
  ...e2e.sandbox.state.cryptofuse.tokens.keys(),
];

describe('balances --json over the v1, v2 and v3 accounts', () => {
  it('prints every shape with exact decimal strings and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--config', e2e.configPath, ...CASINOS]);
    expect([code, stderr]).toEqual([0, '']);
    const rows = JSON.parse(stdout).balances as Row[];
    expect(new Set(rows.map((r) => r.account))).toEqual(new Set(['casino-v1', 'casino-v2', 'casino-v3']));
    expect(pick(rows, 'casino-v1', 'usdterc20')).toMatchObject({
      wallet: TRADING_WALLET,
      walletName: 'Trading Wallet',
      currency: 'USDT',
      network: 'ethereum',
      available: '400.75',
      pending: '100.00',
      total: '500.75',
    });
    const eth = rows.find((r) => r.account === 'casino-v2' && r.wallet === SAVINGS_WALLET && r.currency === 'ETH');
    expect([eth?.available, eth?.total, eth?.usdValue, eth?.usdSource]).toEqual(['1.234567890123456789', '1.234567890123456789', '2895.92', 'cryptofuse']);
    expect(pick(rows, 'casino-v3', 'USDCERC20')).toMatchObject({
      wallet: SAVINGS_WALLET,
      available: '750.000000',
      pending: '250.000000',
      total: '1000.000000',
    });
    expect(stdout).not.toMatch(/"(available|pending|total|usdValue)": \d/);
    expectNoSecrets([stdout, stderr], secrets());
  });

  it('--hide-zero sends include_zero_balances: false and shows no zero rows', async () => {
    const before = e2e.sandbox.requests.length;
    const { code, stdout } = await runCli(['balances', '--json', '--hide-zero', '--config', e2e.configPath, '--account', 'casino-v2']);
    expect(code).toBe(0);
    const bodies = e2e.sandbox.requests
      .slice(before)
      .filter((r) => r.path === '/wallets/balance')
      .map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.include_zero_balances)).toEqual([false, false]);
    expect((JSON.parse(stdout).balances as Row[]).map((r) => r.currency)).toEqual(['BTC', 'ETH', 'USDT', 'ETH']);
  });

  it('reads OAuth client credentials from ${VAR}s and never prints them or the token, even with --debug', async () => {
    const path = writeConfig(tempDir(), {
      accounts: { 'casino-v2': { ...accounts()['casino-v2'], clientId: '${CF_CLIENT_ID}', clientSecret: '${CF_CLIENT_SECRET}' } },
    });
    const env = { CF_CLIENT_ID: SANDBOX_KEYS.cryptofuse.clientId!, CF_CLIENT_SECRET: SANDBOX_KEYS.cryptofuse.clientSecret! };
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--debug', '--config', path], { env });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).balances).toHaveLength(5);
    expect(stderr).toMatch(/debug: POST http:\/\/127\.0\.0\.1:\d+\/cryptofuse\/o\/token\/ → 200/);
    expectNoSecrets([stdout, stderr], secrets());
  });
});

describe('failures', () => {
  it('an unknown wallet exits 4 naming account and wallet; its other wallet and other accounts still print', async () => {
    const path = writeConfig(tempDir(), { accounts: { ...accounts(), 'casino-v2': { ...accounts()['casino-v2'], wallets: [UNKNOWN, SAVINGS_WALLET] } } });
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--config', path]);
    expect(code).toBe(4);
    const doc = JSON.parse(stdout);
    expect(doc.complete).toBe(false);
    expect(doc.errors).toEqual([
      {
        account: 'casino-v2',
        provider: 'cryptofuse',
        code: 'NOT_FOUND',
        message: `Cryptofuse does not know wallet ${UNKNOWN} for account 'casino-v2' (404 wallet_not_found: Wallet with the specified ID was not found)`,
      },
    ]);
    const shown = new Set((doc.balances as Row[]).map((r) => `${r.account} ${r.wallet ?? ''}`.trim()));
    expect(shown).toEqual(
      new Set([
        'flow-main',
        'syncpay',
        'bachs',
        'swipelux wal_abc123',
        'swipelux wal_poly_001',
        'swipelux wal_eth_002',
        `casino-v1 ${TRADING_WALLET}`,
        `casino-v2 ${SAVINGS_WALLET}`,
        `casino-v3 ${TRADING_WALLET}`,
        `casino-v3 ${SAVINGS_WALLET}`,
      ]),
    );
    expect(stderr).toContain(`error: Cryptofuse does not know wallet ${UNKNOWN} for account 'casino-v2'`);
    expectNoSecrets([stdout, stderr], secrets());
  });

  it('a rejected client secret exits 4 pointing at clientId/clientSecret; the secret is never shown', async () => {
    const secret = 'not_the_secret_0000000001';
    const path = writeConfig(tempDir(), { accounts: { 'casino-v2': { ...accounts()['casino-v2'], clientSecret: '${CF_SECRET}' } } });
    const { code, stdout, stderr } = await runCli(['balances', '--config', path], { env: { CF_SECRET: secret } });
    expect([code, stdout]).toEqual([4, '']);
    expect(stderr).toBe(
      "error: Cryptofuse rejected the OAuth client credentials for account 'casino-v2' (401 invalid_client)\n" +
        '  hint: check accounts.casino-v2.clientId/clientSecret; the key may be revoked, expired or for the other environment\n',
    );
    expectNoSecrets([stdout, stderr], [...secrets(), secret, basicPair(SANDBOX_KEYS.cryptofuse.clientId!, secret)]);
  });

  it('a rate-limited account exits 5 with rate_limit_exceeded while the others print', async () => {
    e2e.sandbox.faults.add({
      provider: 'cryptofuse',
      path: '/wallets/balances',
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '3600' },
      body: '{"error": {"code": "rate_limit_exceeded", "message": "You have exceeded the rate limit for this endpoint"}}',
    });
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--config', e2e.configPath, '--account', 'casino-v1', '--account', 'syncpay']);
    expect(code).toBe(5);
    const doc = JSON.parse(stdout);
    const rows = doc.balances as Row[];
    expect(rows.map((r) => r.providerCurrency)).toEqual(['USD', 'NGN', 'GHS', 'USDT_TRC20']);
    expect(rows.every((r) => r.account === 'syncpay')).toBe(true);
    expect(doc.errors.map((e: { account: string; code: string }) => [e.account, e.code])).toEqual([['casino-v1', 'RATE_LIMITED']]);
    expect(stderr).toMatch(
      /error: Cryptofuse rate-limited account 'casino-v1' \(429 rate_limit_exceeded: You have exceeded the rate limit for this endpoint\); retry after 1h/,
    );
  });
});
