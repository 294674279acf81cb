// The change log's writer, shared by `snapshot`, `watch --record` and `history import`: inside one
// write transaction it finds each account's identity, compares what was read with each balance's
// last row, and appends in a handful of batched statements (new identities and series, then all
// reads, then all changed figures), whatever the number of accounts and balances. What it keeps
// between batches (identities, each series' last figures) grows with the balances, not the range.
import type { Mode } from '../core/balance.js';
import { ABSENT, sameFigures, type Figures, type StoredBalance } from './figures.js';
import { inList, num, text, type Db, type RawRow } from './store/db.js';
import type { SeriesIdentity } from './store/series-key.js';

/** Whose money a read is: an account's name, the provider it reads and its mode (null: unknown). */
export interface StreamIdentity {
  account: string;
  provider: string;
  mode: Mode | null;
}

/** One account identity as stored (`accounts` row); mode '' is "not known". */
export interface Stream {
  id: number;
  name: string;
  provider: string;
  mode: string;
  /** Its latest read (ms), null when none; undefined until loaded. */
  latest: number | null | undefined;
}

interface SeriesState {
  id: number | null;
  streamId: number;
  identity: SeriesIdentity;
  key: string;
  last: Figures | null;
}

const describe = (s: Pick<Stream, 'provider' | 'mode'>) => `${s.provider}${s.mode === '' ? '' : ` (${s.mode})`}`;

export class ChangeLogWriter {
  private readonly series = new Map<number, Map<string, SeriesState>>();
  private reads: RawRow[] = [];
  private amounts: Array<{ state: SeriesState; at: number; figures: Figures }> = [];
  /** Said once per new identity that shares its name with an older one (docs/history.md "Whose history"). */
  readonly notices: string[] = [];

  private constructor(
    private readonly tx: Db,
    private readonly streams: Stream[],
  ) {}

  static async open(tx: Db): Promise<ChangeLogWriter> {
    const rows = await tx.all('SELECT id, name, provider, mode FROM accounts');
    return new ChangeLogWriter(
      tx,
      rows.map((r) => ({ id: num(r.id), name: String(r.name), provider: String(r.provider), mode: String(r.mode), latest: undefined })),
    );
  }

  /** Load the latest read of each stream not loaded yet, in one statement. */
  async loadLatest(streams: Stream[]): Promise<void> {
    const todo = [...new Set(streams.filter((s) => s.latest === undefined))];
    if (todo.length === 0) return;
    const rows = await this.tx.all(
      `SELECT a.id, (SELECT MAX(r.at) FROM reads r WHERE r.account_id = a.id) AS latest FROM accounts a WHERE a.id IN ${inList(todo)}`,
      todo.map((s) => s.id),
    );
    for (const row of rows) {
      const stream = todo.find((s) => s.id === num(row.id));
      if (stream) stream.latest = row.latest === null || row.latest === undefined ? null : num(row.latest);
    }
  }

  /**
   * The stored identity a read belongs to. Same name, provider and mode: that one. A read whose
   * mode is unknown (a failed read) joins the name's latest identity with that provider. A known
   * mode adopts an identity whose mode was never known (an upgraded store). Anything else starts
   * a new identity, and if the name had history under another provider or mode, says so.
   */
  async stream(identity: StreamIdentity): Promise<Stream> {
    const named = this.streams.filter((s) => s.name === identity.account);
    const candidates = named.filter((s) => s.provider === identity.provider);
    const mode = identity.mode ?? '';
    const exact = candidates.find((s) => s.mode === mode);
    if (identity.mode === null && candidates.length > 0) {
      await this.loadLatest(candidates);
      return candidates.reduce((a, b) => ((b.latest ?? -1) > (a.latest ?? -1) ? b : a));
    }
    if (exact) return exact;
    const unknown = candidates.find((s) => s.mode === '');
    if (unknown && candidates.length === 1) {
      await this.tx.run('UPDATE accounts SET mode = ? WHERE id = ?', [mode, unknown.id]);
      unknown.mode = mode;
      return unknown;
    }
    const [row] = await this.tx.all('INSERT INTO accounts (name, provider, mode) VALUES (?, ?, ?) RETURNING id', [identity.account, identity.provider, mode]);
    const created: Stream = { id: num(row?.id), name: identity.account, provider: identity.provider, mode, latest: null };
    if (named.length > 0) {
      const before = [...new Set(named.map(describe))].join(', ');
      this.notices.push(
        `account '${identity.account}' now reads ${describe(created)}, where its history so far is ${before}: its balances start new series (the old ones are kept)`,
      );
    }
    this.streams.push(created);
    this.series.set(created.id, new Map());
    return created;
  }

