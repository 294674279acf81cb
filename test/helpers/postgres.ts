// A real PostgreSQL server for the store tests. BI_TEST_POSTGRES_URL names one to use; otherwise
// one is started from the machine's binaries (Debian's postgresql package, which .ci/run installs)
// in a temp dir, on 127.0.0.1 and a free port, with trust auth and fsync off (a test server).
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (or `nobody`), via setpriv.
// When none can be started the caller skips its tests with a loud warning: a dev machine without
// PostgreSQL still runs `npm test`, while CI always has it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

export interface TestPostgres {
  /** A fresh, empty database on the server. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function binDir(): string | null {
  const candidates = [process.env.PG_BIN ?? ''];
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return candidates.find((dir) => dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function idsOf(user: string): { uid: number; gid: number } | null {
  const out = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  return out.status === 0 && gid.status === 0 ? { uid: Number(out.stdout), gid: Number(gid.stdout) } : null;
}

async function connectable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function withDatabases(baseUrl: string, stop: () => Promise<void>): TestPostgres {
  let n = 0;
  return {
    async freshDatabase() {
      const name = `bi_test_${process.pid}_${Date.now()}_${++n}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop,
  };
}

export async function startPostgres(): Promise<TestPostgres | { skipped: string }> {
  const given = process.env.BI_TEST_POSTGRES_URL;
  if (given) return withDatabases(given, async () => undefined);
  const bin = binDir();
  if (!bin) return { skipped: 'no PostgreSQL binaries found (install Debian postgresql, or set PG_BIN or BI_TEST_POSTGRES_URL)' };
  const root = process.getuid?.() === 0;
  const runAs = root ? (['postgres', 'nobody'].find((u) => idsOf(u)) ?? null) : null;
  if (root && !runAs) return { skipped: 'running as root and no postgres or nobody user to run PostgreSQL as' };
  const dir = mkdtempSync(join(tmpdir(), 'bi-pg-'));
  const ids = runAs ? idsOf(runAs) : null;
  if (ids) chownSync(dir, ids.uid, ids.gid);
  // setpriv execs the program itself (runuser would stay the parent and not pass signals on).
  const wrap = (cmd: string, args: string[]) =>
    (ids ? ['setpriv', [`--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--clear-groups', cmd, ...args]] : [cmd, args]) as [string, string[]];
  const data = join(dir, 'data');
  const init = spawnSync(...wrap(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'bi', '--no-sync', '-E', 'UTF8']), { encoding: 'utf8', cwd: dir });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `initdb failed: ${(init.stderr || init.stdout).split('\n')[0]}` };
  }
  const port = await freePort();
  const server: ChildProcess = spawn(
    ...wrap(join(bin, 'postgres'), ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-F', '-c', 'max_connections=50']),
    {
      cwd: dir,
      stdio: 'ignore',
    },
  );
  const url = `postgres://bi@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (await connectable(url)) return withDatabases(url, stop);
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  return { skipped: 'the PostgreSQL server did not start' };
}

/** The loud notice when PostgreSQL tests are skipped; with BI_REQUIRE_POSTGRES (CI) a failure instead. */
export function warnSkipped(why: string): void {
  if (process.env.BI_REQUIRE_POSTGRES) throw new Error(`PostgreSQL store tests cannot run: ${why}`);
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! PostgreSQL store tests SKIPPED: ${why}\n!! CI runs them (.ci/run installs PostgreSQL).\n${line}\n`);
}

/**
 * A server for the calling test file: started before its tests, stopped after them. `server` is
 * null when none could be started (said loudly by warnSkipped; CI fails instead).
 */
export function usePostgres(): { readonly server: TestPostgres | null } {
  const state: { server: TestPostgres | null } = { server: null };
  beforeAll(async () => {
    const started = await startPostgres();
    if ('skipped' in started) warnSkipped(started.skipped);
    else state.server = started;
  }, 60_000);
  afterAll(async () => state.server?.stop());
  return state;
}
