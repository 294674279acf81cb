// `--debug` for the store: every statement a command sends, with its parameters, one line each —
// what to run in sqlite3 or psql to see the same work (the bench does exactly that). Parameters
// are ids, times and names, never secrets (the URL's password is not a parameter).
import type { Db, RawRow, Row } from './db.js';

function line(sql: string, params: readonly unknown[]): string {
  return `sql: ${sql.replace(/\s+/g, ' ').trim()} -- ${JSON.stringify(params)}`;
}

export function tracing(db: Db, log: (line: string) => void): Db {
  const traced: Db = {
    dialect: db.dialect,
    location: db.location,
    all: (sql: string, params: unknown[] = []): Promise<Row[]> => {
      log(line(sql, params));
      return db.all(sql, params);
    },
    run: (sql: string, params: unknown[] = []): Promise<number> => {
      log(line(sql, params));
      return db.run(sql, params);
    },
    stream: (sql: string, params: unknown[] = []): AsyncIterable<RawRow[]> => {
      log(line(sql, params));
      return db.stream(sql, params);
    },
    insert: (table, columns, rows) => {
      log(`sql: INSERT INTO ${table} (${columns.join(', ')}) -- ${rows.length} rows`);
      return db.insert(table, columns, rows);
    },
    write: (fn) => db.write((tx) => fn(tx === db ? traced : tracing(tx, log))),
    read: (fn) => db.read((tx) => fn(tx === db ? traced : tracing(tx, log))),
    reclaimSpace: () => db.reclaimSpace(),
    close: () => db.close(),
  };
  return traced;
}
