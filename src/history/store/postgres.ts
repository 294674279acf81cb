// The shared store: PostgreSQL through node-postgres, with the same tables and the same SQL as
// SQLite (placeholders numbered here). Writers serialize on a transaction-scoped advisory lock, so
// snapshots from several cron hosts never interleave their compare-and-append.
import type { Db, Row } from './db.js';
import { publicUrl } from '../../core/url-credentials.js';
import { driverReason, StoreError } from './errors.js';

/** An arbitrary constant naming "the balance-inspector history writer" lock. */
const WRITE_LOCK = 4_242_015;
const CONNECT_TIMEOUT_MS = 10_000;

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
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

  constructor(private readonly client: PgClient, readonly location: string) {}

  private fail(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    return new StoreError(`history store ${this.location}: ${driverReason(error)}`, { cause: error });
  }

  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.client.query(numbered(sql), params)).rows;
    } catch (error) {
      throw this.fail(error);
    }
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    try {
      return (await this.client.query(numbered(sql), params)).rowCount ?? 0;
    } catch (error) {
      throw this.fail(error);
    }
  }

  async write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    this.inTransaction = true;
    try {
      await this.client.query('BEGIN');
      await this.client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const result = await fn(this);
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw this.fail(error);
    } finally {
      this.inTransaction = false;
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

export async function openPostgres(url: string): Promise<Db> {
  const location = publicUrl(url).text;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }) as unknown as PgClient;
  // A server that goes away later emits 'error' on the client; the next query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new StoreError(`cannot connect to history store ${location}: ${driverReason(error)}`, { cause: error, code: 'STORE_UNREACHABLE' });
  }
  return new PostgresDb(client, location);
}
