// Issue 21 class 4 on the SQLite store: every file SQLite writes or reads beside the store (-wal,
// -shm, -journal) is trusted like the config or refused, never written to or replayed; a symlinked
// store is judged where it really lives; reading commands work on a read-only store and folder
// (spawned as another user when the tests run as root, since root ignores file modes).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/history/store/open.js';
import { BIN, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { bal, read, recordAt, T0 } from './helpers.js';

const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * A store with one snapshot, written elsewhere and copied in: libsql closes a connection for good
 * only when its statements are garbage-collected, and a connection closing late deletes its -wal
 * by name, which would remove the very file a test plants.
 */
async function storeIn(dir: string, name = 'history.db'): Promise<string> {
  const scratch = join(tempDir(), 'scratch.db');
  const db = await openStore({ kind: 'sqlite', path: scratch }, 'create');
  await recordAt(db, T0, [read('a', [bal('a', 'USD', '10.00')])]);
  await db.all('PRAGMA wal_checkpoint(TRUNCATE)'); // everything in the file itself
  await db.close();
  const path = join(dir, name);
  copyFileSync(scratch, path);
  chmodSync(path, 0o600);
  return path;
}

function sharedSticky(): string {
  const dir = join(tempDir(), 'shared');
  mkdirSync(dir);
  chmodSync(dir, 0o1777);
  return dir;
}

const refusal = (path: string, access: 'read' | 'create') =>
  openStore({ kind: 'sqlite', path }, access).then(
    (db) => db.close().then(() => null),
    (e: Error & { exitCode?: number; code?: string }) => e,
  );

describe('files beside the store', () => {
  const planted = 'planted bytes another user would have SQLite replay';

  it.each(['-wal', '-shm', '-journal'])("a %s file that is not the user's is refused by readers and writers, and left as it was", async (suffix) => {
    for (const variant of ROOT ? ['another user', 'writable by others', 'a symlink'] : ['writable by others', 'a symlink']) {
      const dir = sharedSticky();
      const path = await storeIn(dir);
      const companion = path + suffix;
      rmSync(companion, { force: true }); // the writer's own claim, in a shared folder
      if (variant === 'a symlink') {
        writeFileSync(join(dir, 'target'), planted, { mode: 0o600 });
        symlinkSync(join(dir, 'target'), companion);
      } else {
        writeFileSync(companion, planted, { mode: 0o600 });
        if (variant === 'another user') chownSync(companion, NOBODY, NOBODY);
        else chmodSync(companion, 0o666);
      }
      for (const access of ['read', 'create'] as const) {
        const error = await refusal(path, access);
        expect(error, `${suffix} ${variant} (${access})`).toMatchObject({ exitCode: 3, code: 'STORE_UNSAFE' });
        expect(error?.message).toContain(`history store file ${companion} cannot be trusted: `);
      }
      expect(readFileSync(companion, 'utf8')).toBe(planted);
      const cli = await runCli(['history', '--store', path]);
      expect([cli.code, cli.stdout]).toEqual([3, '']);
      expect(cli.stderr).toMatch(new RegExp(`^error: history store file ${companion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be trusted`));
    }
  });

  it('in a shared sticky folder a writer claims every companion name (empty, its own, 0600) before SQLite opens', async () => {
    const dir = sharedSticky();
    const path = await storeIn(dir);
    const db = await openStore({ kind: 'sqlite', path }, 'create');
    for (const suffix of ['-wal', '-shm', '-journal']) {
      const stats = lstatSync(path + suffix);
      expect([stats.isFile(), stats.uid, (stats.mode & 0o777).toString(8)], suffix).toEqual([true, process.getuid?.(), '600']);
    }
    await recordAt(db, T0 + 1000, [read('a', [bal('a', 'USD', '11.00')])]);
    await db.close();
    // Readers check only: in a folder of one's own nothing is claimed either.
    const own = tempDir();
    const quiet = await storeIn(own);
    await (await openStore({ kind: 'sqlite', path: quiet }, 'read')).close();
    expect(readdirSync(own).filter((f) => f.endsWith('-journal'))).toEqual([]);
  });
});

describe('a symlinked store', () => {
  it('is judged, and opened, where it really lives', async () => {
    const safe = tempDir();
    const real = await storeIn(safe, 'real.db');
    const links = tempDir();
    const link = join(links, 'history.db');
    symlinkSync(real, link);
    const db = await openStore({ kind: 'sqlite', path: link }, 'create');
    await recordAt(db, T0 + 1000, [read('a', [bal('a', 'USD', '12.00')])]);
    // SQLite's -wal sits beside the real file, not beside the link.
    expect([existsSync(`${real}-wal`), existsSync(`${link}-wal`)]).toEqual([true, false]);
    await db.close();

    // The same link to a file in a folder others can write: refused, naming that folder.
    const open = join(tempDir(), 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const exposed = await storeIn(tempDir(), 'x.db');
    const moved = join(open, 'x.db');
    writeFileSync(moved, readFileSync(exposed), { mode: 0o600 });
    const link2 = join(links, 'other.db');
    symlinkSync(moved, link2);
    const error = await refusal(link2, 'read');
    expect(error).toMatchObject({ exitCode: 3, code: 'STORE_UNSAFE', message: `history store folder ${open} is writable by other users (mode 777)` });

    // A link to nothing is not "no history".
    const dangling = join(links, 'dangling.db');
    symlinkSync(join(safe, 'missing.db'), dangling);
    expect(await refusal(dangling, 'read')).toMatchObject({
      exitCode: 3,
      code: 'STORE_MISSING',
      message: `history store ${dangling} is a symlink to a missing file`,
    });
  });
});

/** Run the built CLI as the user who owns `dir` (nobody, when the tests run as root). */
function runAsOwner(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const argv = ROOT
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args]
    : [process.execPath, BIN, ...args];
  const child = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent', NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('reading a read-only store', () => {
  it('history and changes work in a read-only folder on a read-only file, and create nothing', async () => {
    const base = tempDir();
    chmodSync(base, 0o755);
    const dir = join(base, 'ro');
    mkdirSync(dir);
    const path = await storeIn(dir);
    if (ROOT) {
      chownSync(dir, NOBODY, NOBODY);
      chownSync(path, NOBODY, NOBODY);
    }
    chmodSync(path, 0o400);
    chmodSync(dir, 0o555);
    const history = runAsOwner(['history', '--json', '--since', '2020-01-01', '--store', path]);
    expect(history.code, history.stderr).toBe(0);
    expect(JSON.parse(history.stdout).series.map((s: { points: unknown[] }) => s.points.length)).toEqual([1]);
    const changes = runAsOwner(['changes', '--since', '2020-01-01', '--json', '--store', path]);
    expect(changes.code, changes.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['history.db']);
    // A writer says what is wrong in one line (exit 3).
    const prune = runAsOwner(['history', 'prune', '--older-than', '1d', '--store', path]);
    expect(prune.code).toBe(3);
    expect(prune.stderr.split('\n').filter(Boolean)[0]).toMatch(/^error: .*history store .*history\.db/);
    chmodSync(dir, 0o755);
  });

  it('a read-only copy whose -wal still holds snapshots is refused rather than read without them', async () => {
    const base = tempDir();
    chmodSync(base, 0o755);
    const dir = join(base, 'ro');
    mkdirSync(dir);
    const path = await storeIn(dir);
    writeFileSync(`${path}-wal`, Buffer.alloc(4096, 1), { mode: 0o600 });
    if (ROOT) for (const file of [dir, path, `${path}-wal`]) chownSync(file, NOBODY, NOBODY);
    chmodSync(dir, 0o555);
    const history = runAsOwner(['history', '--store', path]);
    expect(history.code).toBe(3);
    expect(history.stderr).toMatch(/cannot be read here: its -wal file holds recent snapshots and the folder is read-only/);
    chmodSync(dir, 0o755);
    expect(statSync(`${path}-wal`).size).toBe(4096);
  });
});
