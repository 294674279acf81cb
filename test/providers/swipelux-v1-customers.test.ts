// Swipelux v1 through the customer-scoped endpoints Swipelux's own client uses, and customer
// enumeration when no ids are configured (three documented list shapes, bounded).
import { describe, expect, it } from 'vitest';
import { toBalanceJson } from '../../src/core/balance.js';
import { fetchWith } from '../helpers/adapters.js';
import { swipeConfig, swipePaths, swipeRow, useSwipeluxSandbox } from '../helpers/swipelux.js';

const box = useSwipeluxSandbox();
const v1 = (settings: Record<string, unknown> = {}) => swipeConfig(box.current, settings);

describe('v1 customer-scoped wallets', () => {
  it('cus_…/wal_… reads GET /v1/customers/{c}/wallets/{w}: {id, chain, balances}', async () => {
    const result = await fetchWith(v1({ wallets: ['cus_abc123/wal_poly_001'] }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map(swipeRow)).toEqual([['wal_poly_001', null, 'USDC', 'polygon', '2450.00', null, '2450.00']]);
    expect(swipePaths(box.current)).toEqual(['/v1/customers/cus_abc123/wallets/wal_poly_001']);
  });

  it('a JSON-number amount is kept digit for digit', async () => {
    box.current.faults.add({
      provider: 'swipelux',
      kind: 'body',
      body: '{"id":"wal_x","chain":"ethereum","balances":[{"amount":123456789012345.123456789012345678,"currency":"USDC"},{"amount":1e-7,"currency":"ETH"}]}',
    });
    const result = await fetchWith(v1({ wallets: ['cus_abc123/wal_x'] }));
    expect(result.errors).toEqual([]);
    expect(result.balances.map((b) => toBalanceJson(b).total)).toEqual(['123456789012345.123456789012345678', '0.0000001']);
  });

  it('an unknown customer is exit 4 naming wallet and customer', async () => {
    const result = await fetchWith(v1({ wallets: ['cus_nobody/wal_1'] }));
    expect(result.errors.map((e) => [e.exitCode, e.message])).toEqual([
      [
        4,
        "Swipelux does not know wallet wal_1 of customer cus_nobody for account 'sw' (404 customer_not_found: The customer does not exist in the current API-key environment.)",
      ],
    ]);
  });

  it('ids are URL-encoded segment by segment', async () => {
    await fetchWith(v1({ wallets: ['cus a/wal+b'] }));
    expect(swipePaths(box.current)).toEqual(['/v1/customers/cus%20a/wallets/wal%2Bb']);
  });

  it('a wallet without an id names the field its style documents', async () => {
    box.current.faults.add({ provider: 'swipelux', path: '/cus_abc123/wallets', kind: 'body', body: '{"wallets":[{"chain":"base","balances":[]}]}' });
    const result = await fetchWith(v1());
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      [
        'BAD_SHAPE',
        6,
        "Swipelux sent a response for customer cus_abc123 of account 'sw' that does not match its documented shape: $.wallets[0].id: expected a non-empty string, got nothing",
      ],
    ]);
    // The other customer is still read.
    expect(swipePaths(box.current)).toContain('/v1/customers/biz_def456/wallets');
  });
});

