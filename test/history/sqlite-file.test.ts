// The embedded store's file: private modes, refusing files that are not the user's, clear errors
// for missing and corrupt files, a crash mid-write, and the size of an unchanged snapshot.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/history/store/open.js';
import { tempDir } from '../helpers/fixtures.js';
import { bal, HOUR, read, recordAt, T0 } from './helpers.js';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the SQLite store file', () => {
  it('is created 0600 in a 0700 folder, with its WAL files alike', async () => {
    const path = join(tempDir(), 'data', 'balance-inspector', 'history.db');
    const db = await openStore({ kind: 'sqlite', path }, 'create');
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '1')])]);
    expect([mode(path), mode(join(path, '..')), mode(`${path}-wal`)]).toEqual(['600', '700', '600']);
    await db.close();
  });

  it('a missing store is an error for readers (exit 3), never an empty history', async () => {
    const path = join(tempDir(), 'nope.db');
    const error = await openStore({ kind: 'sqlite', path }, 'read').catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3, code: 'STORE_MISSING', message: `no history store at ${path}` });
  });

  it('a corrupt or foreign file is a one-line error with exit 3', async () => {
    const path = join(tempDir(), 'history.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to have a header '.repeat(100), { mode: 0o600 });
    const error = await openStore({ kind: 'sqlite', path }, 'read').catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3, code: 'STORE_CORRUPT' });
    expect((error as Error).message).toMatch(new RegExp(`^history store ${path} is corrupt or not a SQLite database \\(.+\\)$`));
    expect((error as Error).message).not.toContain('\n');
  });

  it('a store writable by other users is refused; one readable by them is made private by the next writer', async () => {
    const dir = tempDir();
    const path = join(dir, 'history.db');
    await (await openStore({ kind: 'sqlite', path }, 'create')).close();
    chmodSync(path, 0o666);
    const error = await openStore({ kind: 'sqlite', path }, 'read').catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3 });
    expect((error as Error).message).toBe(
      `history store file ${path} cannot be trusted: its mode 0666 lets group or others change it; run \`chmod go-w ${path}\``,
    );
    chmodSync(path, 0o644);
    // Readers never change the store (it may be read-only); the next writer tightens it.
    await (await openStore({ kind: 'sqlite', path }, 'read')).close();
    expect(mode(path)).toBe('644');
    await (await openStore({ kind: 'sqlite', path }, 'create')).close();
    expect(mode(path)).toBe('600');
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    const inShared = await openStore({ kind: 'sqlite', path: join(shared, 'h.db') }, 'create').catch((e: unknown) => e);
    expect((inShared as Error).message).toMatch(/history store folder .*shared is writable by other users/);
  });

  it('a crash in the middle of a snapshot loses that snapshot only', async () => {
    const path = join(tempDir(), 'history.db');
    const db = await openStore({ kind: 'sqlite', path }, 'create');
    await recordAt(db, T0, [read('a', [bal('a', 'USD', '1')])]);
    await db.close();
    // A process that dies (SIGKILL) after writing part of a snapshot, before it commits.
    const script = `
      import { openStore } from ${JSON.stringify(new URL('../../dist/history/store/open.js', import.meta.url).href)};
      const db = await openStore({ kind: 'sqlite', path: ${JSON.stringify(path)} }, 'create');
      await db.write(async (tx) => {
        await tx.run('INSERT INTO reads (account_id, at, error_code) VALUES (1, ${T0 + HOUR}, NULL)');
        await tx.run("INSERT INTO amounts (series_id, at, present, available) VALUES (1, ${T0 + HOUR}, 1, '999')");
        process.kill(process.pid, 'SIGKILL');
      });`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script]);
    expect(child.signal).toBe('SIGKILL');
    const after = await openStore({ kind: 'sqlite', path }, 'read');
    expect(await after.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect((await after.all('SELECT at FROM reads')).map((r) => Number(r.at))).toEqual([T0]);
    expect((await after.all('SELECT available FROM amounts')).map((r) => r.available)).toEqual(['1']);
    await after.close();
  });

  it('an unchanged snapshot of 20 balances in 5 accounts costs at most 200 bytes', async () => {
    const path = join(tempDir(), 'history.db');
    const db = await openStore({ kind: 'sqlite', path }, 'create');
    const accounts = ['flow-main', 'syncpay', 'swipelux', 'casino-v1', 'casino-v2'];
    const snapshot = accounts.map((a) =>
      read(
        a,
        ['USD', 'USDT', 'BTC', 'ETH'].map((c, i) => bal(a, c, `${1000 + i}.123456`, { network: c === 'USD' ? null : 'tron', usd: '12.34' })),
      ),
    );
    await recordAt(db, T0, snapshot);
    const size = async () => {
      await db.all('PRAGMA wal_checkpoint(TRUNCATE)');
      const [pages] = await db.all('PRAGMA page_count');
      return Number(pages?.page_count) * 4096;
    };
    const before = await size();
    const runs = 500;
    for (let i = 1; i <= runs; i++) await recordAt(db, T0 + i * 300_000, snapshot);
    const perSnapshot = ((await size()) - before) / runs;
    expect(perSnapshot).toBeLessThanOrEqual(200);
    await db.close();
  }, 60_000);
});
