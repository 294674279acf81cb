// The embedded store: one SQLite file through libsql (prebuilt N-API binaries, a better-sqlite3
// compatible API; docs/history.md "The store" says why not better-sqlite3). WAL lets readers run while a
// snapshot writes; the busy timeout makes overlapping cron runs wait for each other instead of
// failing; BEGIN IMMEDIATE takes the write lock before reading what to compare against.
import { createRequire } from 'node:module';
import type { Db, Row } from './db.js';
import { driverReason, StoreError } from './errors.js';
import { prepareStoreFile } from './files.js';

/** How long a writer waits for another one (a slow snapshot on a slow disk) before giving up. */
const BUSY_TIMEOUT_MS = 30_000;

interface Statement {
  all(...params: unknown[]): Row[];
  run(...params: unknown[]): { changes: number };
}
interface LibsqlDatabase {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}
type LibsqlConstructor = new (path: string, options: { timeout: number }) => LibsqlDatabase;

function explain(path: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(`history store ${path} is corrupt or not a SQLite database (${driverReason(error)})`, { cause: error, code: 'STORE_CORRUPT' });
  }
  if (code === 'SQLITE_BUSY') {
    return new StoreError(`history store ${path} stayed locked by another process for ${BUSY_TIMEOUT_MS / 1000}s`, { cause: error, code: 'STORE_BUSY' });
  }
  return new StoreError(`history store ${path}: ${driverReason(error)}`, { cause: error });
}

class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private inTransaction = false;

  constructor(private readonly db: LibsqlDatabase, readonly location: string) {}

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    try {
      return this.statement(sql).all(...params);
    } catch (error) {
      throw explain(this.location, error);
    }
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    try {
      return this.statement(sql).run(...params).changes;
    } catch (error) {
      throw explain(this.location, error);
    }
  }

  async write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw explain(this.location, error);
    }
    this.inTransaction = true;
    try {
      const result = await fn(this);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // the transaction is already gone (SQLite rolled it back itself); the first error matters
      }
      throw explain(this.location, error);
    } finally {
      this.inTransaction = false;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

export async function openSqlite(path: string, create: boolean): Promise<Db> {
  prepareStoreFile(path, create);
  // libsql is CommonJS with a native addon: loaded here, on the history commands' path only.
  const Database = createRequire(import.meta.url)('libsql') as LibsqlConstructor;
  let db: LibsqlDatabase;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // synchronous stays FULL (the default): a commit that returned survives a power cut too.
    db.exec('PRAGMA journal_mode = WAL');
  } catch (error) {
    throw explain(path, error);
  }
  return new SqliteDb(db, path);
}
