// Tidy CSV for `history --csv` (one row per point) and `changes --csv` (one row per change), with
// the same RFC 4180 rules and formula defusing as `balances --csv`.
import type { Change } from '../history/changes.js';
import type { Point } from '../history/points.js';
import type { SeriesInfo } from '../history/select.js';
import { toCsv } from './csv.js';

const IDENTITY = ['account', 'provider', 'wallet', 'currency', 'network', 'providerCurrency'] as const;

function identityCells(s: SeriesInfo) {
  return IDENTITY.map((k) => ({ value: s[k] }));
}

export function historyCsv(series: Array<{ info: SeriesInfo; points: Point[] }>): string {
  const amount = (value: string | null) => ({ value, kind: 'amount' as const });
  return toCsv(
    [...IDENTITY, 'at', 'available', 'pending', 'total', 'usdValue', 'error'],
    series.flatMap(({ info, points }) =>
      points.map((p) => [...identityCells(info), { value: p.at.toISOString() }, amount(p.available), amount(p.pending), amount(p.total), amount(p.usdValue), { value: p.error }]),
    ),
  );
}

export function changesCsv(changes: Change[]): string {
  const amount = (value: string | null) => ({ value, kind: 'amount' as const });
  return toCsv(
    [...IDENTITY, 'field', 'from', 'to', 'delta'],
    changes.map((c) => [...identityCells(c.series), { value: c.field }, amount(c.from), amount(c.to), amount(c.delta)]),
  );
}
