// The points of each series between two moments, streamed series by series so memory stays flat
// whatever the range. Without a bucket, one point per recorded read of the series' account; with
// --by hour|day|week, the last read of each bucket (its last successful one when there is one: a
// failed read records no value). A read that failed gives a point with null amounts and the error
// code, unless it still read this balance (a partly failed account). Buckets are UTC; weeks start
// on Monday. The SQL is exported (POINT_SQL) so the bench runs exactly it in sqlite3 and psql.
import { byAccount, type SeriesInfo } from './select.js';
import { inList, num, text, type Db, type RawRow } from './store/db.js';

export type Bucket = 'hour' | 'day' | 'week';

export interface Point {
  at: Date;
  available: string | null;
  pending: string | null;
  total: string | null;
  usdValue: string | null;
  error: string | null;
}

export const BUCKET_MS: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
/** 1970-01-01 was a Thursday: shifting by 3 days makes week buckets start on Monday. */
const BUCKET_OFFSET: Record<Bucket, number> = { hour: 0, day: 0, week: 3 * 86_400_000 };

/** The start of the bucket holding `ms`. */
export function bucketStart(by: Bucket, ms: number): number {
  const width = BUCKET_MS[by];
  return Math.floor((ms + BUCKET_OFFSET[by]) / width) * width - BUCKET_OFFSET[by];
}

const FIGURES = 'a.present, a.available, a.pending, a.total, a.usd_value';

export const POINT_SQL = {
  /** The account's first read in the window (series, account, since, until → at). */
  firstRead: 'SELECT MIN(at) AS at FROM reads WHERE account_id = ? AND at >= ? AND at <= ?',
  /** The series' figures in force just before that read (series, before → figures). */
  before: `SELECT ${FIGURES} FROM amounts a WHERE a.series_id = ? AND a.at < ? ORDER BY a.at DESC LIMIT 1`,
  /** Every read of the account in the window, with the series' row at that moment if it changed then. */
  everyRead: `SELECT r.at, r.error_code, ${FIGURES} FROM reads r LEFT JOIN amounts a ON a.series_id = ? AND a.at = r.at
                WHERE r.account_id = ? AND r.at >= ? AND r.at <= ? ORDER BY r.at`,
  /**
   * The last read of each bucket (its last successful one if any), found by walking the primary
   * key backwards from the bucket's end: a few index probes per bucket instead of grouping every
   * read of the period; then, for each series of the account, the value in force at that read.
   * Bucket width and offsets are our own integer constants, written into the SQL so both dialects
   * type them alike.
   */
  buckets(width: number, seriesCount: number): string {
    const inBucket = (extra: string) =>
      `(SELECT r.at FROM reads r WHERE r.account_id = ? AND r.at >= st.s AND r.at < st.s + ${width}
           AND r.at >= ? AND r.at <= ?${extra} ORDER BY r.at DESC LIMIT 1)`;
    return `WITH RECURSIVE starts (s) AS (SELECT CAST(? AS BIGINT) UNION ALL SELECT s + ${width} FROM starts WHERE s + ${width} <= CAST(? AS BIGINT)),
      chosen AS MATERIALIZED (SELECT COALESCE(${inBucket(' AND r.error_code IS NULL')}, ${inBucket('')}) AS at FROM starts st),
      picked AS MATERIALIZED (SELECT c.at, r.error_code FROM chosen c CROSS JOIN reads r WHERE r.account_id = ? AND r.at = c.at),
      lookups AS MATERIALIZED (SELECT s.id AS series_id, p.at, p.error_code,
          (SELECT MAX(m.at) FROM amounts m WHERE m.series_id = s.id AND m.at <= p.at) AS value_at
          FROM picked p CROSS JOIN series s WHERE s.id IN ${inList(Array(seriesCount).fill(0))})
      SELECT l.series_id, l.at, l.error_code, l.value_at, ${FIGURES}
        FROM lookups l LEFT JOIN amounts a ON a.series_id = l.series_id AND a.at = l.value_at
       ORDER BY l.series_id, l.at`;
  },
};

