// Every list read of every provider goes through the one paginator (src/providers/kit): the same
// rules, varied over each provider's lists and the spellings they might use. Anything but a clear
// end is LIST_INCOMPLETE (exit 6) with what was read still counted; an entry named twice is read
// from neither place; an enumerated id that is not a safe path segment is never requested.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toBalanceJson } from '../../src/core/balance.js';
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { swipeluxExtraFixtures } from '../../src/providers/swipelux/emulator/data.js';
import { cryptofuse } from '../../src/providers/cryptofuse/adapter.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { fetchWith } from '../helpers/adapters.js';
import { contextFor } from '../helpers/cryptofuse.js';
import { swipeConfig, swipePaths } from '../helpers/swipelux.js';

let sandbox: Sandbox;
let demo: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: { 'flow-payments': null, cryptofuse: null } });
  demo = (await sandboxRawConfig(sandbox.baseUrl)).accounts as Record<string, Record<string, unknown>>;
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.length = 0;
  Object.assign(sandbox.state.swipelux, swipeluxExtraFixtures());
  sandbox.state.cryptofuse.listShape = 'result';
});

const codes = (result: { errors: Array<{ code: string; exitCode: number }> }) => result.errors.map((e) => [e.code, e.exitCode]);
const account = (name: string, extra: Record<string, unknown> = {}) => ({ accounts: { [name]: { ...demo[name], ...extra } } });
const v3 = (settings: Record<string, unknown> = {}) => swipeConfig(sandbox, { apiVersion: 'v3', ...settings });
const v1 = (settings: Record<string, unknown> = {}) => swipeConfig(sandbox, settings);

