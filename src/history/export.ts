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
  /** One cursor per series, in primary-key order (no sort in the database); merged here by time. */
  amounts: 'SELECT series_id, at, present, available, pending, total, usd_value FROM amounts WHERE series_id = ? ORDER BY at',
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
  /** The time of the row `peek` last returned (for the merge's heap). */
  head = Number.POSITIVE_INFINITY;

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
    const row = this.batch[this.index];
    this.head = row === undefined ? Number.POSITIVE_INFINITY : num(row[1]);
    return row;
  }

  take(): void {
    this.index++;
  }
}

/** Cursors by the time of their next row, earliest on top (a binary min-heap). */
class TimeHeap {
  private readonly items: Cursor[];
  constructor(cursors: Cursor[]) {
    this.items = [...cursors].sort((a, b) => a.head - b.head);
  }

  top(): Cursor | undefined {
    return this.items[0];
  }

  /** The top's time grew: move it down to its place. */
  sift(): void {
    const items = this.items;
    for (let i = 0; ;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (l < items.length && items[l]!.head < items[least]!.head) least = l;
      if (r < items.length && items[r]!.head < items[least]!.head) least = r;
      if (least === i) return;
      [items[i], items[least]] = [items[least]!, items[i]!];
      i = least;
    }
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
  const cursors = series.map((s) => new Cursor(db.stream(EXPORT_SQL.amounts, [s.id])[Symbol.asyncIterator]()));
  for (const cursor of cursors) await cursor.peek();
  const due = new TimeHeap(cursors);
  let lines = 0;
  const figures = (s: SeriesInfo) => inForce.get(s.id) ?? ABSENT;
  for await (const reads of db.stream(EXPORT_SQL.reads, [account.id])) {
    let chunk = '';
    for (const [atValue, error] of reads) {
      const at = num(atValue);
      let listed: SeriesInfo[] = [];
      // Only the series with a row due (at or before this read) are touched: a heap by next row time.
      for (let cursor = due.top(); cursor !== undefined && cursor.head <= at; cursor = due.top()) {
        const row = (await cursor.peek())!;
        const id = num(row[0]);
        listed.push(series[position.get(id) ?? -1]!);
        inForce.set(id, figuresOf(row));
        cursor.take();
        await cursor.peek();
        due.sift();
      }
      // The first line states every balance in force; later ones what changed at (or since) the last.
      if (lines === 0) listed = series.filter((s) => figures(s).present === 1);
      else if (listed.length > 1) listed = [...new Set(listed)].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
      chunk += formatLine({
        at,
        account: account.name,
        provider: account.provider,
        mode: account.mode,
        error: text(error),
        balances: listed.filter((s) => figures(s).present === 1).map((s) => ({ identity: s, key: '', figures: figures(s) })),
        gone: listed.filter((s) => figures(s).present === 0),
      });
      lines++;
    }
    await out.write(chunk);
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
    const account: Identity = {
      id: num(row.id),
      name: String(row.name),
      provider: String(row.provider),
      mode: row.mode === 'live' || row.mode === 'test' ? row.mode : null,
    };
    if (filter.accounts.length > 0 && !filter.accounts.includes(account.name)) continue;
    if (filter.provider !== undefined && filter.provider !== account.provider) continue;
    reads += await exportAccount(
      db,
      account,
      series.filter((s) => s.accountId === account.id),
      out,
    );
    accounts++;
  }
  await out.end();
  return { reads, accounts };
}
