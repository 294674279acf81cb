// What moved between two moments. A balance's value at a moment is its last recorded figures at or
// before it (a failed read records none, so it never resets a value). One change per balance and
// field (available, pending, total) whose value differs, compared as decimals, so "10.50" and
// "10.5" are the same amount. A balance that appeared or disappeared has `from` or `to` null;
// `delta` is null whenever either side is unknown: a new balance is not a move from zero. Deltas
// are exact whatever the size of the amounts (never rounded to a working precision). The work is
// two index probes per series in the database; the SQL is exported for the bench.
import { Decimal, exactMinus, formatDecimal } from '../core/money.js';
import type { SeriesInfo } from './select.js';
import { inList, num, text, type Db } from './store/db.js';

export type Field = 'available' | 'pending' | 'total';
export const FIELDS: Field[] = ['available', 'pending', 'total'];

export interface Change {
  series: SeriesInfo;
  field: Field;
  from: string | null;
  to: string | null;
  delta: string | null;
}

const AT = (bound: string) => `(SELECT MAX(m.at) FROM amounts m WHERE m.series_id = s.id AND m.at <= ${bound})`;

/** The figures of `count` series at two moments (from, to, ...series ids). */
export function changesSql(count: number): string {
  return `WITH bounds AS MATERIALIZED (SELECT s.id, ${AT('?')} AS from_at, ${AT('?')} AS to_at FROM series s WHERE s.id IN ${inList(Array(count).fill(0))})
     SELECT b.id, f.present AS f_present, f.available AS f_available, f.pending AS f_pending, f.total AS f_total,
            t.present AS t_present, t.available AS t_available, t.pending AS t_pending, t.total AS t_total
       FROM bounds b
       LEFT JOIN amounts f ON f.series_id = b.id AND f.at = b.from_at
       LEFT JOIN amounts t ON t.series_id = b.id AND t.at = b.to_at`;
}

export async function changesBetween(db: Db, series: SeriesInfo[], from: Date, to: Date): Promise<Change[]> {
  if (series.length === 0) return [];
  const rows = await db.all(changesSql(series.length), [from.getTime(), to.getTime(), ...series.map((s) => s.id)]);
  const byId = new Map(rows.map((r) => [num(r.id), r]));
  const changes: Change[] = [];
  for (const s of series) {
    const r = byId.get(s.id);
    if (!r) continue;
    const fromExists = r.f_present !== null && r.f_present !== undefined && num(r.f_present) === 1;
    const toExists = r.t_present !== null && r.t_present !== undefined && num(r.t_present) === 1;
    for (const field of FIELDS) {
      const before = fromExists ? text(r[`f_${field}`]) : null;
      const after = toExists ? text(r[`t_${field}`]) : null;
      if (equal(before, after)) continue;
      const delta = before !== null && after !== null ? formatDecimal(exactMinus(new Decimal(after), before)) : null;
      changes.push({ series: s, field, from: before, to: after, delta });
    }
  }
  return changes;
}

function equal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return new Decimal(a).equals(b);
}