describe('v1 enumeration (no ids configured)', () => {
  it("lists the customers, then reads each one's wallets; an empty wallet list is no error", async () => {
    const result = await fetchWith(v1());
    expect(result.errors).toEqual([]);
    expect(result.balances.map(swipeRow)).toEqual([
      ['wal_poly_001', null, 'USDC', 'polygon', '2450.00', null, '2450.00'],
      ['wal_base_002', null, 'USDC', 'base', '310.125', null, '310.125'],
    ]);
    expect(swipePaths(box.current)).toEqual([
      '/v1/customers?limit=100&offset=0&page=1',
      '/v1/customers/cus_abc123/wallets',
      '/v1/customers/biz_def456/wallets',
    ]);
  });

  it('pages by offset (and page, while the pages are even) until hasMore is false', async () => {
    box.current.state.swipelux.maxPageSize = 1;
    const result = await fetchWith(v1());
    expect(result.errors).toEqual([]);
    expect(swipePaths(box.current).filter((p) => p.startsWith('/v1/customers?'))).toEqual([
      '/v1/customers?limit=100&offset=0&page=1',
      '/v1/customers?limit=100&offset=1&page=2',
    ]);
  });

  it('after an uneven page only offset is sent (a page-number server would now disagree)', async () => {
    box.current.state.swipelux.maxPageSize = 2;
    box.current.state.swipelux.customerList = [{ id: 'cus_abc123' }, { id: 'biz_def456' }, { id: 'cus_3' }, { id: 'cus_4' }, { id: 'cus_5' }];
    for (const id of ['cus_3', 'cus_4', 'cus_5']) box.current.state.swipelux.customerWallets.set(id, []);
    box.current.faults.add({
      provider: 'swipelux',
      path: '/v1/customers',
      kind: 'body',
      body: '{"customers":[{"id":"cus_abc123"}],"totalCount":5,"hasMore":true}',
    });
    const result = await fetchWith(v1());
    expect(result.errors).toEqual([]);
    expect(swipePaths(box.current).filter((p) => p.startsWith('/v1/customers?'))).toEqual([
      '/v1/customers?limit=100&offset=0&page=1',
      '/v1/customers?limit=100&offset=1&page=2',
      '/v1/customers?limit=100&offset=3',
    ]);
  });

  it.each([
    ['a bare array', '[{"id":"cus_abc123"}]'],
    ['{customers, pagination}', '{"customers":[{"id":"cus_abc123"}],"pagination":{"page":1,"limit":100,"total":1}}'],
    ['{customers, totalCount, hasMore}', '{"customers":[{"id":"cus_abc123"}],"totalCount":1,"hasMore":false}'],
  ])('reads %s', async (_, body) => {
    box.current.faults.add({ provider: 'swipelux', path: '/v1/customers', kind: 'body', body });
    const result = await fetchWith(v1());
    expect(result.errors).toEqual([]);
    expect(result.balances.map((b) => b.wallet)).toEqual(['wal_poly_001', 'wal_base_002']);
  });

  it('a list that repeats an entry is an error (exit 6): the repeated entry is read from neither page, the others still count', async () => {
    box.current.faults.add({
      provider: 'swipelux',
      path: '/v1/customers',
      kind: 'body',
      body: '{"customers":[{"id":"cus_abc123"},{"id":"biz_def456"}],"hasMore":true}',
    });
    box.current.faults.add({ provider: 'swipelux', path: '/v1/customers', kind: 'body', body: '{"customers":[{"id":"cus_abc123"}],"hasMore":false}' });
    const result = await fetchWith(v1());
    expect(result.errors.map((e) => [e.code, e.exitCode, e.message])).toEqual([
      [
        'LIST_INCOMPLETE',
        6,
        'Swipelux for account \'sw\': the customer list names "cus_abc123" more than once (page 2); the list is not stable, so neither entry is used',
      ],
    ]);
    expect(swipePaths(box.current).filter((p) => p.includes('/wallets'))).toEqual(['/v1/customers/biz_def456/wallets']);
  });

  it('more than 50 pages of customers is an error, never a silent cut', async () => {
    box.current.state.swipelux.maxPageSize = 1;
    box.current.state.swipelux.customerList = Array.from({ length: 55 }, (_, i) => ({ id: `cus_${i}` }));
    for (let i = 0; i < 55; i++) box.current.state.swipelux.customerWallets.set(`cus_${i}`, []);
    const result = await fetchWith(v1());
    expect(result.errors.map((e) => [e.code, e.message])).toEqual([
      ['LIST_INCOMPLETE', "Swipelux for account 'sw': the customer list has more than 50 pages; only the first 50 entries were read"],
    ]);
  });

  it('a rejected key fails the account once (exit 4), before any customer is read', async () => {
    const config = swipeConfig(box.current, { apiKey: 'sk.sbx.notthekey00000000000001' });
    const result = await fetchWith(config);
    expect(result.errors.map((e) => [e.code, e.exitCode])).toEqual([['AUTH_FAILED', 4]]);
    expect(swipePaths(box.current)).toEqual(['/v1/customers?limit=100&offset=0&page=1']);
  });

  it('a key with no customers is a notice, not an error', async () => {
    box.current.state.swipelux.customerList = [];
    const result = await fetchWith(v1());
    expect([result.errors, result.balances, result.notices]).toEqual([[], [], ["Swipelux account 'sw' has no customers"]]);
  });
});
