// `history export`: the store as lines (transfer-format.ts), account identity by account identity,
// each one's reads in time order. Two cursors per identity — its reads, and its balances' rows in
// time order — are walked together, so memory holds one identity's balances, never the range.
// A balance's figures still in force from before the first remaining read (what a prune keeps)
// are on that account's first line.
import type { DataSink as DataWriter } from '../core/data-sink.js';
import { ABSENT, type Figures } from './figures.js';
import { selectSeries, type SeriesFilter, type SeriesInfo } from './select.js';
import { num, text, type Db, type RawRow } from './store/db.js';
import { formatLine } from './transfer-format.js';

export const EXPORT_SQL = {
  reads: 'SELECT at, error_code FROM reads WHERE account_id = ? ORDER BY at',
  amounts: `SELECT a.series_id, a.at, a.present, a.available, a.pending, a.total, a.usd_value
               FROM series s CROSS JOIN amounts a WHERE s.account_id = ? AND a.series_id = s.id ORDER BY a.at, a.series_id`,
};

const figuresOf = (row: RawRow): Figures => ({
  present: num(row[2]) === 1 ? 1 : 0,
  available: text(row[3]),
  pending: text(row[4]),
  total: text(row[5]),
  usdValue: text(row[6]),
});

/** Rows of an ordered cursor one at a time, with a look at the next one. */
class Cursor {
  private batch: RawRow[] = [];
  private index = 0;
  private done = false;
  constructor(private readonly source: AsyncIterator<RawRow[]>) {}

  async peek(): Promise<RawRow | undefined> {
    while (this.index >= this.batch.length && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else [this.batch, this.index] = [next.value, 0];
    }
    return this.batch[this.index];
  }

  take(): void {
    this.index++;
  }
}

interface Identity {
  id: number;
  name: string;
  provider: string;
  mode: 'live' | 'test' | null;
}

async function exportAccount(db: Db, account: Identity, series: SeriesInfo[], out: DataWriter): Promise<number> {
  const position = new Map(series.map((s, i) => [s.id, i]));
  const inForce = new Map<number, Figures>();
  const amounts = new Cursor(db.stream(EXPORT_SQL.amounts, [account.id])[Symbol.asyncIterator]());
  let lines = 0;
  for await (const reads of db.stream(EXPORT_SQL.reads, [account.id])) {
    for (const [atValue, error] of reads) {
      const at = num(atValue);
      const touched = new Set<number>();
      for (let row = await amounts.peek(); row !== undefined && num(row[1]) <= at; row = await amounts.peek()) {
        inForce.set(num(row[0]), figuresOf(row));
        touched.add(num(row[0]));
        amounts.take();
      }
      // The first line states every balance in force; later ones what changed at (or since) the last.
      const listed = (lines === 0 ? series.filter((s) => inForce.get(s.id)?.present === 1) : [...touched].map((id) => series[position.get(id) ?? -1]))
        .filter((s): s is SeriesInfo => s !== undefined)
        .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
      const figures = (s: SeriesInfo) => inForce.get(s.id) ?? ABSENT;
      await out.write(
        formatLine({
          at,
          account: account.name,
          provider: account.provider,
          mode: account.mode,
          error: text(error),
          balances: listed.filter((s) => figures(s).present === 1).map((s) => ({ identity: s, key: '', figures: figures(s) })),
          gone: listed.filter((s) => figures(s).present === 0),
        }),
      );
      lines++;
    }
  }
  return lines;
}

/** Write every read of the selected account identities; run inside `db.read`. */
export async function exportHistory(db: Db, filter: Omit<SeriesFilter, 'currencies'>, out: DataWriter): Promise<{ reads: number; accounts: number }> {
  const series = await selectSeries(db, { ...filter, currencies: [] });
  const rows = await db.all('SELECT id, name, provider, mode FROM accounts ORDER BY name, provider, mode');
  let reads = 0;
  let accounts = 0;
  for (const row of rows) {
    const account: Identity = { id: num(row.id), name: String(row.name), provider: String(row.provider), mode: row.mode === 'live' || row.mode === 'test' ? row.mode : null };
    if (filter.accounts.length > 0 && !filter.accounts.includes(account.name)) continue;
    if (filter.provider !== undefined && filter.provider !== account.provider) continue;
    reads += await exportAccount(db, account, series.filter((s) => s.accountId === account.id), out);
    accounts++;
  }
  await out.end();
  return { reads, accounts };
}
