// Cryptofuse wallet list: the newer GET /wallets/ shape with embedded balances (one call for
// enumeration and balances), and the trailing slash the docs disagree on (one same-origin 301
// that only adds or removes it is followed; nothing else).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBalanceJson, type Balance } from '../../src/core/balance.js';
import { slashOnlyRedirect } from '../../src/providers/kit/request.js';
import type { HttpResponse } from '../../src/http/client.js';
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import type { Sandbox } from '../../src/sandbox/server.js';
import { cryptofuseSandbox, fetchCf, only, type Accounts } from '../helpers/cryptofuse.js';

let sandbox: Sandbox;
let accounts: Accounts;
beforeEach(async () => {
  ({ sandbox, accounts } = await cryptofuseSandbox());
});
afterEach(() => sandbox.close());

const row = (b: Balance) => {
  const j = toBalanceJson(b);
  return [j.wallet, j.walletName, j.providerCurrency, j.available, j.pending, j.total];
};
const paths = () => sandbox.requests.filter((r) => r.provider === 'cryptofuse').map((r) => `${r.method} ${r.path}`);

describe('newer list shape {accounts: [… balances], total}', () => {
  it("reads every wallet's balances from the list alone: one request", async () => {
    sandbox.state.cryptofuse.listShape = 'accounts';
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors).toEqual([]);
    expect(result.balances.map(row)).toEqual([
      [TRADING_WALLET, 'Player 12345', 'USDTTRC20', '400.00', '100.00', '500.00'],
      [TRADING_WALLET, 'Player 12345', 'BTC', '0.025', '0.000', '0.025'],
      [SAVINGS_WALLET, 'Savings Wallet', 'USDTPOLYGON', '250.50', '0.00', '250.50'],
      [SAVINGS_WALLET, 'Savings Wallet', 'USDCERC20', '750.000000', '250.000000', '1000.000000'],
    ]);
    expect(paths()).toEqual(['GET /wallets/?limit=100&offset=0']);
  });

  it('pages by offset up to total when the server pages', async () => {
    sandbox.state.cryptofuse.listShape = 'accounts';
    sandbox.state.cryptofuse.maxPageSize = 1;
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors).toEqual([]);
    expect(new Set(result.balances.map((b) => b.wallet))).toEqual(new Set([TRADING_WALLET, SAVINGS_WALLET]));
    expect(paths()).toEqual(['GET /wallets/?limit=100&offset=0', 'GET /wallets/?limit=100&offset=1']);
  });

  it("a wallet whose embedded balances are unreadable is that wallet's error (exit 6); the other still counts", async () => {
    sandbox.state.cryptofuse.listShape = 'accounts';
    const trading = sandbox.state.cryptofuse.v3[TRADING_WALLET];
    if (!trading) throw new Error('fixture missing');
    trading.balances = [{ currency: 'BTC', amount: 'lots' }];
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['BAD_SHAPE', 6]]);
    expect(result.errors[0]?.message).toContain(`wallet ${TRADING_WALLET}`);
    expect(result.errors[0]?.message).toContain('$.balances[0].amount');
    expect(new Set(result.balances.map((b) => b.wallet))).toEqual(new Set([SAVINGS_WALLET]));
  });

  it('configured wallets still use the balance call of apiVersion', async () => {
    sandbox.state.cryptofuse.listShape = 'accounts';
    await fetchCf(only(accounts, 'casino-v1'));
    expect(paths()).toEqual([`GET /wallets/balances?wallet_id=${TRADING_WALLET}`]);
  });
});

describe('trailing slash on the list call', () => {
  it('a server that serves only /wallets and redirects /wallets/ with 301: followed once, query kept', async () => {
    sandbox.state.cryptofuse.listPath = '/wallets';
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors).toEqual([]);
    expect(result.balances).toHaveLength(4);
    expect(paths().slice(0, 2)).toEqual(['GET /wallets/?limit=100&offset=0', 'GET /wallets?limit=100&offset=0']);
  });

  it('a server that serves only /wallets and answers 404 for /wallets/: the other form is tried', async () => {
    sandbox.state.cryptofuse.listPath = '/wallets';
    sandbox.state.cryptofuse.otherListPath = 404;
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors).toEqual([]);
    expect(paths().slice(0, 2)).toEqual(['GET /wallets/?limit=100&offset=0', 'GET /wallets?limit=100&offset=0']);
  });

  it('a second slash redirect is not followed (no loops): exit 6, two requests', async () => {
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets', kind: 'redirect', status: 301, location: '/cryptofuse/wallets?limit=100&offset=0' });
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets', kind: 'redirect', status: 301, location: '/cryptofuse/wallets/?limit=100&offset=0' });
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['REDIRECT', 6]]);
    expect(paths()).toHaveLength(2);
  });

  it('a redirect to another host is never followed and the key goes nowhere else', async () => {
    sandbox.faults.add({
      provider: 'cryptofuse',
      path: '/wallets',
      kind: 'redirect',
      status: 301,
      location: 'http://127.0.0.2:1/cryptofuse/wallets?limit=100&offset=0',
    });
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['REDIRECT', 6]]);
    expect(result.errors[0]?.message).toContain('127.0.0.2:1/cryptofuse/wallets');
    expect(paths()).toHaveLength(1);
  });

  it('a 302 that only drops the slash is not followed either', async () => {
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets', kind: 'redirect', status: 302, location: '/cryptofuse/wallets?limit=100&offset=0' });
    const result = await fetchCf(only(accounts, 'casino-v3'));
    expect(result.errors.map((e) => e.code)).toEqual(['REDIRECT']);
  });
});

describe('slashOnlyRedirect', () => {
  const response = (status: number, location?: string): HttpResponse => ({
    status,
    headers: location ? { location } : {},
    text: '',
    attempts: 1,
    retryAfterMs: null,
  });
  const from = new URL('https://api.cryptofuse.io/wallets/?limit=100&offset=0');
  it.each([
    [301, '/wallets?limit=100&offset=0', 'https://api.cryptofuse.io/wallets?limit=100&offset=0'],
    [308, 'https://api.cryptofuse.io/wallets?limit=100&offset=0', 'https://api.cryptofuse.io/wallets?limit=100&offset=0'],
    [301, '/wallets//?limit=100&offset=0', null],
    [301, '/wallets?limit=100&offset=5', null],
    [301, '/login?next=/wallets/', null],
    [301, 'https://evil.example/wallets?limit=100&offset=0', null],
    [301, 'http://api.cryptofuse.io/wallets?limit=100&offset=0', null],
    [302, '/wallets?limit=100&offset=0', null],
    [301, undefined, null],
  ])('%i → %s', (status, location, expected) => {
    expect(slashOnlyRedirect(from, response(status, location))?.href ?? null).toBe(expected);
  });
  it('adding the slash is fine too', () => {
    expect(slashOnlyRedirect(new URL('https://h.example/wallets'), response(301, '/wallets/'))?.href).toBe('https://h.example/wallets/');
  });
});
