// Recording a snapshot into the change log (see store/migrations.ts for the layout). Inside one
// write transaction: one `reads` row per account (its error code when it could not be read: a gap,
// never a zero) and an `amounts` row only for balances whose figures differ from their last row.
// A balance that is gone from a complete, unfiltered read gets a `present = 0` row.
import { formatAmount, formatUsd, type Balance } from '../core/balance.js';
import { num, text, type Db } from './store/db.js';

export interface AccountRead {
  account: string;
  provider: string;
  /** This account's balances as read (valued), every currency unless `partialScope`. */
  balances: Balance[];
  /** The first error's code when the read failed (wholly or for some wallets), else null. */
  errorCode: string | null;
}

export interface RecordOptions {
  /** A currency filter narrowed the read: balances not in it are not judged gone. */
  partialScope?: boolean;
  now: () => Date;
}

interface Figures {
  present: number;
  available: string | null;
  pending: string | null;
  total: string | null;
  usdValue: string | null;
}

/** The identity of a series: one per account × wallet × currency × network. */
export function seriesKey(account: string, wallet: string | null, currency: string, network: string | null): string {
  return JSON.stringify([account, wallet, currency, network]);
}

function figuresOf(b: Balance): Figures {
  return {
    present: 1,
    available: formatAmount(b.available, b.scale),
    pending: formatAmount(b.pending, b.scale),
    total: formatAmount(b.total, b.scale),
    usdValue: formatUsd(b.usdValue),
  };
}

function same(a: Figures, b: Figures): boolean {
  return a.present === b.present && a.available === b.available && a.pending === b.pending && a.total === b.total && a.usdValue === b.usdValue;
}

/** Record one snapshot; returns the moment it was recorded at (strictly after any earlier read). */
export async function recordSnapshot(db: Db, reads: AccountRead[], options: RecordOptions): Promise<Date> {
  return db.write(async (tx) => {
    const ids: number[] = [];
    let at = options.now().getTime();
    for (const read of reads) {
      const id = await accountId(tx, read.account, read.provider);
      ids.push(id);
      // Times only move forward per account, even for two runs in the same millisecond or a clock
      // that stepped back (the primary key range makes this lookup cheap in a large store).
      const [latest] = await tx.all('SELECT MAX(at) AS at FROM reads WHERE account_id = ?', [id]);
      if (latest?.at != null) at = Math.max(at, num(latest.at) + 1);
    }
    for (const [i, read] of reads.entries()) await recordAccount(tx, ids[i] ?? 0, read, at, options.partialScope ?? false);
    return new Date(at);
  });
}

async function accountId(tx: Db, name: string, provider: string): Promise<number> {
  await tx.run('INSERT INTO accounts (name, provider) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, provider]);
  const [row] = await tx.all('SELECT id, provider FROM accounts WHERE name = ?', [name]);
  if (row && row.provider !== provider) await tx.run('UPDATE accounts SET provider = ? WHERE id = ?', [provider, row.id]);
  return num(row?.id);
}

async function recordAccount(tx: Db, id: number, read: AccountRead, at: number, partialScope: boolean): Promise<void> {
  await tx.run('INSERT INTO reads (account_id, at, error_code) VALUES (?, ?, ?)', [id, at, read.errorCode]);
  if (read.balances.length === 0 && read.errorCode !== null) return;

  const last = new Map<string, { seriesId: number; figures: Figures }>();
  const rows = await tx.all(
    `SELECT s.id, s.key, a.present, a.available, a.pending, a.total, a.usd_value
       FROM series s JOIN amounts a ON a.series_id = s.id
        AND a.at = (SELECT MAX(m.at) FROM amounts m WHERE m.series_id = s.id)
      WHERE s.account_id = ?`,
    [id],
  );
  for (const r of rows) {
    last.set(String(r.key), {
      seriesId: num(r.id),
      figures: { present: num(r.present), available: text(r.available), pending: text(r.pending), total: text(r.total), usdValue: text(r.usd_value) },
    });
  }
  const seen = new Set<string>();
  for (const balance of read.balances) {
    const key = seriesKey(balance.account, balance.wallet, balance.currency, balance.network);
    seen.add(key);
    const figures = figuresOf(balance);
    const before = last.get(key);
    if (before && same(before.figures, figures)) continue;
    const seriesId = before?.seriesId ?? (await ensureSeries(tx, id, key, balance));
    await insertFigures(tx, seriesId, at, figures);
  }
  // Only a complete, unfiltered read can say a balance is gone.
  if (read.errorCode !== null || partialScope) return;
  for (const [key, before] of last) {
    if (!seen.has(key) && before.figures.present === 1) {
      await insertFigures(tx, before.seriesId, at, { present: 0, available: null, pending: null, total: null, usdValue: null });
    }
  }
}

async function ensureSeries(tx: Db, accountId: number, key: string, b: Balance): Promise<number> {
  await tx.run(
    `INSERT INTO series (account_id, key, wallet, currency, network, provider_currency) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET provider_currency = excluded.provider_currency`,
    [accountId, key, b.wallet, b.currency, b.network, b.providerCurrency],
  );
  const [row] = await tx.all('SELECT id FROM series WHERE key = ?', [key]);
  return num(row?.id);
}

function insertFigures(tx: Db, seriesId: number, at: number, f: Figures): Promise<number> {
  return tx.run('INSERT INTO amounts (series_id, at, present, available, pending, total, usd_value) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    seriesId, at, f.present, f.available, f.pending, f.total, f.usdValue,
  ]);
}
