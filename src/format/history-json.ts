// The history documents (schemaVersion 1; schema/snapshot.v1.json, history.v1.json,
// changes.v1.json). Amounts are the stored decimal text, never numbers; null is unknown.
// `history --json` is written as it streams out of the store: one document, one series object
// opening per line and one point per line, so a year of points never sits in memory.
import type { BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import type { Change } from '../history/changes.js';
import type { Point } from '../history/points.js';
import type { SeriesInfo } from '../history/select.js';
import { jsonText } from '../history/transfer-format.js';
import type { DataSink as DataWriter } from '../core/data-sink.js';
import { errorsJson } from './json.js';

export interface SnapshotSummary {
  recordedAt: Date;
  store: string;
  /** Per account: how many balances were recorded, and its read's error code. */
  reads: Array<{ account: string; provider: string; balances: number; errorCode: string | null }>;
  errors: BalanceError[];
}

export function snapshotJson(s: SnapshotSummary): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    recordedAt: s.recordedAt.toISOString(),
    store: s.store,
    accounts: s.reads.map((r) => ({ account: r.account, provider: r.provider, balances: r.balances, error: r.errorCode })),
    balances: s.reads.reduce((n, r) => n + r.balances, 0),
    errors: errorsJson(s.errors),
    complete: s.errors.length === 0,
  })}\n`;
}

/** A series' identity in JSON: the balance's, with the account's mode (history keys on it). */
export function seriesIdentityJson(s: SeriesInfo) {
  return {
    account: s.account,
    provider: s.provider,
    mode: s.mode,
    wallet: s.wallet,
    currency: s.currency,
    network: s.network,
    providerCurrency: s.providerCurrency,
  };
}

const compact = (value: unknown) => stringifyOutputJson(value, 0);

/** A point by hand: its text is the store's plain decimals and codes, escaped only if it is not. */
export function pointJson(p: Point): string {
  return `{"at":"${p.at.toISOString()}","available":${jsonText(p.available)},"pending":${jsonText(p.pending)},"total":${jsonText(p.total)},"usdValue":${jsonText(p.usdValue)},"error":${jsonText(p.error)}}`;
}

export interface HistoryHeader {
  by: string | null;
  since: Date;
  until: Date;
}

export type SeriesPoints = AsyncIterable<{ info: SeriesInfo; points: AsyncIterable<Point[]> }>;

export async function writeHistoryJson(out: DataWriter, header: HistoryHeader, series: SeriesPoints): Promise<void> {
  const head = compact({ schemaVersion: 1, by: header.by, since: header.since.toISOString(), until: header.until.toISOString() });
  await out.write(`${head.slice(0, -1)},"series":[`);
  let firstSeries = true;
  for await (const { info, points } of series) {
    const identity = compact(seriesIdentityJson(info));
    await out.write(`${firstSeries ? '' : ','}\n${identity.slice(0, -1)},"points":[`);
    firstSeries = false;
    let firstPoint = true;
    for await (const batch of points) {
      let lines = '';
      for (const p of batch) {
        lines += `${firstPoint ? '' : ','}\n${pointJson(p)}`;
        firstPoint = false;
      }
      await out.write(lines);
    }
    await out.write('\n]}');
  }
  await out.write('\n]}\n');
  await out.end();
}

export function changesJson(from: Date, to: Date, changes: Change[]): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    from: from.toISOString(),
    to: to.toISOString(),
    changes: changes.map((c) => ({ ...seriesIdentityJson(c.series), field: c.field, from: c.from, to: c.to, delta: c.delta })),
  })}\n`;
}
