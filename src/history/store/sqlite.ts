// The embedded store: one SQLite file through libsql (prebuilt N-API binaries, a better-sqlite3
// compatible API; docs/history.md "The store" says why not better-sqlite3). WAL lets readers run while a
// snapshot writes; the busy timeout (the run's budget) makes overlapping cron runs wait for each
// other instead of failing; BEGIN IMMEDIATE takes the write lock before reading what to compare
// against. Reading commands open the file read-only, so they work on a read-only store or disk.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { SQLITE_INSERT_ROWS, type Db, type RawRow, type Row } from './db.js';
import { BalanceError } from '../../core/errors.js';
import { driverReason, StoreError } from './errors.js';
import { checkCompanions, prepareStoreFiles, type Access } from './files.js';

/** Rows handed over per batch by `stream`: enough to amortize the calls, little memory. */
const STREAM_BATCH = 1000;

interface Statement {
  all(...params: unknown[]): Row[];
  run(...params: unknown[]): { changes: number };
  iterate(...params: unknown[]): Iterator<unknown> & Iterable<unknown>;
  raw(on?: boolean): Statement;
}
interface LibsqlDatabase {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}
type LibsqlConstructor = new (path: string, options: { timeout?: number; readonly?: boolean }) => LibsqlDatabase;

/** A driver error as a StoreError; our own errors (a bad import line, a store problem) pass as they are. */
function explain(path: string, waitMs: number, error: unknown): BalanceError {
  if (error instanceof BalanceError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(`history store ${path} is corrupt or not a SQLite database (${driverReason(error)})`, { cause: error, code: 'STORE_CORRUPT' });
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new StoreError(`history store ${path} stayed locked by another process for ${waitMs / 1000}s`, {
      cause: error,
      code: 'STORE_BUSY',
      hint: 'another snapshot, import or prune is writing it; try again, or give a longer --timeout',
    });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError(`history store ${path} is read-only (${driverReason(error)})`, {
      cause: error,
      hint: 'this command writes the store: give it write access',
    });
  }
  return new StoreError(`history store ${path}: ${driverReason(error)}`, { cause: error });
}

