// `history import`: the lines `history export` writes (transfer-format.ts), streamed into a store
// under the store's own rules — identities as a snapshot finds them, times only moving forward per
// account, exact decimal text — in one write transaction: a bad line (its number in the message)
// or a line contradicting the store leaves the store exactly as it was. A line at or before an
// account's latest read must match what the store holds (replay.ts): importing twice changes
// nothing. Writes go out in batches of a few statements, so a year of snapshots takes seconds.
import type { Mode } from '../core/balance.js';
import { UsageError } from '../core/errors.js';
import { parseLine } from './import-line.js';
import type { NumberedLine } from './lines.js';
import { StoredReplay } from './replay.js';
import type { Db } from './store/db.js';
import { seriesKey } from './store/series-key.js';
import { ChangeLogWriter, type Stream } from './writer.js';

export interface ImportResult {
  /** Lines read (blank ones aside). */
  lines: number;
  /** Reads added to the store. */
  added: number;
  /** Lines the store already held exactly. */
  unchanged: number;
  /** Account identities the lines named. */
  accounts: number;
}

/** Lines per batch of writes: few statements each, and little memory. */
const BATCH = 5000;

interface Seen {
  stream: Stream;
  /** The mode the lines name (the stream's may be '' adopted, or joined). */
  mode: Mode | null;
  /** The store's latest read of it before this import (older lines are checked, not added). */
  latestBefore: number | null;
  lastLine: { at: number; n: number } | null;
  replay: StoredReplay | null;
}

export async function importHistory(db: Db, chunks: AsyncIterable<NumberedLine[]>): Promise<ImportResult> {
  return db.write(async (tx) => {
    const writer = await ChangeLogWriter.open(tx);
    const seen = new Map<string, Seen>();
    const result: ImportResult = { lines: 0, added: 0, unchanged: 0, accounts: 0 };
    let queued = 0;
    let last: Seen | undefined;
    for await (const chunk of chunks)
      for (const { n, text } of chunk) {
        if (text.trim() === '') continue;
        result.lines++;
        const line = parseLine(text, n);
        // Lines come account by account: the previous line's account is the likely one.
        let entry =
          last !== undefined && last.stream.name === line.account && last.stream.provider === line.provider && last.mode === line.mode ? last : undefined;
        const id = entry ? '' : JSON.stringify([line.account, line.provider, line.mode]);
        entry ??= seen.get(id);
        if (!entry) {
          const stream = await writer.stream({ account: line.account, provider: line.provider, mode: line.mode });
          await writer.loadLatest([stream]);
          await writer.loadSeries([stream]);
          entry = { stream, mode: line.mode, latestBefore: stream.latest ?? null, lastLine: null, replay: null };
          seen.set(id, entry);
        }
        last = entry;
        if (entry.lastLine !== null && line.at <= entry.lastLine.at) {
          throw new UsageError(
            `line ${n}: ${new Date(line.at).toISOString()} is not after line ${entry.lastLine.n} of '${line.account}' (${new Date(entry.lastLine.at).toISOString()}); an account's lines must move forward in time`,
          );
        }
        entry.lastLine = { at: line.at, n };
        if (entry.latestBefore !== null && line.at <= entry.latestBefore) {
          entry.replay ??= await StoredReplay.start(tx, entry.stream.id, line.account, line.at, entry.latestBefore);
          const problem = await entry.replay.check(line, entry.latestBefore);
          if (problem !== null) throw new UsageError(`line ${n}: ${problem}`, 'the store was left unchanged');
          result.unchanged++;
          continue;
        }
        if (entry.replay) {
          await entry.replay.stop();
          entry.replay = null;
        }
        writer.add(entry.stream, line.at, line.error, line.balances, line.error === null ? line.gone.map(seriesKey) : 'none');
        result.added++;
        if (++queued >= BATCH) {
          await writer.flush();
          queued = 0;
        }
      }
    await writer.flush();
    for (const entry of seen.values()) await entry.replay?.stop();
    // The writer's notices ("now reads …") speak of snapshots over time; an import states the
    // identities it brings, in whatever order the file lists them.
    result.accounts = seen.size;
    return result;
  });
}
