// Swipelux v3 accounts: cursor pages followed to the end (bounded), single accounts through their
// customer, provisioning accounts skipped, problem+json errors (customer_not_found, retryable).
import { describe, expect, it } from 'vitest';
import { fetchWith } from '../helpers/adapters.js';
import { PROVIDERS } from '../../src/providers/catalog.js';
import { setupMode } from '../../src/providers/account-mode.js';
import { swipeConfig, swipePaths, swipeRow, useSwipeluxSandbox } from '../helpers/swipelux.js';

const box = useSwipeluxSandbox();
const v3 = (settings: Record<string, unknown> = {}) => swipeConfig(box.current, { apiVersion: 'v3', ...settings });

describe('Swipelux v3 accounts', () => {
  it('a customer: one record per account balance; pending null when absent (total unknown); provisioning skipped', async () => {
    const result = await fetchWith(v3({ customers: ['cus_abc123'] }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map(swipeRow)).toEqual([
      ['acc_1', 'Treasury', 'USDC', 'base', '250.00', '12.50', '262.50'],
      ['acc_2', 'Payouts', 'USDC', 'polygon', '1000.000001', null, null],
    ]);
    expect(new Set(result.balances.map((b) => b.mode))).toEqual(new Set(['test']));
    expect(swipePaths(box.current)).toEqual(['/v3/customers/cus_abc123/accounts?limit=100']);
  });

  it('follows every cursor page', async () => {
    box.current.state.swipelux.maxPageSize = 1;
    const result = await fetchWith(v3({ customers: ['cus_abc123'] }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map((b) => b.wallet)).toEqual(['acc_1', 'acc_2']);
    expect(swipePaths(box.current)).toEqual([
      '/v3/customers/cus_abc123/accounts?limit=100',
      '/v3/customers/cus_abc123/accounts?limit=100&cursor=c_1',
      '/v3/customers/cus_abc123/accounts?limit=100&cursor=c_2',
    ]);
  });

  it('a single account through its customer: {data: Account}', async () => {
    const result = await fetchWith(v3({ wallets: ['biz_def456/acc_bank_1'] }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map(swipeRow)).toEqual([['acc_bank_1', 'Operating', 'USD', null, '500.00', '25.00', '525.00']]);
    expect(swipePaths(box.current)).toEqual(['/v3/customers/biz_def456/accounts/acc_bank_1']);
  });

  it('a provisioning account configured by id: no record, no error', async () => {
    const result = await fetchWith(v3({ wallets: ['cus_abc123/acc_3'] }));
    expect([result.errors, result.balances]).toEqual([[], []]);
  });

  it("no ids: every customer of the key, then each one's accounts", async () => {
    const result = await fetchWith(v3());
    expect(result.errors).toEqual([]);
    expect(result.balances.map((b) => b.wallet)).toEqual(['acc_1', 'acc_2', 'acc_bank_1']);
    expect(swipePaths(box.current)[0]).toBe('/v3/customers?limit=100');
  });

  it('customer_not_found: exit 4 naming the customer; the other ids still count', async () => {
    const result = await fetchWith(v3({ customers: ['cus_missing', 'cus_abc123'] }));
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      [
        'NOT_FOUND',
        4,
        "Swipelux does not know customer cus_missing for account 'sw' (404 customer_not_found: The customer does not exist in the current API-key environment.)",
      ],
    ]);
    expect(result.balances.map((b) => b.wallet)).toEqual(['acc_1', 'acc_2']);
  });

  it('an unknown account names the account and its customer', async () => {
    const result = await fetchWith(v3({ wallets: ['cus_abc123/acc_nope'] }));
    expect(result.errors.map((e) => [e.exitCode, e.message])).toEqual([
      [
        4,
        "Swipelux does not know account acc_nope of customer cus_abc123 for account 'sw' (404 not_found: The account does not exist in the current API-key environment.)",
      ],
    ]);
  });

  it('a list that says hasMore without a cursor is an error (exit 6), the read page still counts', async () => {
    box.current.faults.add({
      provider: 'swipelux',
      path: '/accounts',
      kind: 'body',
      body: '{"data":[{"id":"acc_9","currency":"USDC","network":"base","status":"ready","balances":[{"currency":"USDC","available":"1"}]}],"nextCursor":null,"hasMore":true}',
    });
    const result = await fetchWith(v3({ customers: ['cus_abc123'] }));
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['LIST_INCOMPLETE', 6]]);
    expect(result.errors[0]?.message).toBe(
      "Swipelux for account 'sw': the account list of customer cus_abc123 says it has more ($.hasMore) but gives no next cursor",
    );
    expect(result.balances.map((b) => b.wallet)).toEqual(['acc_9']);
  });

  it('a cursor that repeats is an error, not an endless loop', async () => {
    const page = '{"data":[],"nextCursor":"c_same","hasMore":true}';
    box.current.faults.add({ provider: 'swipelux', path: '/accounts', kind: 'body', body: page, times: 3 });
    const result = await fetchWith(v3({ customers: ['cus_abc123'] }));
    expect(result.errors.map((e) => e.code)).toEqual(['LIST_INCOMPLETE']);
    expect(result.errors[0]?.message).toContain('repeated the cursor c_same');
    expect(swipePaths(box.current)).toHaveLength(2);
  });

  it('a list longer than 50 pages stops there and says so', async () => {
    box.current.state.swipelux.maxPageSize = 1;
    box.current.state.swipelux.v3Customers = Array.from({ length: 60 }, (_, i) => ({ id: `cus_${i}`, type: 'individual' }));
    for (let i = 0; i < 60; i++) box.current.state.swipelux.v3Accounts.set(`cus_${i}`, []);
    const result = await fetchWith(v3());
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      ['LIST_INCOMPLETE', 6, "Swipelux for account 'sw': the customer list has more than 50 pages; only the first 50 entries were read"],
    ]);
    expect(swipePaths(box.current).filter((p) => p.startsWith('/v3/customers?'))).toHaveLength(50);
  });

  it('retryable: false on a 503 is not retried; retryable: true on a 409 is', async () => {
    const problem = (status: number, retryable: boolean) =>
      JSON.stringify({ type: 'about:blank', title: 't', status, code: 'x', detail: 'd', correlationId: 'c', retryable });
    box.current.faults.add({ provider: 'swipelux', kind: 'status', status: 503, body: problem(503, false) });
    const notRetried = await fetchWith(v3({ wallets: ['biz_def456/acc_bank_1'] }));
    expect(notRetried.errors.map((e) => [e.code, e.exitCode])).toEqual([['PROVIDER_ERROR', 5]]);
    expect(swipePaths(box.current)).toHaveLength(1);
    box.current.requests.length = 0;
    box.current.faults.add({ provider: 'swipelux', kind: 'status', status: 409, body: problem(409, true) });
    const retried = await fetchWith(v3({ wallets: ['biz_def456/acc_bank_1'] }));
    expect(retried.errors).toEqual([]);
    expect(swipePaths(box.current)).toHaveLength(2);
  });

  it.each([
    ['https://platform.sbx.swipelux.com', 'sk.live.abcdefghijklmnop', null, 'test'],
    ['https://PLATFORM.SBX.SWIPELUX.COM/', 'anything', null, 'test'],
    ['https://platform.swipelux.com', 'sk.live.abcdefghijklmnop', null, 'live'],
    ['https://platform.swipelux.com', 'sk.sbx.abcdefghijklmnop', null, 'test'],
    ['https://platform.swipelux.com', 'sk_test_1234567890abcdef', null, null],
    ['https://platform.sbx.swipelux.com', 'sk.sbx.abcdefghijklmnop', 'live', 'live'],
  ] as const)('mode: host %s, key %s, config mode %s → %s', (baseUrl, apiKey, mode, expected) => {
    expect(setupMode({ baseUrl, mode, credentials: { apiKey } }, PROVIDERS.swipelux)).toBe(expected);
  });
});