export function bucketParams(by: Bucket, accountId: number, seriesIds: number[], since: number, until: number): number[] {
  const window = [accountId, since, until];
  return [bucketStart(by, since), until, ...window, ...window, accountId, ...seriesIds];
}

/** A point from a read and the figures in force then (null: the balance did not exist). */
function pointOf(at: number, error: unknown, figures: RawRow | null, readNow: boolean): Point | null {
  if (figures === null || num(figures[0]) !== 1) return null; // not there (yet, or any more) at this read
  if (error !== null && error !== undefined && !readNow)
    return { at: new Date(at), available: null, pending: null, total: null, usdValue: null, error: text(error) };
  return { at: new Date(at), available: text(figures[1]), pending: text(figures[2]), total: text(figures[3]), usdValue: text(figures[4]), error: null };
}

/** Every point of one series, a batch at a time (the value in force is carried forward in order). */
async function* everyPoint(db: Db, s: SeriesInfo, since: number, until: number): AsyncGenerator<Point[]> {
  const [first] = await db.all(POINT_SQL.firstRead, [s.accountId, since, until]);
  if (first?.at === null || first?.at === undefined) return;
  const [before] = await db.all(POINT_SQL.before, [s.id, num(first.at)]);
  let inForce: RawRow | null = before ? [before.present, before.available, before.pending, before.total, before.usd_value] : null;
  for await (const rows of db.stream(POINT_SQL.everyRead, [s.id, s.accountId, since, until])) {
    const points: Point[] = [];
    for (const row of rows) {
      const changed = row[2] !== null && row[2] !== undefined;
      if (changed) inForce = row.slice(2);
      const point = pointOf(num(row[0]), row[1], inForce, changed);
      if (point) points.push(point);
    }
    if (points.length > 0) yield points;
  }
}

/** The bucketed points of one account's series, by series id (bounded by the number of buckets). */
async function bucketPoints(db: Db, series: SeriesInfo[], by: Bucket, since: number, until: number): Promise<Map<number, Point[]>> {
  const result = new Map<number, Point[]>(series.map((s) => [s.id, []]));
  const ids = series.map((s) => s.id);
  for await (const rows of db.stream(POINT_SQL.buckets(BUCKET_MS[by], ids.length), bucketParams(by, series[0]!.accountId, ids, since, until))) {
    for (const [seriesId, at, error, valueAt, ...figures] of rows) {
      const point = pointOf(num(at), error, valueAt === null || valueAt === undefined ? null : figures, num(valueAt) === num(at));
      if (point) result.get(num(seriesId))?.push(point);
    }
  }
  return result;
}

/**
 * Each series with its points, in `series` order; a series without points in the window is left
 * out. Consume each `points` fully before asking for the next series. Run inside `db.read`.
 */
export async function* pointsBySeries(
  db: Db,
  series: SeriesInfo[],
  since: Date,
  until: Date,
  by: Bucket | null,
): AsyncGenerator<{ info: SeriesInfo; points: AsyncIterable<Point[]> }> {
  const [from, to] = [since.getTime(), until.getTime()];
  if (by === null) {
    for (const info of series) {
      const stream = everyPoint(db, info, from, to);
      const first = await stream.next();
      if (first.done) continue;
      yield {
        info,
        points: (async function* () {
          yield first.value;
          yield* stream;
        })(),
      };
    }
    return;
  }
  for (const group of byAccount(series)) {
    const points = await bucketPoints(db, group, by, from, to);
    for (const info of group) {
      const mine = points.get(info.id) ?? [];
      if (mine.length > 0)
        yield {
          info,
          points: (async function* () {
            yield mine;
          })(),
        };
    }
  }
}

/** The most reads any of these accounts has in the window, counted up to `cap` (cheap: index probes). */
export async function mostReads(db: Db, series: SeriesInfo[], since: Date, until: Date, cap: number): Promise<number> {
  let most = 0;
  for (const accountId of new Set(series.map((s) => s.accountId))) {
    const [row] = await db.all(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM reads WHERE account_id = ? AND at >= ? AND at <= ? LIMIT ${cap}) capped`, [
      accountId,
      since.getTime(),
      until.getTime(),
    ]);
    most = Math.max(most, num(row?.n));
    if (most >= cap) break;
  }
  return most;
}
