// An existing store is used only when its tables are exactly ours: the columns this release (or the
// one that wrote that version) creates, with their types. A store someone else prepared — amounts
// as floats, a view, a trigger or rule that rewrites rows — is refused, never read through: a REAL
// column would silently turn "10.50" into 10.5, and a trigger could change what a snapshot writes.
import type { Db } from './db.js';
import { declaredType, type Table } from './layout.js';

interface Column {
  table: string;
  name: string;
  type: string;
  notNull: boolean;
}

async function sqliteColumns(db: Db, tables: Table[]): Promise<Column[]> {
  const columns: Column[] = [];
  for (const table of tables) {
    // Our own table names (constants), not user text.
    for (const row of await db.all(`PRAGMA table_info(${table.name})`)) {
      columns.push({ table: table.name, name: String(row.name), type: String(row.type).toUpperCase(), notNull: Number(row.notnull) === 1 });
    }
  }
  return columns;
}

// PostgreSQL: the catalog itself (information_schema's views cost a few planning-heavy queries).
async function postgresColumns(db: Db, tables: Table[]): Promise<Column[]> {
  const rows = await db.all(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, NULL) AS data_type, a.attnotnull AS not_null
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = current_schema() AND c.relname IN (${tables.map(() => '?').join(', ')})`,
    tables.map((t) => t.name),
  );
  return rows.map((r) => ({ table: String(r.table_name), name: String(r.column_name), type: String(r.data_type), notNull: r.not_null === true }));
}

/** Views, triggers and rules on our tables: anything that could change what is written or read. */
async function extras(db: Db, tables: Table[]): Promise<string[]> {
  const names = tables.map((t) => t.name);
  const list = names.map(() => '?').join(', ');
  if (db.dialect === 'sqlite') {
    const rows = await db.all(
      `SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('trigger', 'view') AND (tbl_name IN (${list}) OR name IN (${list}))`,
      [...names, ...names],
    );
    return rows.map((r) => `a ${String(r.type)} ${String(r.name)}`);
  }
  const rows = await db.all(
    `SELECT CASE c.relkind WHEN 'r' THEN NULL WHEN 'v' THEN 'a view ' WHEN 'm' THEN 'a materialized view ' ELSE 'a relation ' END || c.relname AS what
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname IN (${list}) AND c.relkind <> 'r'
     UNION ALL SELECT 'a trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname IN (${list}) AND NOT t.tgisinternal
     UNION ALL SELECT 'a rule ' || r.rulename FROM pg_rules r WHERE r.schemaname = current_schema() AND r.tablename IN (${list})`,
    [...names, ...names, ...names],
  );
  return rows.map((r) => String(r.what));
}

/** What makes this store's tables differ from `tables` (one line), or null when they are ours. */
export async function layoutProblem(db: Db, tables: Table[]): Promise<string | null> {
  const found = db.dialect === 'sqlite' ? await sqliteColumns(db, tables) : await postgresColumns(db, tables);
  for (const table of tables) {
    const have = found.filter((c) => c.table === table.name);
    if (have.length === 0) return `it has no ${table.name} table`;
    for (const [name, type, notNull] of table.columns) {
      const column = have.find((c) => c.name === name);
      const expected = declaredType(db.dialect, type);
      if (!column) return `its ${table.name} table has no ${name} column`;
      if (column.type !== expected) return `its column ${table.name}.${name} is ${column.type || 'untyped'}, not ${expected}`;
      if (type !== 'id' && column.notNull !== notNull) return `its column ${table.name}.${name} is ${column.notNull ? 'NOT NULL' : 'nullable'}, unlike ours`;
    }
    const unknown = have.find((c) => !table.columns.some(([name]) => name === c.name));
    if (unknown) return `its ${table.name} table has a column ${unknown.name} that balance-inspector never creates`;
  }
  const [extra] = await extras(db, tables);
  return extra === undefined ? null : `it has ${extra} on its tables, which balance-inspector never creates`;
}
