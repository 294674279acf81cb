// Issue 21 classes 5, 6 and 8 in the store, on SQLite and PostgreSQL: one bad balance never sinks
// the others; history belongs to an account's identity (name, provider, mode) and a balance's
// (wallet, currency, network, provider code), never to names alone; a store written by the
// previous release keeps working; deltas are exact at any size; a clock behind the store is said.
import { copyFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { changesBetween } from '../../src/history/changes.js';
import { selectSeries, type SeriesFilter } from '../../src/history/select.js';
import type { Db } from '../../src/history/store/db.js';
import { createStatement, V1_TABLES } from '../../src/history/store/layout.js';
import { openStore, type StoreTarget } from '../../src/history/store/open.js';
import { SeriesSummary } from '../../src/history/summary.js';
import { tempDir } from '../helpers/fixtures.js';
import { usePostgres } from '../helpers/postgres.js';
import { bal, HOUR, read, recordAt, recordResult, seriesPoints, sqliteTarget, T0 } from './helpers.js';

const postgres = usePostgres();

const all: SeriesFilter = { accounts: [], provider: undefined, currencies: [] };
const DAY = 24 * HOUR;

/** "account/provider/mode: CURRENCY@network (code) [wallet]" for each series, in order. */
async function seriesNames(db: Db): Promise<string[]> {
  return (await selectSeries(db, all)).map(
    (s) => `${s.account}/${s.provider}/${s.mode}: ${s.currency}@${s.network} (${s.providerCurrency})${s.wallet ? ` [${s.wallet}]` : ''}`,
  );
}

async function pointsOf(db: Db, from = T0 - DAY, to = T0 + DAY) {
  const series = await selectSeries(db, all);
  const points = await seriesPoints(db, series, new Date(from), new Date(to), null);
  return series.map((s) => [
    `${s.account}/${s.provider}/${s.mode} ${s.currency}@${s.network} ${s.providerCurrency}`,
    (points.get(s.id) ?? []).map((p) => [(p.at.getTime() - T0) / HOUR, p.total ?? p.available, p.error]),
  ]);
}

describe.each(['sqlite', 'postgres'] as const)('history identity on %s', (kind) => {
  async function target(): Promise<StoreTarget> {
    if (kind === 'sqlite') return sqliteTarget();
    return { kind: 'postgres', url: await postgres.server!.freshDatabase() };
  }
  async function fresh(): Promise<Db> {
    return openStore(await target(), 'create');
  }
  const test = (name: string, fn: () => Promise<void>) =>
    it(
      name,
      async (ctx) => {
        if (kind === 'postgres' && !postgres.server) ctx.skip();
        await fn();
      },
      30_000,
    );

  test('two balances on one network told apart by their provider code are two series (Flow USDC and USDC_ERC20)', async () => {
    const db = await fresh();
    const usdc = (code: string, amount: string) => ({
      ...bal('flow', 'USDC', amount, { network: 'ethereum', provider: 'flow-payments' }),
      providerCurrency: code,
    });
    const result = await recordResult(db, T0, [read('flow', [usdc('USDC', '10'), usdc('USDC_ERC20', '20')], null, 'flow-payments')]);
    expect(result.rejected).toEqual([]);
    expect(await pointsOf(db)).toEqual([
      ['flow/flow-payments/live USDC@ethereum USDC', [[0, '10', null]]],
      ['flow/flow-payments/live USDC@ethereum USDC_ERC20', [[0, '20', null]]],
    ]);
    await db.close();
  });

  test('a repeated row is left out and reported for its account alone; every other balance is recorded', async () => {
    const db = await fresh();
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '1'), bal('a', 'USDT', '5', { network: 'tron' })]), read('b', [bal('b', 'EUR', '7')])]);
    const twice = [bal('a', 'USD', '2'), bal('a', 'USDT', '5000', { network: 'tron' }), bal('a', 'USDT', '10', { network: 'tron' })];
    const result = await recordResult(db, T0 + HOUR, [read('a', twice), read('b', [bal('b', 'EUR', '8')])]);
    expect(result.rejected.map((r) => [r.account, r.balance.currency, r.problem])).toEqual([
      ['a', 'USDT', 'USDT on tron appears 2 times in one read, so no figure of it can be told for sure'],
      ['a', 'USDT', 'USDT on tron appears 2 times in one read, so no figure of it can be told for sure'],
    ]);
    // a's USD moved; its USDT is a gap at that read (never 5000, never 10, never gone); b moved.
    expect(await pointsOf(db)).toEqual([
      [
        'a/syncpay/live USD@null USD',
        [
          [0, '1', null],
          [1, '2', null],
        ],
      ],
      [
        'a/syncpay/live USDT@tron USDT',
        [
          [0, '5', null],
          [1, null, 'NOT_RECORDED'],
        ],
      ],
      [
        'b/syncpay/live EUR@null EUR',
        [
          [0, '7', null],
          [1, '8', null],
        ],
      ],
    ]);
    const moved = await changesBetween(db, await selectSeries(db, all), new Date(T0), new Date(T0 + HOUR));
    expect(moved.map((c) => `${c.series.account} ${c.series.currency} ${c.field} ${c.from}→${c.to}`)).toEqual([
      'a USD available 1→2',
      'a USD total 1→2',
      'b EUR available 7→8',
      'b EUR total 7→8',
    ]);
    await db.close();
  });

  test('a balance whose name a database cannot hold (NUL) is left out alone', async () => {
    const db = await fresh();
    const result = await recordResult(db, T0, [read('a', [bal('a', 'US\u0000D', '1'), bal('a', 'EUR', '2')])]);
    expect(result.rejected.map((r) => r.problem)).toEqual(['US\u0000D has a NUL character in its name']);
    expect(await seriesNames(db)).toEqual(['a/syncpay/live: EUR@null (EUR)']);
    await db.close();
  });

  test('re-pointing a name at another provider, or reusing it in another mode, starts new series with a notice', async () => {
    const db = await fresh();
    await recordAt(db, T0, [read('syncpay', [bal('syncpay', 'USDT', '100', { network: 'tron' })], null, 'syncpay')]);
    const bachs = await recordResult(db, T0 + HOUR, [read('syncpay', [bal('syncpay', 'USDT', '7', { network: 'tron', provider: 'bachs' })], null, 'bachs')]);
    expect(bachs.notices).toEqual([
      "account 'syncpay' now reads bachs (live), where its history so far is syncpay (live): its balances start new series (the old ones are kept)",
    ]);
    const test = await recordResult(db, T0 + 2 * HOUR, [read('syncpay', [bal('syncpay', 'USDT', '1000000', { network: 'tron' })], null, 'syncpay', 'test')]);
    expect(test.notices).toEqual([
      "account 'syncpay' now reads syncpay (test), where its history so far is syncpay (live), bachs (live): its balances start new series (the old ones are kept)",
    ]);
    // Three streams, none merged: no move from 100 to 7 to 1,000,000 ever appears.
    expect(await pointsOf(db)).toEqual([
      ['syncpay/bachs/live USDT@tron USDT', [[1, '7', null]]],
      ['syncpay/syncpay/live USDT@tron USDT', [[0, '100', null]]],
      ['syncpay/syncpay/test USDT@tron USDT', [[2, '1000000', null]]],
    ]);
    const moved = await changesBetween(db, await selectSeries(db, all), new Date(T0), new Date(T0 + 3 * HOUR));
    expect(moved.filter((c) => c.from !== null && c.to !== null)).toEqual([]);
    // Back to the first identity: its series goes on, nothing new is said.
    const back = await recordResult(db, T0 + 3 * HOUR, [read('syncpay', [bal('syncpay', 'USDT', '101', { network: 'tron' })], null, 'syncpay')]);
    expect(back.notices).toEqual([]);
    await db.close();
  });

  test('a failed read whose mode is unknown is a gap of the identity read last, not a new one', async () => {
    const db = await fresh();
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '1')], null, 'syncpay', 'live')]);
    const failed = await recordResult(db, T0 + HOUR, [read('a', [], 'AUTH_FAILED', 'syncpay', null)]);
    expect(failed.notices).toEqual([]);
    expect(await pointsOf(db)).toEqual([
      [
        'a/syncpay/live USD@null USD',
        [
          [0, '1', null],
          [1, null, 'AUTH_FAILED'],
        ],
      ],
    ]);
    // An account first seen failing gets an identity whose mode its first good read then adopts.
    const later = await recordResult(db, T0 + 2 * HOUR, [read('new', [], 'TIMEOUT', 'syncpay', null)]);
    const good = await recordResult(db, T0 + 3 * HOUR, [read('new', [bal('new', 'EUR', '3')], null, 'syncpay', 'test')]);
    expect([later.notices, good.notices]).toEqual([[], []]);
    expect((await selectSeries(db, { ...all, accounts: ['new'] })).map((s) => s.mode)).toEqual(['test']);
    await db.close();
  });

  test('a snapshot clock behind the store is said, and times still move forward', async () => {
    const db = await fresh();
    await recordAt(db, T0 + DAY, [read('a', [bal('a', 'USD', '1')])]);
    const behind = await recordResult(db, T0, [read('a', [bal('a', 'USD', '2')])]);
    expect(behind.at.getTime()).toBe(T0 + DAY + 1);
    expect(behind.notices).toEqual([
      "this machine's clock (2026-11-02T00:00:00.000Z) is behind the latest read of 'a' in the history (2026-11-03T00:00:00.000Z); recorded at 2026-11-03T00:00:00.001Z so times keep moving forward",
    ]);
    // Within a minute is ordinary drift (two runs in one millisecond, NTP steps): nothing to say.
    expect((await recordResult(db, T0 + DAY - 30_000, [read('a', [bal('a', 'USD', '3')])])).notices).toEqual([]);
    await db.close();
  });

  test("deltas and the table's change are exact at any size (never rounded to a working precision)", async () => {
    const db = await fresh();
    const big = `9${'0'.repeat(149)}.000000000000000000000000000000001`;
    const bigger = `9${'0'.repeat(149)}.000000000000000000000000000000003`;
    await recordAt(db, T0, [read('a', [bal('a', 'XAU', big)])]);
    await recordAt(db, T0 + HOUR, [read('a', [bal('a', 'XAU', bigger)])]);
    const series = await selectSeries(db, all);
    const [change] = await changesBetween(db, series, new Date(T0), new Date(T0 + HOUR));
    expect(change?.delta).toBe('0.000000000000000000000000000000002');
    const summary = new SeriesSummary();
    summary.add((await seriesPoints(db, series, new Date(T0), new Date(T0 + HOUR), null)).get(series[0]!.id)!);
    expect(summary.result().change?.toFixed()).toBe('0.000000000000000000000000000000002');
    await db.close();
  });
});