describe('Swipelux lists, in each paging spelling', () => {
  it.each([
    ['v3 accounts of a customer', () => v3({ customers: ['cus_abc123'] }), ['acc_1', 'acc_2']],
    ['v3 customers, then their accounts', () => v3(), ['acc_1', 'acc_2', 'acc_bank_1']],
    ['v1 customers, then their wallets', () => v1(), ['wal_poly_001', 'wal_base_002']],
  ])('%s: documented and snake_case spellings read every page', async (_, config, wallets) => {
    for (const style of ['documented', 'snake-case'] as const) {
      sandbox.state.swipelux.maxPageSize = 1;
      sandbox.state.swipelux.pagingStyle = style;
      const result = await fetchWith(config());
      expect([codes(result), result.balances.map((b) => b.wallet)], style).toEqual([[], wallets]);
    }
  });

  it.each([
    ['v3 accounts of a customer', () => v3({ customers: ['cus_abc123'] }), ['the account list of customer cus_abc123'], ['acc_1']],
    // Page 1 of the customer list names cus_abc123, whose account list is spelt the same way.
    ['v3 customers', () => v3(), ['the account list of customer cus_abc123', 'the customer list'], ['acc_1']],
    ['v1 customers', () => v1(), ['the customer list'], ['wal_poly_001', 'wal_base_002']],
  ])('%s: hasMore "true" with a next cursor is not a clear answer; page 1 still counts', async (_, config, lists, wallets) => {
    sandbox.state.swipelux.maxPageSize = 1;
    sandbox.state.swipelux.pagingStyle = 'hasMore-as-string';
    const result = await fetchWith(config());
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual(
      lists.map((list) => ['LIST_INCOMPLETE', 6, `Swipelux for account 'sw': ${list} says $.hasMore: "true" (a string), not true or false`]),
    );
    expect(result.balances.map((b) => b.wallet)).toEqual(wallets);
  });

  it('hasMore as 1/0 is not a clear answer either', async () => {
    sandbox.state.swipelux.pagingStyle = 'hasMore-as-number';
    const result = await fetchWith(v3({ customers: ['cus_abc123'] }));
    expect(result.errors[0]?.message).toBe(
      "Swipelux for account 'sw': the account list of customer cus_abc123 says $.hasMore: 0 (a number), not true or false",
    );
  });

  it('a v1 customer list that ends before its own totalCount is incomplete, not complete', async () => {
    sandbox.state.swipelux.pagingStyle = 'total-short';
    const result = await fetchWith(v1());
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      ['LIST_INCOMPLETE', 6, "Swipelux for account 'sw': the customer list ended after 2 entries, before its own total of 3"],
    ]);
    expect(result.balances.map((b) => b.wallet)).toEqual(['wal_poly_001', 'wal_base_002']);
  });

  it.each([
    [
      '{"wallets":[…],"hasMore":true}',
      '{"wallets":[{"id":"wal_9","chain":"base","balances":[]}],"hasMore":true}',
      'says more follow ($.hasMore) but is documented as one page; it was not read further',
    ],
    [
      '{"wallets":[…],"pagination":{"total":5}}',
      '{"wallets":[{"id":"wal_9","chain":"base","balances":[]}],"pagination":{"total":5}}',
      'ended after 1 entry, before its own total of 5',
    ],
  ])("a customer's wallet list (one page) that says more follow is incomplete: %s", async (_, body, why) => {
    sandbox.faults.add({ provider: 'swipelux', path: '/cus_abc123/wallets', kind: 'body', body });
    const result = await fetchWith(v1());
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      ['LIST_INCOMPLETE', 6, `Swipelux for account 'sw': the wallet list of customer cus_abc123 ${why}`],
    ]);
  });

  it("a wallet a customer's balances name twice (1000 and 5) is read from neither place", async () => {
    const body = JSON.stringify({
      customerId: 'cus_abc123',
      totalBalance: { amount: '1005', currency: 'USD' },
      wallets: [
        { walletId: 'wal_d', network: 'polygon', balances: [{ currency: 'USDC', amount: '1000' }] },
        { walletId: 'wal_d', network: 'polygon', balances: [{ currency: 'USDC', amount: '5' }] },
        { walletId: 'wal_e', network: 'base', balances: [{ currency: 'USDC', amount: '7' }] },
      ],
    });
    sandbox.faults.add({ provider: 'swipelux', path: '/cus_abc123/balances', kind: 'body', body });
    const result = await fetchWith(v1({ customers: ['cus_abc123'] }));
    expect(codes(result)).toEqual([['LIST_INCOMPLETE', 6]]);
    expect(result.balances.map((b) => [b.wallet, toBalanceJson(b).total])).toEqual([['wal_e', '7']]);
    // A partial list is not reconciled against the customer's own total.
    expect(result.reported).toEqual([]);
  });

  it.each([['..'], ['.'], [''], ['cus/../x'], ['%2F..%2Fwallets'], ['cus?x=1'], ['cus#frag'], ['cus\u0000'], ['cus\u202e']])(
    'an enumerated customer id %j is never requested; the others are read and the list is incomplete',
    async (hostile) => {
      for (const config of [v1(), v3()]) {
        sandbox.requests.length = 0;
        sandbox.faults.add({
          provider: 'swipelux',
          path: '/customers',
          kind: 'body',
          body: JSON.stringify({
            customers: [{ id: hostile }, { id: 'cus_abc123' }],
            data: [{ id: hostile }, { id: 'cus_abc123' }],
            hasMore: false,
            nextCursor: null,
          }),
        });
        const result = await fetchWith(config);
        expect(codes(result)).toEqual([['LIST_INCOMPLETE', 6]]);
        expect(result.errors[0]?.message).toContain('names an entry that cannot be read safely');
        const paths = swipePaths(sandbox).slice(1);
        expect(paths).toEqual([expect.stringMatching(/^\/v[13]\/customers\/cus_abc123\/(wallets|accounts\?limit=100)$/)]);
      }
    },
  );
});

