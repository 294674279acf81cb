// The one interface both drivers (embedded SQLite via libsql, PostgreSQL via node-postgres) offer
// to the history queries. SQL is written once with `?` placeholders and portable syntax; the
// PostgreSQL driver numbers the placeholders. Every write goes through `write`, which serializes
// writers across processes (SQLite: BEGIN IMMEDIATE + busy timeout; PostgreSQL: an advisory lock)
// and commits all or nothing, so a crash mid-write loses at most that write.
export type Dialect = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;

export interface Db {
  readonly dialect: Dialect;
  /** Where the store is, for messages and JSON (a PostgreSQL URL without its password). */
  readonly location: string;
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  write<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
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