class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private readonly rawStatements = new Map<string, Statement>();
  private inTransaction = false;

  constructor(
    private readonly db: LibsqlDatabase,
    readonly location: string,
    private readonly waitMs: number,
  ) {}

  private statement(sql: string, raw = false): Statement {
    const cache = raw ? this.rawStatements : this.statements;
    let statement = cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (raw) statement.raw(true);
      cache.set(sql, statement);
    }
    return statement;
  }

  private fail(error: unknown): BalanceError {
    return explain(this.location, this.waitMs, error);
  }

  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    try {
      return this.statement(sql).all(...params);
    } catch (error) {
      throw this.fail(error);
    }
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    try {
      return this.statement(sql).run(...params).changes;
    } catch (error) {
      throw this.fail(error);
    }
  }

  async *stream(sql: string, params: unknown[] = []): AsyncIterable<RawRow[]> {
    // Not cached: two cursors of one query may be open at once (one per series being merged).
    let rows: Iterator<unknown>;
    try {
      const statement = this.db.prepare(sql);
      statement.raw(true);
      rows = statement.iterate(...params);
    } catch (error) {
      throw this.fail(error);
    }
    for (;;) {
      const batch: RawRow[] = [];
      try {
        for (let next = rows.next(); ; next = rows.next()) {
          if (next.done) break;
          batch.push(next.value as RawRow);
          if (batch.length === STREAM_BATCH) break;
        }
      } catch (error) {
        throw this.fail(error);
      }
      if (batch.length > 0) yield batch;
      if (batch.length < STREAM_BATCH) return;
    }
  }

  async insert(table: string, columns: string[], rows: RawRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += SQLITE_INSERT_ROWS) {
      const count = Math.min(SQLITE_INSERT_ROWS, rows.length - start);
      // A column null in every row of the chunk (a read's error code, mostly) is written as NULL,
      // not bound: binding each value is most of the cost of an import.
      const bound = columns.map((_, c) => {
        for (let r = start; r < start + count; r++) if (rows[r]![c] !== null && rows[r]![c] !== undefined) return true;
        return false;
      });
      const row = `(${bound.map((b) => (b ? '?' : 'NULL')).join(', ')})`;
      const params: unknown[] = [];
      for (let r = start; r < start + count; r++) {
        const values = rows[r]!;
        for (let c = 0; c < values.length; c++) if (bound[c]) params.push(values[c]);
      }
      await this.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(count).fill(row).join(', ')}`, params);
    }
  }

  private async transaction<T>(begin: string, fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    try {
      this.db.exec(begin);
    } catch (error) {
      throw this.fail(error);
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
      throw this.fail(error);
    } finally {
      this.inTransaction = false;
    }
  }

  write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN IMMEDIATE', fn);
  }

  read<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', fn);
  }

  async reclaimSpace(): Promise<{ before: number; after: number }> {
    const size = async () => {
      const [pages] = await this.all('PRAGMA page_count');
      const [pageSize] = await this.all('PRAGMA page_size');
      return Number(pages?.page_count) * Number(pageSize?.page_size);
    };
    const before = await size();
    try {
      const [mode] = await this.all('PRAGMA auto_vacuum');
      // 2 = incremental (every store created since it could be); an older store is rebuilt once
      // with VACUUM, which also switches it to incremental for every later prune.
      if (Number(mode?.auto_vacuum) === 2) this.db.exec('PRAGMA incremental_vacuum');
      else this.db.exec('PRAGMA auto_vacuum = INCREMENTAL; VACUUM');
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch (error) {
      throw this.fail(error);
    }
    return { before, after: await size() };
  }

  async close(): Promise<void> {
    // libsql closes the connection for good only once its statements are garbage-collected (a
    // short-lived CLI process simply exits). SQLite's own auto-checkpoint folds the -wal into the
    // store as it grows; a checkpoint here would cost every snapshot an fsync of the whole file.
    this.statements.clear();
    this.rawStatements.clear();
    this.db.close();
  }
}

export type { SqliteDb };

function load(): LibsqlConstructor {
  // libsql is CommonJS with a native addon: loaded here, on the history commands' path only.
  return createRequire(import.meta.url)('libsql') as LibsqlConstructor;
}

/** A file URI that opens the store without its WAL: only for a read-only disk with no -wal to read. */
function immutableUri(path: string): string {
  return `file:${path.replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}?immutable=1`;
}

function hasWalContent(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * SQLite could not set up reading in this folder: it cannot create the -shm a WAL store is read
 * with (CANTOPEN on a read-only disk; READONLY_DIRECTORY, which libsql reports by number, 1544).
 */
function cannotReadHere(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const extended = /^UNKNOWN_SQLITE_ERROR_(\d+)$/.exec(code);
  const primary = extended ? Number(extended[1]) & 0xff : null;
  return code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY') || primary === 14 || primary === 8;
}

function openReadOnly(Database: LibsqlConstructor, real: string, waitMs: number): LibsqlDatabase {
  try {
    const db = new Database(real, { readonly: true, timeout: waitMs });
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').all();
    return db;
  } catch (error) {
    // On a read-only disk SQLite cannot create the -shm it reads a WAL store with. Without a -wal
    // there is nothing but the file itself to read, which immutable mode does; with one (a copy
    // taken while a snapshot was writing) it would silently miss what the -wal holds: refuse.
    if (!cannotReadHere(error)) throw error;
    if (hasWalContent(real)) {
      throw new StoreError(`history store ${real} cannot be read here: its -wal file holds recent snapshots and the folder is read-only`, {
        hint: 'open it once where it can be written (any history command then folds the -wal in), or copy it with its -wal and -shm files',
      });
    }
    return new Database(immutableUri(real), { readonly: true });
  }
}

export async function openSqlite(path: string, access: Access, waitMs: number): Promise<SqliteDb> {
  const { real, created } = prepareStoreFiles(path, access);
  const Database = load();
  let db: LibsqlDatabase;
  try {
    if (access === 'read') db = openReadOnly(Database, real, waitMs);
    else {
      db = new Database(real, { timeout: waitMs });
      // A new (or empty) file becomes a store only for a command that creates one; prune leaves an
      // empty file as it found it. Space freed by prune goes back to the file system (incremental
      // vacuum), which can only be chosen before the first table exists; WAL lets readers run while
      // a snapshot writes. synchronous stays FULL (the default): a commit survives a power cut too.
      if (access === 'create' && (created || statSync(real).size === 0)) {
        db.exec('PRAGMA auto_vacuum = INCREMENTAL');
        db.exec('PRAGMA journal_mode = WAL');
      }
      checkCompanions(real, true);
    }
  } catch (error) {
    throw explain(path, waitMs, error);
  }
  return new SqliteDb(db, path, waitMs);
}
