// Which store a history command uses and opening it: `--store` wins over the config's
// `history.store` (a relative path there is relative to the config file), else the XDG default.
// A postgres:// or postgresql:// URL selects PostgreSQL; anything else is a SQLite file path.
import { dirname, resolve } from 'node:path';
import type { Db } from './db.js';
import { defaultStorePath } from './files.js';
import { migrate } from './migrations.js';

export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface StoreChoice {
  flag?: string | undefined;
  configured?: string | undefined;
  configFile?: string | null | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

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
 * Open and migrate. `create`: a missing SQLite file is created (snapshot, watch --record); the
 * reading commands refuse it instead, so a typo in --store is not answered with "no history".
 */
export async function openStore(target: StoreTarget, create: boolean): Promise<Db> {
  const db =
    target.kind === 'sqlite'
      ? await (await import('./sqlite.js')).openSqlite(target.path, create)
      : await (await import('./postgres.js')).openPostgres(target.url);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
