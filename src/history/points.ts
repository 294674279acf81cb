// The points of each series between two moments. Without a bucket, one point per recorded read of
// the series' account; with --by hour|day|week, the last read of each bucket (its last successful
// one when there is one: a failed read records no value). A read that failed gives a point with
// null amounts and the error code, unless it still read this balance (a partly failed account).
// Buckets are UTC; weeks start on Monday.
import { inList, type SeriesInfo } from './select.js';
import { num, text, type Db } from './store/db.js';

export type Bucket = 'hour' | 'day' | 'week';

export interface Point {
  at: Date;
  available: string | null;
  pending: string | null;
  total: string | null;
  usdValue: string | null;
  error: string | null;
}

const BUCKET_MS: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
/** 1970-01-01 was a Thursday: shifting by 3 days makes week buckets start on Monday. */
const BUCKET_OFFSET: Record<Bucket, number> = { hour: 0, day: 0, week: 3 * 86_400_000 };

/**
 * The reads that become points, as SQL and parameters. With a bucket, each (account, bucket) finds
 * its last successful read, else its last read, by walking the primary key backwards from the
 * bucket's end: a few index probes per bucket, instead of grouping every read of the period.
 */
function pickedReads(by: Bucket | null, accountIds: number[], since: number, until: number): { sql: string; params: number[] } {
  const accounts = `IN ${inList(accountIds)}`;
  if (by === null) {
    return { sql: `picked AS (SELECT account_id, at, error_code FROM reads WHERE account_id ${accounts} AND at >= ? AND at <= ?)`, params: [...accountIds, since, until] };
  }
  // Our own integer constants, not user text: written into the SQL so both dialects type them alike.
  const width = BUCKET_MS[by];
  const first = Math.floor((since + BUCKET_OFFSET[by]) / width) * width - BUCKET_OFFSET[by];
  const inBucket = (extra: string) =>
    `(SELECT r.at FROM reads r WHERE r.account_id = a.id AND r.at >= st.s AND r.at < st.s + ${width}
         AND r.at >= ? AND r.at <= ?${extra} ORDER BY r.at DESC LIMIT 1)`;
  return {
    sql: `starts (s) AS (SELECT CAST(? AS BIGINT) UNION ALL SELECT s + ${width} FROM starts WHERE s + ${width} <= CAST(? AS BIGINT)),
          chosen AS MATERIALIZED (SELECT a.id AS account_id, COALESCE(${inBucket(' AND r.error_code IS NULL')}, ${inBucket('')}) AS at
                                    FROM accounts a CROSS JOIN starts st WHERE a.id ${accounts}),
          picked AS MATERIALIZED (SELECT c.account_id, c.at, r.error_code FROM chosen c
                                    CROSS JOIN reads r WHERE r.account_id = c.account_id AND r.at = c.at)`,
    params: [first, until, since, until, since, until, ...accountIds],
  };
}

export async function seriesPoints(db: Db, series: SeriesInfo[], since: Date, until: Date, by: Bucket | null): Promise<Map<number, Point[]>> {
  const result = new Map<number, Point[]>(series.map((s) => [s.id, []]));
  if (series.length === 0) return result;
  const accountIds = [...new Set(series.map((s) => s.accountId))];
  const seriesIds = series.map((s) => s.id);
  // The value in force at each read is found by primary-key lookups first, then joined: an
  // equality join on a correlated MAX() would make the planner scan every row of a series.
  const picked = pickedReads(by, accountIds, since.getTime(), until.getTime());
  // The value in force at each read is found by primary-key lookups first (materialized), then
  // joined: an equality join on a correlated MAX() would make the planner scan whole series.
  // CROSS JOIN keeps SQLite's join order as written (small side first); PostgreSQL plans freely.
  const rows = await db.all(
    `WITH RECURSIVE ${picked.sql},
     lookups AS MATERIALIZED (SELECT s.id AS series_id, p.at, p.error_code,
                        (SELECT MAX(m.at) FROM amounts m WHERE m.series_id = s.id AND m.at <= p.at) AS value_at
                   FROM picked p CROSS JOIN series s WHERE s.account_id = p.account_id AND s.id IN ${inList(seriesIds)})
     SELECT l.series_id, l.at, l.error_code, l.value_at, a.present, a.available, a.pending, a.total, a.usd_value
       FROM lookups l LEFT JOIN amounts a ON a.series_id = l.series_id AND a.at = l.value_at
      ORDER BY l.series_id, l.at`,
    [...picked.params, ...seriesIds],
  );
  for (const r of rows) {
    const exists = r.value_at !== null && r.value_at !== undefined && num(r.present) === 1;
    if (!exists) continue; // the balance did not exist (yet, or any more) at this read
    const failed = r.error_code !== null && r.error_code !== undefined;
    const readNow = num(r.value_at) === num(r.at);
    const point: Point =
      failed && !readNow
        ? { at: new Date(num(r.at)), available: null, pending: null, total: null, usdValue: null, error: String(r.error_code) }
        : { at: new Date(num(r.at)), available: text(r.available), pending: text(r.pending), total: text(r.total), usdValue: text(r.usd_value), error: null };
    result.get(num(r.series_id))?.push(point);
  }
  return result;
}
