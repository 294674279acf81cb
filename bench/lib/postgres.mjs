// A throwaway PostgreSQL server for the bench, like test/helpers/postgres.ts: Debian's binaries,
// a temp dir, 127.0.0.1 and a free port, trust auth, fsync off. Run as the postgres (or nobody)
// user when the bench runs as root. Resolves { url, stop } or { skipped } when none can start.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDir() {
  if (!existsSync('/usr/lib/postgresql')) return null;
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((dir) => existsSync(join(dir, 'initdb'))) ?? null;
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function idsOf(user) {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
}

export async function startPostgres() {
  const bin = binDir();
  if (!bin) return { skipped: 'no PostgreSQL binaries (apt-get install postgresql)' };
  if (!spawnSync('psql', ['--version']).stdout) return { skipped: 'no psql on PATH' };
  const ids = process.getuid?.() === 0 ? (idsOf('postgres') ?? idsOf('nobody')) : null;
  const dir = mkdtempSync(join(tmpdir(), 'bi-bench-pg-'));
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const wrap = (cmd, args) => (ids ? ['setpriv', [`--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--clear-groups', cmd, ...args]] : [cmd, args]);
  const data = join(dir, 'data');
  const init = spawnSync(...wrap(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'bi', '--no-sync', '-E', 'UTF8']), { encoding: 'utf8', cwd: dir });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `initdb failed: ${(init.stderr || init.stdout).split('\n')[0]}` };
  }
  const port = await freePort();
  const server = spawn(...wrap(join(bin, 'postgres'), ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-F']), { cwd: dir, stdio: 'ignore' });
  const url = `postgres://bi@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (spawnSync('psql', ['-X', '-q', '-c', 'SELECT 1', url]).status === 0) return { url, stop };
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  return { skipped: 'the PostgreSQL server did not start' };
}

/** A new empty database on the server. */
export function freshDatabase(url, name) {
  spawnSync('psql', ['-X', '-q', '-c', `CREATE DATABASE ${name}`, url]);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
