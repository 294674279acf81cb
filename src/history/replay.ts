// Importing a line the store already holds — at or before the account's latest read — is allowed
// only when it says what the store says: a read at exactly that moment, with the same error, each
// listed balance with exactly the figures in force then, each gone one absent, and no balance that
// changed at that moment left unlisted. That is what makes an import idempotent (the same file
// twice changes nothing) without ever letting a different file slip in history's past. The store's
// rows are walked forward once per account with two cursors, as the lines come in time order.
import { ABSENT, describeBalance, sameFigures, type Figures } from './figures.js';
import { num, text, type Db, type RawRow } from './store/db.js';
import { seriesKey } from './store/series-key.js';
import type { TransferLine } from './transfer-format.js';

const SQL = {
  before: `SELECT s.key, a.present, a.available, a.pending, a.total, a.usd_value
             FROM series s JOIN amounts a ON a.series_id = s.id
              AND a.at = (SELECT MAX(m.at) FROM amounts m WHERE m.series_id = s.id AND m.at < ?)
            WHERE s.account_id = ?`,
  reads: 'SELECT at, error_code FROM reads WHERE account_id = ? AND at >= ? AND at <= ? ORDER BY at',
  amounts: `SELECT s.key, a.at, a.present, a.available, a.pending, a.total, a.usd_value
              FROM series s CROSS JOIN amounts a WHERE s.account_id = ? AND a.series_id = s.id AND a.at >= ? AND a.at <= ?
             ORDER BY a.at, a.series_id`,
};

const figures = (row: RawRow, from: number): Figures => ({
  present: num(row[from]) === 1 ? 1 : 0,
  available: text(row[from + 1]),
  pending: text(row[from + 2]),
  total: text(row[from + 3]),
  usdValue: text(row[from + 4]),
});

/** An ordered cursor read one row at a time. */
async function* rows(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

export class StoredReplay {
  private readonly inForce = new Map<string, Figures>();
  private reads!: AsyncGenerator<RawRow>;
  private amounts!: AsyncGenerator<RawRow>;
  private nextRead: RawRow | undefined;
  private nextAmount: RawRow | undefined;

  private constructor(private readonly name: string) {}

  /** Start at `from` (the first line to check) and stop at `until` (the store's latest read then). */
  static async start(db: Db, accountId: number, name: string, from: number, until: number): Promise<StoredReplay> {
    const replay = new StoredReplay(name);
    for (const row of await db.all(SQL.before, [from, accountId]))
      replay.inForce.set(String(row.key), figures([row.present, row.available, row.pending, row.total, row.usd_value], 0));
    replay.reads = rows(db.stream(SQL.reads, [accountId, from, until]));
    replay.amounts = rows(db.stream(SQL.amounts, [accountId, from, until]));
    replay.nextRead = (await replay.reads.next()).value;
    replay.nextAmount = (await replay.amounts.next()).value;
    return replay;
  }

  /** Why the store disagrees with this line (one clause), or null when it holds exactly this. */
  async check(line: TransferLine, latest: number): Promise<string | null> {
    const when = new Date(line.at).toISOString();
    while (this.nextRead !== undefined && num(this.nextRead[0]) < line.at) this.nextRead = (await this.reads.next()).value;
    if (this.nextRead === undefined || num(this.nextRead[0]) !== line.at) {
      return `'${this.name}' has history up to ${new Date(latest).toISOString()} but no read at ${when}, and history cannot be added before an account's latest read`;
    }
    const storedError = text(this.nextRead[1]);
    if (storedError !== line.error) return `the read of '${this.name}' at ${when} is recorded with error ${storedError ?? 'none'}, not ${line.error ?? 'none'}`;
    const changedNow = new Set<string>();
    while (this.nextAmount !== undefined && num(this.nextAmount[1]) <= line.at) {
      const key = String(this.nextAmount[0]);
      this.inForce.set(key, figures(this.nextAmount, 2));
      if (num(this.nextAmount[1]) === line.at) changedNow.add(key);
      this.nextAmount = (await this.amounts.next()).value;
    }
    for (const b of line.balances) {
      if (!sameFigures(this.inForce.get(b.key) ?? ABSENT, b.figures))
        return `${describeBalance(b.identity)} of '${this.name}' at ${when} differs from the figures recorded then`;
      changedNow.delete(b.key);
    }
    for (const g of line.gone) {
      const key = seriesKey(g);
      if ((this.inForce.get(key) ?? ABSENT).present === 1) return `${describeBalance(g)} of '${this.name}' is recorded as present at ${when}, not gone`;
      changedNow.delete(key);
    }
    if (changedNow.size > 0) return `the read of '${this.name}' at ${when} recorded changes this line does not list`;
    return null;
  }

  /** Leave the cursors (the account's later lines are new reads). */
  async stop(): Promise<void> {
    await this.reads.return(undefined);
    await this.amounts.return(undefined);
  }
}