describe('a store written by the previous release (schema 1, keyed by account name)', () => {
  // test/fixtures/history-v1.db was written by the release before account identities (commit
  // e791af4): three snapshots of syncpay (USD; USDT disappearing), flow-main (a failed read in the
  // middle) and casino (a wallet).
  async function v1Store(): Promise<string> {
    const path = join(tempDir(), 'history.db');
    copyFileSync(new URL('../fixtures/history-v1.db', import.meta.url), path);
    chmodSync(path, 0o600);
    return path;
  }

  it('is upgraded in place: the same series, points and changes as before', async () => {
    const db = await openStore({ kind: 'sqlite', path: await v1Store() }, 'read');
    expect(await seriesNames(db)).toEqual([
      'casino/cryptofuse/null: USDT@tron (USDT) [w1]',
      'flow-main/flow-payments/null: BTC@bitcoin (BTC)',
      'flow-main/flow-payments/null: ETH@ethereum (ETH)',
      'syncpay/syncpay/null: USD@null (USD)',
      'syncpay/syncpay/null: USDT@tron (USDT)',
    ]);
    expect(await pointsOf(db)).toEqual([
      [
        'casino/cryptofuse/null USDT@tron USDT',
        [
          [0, '100', null],
          [1, '100', null],
          [2, '99.5', null],
        ],
      ],
      [
        'flow-main/flow-payments/null BTC@bitcoin BTC',
        [
          [0, '0.01', null],
          [1, null, 'AUTH_FAILED'],
          [2, '0.01', null],
        ],
      ],
      [
        'flow-main/flow-payments/null ETH@ethereum ETH',
        [
          [0, '0.5', null],
          [1, null, 'AUTH_FAILED'],
          [2, '0.75', null],
        ],
      ],
      [
        'syncpay/syncpay/null USD@null USD',
        [
          [0, '10.00', null],
          [1, '12.50', null],
          [2, '12.50', null],
        ],
      ],
      [
        'syncpay/syncpay/null USDT@tron USDT',
        [
          [0, '5', null],
          [1, '5', null],
        ],
      ],
    ]);
    await db.close();
  });

  it("on PostgreSQL too: the same rows in the previous release's tables are upgraded alike", async (ctx) => {
    if (!postgres.server) ctx.skip();
    const source = await openStore({ kind: 'sqlite', path: await v1Store() }, 'read'); // upgraded copy, to read the rows
    const url = await postgres.server!.freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const table of V1_TABLES) await client.query(createStatement('postgres', table));
    await client.query('INSERT INTO schema_version (version) VALUES (1)');
    for (const r of await source.all('SELECT id, name, provider FROM accounts ORDER BY id'))
      await client.query('INSERT INTO accounts (id, name, provider) VALUES ($1, $2, $3)', [r.id, r.name, r.provider]);
    for (const r of await source.all(
      'SELECT s.id, s.account_id, a.name, s.wallet, s.currency, s.network, s.provider_currency FROM series s JOIN accounts a ON a.id = s.account_id ORDER BY s.id',
    )) {
      const key = JSON.stringify([r.name, r.wallet, r.currency, r.network]); // the previous release's key
      await client.query('INSERT INTO series (id, account_id, key, wallet, currency, network, provider_currency) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        r.id,
        r.account_id,
        key,
        r.wallet,
        r.currency,
        r.network,
        r.provider_currency,
      ]);
    }
    for (const r of await source.all('SELECT * FROM reads')) await client.query('INSERT INTO reads VALUES ($1, $2, $3)', [r.account_id, r.at, r.error_code]);
    for (const r of await source.all('SELECT * FROM amounts'))
      await client.query('INSERT INTO amounts VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        r.series_id,
        r.at,
        r.present,
        r.available,
        r.pending,
        r.total,
        r.usd_value,
      ]);
    await client.query("SELECT setval(pg_get_serial_sequence('accounts', 'id'), 3)");
    await client.end();
    const expected = await pointsOf(source);
    await source.close();
    const db = await openStore({ kind: 'postgres', url }, 'read');
    expect(await pointsOf(db)).toEqual(expected);
    // New identities get ids after the upgraded ones.
    await recordAt(db, T0 + 3 * HOUR, [read('fresh', [bal('fresh', 'USD', '1')])]);
    expect((await selectSeries(db, { ...all, accounts: ['fresh'] }))[0]!.accountId).toBe(4);
    await db.close();
  });

  it("the next snapshot adopts each account's mode silently and its series go on", async () => {
    const path = await v1Store();
    const db = await openStore({ kind: 'sqlite', path }, 'create');
    // As the previous release's fixture was recorded: an available figure, no total.
    const usd = { ...bal('syncpay', 'USD', '12.50'), total: null };
    const result = await recordResult(db, T0 + 3 * HOUR, [read('syncpay', [usd], null, 'syncpay', 'live')]);
    expect(result.notices).toEqual([]);
    const series = await selectSeries(db, { ...all, accounts: ['syncpay'] });
    expect(series.map((s) => `${s.mode} ${s.currency}`)).toEqual(['live USD', 'live USDT']);
    expect((await changesBetween(db, series, new Date(T0 + 2 * HOUR), new Date(T0 + 3 * HOUR))).length).toBe(0);
    // The identity is now (syncpay, syncpay, live): a test-mode reuse of the name is kept apart.
    const reuse = await recordResult(db, T0 + 4 * HOUR, [read('syncpay', [bal('syncpay', 'USD', '999')], null, 'syncpay', 'test')]);
    expect(reuse.notices).toHaveLength(1);
    await db.close();
  });
});
