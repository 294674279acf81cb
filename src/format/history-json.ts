// The history documents (schemaVersion 1; schema/snapshot.v1.json, history.v1.json,
// changes.v1.json). Amounts are the stored decimal text, never numbers; null is unknown.
import { balanceIdentity } from '../core/balance.js';
import type { BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import type { Change } from '../history/changes.js';
import type { Point } from '../history/points.js';
import type { SeriesInfo } from '../history/select.js';
import { errorsJson } from './json.js';

export interface SnapshotSummary {
  recordedAt: Date;
  store: string;
  reads: Array<{ account: string; provider: string; balances: unknown[]; errorCode: string | null }>;
  errors: BalanceError[];
}

export function snapshotJson(s: SnapshotSummary): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    recordedAt: s.recordedAt.toISOString(),
    store: s.store,
    accounts: s.reads.map((r) => ({ account: r.account, provider: r.provider, balances: r.balances.length, error: r.errorCode })),
    balances: s.reads.reduce((n, r) => n + r.balances.length, 0),
    errors: errorsJson(s.errors),
    complete: s.errors.length === 0,
  })}\n`;
}

export interface HistoryDoc {
  by: string | null;
  since: Date;
  until: Date;
  series: Array<{ info: SeriesInfo; points: Point[] }>;
}

export function historyJson(doc: HistoryDoc): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    by: doc.by,
    since: doc.since.toISOString(),
    until: doc.until.toISOString(),
    series: doc.series.map(({ info, points }) => ({
      ...balanceIdentity(info),
      points: points.map((p) => ({ at: p.at.toISOString(), available: p.available, pending: p.pending, total: p.total, usdValue: p.usdValue, error: p.error })),
    })),
  })}\n`;
}

export function changesJson(from: Date, to: Date, changes: Change[]): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    from: from.toISOString(),
    to: to.toISOString(),
    changes: changes.map((c) => ({ ...balanceIdentity(c.series), field: c.field, from: c.from, to: c.to, delta: c.delta })),
  })}\n`;
}
