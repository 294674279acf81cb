// Recording a snapshot into the change log (store/layout.ts), for `snapshot` and `watch --record`:
// one `reads` row per account (its error code when it could not be read: a gap, never a zero) and
// an `amounts` row only for balances whose figures differ from their last row, all in one write
// transaction of a few batched statements (writer.ts). A balance gone from a complete, unfiltered
// read gets a `present = 0` row.
//
// One bad balance never sinks the others: a balance the store cannot take — two rows of one read
// with the same identity (wallet, currency, network, provider code), or text a database cannot
// hold — is left out and reported for its account alone; that account's read is then recorded as
// partly failed (those balances show a gap), and every other balance is recorded.
import type { Balance, Mode } from '../core/balance.js';
import { describeBalance, storedBalance, type StoredBalance } from './figures.js';
import type { Db } from './store/db.js';
import type { SeriesIdentity } from './store/series-key.js';
import { ChangeLogWriter } from './writer.js';

export interface AccountRead {
  account: string;
  provider: string;
  /** The account's mode as read (from its balances, else its config); null when unknown. */
  mode: Mode | null;
  /** This account's balances as read (valued), every currency unless `partialScope`. */
  balances: Balance[];
  /** The first error's code when the read failed (wholly or for some wallets), else null. */
  errorCode: string | null;
}

export interface RecordOptions {
  /** A currency filter narrowed the read: balances not in it are not judged gone. */
  partialScope?: boolean;
  now: () => Date;
}

/** A balance left out of the record, and why (reported for its account, exit 6). */
export interface RejectedBalance {
  account: string;
  provider: string;
  balance: SeriesIdentity;
  problem: string;
}

export interface RecordResult {
  /** The moment recorded (strictly after every earlier read of these accounts). */
  at: Date;
  rejected: RejectedBalance[];
  /** For people: identities that started anew, a clock behind the store. */
  notices: string[];
}

/** The error code a read gets when the store had to leave some of its balances out. */
export const NOT_RECORDED = 'NOT_RECORDED';
/** A snapshot clock this far behind an account's latest read is worth saying (clocks drift a little). */
const CLOCK_SLACK_MS = 60_000;

/** A string PostgreSQL cannot store (it refuses NUL), checked before anything is written. */
const UNSTORABLE = /\u0000/;

/** Split a read's balances into what the store takes and what it must leave out. */
export function storable(read: Pick<AccountRead, 'account' | 'provider' | 'balances'>): { kept: StoredBalance[]; rejected: RejectedBalance[] } {
  const stored = read.balances.map(storedBalance);
  const count = new Map<string, number>();
  for (const s of stored) count.set(s.key, (count.get(s.key) ?? 0) + 1);
  const kept: StoredBalance[] = [];
  const rejected: RejectedBalance[] = [];
  const reject = (s: StoredBalance, problem: string) => rejected.push({ account: read.account, provider: read.provider, balance: s.identity, problem });
  for (const s of stored) {
    const n = count.get(s.key) ?? 0;
    if (n > 1) reject(s, `${describeBalance(s.identity)} appears ${n} times in one read, so no figure of it can be told for sure`);
    else if (Object.values(s.identity).some((v) => v !== null && UNSTORABLE.test(v)))
      reject(s, `${describeBalance(s.identity)} has a NUL character in its name`);
    else kept.push(s);
  }
  return { kept, rejected };
}

export async function recordSnapshot(db: Db, reads: AccountRead[], options: RecordOptions): Promise<RecordResult> {
  const checked = reads.map((read) => ({ read, ...storable(read) }));
  return db.write(async (tx) => {
    const writer = await ChangeLogWriter.open(tx);
    const streams = [];
    for (const { read } of checked) streams.push(await writer.stream({ account: read.account, provider: read.provider, mode: read.mode }));
    await writer.loadLatest(streams);
    await writer.loadSeries(streams);
    const now = options.now().getTime();
    // Times only move forward per account, even for two runs in the same millisecond or a clock
    // that stepped back: the snapshot is recorded just after the latest read it follows.
    const latest = Math.max(...streams.map((s) => s.latest ?? Number.NEGATIVE_INFINITY));
    const at = Math.max(now, latest + 1);
    const notices = [...writer.notices];
    if (latest - now > CLOCK_SLACK_MS) {
      const behind = streams.find((s) => s.latest === latest);
      notices.push(
        `this machine's clock (${new Date(now).toISOString()}) is behind the latest read of '${behind?.name}' in the history (${new Date(latest).toISOString()}); ` +
          `recorded at ${new Date(at).toISOString()} so times keep moving forward`,
      );
    }
    for (const [i, { read, kept, rejected }] of checked.entries()) {
      const stream = streams[i]!;
      const errorCode = read.errorCode ?? (rejected.length > 0 ? NOT_RECORDED : null);
      // A failed read records only what it did read; only a complete, unfiltered one can say a balance is gone.
      const complete = errorCode === null && !options.partialScope;
      writer.add(stream, at, errorCode, kept, complete ? 'unlisted' : 'none');
    }
    await writer.flush();
    return { at: new Date(at), rejected: checked.flatMap((c) => c.rejected), notices };
  });
}
