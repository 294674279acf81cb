// Which store a history command uses and opening it: `--store` wins over the config's
// `history.store` (a relative path there is relative to the config file), else the XDG default.
// A postgres:// or postgresql:// URL selects PostgreSQL; anything else is a SQLite file path.
//
// Opening is where a store earns trust: its files (SQLite, store/files.ts), its version and its
// tables (store/migrations.ts). Reading commands never create a store, on either kind: a missing
// file or an empty database is "no history store here" (exit 3), not an empty history.
import { dirname, resolve } from 'node:path';
import type { Db } from './db.js';
import { StoreError } from './errors.js';
import { publicUrl } from '../../core/url-credentials.js';
import { defaultStorePath, type Access } from './files.js';
import { checkLayout, storeVersion, upgrade } from './migrations.js';
import { SCHEMA_VERSION } from './layout.js';

export type { Access };
export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface StoreChoice {
  flag?: string | undefined;
  configured?: string | undefined;
  configFile?: string | null | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** How long a command waits for the store (connection, another writer's lock): the run's budget. */
export const DEFAULT_STORE_WAIT_MS = 30_000;

export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

export function storeTarget(choice: StoreChoice): StoreTarget {
  if (choice.flag !== undefined) return targetOf(choice.flag, choice.cwd);
  if (choice.configured !== undefined) return targetOf(choice.configured, choice.configFile ? dirname(choice.configFile) : choice.cwd);
  return { kind: 'sqlite', path: defaultStorePath(choice.env) };
}

function targetOf(text: string, base: string): StoreTarget {
  return isPostgresUrl(text) ? { kind: 'postgres', url: text } : { kind: 'sqlite', path: resolve(base, text) };
}

/**
 * The store as it may be printed: a file path, or a URL without its credentials (userinfo and every secret parameter, core/url-credentials.ts). The one place a
 * store's name is made printable (messages, `snapshot --json`), so the URL-credential rules have
 * a single home.
 */
export function storeLocation(target: StoreTarget): string {
  return target.kind === 'sqlite' ? target.path : publicUrl(target.url).text;
}

async function connect(target: StoreTarget, access: Access, waitMs: number): Promise<Db> {
  if (target.kind === 'sqlite') return (await import('./sqlite.js')).openSqlite(target.path, access, waitMs);
  return (await import('./postgres.js')).openPostgres(target.url, storeLocation(target), waitMs);
}

/**
 * Open a store, checked and at this release's version. `create` (snapshot, watch --record,
 * import) makes a missing one; `write` (prune) and `read` (history, changes, export) refuse it.
 * A store from the previous release is upgraded in place, by readers too when they may write it.
 */
export async function openStore(target: StoreTarget, access: Access, waitMs = DEFAULT_STORE_WAIT_MS): Promise<Db> {
  let db = await connect(target, access, waitMs);
  try {
    const version = await storeVersion(db);
    if (version === 0 && access !== 'create') {
      throw new StoreError(`no history store in ${db.location}: it holds no balance-inspector tables`, {
        hint: 'record one with `balance-inspector snapshot` (or give --store)',
        code: 'STORE_MISSING',
      });
    }
    if (version !== SCHEMA_VERSION) {
      if (version !== 0) await checkLayout(db, version);
      if (target.kind === 'sqlite' && access === 'read') {
        // The upgrade writes: reopen writable for it (a read-only store says so, exit 3).
        await db.close();
        db = await connect(target, 'write', waitMs).catch((error: unknown) => {
          throw new StoreError(`history store ${target.path} was written by an older release (schema version ${version}) and cannot be upgraded here`, {
            cause: error,
            hint: 'run any history command once where the store can be written; it is upgraded in place',
          });
        });
      }
      await upgrade(db);
    }
    await checkLayout(db, SCHEMA_VERSION);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