  /** Load the series of these streams with each one's last figures, in one statement. */
  async loadSeries(streams: Stream[]): Promise<void> {
    const todo = [...new Set(streams.filter((s) => !this.series.has(s.id)))];
    if (todo.length === 0) return;
    for (const s of todo) this.series.set(s.id, new Map());
    const rows = await this.tx.all(
      `SELECT s.id, s.account_id, s.key, s.wallet, s.currency, s.network, s.provider_currency, a.present, a.available, a.pending, a.total, a.usd_value
         FROM series s LEFT JOIN amounts a ON a.series_id = s.id AND a.at = (SELECT MAX(m.at) FROM amounts m WHERE m.series_id = s.id)
        WHERE s.account_id IN ${inList(todo)}`,
      todo.map((s) => s.id),
    );
    for (const r of rows) {
      const identity = { wallet: text(r.wallet), currency: String(r.currency), network: text(r.network), providerCurrency: String(r.provider_currency) };
      const last: Figures | null =
        r.present === null || r.present === undefined
          ? null
          : {
              present: num(r.present) === 1 ? 1 : 0,
              available: text(r.available),
              pending: text(r.pending),
              total: text(r.total),
              usdValue: text(r.usd_value),
            };
      this.series.get(num(r.account_id))?.set(String(r.key), { id: num(r.id), streamId: num(r.account_id), identity, key: String(r.key), last });
    }
  }

  /** Each series of a stream with its last figures (loadSeries first). */
  lastFigures(stream: Stream): ReadonlyMap<string, { identity: SeriesIdentity; last: Figures | null }> {
    return this.series.get(stream.id) ?? new Map();
  }

  /**
   * Queue one read at `at` (after the stream's latest): a row for the read, and a row for each
   * balance whose figures changed. `gone`: 'unlisted' when the read was complete (a balance it
   * did not list is gone), 'none' when it was not (failed or filtered), or the ones it names.
   */
  add(stream: Stream, at: number, errorCode: string | null, balances: StoredBalance[], gone: 'unlisted' | 'none' | string[]): void {
    const series = this.series.get(stream.id);
    if (!series) throw new Error(`series of account ${stream.id} not loaded`);
    this.reads.push([stream.id, at, errorCode]);
    stream.latest = at;
    const seen = new Set<string>();
    for (const b of balances) {
      seen.add(b.key);
      let state = series.get(b.key);
      if (!state) series.set(b.key, (state = { id: null, streamId: stream.id, identity: b.identity, key: b.key, last: null }));
      this.change(state, at, b.figures);
    }
    const goneKeys = gone === 'none' ? [] : gone === 'unlisted' ? [...series.keys()].filter((k) => !seen.has(k)) : gone;
    for (const key of goneKeys) {
      const state = series.get(key);
      if (state?.last?.present === 1) this.change(state, at, ABSENT);
    }
  }

  private change(state: SeriesState, at: number, figures: Figures): void {
    if (state.last !== null && sameFigures(state.last, figures)) return;
    state.last = figures;
    this.amounts.push({ state, at, figures });
  }

  /** Write what was queued: new series (their ids come back), then reads, then figures. */
  async flush(): Promise<void> {
    const fresh = [...new Set(this.amounts.map((a) => a.state).filter((s) => s.id === null))];
    for (let start = 0; start < fresh.length; start += 200) {
      const chunk = fresh.slice(start, start + 200);
      const rows = await this.tx.all(
        `INSERT INTO series (account_id, key, wallet, currency, network, provider_currency) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} RETURNING id, account_id, key`,
        chunk.flatMap((s) => [s.streamId, s.key, s.identity.wallet, s.identity.currency, s.identity.network, s.identity.providerCurrency]),
      );
      for (const row of rows) {
        const state = this.series.get(num(row.account_id))?.get(String(row.key));
        if (state) state.id = num(row.id);
      }
    }
    await this.tx.insert('reads', ['account_id', 'at', 'error_code'], this.reads);
    await this.tx.insert(
      'amounts',
      ['series_id', 'at', 'present', 'available', 'pending', 'total', 'usd_value'],
      this.amounts.map(({ state, at, figures: f }) => [state.id, at, f.present, f.available, f.pending, f.total, f.usdValue]),
    );
    this.reads = [];
    this.amounts = [];
  }
}
