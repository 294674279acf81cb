// The one interface both drivers (embedded SQLite via libsql, PostgreSQL via node-postgres) offer
// to the history queries. SQL is written once with `?` placeholders and portable syntax; the
// PostgreSQL driver numbers the placeholders. Every write goes through `write`, which serializes
// writers across processes (SQLite: BEGIN IMMEDIATE + busy timeout; PostgreSQL: an advisory lock,
// both waiting at most the run's budget) and commits all or nothing, so a crash mid-write loses at
// most that write. Answers that grow with the range are streamed (`stream`), never held whole.
export type Dialect = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;
/** A row as an array, in the SELECT's column order (the streamed queries' hot path). */
export type RawRow = unknown[];

export interface Db {
  readonly dialect: Dialect;
  /** Where the store is, for messages and JSON (a PostgreSQL URL without its credentials). */
  readonly location: string;
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  /** The rows of a query a batch at a time (a cursor): memory stays flat whatever the result's size. */
  stream(sql: string, params?: unknown[]): AsyncIterable<RawRow[]>;
  /** Insert many rows with few statements (multi-row VALUES in SQLite, arrays in PostgreSQL). */
  insert(table: string, columns: string[], rows: RawRow[]): Promise<void>;
  write<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** One consistent view for several queries (a read-only transaction). */
  read<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Give the space of deleted rows back to the file system, outside any transaction: the store's
   * size in bytes before and after, or null where the server does it itself (PostgreSQL).
   */
  reclaimSpace(): Promise<{ before: number; after: number } | null>;
  close(): Promise<void>;
}

/** node-postgres returns BIGINT as text; SQLite returns numbers. Times are ms since the epoch. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A TEXT column (exact decimals are stored as text); a driver may hand a number back for one. */
export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`a text column held ${typeof value}`);
}

/** SQL `IN (?, ?, …)` for a list of ids (never empty: callers return early on no series). */
export function inList(ids: readonly unknown[]): string {
  return `(${ids.map(() => '?').join(', ')})`;
}

/** Rows per multi-row INSERT in SQLite (at most 7 columns: well under its 32,766 bound variables). */
export const SQLITE_INSERT_ROWS = 2000;
