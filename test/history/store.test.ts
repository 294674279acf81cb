// The store's semantics, the same on SQLite and PostgreSQL: exact amounts, change-log recording,
// gaps for failed reads, appear/disappear, buckets, changes between moments, prune, versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesBetween } from '../../src/history/changes.js';
import { exportHistory } from '../../src/history/export.js';
import { pruneBefore } from '../../src/history/prune.js';
import { selectSeries, type SeriesFilter } from '../../src/history/select.js';
import type { Db } from '../../src/history/store/db.js';
import { openStore, type StoreTarget } from '../../src/history/store/open.js';
import { startPostgres, warnSkipped, type TestPostgres } from '../helpers/postgres.js';
import { bal, HOUR, read, recordAt, seriesPoints, sqliteTarget, T0 } from './helpers.js';

let server: TestPostgres | null = null;
let skipped: string | null = null;
beforeAll(async () => {
  const started = await startPostgres();
  if ('skipped' in started) {
    skipped = started.skipped;
    warnSkipped(skipped);
  } else server = started;
}, 60_000);
afterAll(async () => server?.stop());

const all: SeriesFilter = { accounts: [], provider: undefined, currencies: [] };
const DAY = 24 * HOUR;

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.all(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.n);
}

describe.each(['sqlite', 'postgres'] as const)('history store on %s', (kind) => {
  async function target(): Promise<StoreTarget> {
    if (kind === 'sqlite') return sqliteTarget();
    return { kind: 'postgres', url: await server!.freshDatabase() };
  }
  async function fresh(): Promise<Db> {
    return openStore(await target(), 'create');
  }
  const test = (name: string, fn: () => Promise<void>) =>
    it(
      name,
      async (ctx) => {
        if (kind === 'postgres' && !server) ctx.skip();
        await fn();
      },
      30_000,
    );

  test('keeps 1e-18 and 30-digit amounts exactly, as decimal text', async () => {
    const db = await fresh();
    const tiny = '0.000000000000000001';
    const huge = '123456789012345678901234567890.123456789012345678';
    await recordAt(db, T0, [read('a', [bal('a', 'ETH', tiny, { network: 'ethereum' }), bal('a', 'NGN', huge)])]);
    const series = await selectSeries(db, all);
    const points = await seriesPoints(db, series, new Date(T0 - DAY), new Date(T0 + DAY), null);
    const totals = series.map((s) => points.get(s.id)?.[0]?.total);
    expect(totals.sort()).toEqual([huge, tiny].sort());
    await db.close();
  });

  test('an unchanged snapshot adds one read per account and no balance rows', async () => {
    const db = await fresh();
    const balances = () => [bal('a', 'USD', '10.00'), bal('a', 'USDT', '5', { network: 'tron' })];
    await recordAt(db, T0, [read('a', balances()), read('b', [bal('b', 'EUR', '1')])]);
    const amountsAfterFirst = await count(db, 'amounts');
    await recordAt(db, T0 + HOUR, [read('a', balances()), read('b', [bal('b', 'EUR', '1')])]);
    expect(await count(db, 'amounts')).toBe(amountsAfterFirst);
    expect(await count(db, 'reads')).toBe(4);
    // One figure moved: exactly one new balance row.
    await recordAt(db, T0 + 2 * HOUR, [read('a', [bal('a', 'USD', '10.01'), bal('a', 'USDT', '5', { network: 'tron' })])]);
    expect(await count(db, 'amounts')).toBe(amountsAfterFirst + 1);
    await db.close();
  });

  test('a failed read is a gap (null amounts and the code), and does not reset the value', async () => {
    const db = await fresh();
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '10.00', { usd: '10.00' })])]);
    await recordAt(db, T0 + HOUR, [read('a', [], 'AUTH_FAILED')]);
    await recordAt(db, T0 + 2 * HOUR, [read('a', [bal('a', 'USD', '10.00', { usd: '10.00' })])]);
    const series = await selectSeries(db, all);
    const points = (await seriesPoints(db, series, new Date(T0), new Date(T0 + DAY), null)).get(series[0]!.id)!;
    expect(points.map((p) => [p.at.getTime() - T0, p.total, p.usdValue, p.error])).toEqual([
      [0, '10.00', '10.00', null],
      [HOUR, null, null, 'AUTH_FAILED'],
      [2 * HOUR, '10.00', '10.00', null],
    ]);
    // The failed read sits between the two moments; nothing changed.
    expect(await changesBetween(db, series, new Date(T0 + 30 * 60_000), new Date(T0 + 90 * 60_000))).toEqual([]);
    await db.close();
  });

  test('changes: moved fields with exact deltas; appeared and disappeared balances have null sides', async () => {
    const db = await fresh();
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '10.50', { pending: '1.00' }), bal('a', 'EUR', '3')])]);
    await recordAt(db, T0 + HOUR, [read('a', [bal('a', 'USD', '10.5', { pending: '2.25' }), bal('a', 'GBP', '7.10')])]);
    const series = await selectSeries(db, all);
    const changes = await changesBetween(db, series, new Date(T0 + 1), new Date(T0 + HOUR));
    const view = changes.map((c) => [c.series.currency, c.field, c.from, c.to, c.delta]);
    expect(view).toEqual([
      ['EUR', 'available', '3', null, null],
      ['EUR', 'total', '3', null, null],
      ['GBP', 'available', null, '7.10', null],
      ['GBP', 'total', null, '7.10', null],
      // available 10.50 → 10.5 is no change; pending and total moved
      ['USD', 'pending', '1.00', '2.25', '1.25'],
      ['USD', 'total', '11.50', '12.75', '1.25'],
    ]);
    // Before the first snapshot nothing existed: everything appeared.
    const fromNothing = await changesBetween(db, series, new Date(T0 - DAY), new Date(T0));
    expect(fromNothing.every((c) => c.from === null && c.delta === null)).toBe(true);
    await db.close();
  });

  test('a filtered or failed read never marks other balances as gone', async () => {
    const db = await fresh();
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '1'), bal('a', 'EUR', '2')])]);
    await recordAt(db, T0 + HOUR, [read('a', [bal('a', 'USD', '1')])], true);
    await recordAt(db, T0 + 2 * HOUR, [read('a', [bal('a', 'USD', '1')], 'TIMEOUT')]);
    const series = await selectSeries(db, all);
    expect(await changesBetween(db, series, new Date(T0), new Date(T0 + DAY))).toEqual([]);
    await db.close();
  });

  test('--by day keeps the last value of each UTC day, preferring the last successful read', async () => {
    const db = await fresh();
    await recordAt(db, T0 + HOUR, [read('a', [bal('a', 'USD', '1')])]);
    await recordAt(db, T0 + 20 * HOUR, [read('a', [bal('a', 'USD', '2')])]);
    await recordAt(db, T0 + 23 * HOUR, [read('a', [], 'TIMEOUT')]);
    await recordAt(db, T0 + DAY + HOUR, [read('a', [], 'TIMEOUT')]);
    await recordAt(db, T0 + 2 * DAY + HOUR, [read('a', [bal('a', 'USD', '3')])]);
    const series = await selectSeries(db, all);
    const points = (await seriesPoints(db, series, new Date(T0), new Date(T0 + 3 * DAY), 'day')).get(series[0]!.id)!;
    expect(points.map((p) => [p.at.toISOString(), p.total, p.error])).toEqual([
      ['2026-11-02T20:00:00.000Z', '2', null],
      ['2026-11-03T01:00:00.000Z', null, 'TIMEOUT'],
      ['2026-11-04T01:00:00.000Z', '3', null],
    ]);
    // Weeks start on Monday (T0 is a Monday): one point for the whole week.
    const weekly = (await seriesPoints(db, series, new Date(T0), new Date(T0 + 3 * DAY), 'week')).get(series[0]!.id)!;
    expect(weekly.map((p) => p.total)).toEqual(['3']);
    await db.close();
  });

  test('filters: --account, --provider and --currency (a provider code pins the network)', async () => {
    const db = await fresh();
    await recordAt(db, T0, [
      read('a', [bal('a', 'USDT', '1', { network: 'tron' }), bal('a', 'USDT', '2', { network: 'ethereum' })]),
      read('f', [bal('f', 'BTC', '1', { provider: 'flow-payments', network: 'bitcoin' })], null, 'flow-payments'),
    ]);
    const names = async (filter: Partial<typeof all>) => (await selectSeries(db, { ...all, ...filter })).map((s) => `${s.account}:${s.currency}@${s.network}`);
    expect(await names({ accounts: ['f'] })).toEqual(['f:BTC@bitcoin']);
    expect(await names({ provider: 'syncpay' })).toEqual(['a:USDT@ethereum', 'a:USDT@tron']);
    expect(await names({ currencies: ['USDT_TRC20'] })).toEqual(['a:USDT@tron']);
    expect(await names({ currencies: ['usdt'] })).toEqual(['a:USDT@ethereum', 'a:USDT@tron']);
    await db.close();
  });

  test('prune forgets old reads but keeps each value in force at the cutoff', async () => {
    const db = await fresh();
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '1'), bal('a', 'EUR', '5')])]);
    await recordAt(db, T0 + HOUR, [read('a', [bal('a', 'USD', '2'), bal('a', 'EUR', '5')])]);
    await recordAt(db, T0 + 10 * HOUR, [read('a', [bal('a', 'USD', '3'), bal('a', 'EUR', '5')])]);
    const result = await pruneBefore(db, new Date(T0 + 5 * HOUR));
    expect(result).toEqual({ reads: 2, amounts: 1 });
    const series = await selectSeries(db, all);
    const changes = await changesBetween(db, series, new Date(T0 + 5 * HOUR), new Date(T0 + DAY));
    expect(changes.map((c) => [c.series.currency, c.field, c.from, c.to])).toEqual([
      ['USD', 'available', '2', '3'],
      ['USD', 'total', '2', '3'],
    ]);
    expect(await pruneBefore(db, new Date(T0 + 5 * HOUR))).toEqual({ reads: 0, amounts: 0 });
    await db.close();
  });

  test("a prune past an account's last read keeps that read: what it keeps is still shown and exported", async () => {
    // Snapshots stopped (cron broke) and then `history prune --older-than 30d`: the values in force
    // stay, so the read they belong to stays too — without it history shows nothing and an export
    // (a backup, a move to PostgreSQL) silently drops them.
    const db = await fresh();
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '1'), bal('a', 'EUR', '5')])]);
    await recordAt(db, T0 + HOUR, [read('a', [bal('a', 'USD', '2'), bal('a', 'EUR', '5')])]);
    await recordAt(db, T0, [read('b', [bal('b', 'GBP', '7')], null, 'bachs')]);
    expect(await pruneBefore(db, new Date(T0 + 60 * DAY))).toEqual({ reads: 1, amounts: 1 });
    expect(await count(db, 'reads')).toBe(2);
    const series = await selectSeries(db, all);
    const points = await seriesPoints(db, series, new Date(T0 - DAY), new Date(T0 + 61 * DAY), null);
    expect(
      series.map(
        (s) =>
          `${s.account}:${s.currency}=${points
            .get(s.id)
            ?.map((p) => p.total)
            .join(',')}`,
      ),
    ).toEqual(['a:EUR=5', 'a:USD=2', 'b:GBP=7']);
    let text = '';
    const result = await db.read((tx) =>
      exportHistory(tx, { accounts: [], provider: undefined }, { write: async (t) => void (text += t), end: async () => undefined }),
    );
    expect(result).toEqual({ reads: 2, accounts: 2 });
    expect(text).toContain('"total":"2"');
    expect(text).toContain('"total":"5"');
    expect(text).toContain('"total":"7"');
    await db.close();
  });

  test('times only move forward: two snapshots in the same millisecond are both kept', async () => {
    const db = await fresh();
    const first = await recordAt(db, T0, [read('a', [bal('a', 'USD', '1')])]);
    const second = await recordAt(db, T0, [read('a', [bal('a', 'USD', '2')])]);
    expect(second.getTime()).toBe(first.getTime() + 1);
    expect(await count(db, 'reads')).toBe(2);
    await db.close();
  });

  test('a store from a newer release is refused with exit 3, and left untouched', async () => {
    const where = await target();
    const db = await openStore(where, 'create');
    await db.run('UPDATE schema_version SET version = 99');
    await db.close();
    const error = await openStore(where, 'read').catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3, code: 'STORE_TOO_NEW' });
    expect((error as Error).message).toMatch(/schema version 99, newer than this balance-inspector understands \(2\)/);
    const again = await openStore(where, 'read').catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'STORE_TOO_NEW' });
  });

  test('a database holding other tables is not taken over', async () => {
    const where = await target();
    const db = await openStore(where, 'create');
    await db.run('DROP TABLE schema_version');
    await db.close();
    const error = await openStore(where, 'create').catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3 });
    expect((error as Error).message).toMatch(/is not a balance-inspector history store/);
  });
});
