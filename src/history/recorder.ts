// `watch --record`: every poll of every account is recorded (a small read row; balance rows only
// for what changed). Polls finish at any time, so writes are queued one after another; a write
// that fails is reported once per kind of failure and the watch goes on polling. Balances the
// store cannot take and identities that start anew are said once each, like `snapshot` says them.
import type { AccountRead } from './record.js';
import { recordSnapshot } from './record.js';
import type { Db } from './store/db.js';

export class PollRecorder {
  private queue: Promise<void> = Promise.resolve();
  private readonly reported = new Set<string>();
  /** How many polls could not be recorded (the watch's exit code says so at the end). */
  failures = 0;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly report: (line: string) => void,
    private readonly now: () => Date,
  ) {}

  /** Each kind of line once: times are left out of the comparison (a clock stays behind for a while). */
  private once(line: string): void {
    const kind = line.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '…');
    if (this.reported.has(kind)) return;
    this.reported.add(kind);
    this.report(line);
  }

  record(read: AccountRead): void {
    this.queue = this.queue.then(async () => {
      try {
        const result = await recordSnapshot(this.db, [read], { now: this.now });
        for (const notice of result.notices) this.once(`history: ${notice}`);
        for (const r of result.rejected) this.once(`could not record a balance of '${r.account}' in the history: ${r.problem}`);
      } catch (error) {
        this.failures++;
        const message = error instanceof Error ? error.message : String(error);
        this.once(`could not record a poll of '${read.account}' in the history: ${message}`);
      }
    });
  }

  /** Wait for every queued write, then close the store. */
  close(): Promise<void> {
    this.closing ??= this.queue.then(() => this.db.close());
    return this.closing;
  }
}
