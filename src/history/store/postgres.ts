// The shared store: PostgreSQL through node-postgres, with the same tables and the same SQL as
// SQLite (placeholders numbered here). Writers serialize on a transaction-scoped advisory lock,
// so snapshots from several cron hosts never interleave their compare-and-append; the wait for it
// is bounded by the run's budget (lock_timeout), like SQLite's busy timeout. Readers run in a
// read-only, repeatable-read transaction: one consistent view, and a role with SELECT alone works.
import type { Db, RawRow, Row } from './db.js';
import { BalanceError } from '../../core/errors.js';
import { driverReason, StoreError } from './errors.js';
import { declaredType, tableOf } from './layout.js';

/** An arbitrary constant naming "the balance-inspector history writer" lock. */
const WRITE_LOCK = 4_242_015;
/** Rows per FETCH from a cursor, and per array INSERT. */
const STREAM_BATCH = 2000;
const INSERT_BATCH = 20_000;

interface QueryConfig {
  text: string;
  values?: unknown[];
  rowMode?: 'array';
}
interface PgClient {
  connect(): Promise<void>;
  query(config: string | QueryConfig, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  private inTransaction = false;
  private cursors = 0;

  constructor(
    private readonly client: PgClient,
    readonly location: string,
    private readonly waitMs: number,
  ) {}

  /** A driver error as a StoreError; our own errors (a bad import line, a store problem) pass as they are. */
  private fail(error: unknown): BalanceError {
    if (error instanceof BalanceError) return error;
    if ((error as { code?: string }).code === '55P03') {
      return new StoreError(`history store ${this.location} stayed locked by another writer for ${this.waitMs / 1000}s`, {
        cause: error,
        code: 'STORE_BUSY',
        hint: 'another snapshot, import or prune is writing it; try again, or give a longer --timeout',
      });
    }
    return new StoreError(`history store ${this.location}: ${driverReason(error)}`, { cause: error });
  }

  private async query(config: QueryConfig): Promise<{ rows: Row[]; rowCount: number | null }> {
    try {
      return await this.client.query(config);
    } catch (error) {
      throw this.fail(error);
    }
  }

  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.query({ text: numbered(sql), values: params })).rows;
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.query({ text: numbered(sql), values: params })).rowCount ?? 0;
  }

  async *stream(sql: string, params: unknown[] = []): AsyncIterable<RawRow[]> {
    // A cursor lives in a transaction: callers stream inside read() or write().
    if (!this.inTransaction) throw new Error('a PostgreSQL cursor needs a transaction: stream inside read() or write()');
    const name = `bi_cursor_${++this.cursors}`;
    await this.query({ text: `DECLARE ${name} NO SCROLL CURSOR FOR ${numbered(sql)}`, values: params });
    try {
      for (;;) {
        const { rows } = await this.query({ text: `FETCH FORWARD ${STREAM_BATCH} FROM ${name}`, rowMode: 'array' });
        if (rows.length > 0) yield rows as unknown as RawRow[];
        if (rows.length < STREAM_BATCH) return;
      }
    } finally {
      await this.client.query(`CLOSE ${name}`).catch(() => undefined);
    }
  }

  async insert(table: string, columns: string[], rows: RawRow[]): Promise<void> {
    // One statement per batch: each column travels as one array, unnested back into rows.
    const layout = tableOf(table).columns;
    const types = columns.map((c) => declaredType('postgres', layout.find(([name]) => name === c)?.[1] ?? 'text'));
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const chunk = rows.slice(start, start + INSERT_BATCH);
      await this.query({ text: sql, values: columns.map((_, i) => chunk.map((row) => row[i] ?? null)) });
    }
  }

  private async transaction<T>(begin: string[], fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    this.inTransaction = true;
    try {
      for (const statement of begin) await this.query({ text: statement });
      const result = await fn(this);
      await this.query({ text: 'COMMIT' });
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw this.fail(error);
    } finally {
      this.inTransaction = false;
    }
  }

  write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.transaction(['BEGIN', `SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.waitMs))}`, `SELECT pg_advisory_xact_lock(${WRITE_LOCK})`], fn);
  }

  read<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.transaction(['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'], fn);
  }

  async reclaimSpace(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

/** `location`: the URL as it may be printed (store/open.ts strips its credentials). */
export async function openPostgres(url: string, location: string, waitMs: number): Promise<Db> {
  const { default: pg } = await import('pg');
  let client: PgClient;
  try {
    // The driver reads the URL's sslcert/sslkey/sslrootcert files as it parses it, in this
    // constructor: a missing one is the user's setup, like a refused connection.
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.max(1, Math.round(waitMs)) }) as unknown as PgClient;
    // A server that goes away later emits 'error' on the client; the next query reports it.
    client.on('error', () => undefined);
    await client.connect();
  } catch (error) {
    throw new StoreError(`cannot connect to history store ${location}: ${driverReason(error)}`, { cause: error, code: 'STORE_UNREACHABLE' });
  }
  return new PostgresDb(client, location, waitMs);
}
