// Issue 21 class 4 on both kinds of store: reading commands never create a store (an empty file or
// database is "no history store", exit 3, and stays empty); tables someone else made — floats for
// amounts, a missing or extra column, a trigger, a view — are refused, never read through; a writer
// waits for another one's lock at most --timeout, then says so (exit 3).
import { createRequire } from 'node:module';
import { writeFileSync, statSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/history/store/db.js';
import { openStore, type StoreTarget } from '../../src/history/store/open.js';
import { runCli } from '../helpers/cli.js';
import { usePostgres } from '../helpers/postgres.js';
import { sqliteTarget } from './helpers.js';

const postgres = usePostgres();

const where = (t: StoreTarget) => (t.kind === 'sqlite' ? t.path : t.url);

describe.each(['sqlite', 'postgres'] as const)('a %s store', (kind) => {
  async function empty(): Promise<StoreTarget> {
    if (kind === 'postgres') return { kind: 'postgres', url: await postgres.server!.freshDatabase() };
    const target = await sqliteTarget();
    writeFileSync(target.path, '', { mode: 0o600 }); // an empty file, as `touch` leaves it
    return target;
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

  async function tables(target: StoreTarget): Promise<string[]> {
    if (target.kind === 'sqlite') return statSync(target.path).size === 0 ? [] : ['(the file is not empty)'];
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const { rows } = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    await client.end();
    return rows.map((r) => String(r.table_name));
  }

  test('history, changes, export and prune never create a store: exit 3, and it stays empty', async () => {
    const target = await empty();
    for (const args of [['history'], ['changes', '--since', '1d'], ['history', 'export'], ['history', 'prune', '--older-than', '1d'], ['history', '--json']]) {
      const { code, stdout, stderr } = await runCli([...args, '--store', where(target)]);
      expect([code, stdout], args.join(' ')).toEqual([3, '']);
      expect(stderr).toMatch(/^error: no history store in .*: it holds no balance-inspector tables\n {2}hint: record one with `balance-inspector snapshot`/);
    }
    expect(await tables(target)).toEqual([]);
  });

  const FLOAT = kind === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION';
  const foreign: Array<[string, string[], RegExp]> = [
    [
      'floats for amounts',
      [
        'DROP TABLE amounts',
        `CREATE TABLE amounts (series_id BIGINT NOT NULL, at BIGINT NOT NULL, present INTEGER NOT NULL, available ${FLOAT}, pending TEXT, total TEXT, usd_value TEXT, PRIMARY KEY (series_id, at))`,
      ],
      /its column amounts\.available is (REAL|double precision), not (TEXT|text)/,
    ],
    [
      'a missing column',
      ['DROP TABLE reads', 'CREATE TABLE reads (account_id BIGINT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (account_id, at))'],
      /its reads table has no error_code column/,
    ],
    ['an extra column', ['ALTER TABLE series ADD COLUMN note TEXT'], /its series table has a column note that balance-inspector never creates/],
    [
      'a view for a table',
      ['DROP TABLE reads', 'CREATE VIEW reads AS SELECT 1 AS account_id, 2 AS at, NULL AS error_code'],
      /(column reads\.\w+ is \w+, not|a view reads)/,
    ],
    [
      'a trigger',
      kind === 'sqlite'
        ? ["CREATE TRIGGER rewrite AFTER INSERT ON amounts BEGIN UPDATE amounts SET available = '0' WHERE series_id = NEW.series_id; END"]
        : [
            "CREATE FUNCTION rewrite() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.available := '0'; RETURN NEW; END $$",
            'CREATE TRIGGER rewrite BEFORE INSERT ON amounts FOR EACH ROW EXECUTE FUNCTION rewrite()',
          ],
      /a trigger rewrite on its tables/,
    ],
  ];
  test('tables not exactly ours are refused by readers and writers (exit 3), whatever differs', async () => {
    for (const [what, statements, message] of foreign) {
      const target = kind === 'sqlite' ? await sqliteTarget() : { kind: 'postgres' as const, url: await postgres.server!.freshDatabase() };
      const db = await openStore(target, 'create');
      for (const statement of statements) await db.run(statement);
      await db.close();
      for (const access of ['read', 'create'] as const) {
        const error = await openStore(target, access).then(
          (d: Db) => d.close().then(() => null),
          (e: Error) => e,
        );
        expect(error, `${what} (${access})`).toMatchObject({ exitCode: 3, code: 'STORE_FOREIGN' });
        expect(error?.message).toMatch(message);
        expect(error?.message).toMatch(/was not created by balance-inspector: .*; refusing to use it$/);
      }
    }
  });

  test('a writer waits for another one at most --timeout, then exits 3 saying so', async () => {
    const target = kind === 'sqlite' ? await sqliteTarget() : { kind: 'postgres' as const, url: await postgres.server!.freshDatabase() };
    await (await openStore(target, 'create')).close();
    const release = await holdWriteLock(target);
    try {
      for (const args of [
        ['history', 'prune', '--older-than', '1d'],
        ['history', 'import'],
      ]) {
        const { code, stdout, stderr } = await runCli([...args, '--timeout', '1s', '--store', where(target)], { stdin: '', timeoutMs: 10_000 });
        expect([code, stdout], args.join(' ')).toEqual([3, '']);
        expect(stderr).toMatch(
          new RegExp(`^error: history store .* stayed locked by another (process|writer) for 1s\\n {2}hint: another snapshot, import or prune is writing it`),
        );
      }
    } finally {
      await release();
    }
    expect((await runCli(['history', 'prune', '--older-than', '1d', '--timeout', '1s', '--store', where(target)])).code).toBe(0);
  });
});

/** Another process's writer holding the store's write lock until released. */
async function holdWriteLock(target: StoreTarget): Promise<() => Promise<void>> {
  if (target.kind === 'sqlite') {
    const Database = createRequire(import.meta.url)('libsql') as new (path: string) => { exec(sql: string): void; close(): void };
    const other = new Database(target.path);
    other.exec('BEGIN IMMEDIATE');
    return async () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: target.url });
  await other.connect();
  await other.query('SELECT pg_advisory_lock(4242015)');
  return async () => {
    await other.end();
  };
}