describe('Cryptofuse lists', () => {
  const wallet = (id: string, amount: string) => ({
    id,
    name: id,
    balances: [{ currency: 'USDTTRC20', amount, pending_amount: '0', available_balance: amount }],
  });

  it('a wallet list that stops short of its total is incomplete; the wallets read still count', async () => {
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets', kind: 'body', body: JSON.stringify({ accounts: [wallet(TRADING_WALLET, '5')], total: 3 }) });
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets', kind: 'body', body: JSON.stringify({ accounts: [], total: 3 }) });
    const result = await fetchWith(account('casino-v3'));
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      ['LIST_INCOMPLETE', 6, "Cryptofuse for account 'casino-v3': the wallet list ended after 1 entry, before its own total of 3"],
    ]);
    expect(result.balances.map((b) => b.wallet)).toEqual([TRADING_WALLET]);
  });

  it('a wallet the list names twice (5,000 and 10 USDT) is read from neither place', async () => {
    const body = { accounts: [wallet(TRADING_WALLET, '5000'), wallet(SAVINGS_WALLET, '3'), wallet(TRADING_WALLET, '10')], total: 3 };
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets', kind: 'body', body: JSON.stringify(body) });
    const result = await fetchWith(account('casino-v3'));
    expect(codes(result)).toEqual([['LIST_INCOMPLETE', 6]]);
    expect(result.balances.map((b) => [b.wallet, toBalanceJson(b).available])).toEqual([[SAVINGS_WALLET, '3']]);
  });

  it.each([
    [
      '{result: {wallets, total: "2"}}',
      { result: { wallets: [{ id: TRADING_WALLET, name: 'T' }], total: '2' } },
      'says $.result.total: "2" (a string), not a whole number',
    ],
    [
      '{result: {wallets, total}} with more wallets than its total',
      { result: { wallets: [{ id: TRADING_WALLET }, { id: SAVINGS_WALLET }], total: 1 } },
      'has 2 entries, more than its own total of 1',
    ],
    ['{accounts, has_more: "false"}', { accounts: [wallet(TRADING_WALLET, '1')], has_more: 'false' }, 'says $.has_more: "false" (a string), not true or false'],
  ])('%s is not a clear end', async (_, body, why) => {
    sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets', kind: 'body', body: JSON.stringify(body) });
    const result = await fetchWith(account('casino-v3'));
    expect(result.errors.map((e) => e.message)).toEqual([`Cryptofuse for account 'casino-v3': the wallet list ${why}`]);
  });

  it.each([
    ['ends short of its total', { currencies: [{ currency: 'USDTTRC20', min_withdrawal: '10' }], total: 4 }, 'ended after 1 entry, before its own total of 4'],
    [
      'names a currency twice (max 100000 and max 50)',
      {
        currencies: [
          { currency: 'USDTTRC20', max_withdrawal: '100000' },
          { currency: 'USDTTRC20', max_withdrawal: '50' },
        ],
      },
      'names "USDTTRC20" more than once (page 1); the list is not stable, so neither entry is used',
    ],
  ])('a withdrawal currency list that %s is unreadable (its rules unknown), never a partial table', async (_, body, why) => {
    sandbox.faults.add({ provider: 'cryptofuse', path: '/withdrawal/available-currencies/', kind: 'body', body: JSON.stringify(body) });
    const failure = (await cryptofuse.withdrawalRules!(contextFor('casino-v1', demo['casino-v1']!)).then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; message: string } | null;
    expect([failure?.code, failure?.message]).toEqual(['LIST_INCOMPLETE', `Cryptofuse for account 'casino-v1': the withdrawal currency list ${why}`]);
  });
});

describe('one-page balance lists (Flow, SyncPay, Bachs) that say more follow', () => {
  it.each([
    [
      'flow-main',
      '/api/balances',
      '{"data":[{"asset":{"symbol":"ETH","chain":"ethereum"},"balance":"1"}],"links":{"next":"https://api.flow-payments.com/api/balances?page=2"}}',
      'says more follow ($.links.next)',
    ],
    [
      'flow-main',
      '/api/balances',
      '{"data":[{"asset":{"symbol":"ETH","chain":"ethereum"},"balance":"1"}],"meta":{"current_page":1,"total":40}}',
      'ended after 1 entry, before its own total of 40',
    ],
    [
      'syncpay',
      '/api/v1/accounts/balances',
      '{"success":true,"balances":[{"currency":"USD","available_balance":"1","pending_balance":"0"}],"has_more":true}',
      'says more follow ($.has_more)',
    ],
    [
      'bachs',
      '/v1/accounts/balances',
      '{"account_id":"org_1","balances":[{"currency":"USD","available_balance":"1","pending_balance":"0"}],"pagination":{"has_more":true,"next_cursor":"c2"}}',
      'says more follow ($.pagination.has_more)',
    ],
  ])('%s: %s with %s', async (name, path, body, why) => {
    sandbox.faults.add({ path, kind: 'body', body });
    const result = await fetchWith(account(name));
    expect(codes(result)).toEqual([['LIST_INCOMPLETE', 6]]);
    expect(result.errors[0]?.message).toContain(`the balance list ${why}`);
    expect(result.balances).toHaveLength(1);
    expect(result.reported).toEqual([]);
  });

  it.each([['flow-main'], ['syncpay'], ['bachs']])('%s: the documented single page is complete', async (name) => {
    const result = await fetchWith(account(name));
    expect(result.errors).toEqual([]);
  });
});
