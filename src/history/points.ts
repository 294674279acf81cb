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

function pickedReads(by: Bucket | null, accountIds: number[]): string {
  const where = `account_id IN ${inList(accountIds)} AND at >= ? AND at <= ?`;
  if (by === null) return `picked AS (SELECT account_id, at, error_code FROM reads WHERE ${where})`;
  // Our own integer constants, not user text: written into the SQL so both dialects type them alike.
  const bucket = `(at + ${BUCKET_OFFSET[by]}) / ${BUCKET_MS[by]}`;
  return `buckets AS (SELECT account_id, MAX(at) AS last_at, MAX(CASE WHEN error_code IS NULL THEN at END) AS ok_at
                        FROM reads WHERE ${where} GROUP BY account_id, ${bucket}),
          picked AS (SELECT r.account_id, r.at, r.error_code FROM buckets b
                       JOIN reads r ON r.account_id = b.account_id AND r.at = COALESCE(b.ok_at, b.last_at))`;
}

export async function seriesPoints(db: Db, series: SeriesInfo[], since: Date, until: Date, by: Bucket | null): Promise<Map<number, Point[]>> {
  const result = new Map<number, Point[]>(series.map((s) => [s.id, []]));
  if (series.length === 0) return result;
  const accountIds = [...new Set(series.map((s) => s.accountId))];
  const seriesIds = series.map((s) => s.id);
  const rows = await db.all(
    `WITH ${pickedReads(by, accountIds)}
     SELECT s.id AS series_id, p.at, p.error_code, a.at AS value_at, a.present, a.available, a.pending, a.total, a.usd_value
       FROM picked p JOIN series s ON s.account_id = p.account_id
       LEFT JOIN amounts a ON a.series_id = s.id
        AND a.at = (SELECT MAX(m.at) FROM amounts m WHERE m.series_id = s.id AND m.at <= p.at)
      WHERE s.id IN ${inList(seriesIds)}
      ORDER BY s.id, p.at`,
    [...accountIds, since.getTime(), until.getTime(), ...seriesIds],
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
