// The store's versions and how one is brought to this release's (store/layout.ts). `schema_version`
// holds one row; a store written by a newer release (a version we do not know) is refused rather
// than misread, and one whose tables are not exactly ours is refused rather than read through.
//
// Version 1 keyed history by account name alone (one series per name × wallet × currency ×
// network); version 2 keys it by the account's identity (name, provider, mode) and the balance's
// (wallet, currency, network, provider code). The upgrade keeps every id, read and amount: a v1
// account becomes an identity whose mode is not known yet, which the account's next read with a
// known mode adopts (record.ts), so an upgraded store goes on as one series per balance.
import type { Db } from './db.js';
import { num, text } from './db.js';
import { StoreError } from './errors.js';
import { createStatement, SCHEMA_VERSION, tableOf, TABLES, V1_TABLES } from './layout.js';
import { seriesKey } from './series-key.js';
import { layoutProblem } from './verify.js';

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
      : await db.all('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()');
  return rows.map((r) => String(r.name));
}

/** The store's schema version: 0 for an empty file or database. */
export async function storeVersion(db: Db): Promise<number> {
  const tables = await tableNames(db);
  if (!tables.includes('schema_version')) {
    if (tables.length === 0) return 0;
    throw new StoreError(`${db.location} is not a balance-inspector history store (it holds other tables)`, {
      hint: 'point --store at a new file or an empty database',
    });
  }
  const rows = await db.all('SELECT version FROM schema_version');
  const version = rows.length === 1 ? num(rows[0]?.version) : Number.NaN;
  if (!Number.isInteger(version) || version < 1) throw new StoreError(`history store ${db.location} has a damaged schema_version table`);
  if (version > SCHEMA_VERSION) {
    throw new StoreError(`history store ${db.location} has schema version ${version}, newer than this balance-inspector understands (${SCHEMA_VERSION})`, {
      hint: 'upgrade balance-inspector to read it; it was left untouched',
      code: 'STORE_TOO_NEW',
    });
  }
  return version;
}

/** Refuse a store whose tables for `version` are not the ones balance-inspector creates. */
export async function checkLayout(db: Db, version: number): Promise<void> {
  const problem = await layoutProblem(db, version === 1 ? V1_TABLES : TABLES);
  if (problem !== null) {
    throw new StoreError(`history store ${db.location} was not created by balance-inspector: ${problem}; refusing to use it`, {
      hint: 'point --store at a new file or an empty database',
      code: 'STORE_FOREIGN',
    });
  }
}

/** Create this release's tables in an empty store, or bring an older one up to date. */
export async function upgrade(db: Db): Promise<void> {
  await db.write(async (tx) => {
    const version = await storeVersion(tx); // another process may have done it meanwhile
    if (version === SCHEMA_VERSION) return;
    if (version === 0) {
      for (const table of TABLES) await tx.run(createStatement(tx.dialect, table));
      await tx.run('INSERT INTO schema_version (version) VALUES (?)', [SCHEMA_VERSION]);
      return;
    }
    await checkLayout(tx, version);
    await fromV1(tx);
    await tx.run('UPDATE schema_version SET version = ?', [SCHEMA_VERSION]);
  });
}

/** v1 → v2: accounts gain a mode (unknown for now), series keys lose the name and gain the provider code. */
async function fromV1(tx: Db): Promise<void> {
  const series = await tx.all('SELECT id, account_id, wallet, currency, network, provider_currency FROM series ORDER BY id');
  await tx.run(createStatement(tx.dialect, tableOf('accounts'), 'accounts_v2'));
  await tx.run("INSERT INTO accounts_v2 (id, name, provider, mode) SELECT id, name, provider, '' FROM accounts");
  await tx.run('DROP TABLE series');
  await tx.run('DROP TABLE accounts');
  await tx.run('ALTER TABLE accounts_v2 RENAME TO accounts');
  await tx.run(createStatement(tx.dialect, tableOf('series')));
  for (const s of series) {
    const wallet = text(s.wallet);
    const network = text(s.network);
    const providerCurrency = String(s.provider_currency);
    await tx.run('INSERT INTO series (id, account_id, key, wallet, currency, network, provider_currency) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      num(s.id),
      num(s.account_id),
      seriesKey({ wallet, currency: String(s.currency), network, providerCurrency }),
      wallet,
      String(s.currency),
      network,
      providerCurrency,
    ]);
  }
  if (tx.dialect === 'postgres') {
    // Rows came in with their ids: the identity sequences must continue after them.
    for (const table of ['accounts', 'series']) {
      await tx.all(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ${table}), false)`);
    }
  }
}
