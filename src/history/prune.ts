// Forgetting old history: reads before the cutoff go (but each account's latest read); of each
// balance's figures before it, only the last one stays, because it is still the value at the
// cutoff (what `changes --since` compares against). Both deletes walk the primary keys account by account and series by series, so a
// prune that finds nothing (every snapshot with `history.retain`) costs a few index probes.
// `history prune` then gives the space back (store/db.ts reclaimSpace); the snapshot's own prune
// leaves that to the next `history prune`, so cron snapshots stay quick.
import { num, type Db } from './store/db.js';

export interface PruneResult {
  reads: number;
  amounts: number;
}

export async function pruneBefore(db: Db, cutoff: Date): Promise<PruneResult> {
  const at = cutoff.getTime();
  return db.write(async (tx) => {
    let reads = 0;
    let amounts = 0;
    for (const row of await tx.all('SELECT id FROM accounts')) {
      // An account's latest read always stays: the figures kept below are on it (history shows
      // them, export writes them on that account's first line); without it they would be orphans.
      const [latest] = await tx.all('SELECT MAX(at) AS at FROM reads WHERE account_id = ?', [num(row.id)]);
      const until = latest?.at === null || latest?.at === undefined ? at : Math.min(at, num(latest.at));
      reads += await tx.run('DELETE FROM reads WHERE account_id = ? AND at < ?', [num(row.id), until]);
    }
    for (const row of await tx.all('SELECT id FROM series')) {
      const id = num(row.id);
      const [keep] = await tx.all('SELECT MAX(at) AS at FROM amounts WHERE series_id = ? AND at <= ?', [id, at]);
      if (keep?.at === null || keep?.at === undefined) continue;
      amounts += await tx.run('DELETE FROM amounts WHERE series_id = ? AND at < ?', [id, num(keep.at)]);
    }
    return { reads, amounts };
  });
}
