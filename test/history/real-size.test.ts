// Issue 22's history at real size, as far as a test can show it without timing anything: output
// waits for a slow reader instead of piling up in memory; a table over more snapshots than anyone
// reads is drawn from buckets and says so (JSON and CSV still give every point); prune gives the
// space back (SQLite) or says who does (PostgreSQL). Speed and memory are measured by the bench.
import { copyFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openStore, type StoreTarget } from '../../src/history/store/open.js';
import { dataWriter } from '../../src/ui/data-writer.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { usePostgres } from '../helpers/postgres.js';
import { bal, HOUR, read, T0 } from './helpers.js';
import { recordSnapshot } from '../../src/history/record.js';

const postgres = usePostgres();

const FIVE_MINUTES = 300_000;

/** `count` 5-minute snapshots of account a ending at `end`: EUR still, USD (and `moving` more) moving each time. */
async function snapshots(target: StoreTarget, count: number, end: number, moving = 0): Promise<void> {
  const db = await openStore(target, 'create');
  for (let i = 0; i < count; i++) {
    const at = end - (count - 1 - i) * FIVE_MINUTES;
    const more = Array.from({ length: moving }, (_, k) => bal('a', `T${k}`, `${i}.${k}`, { wallet: `wallet-${k}` }));
    await recordSnapshot(db, [read('a', [bal('a', 'USD', `${1000 + (i % 50)}.00`), bal('a', 'EUR', '5'), ...more])], { now: () => new Date(at) });
  }
  await db.close();
}

describe("output at the reader's pace", () => {
  it('the data writer never lets more than a chunk or two wait in memory for a slow stdout', async () => {
    let waiting = 0;
    let most = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        waiting += chunk.length;
        setTimeout(() => {
          waiting -= chunk.length;
          done();
        }, 1);
      },
    });
    const writer = dataWriter(slow, (text) => text);
    const line = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 50_000; i++) {
      await writer.write(line); // 5 MB in all
      most = Math.max(most, waiting + slow.writableLength);
    }
    await writer.end();
    expect(most).toBeLessThanOrEqual(2 * 64 * 1024 + 16 * 1024);
  }, 60_000);
});

describe('a table over many snapshots', () => {
  it('is drawn from buckets and says so; --by chooses; --json and --csv give every point', async () => {
    const target: StoreTarget = { kind: 'sqlite', path: join(tempDir(), 'history.db') };
    const end = T0 + 2 * 24 * HOUR;
    await snapshots(target, 576, end); // two days of 5-minute snapshots
    const now = () => new Date(end + 1000);
    const table = await runCli(['history', '--since', '3d', '--store', target.path], { now });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stderr).toBe(
      'showing one point per hour (--by hour): this period holds more than 400 snapshots of an account; --by hour|day|week chooses, --json or --csv gives every point\n',
    );
    const usd = table.stdout.split('\n').find((l) => /^a\s+USD/.test(l));
    expect(usd).toMatch(/\s(48|49)$/); // one point per hour over two days, not 576
    const explicit = await runCli(['history', '--since', '3d', '--by', 'day', '--store', target.path], { now });
    expect([
      explicit.stderr,
      explicit.stdout
        .split('\n')
        .find((l) => /^a\s+USD/.test(l))
        ?.trim()
        .split(/\s+/)
        .pop(),
    ]).toEqual(['', '3']);
    const json = JSON.parse((await runCli(['history', '--json', '--since', '3d', '--store', target.path], { now })).stdout);
    expect([json.by, json.series.map((s: { points: unknown[] }) => s.points.length)]).toEqual([null, [576, 576]]);
    const csv = (await runCli(['history', '--csv', '--since', '3d', '--store', target.path], { now })).stdout;
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 2 * 576);
  }, 60_000);
});

describe('prune gives the space back', () => {
  const pruned = async (target: StoreTarget) => {
    const { code, stdout, stderr } = await runCli(
      ['history', 'prune', '--older-than', '12h', '--json', '--store', target.kind === 'sqlite' ? target.path : target.url],
      { now: () => new Date(T0 + 2 * 24 * HOUR + 1000) },
    );
    expect(code, stderr).toBe(0);
    return { doc: JSON.parse(stdout), stderr };
  };

  it('SQLite: the file shrinks, in a store made now (incremental vacuum) and in one made by the previous release (rebuilt once)', async () => {
    const fresh: StoreTarget = { kind: 'sqlite', path: join(tempDir(), 'history.db') };
    await snapshots(fresh, 576, T0 + 2 * 24 * HOUR, 20);
    const upgraded = join(tempDir(), 'v1.db');
    copyFileSync(new URL('../fixtures/history-v1.db', import.meta.url), upgraded);
    chmodSync(upgraded, 0o600);
    // The previous release's file (no incremental vacuum), with two days of snapshots added.
    await snapshots({ kind: 'sqlite', path: upgraded }, 576, T0 + 2 * 24 * HOUR, 20);
    for (const target of [fresh, { kind: 'sqlite' as const, path: upgraded }]) {
      const { doc, stderr } = await pruned(target);
      expect(doc.reads).toBeGreaterThan(400);
      expect(doc.bytes.after).toBeLessThan(doc.bytes.before * 0.6);
      expect(stderr).toMatch(/\nthe store went from \d+\.\d MB to \d+\.\d MB\n$/);
    }
  }, 120_000);

  it('PostgreSQL: prune says the postgres.server reuses the space (autovacuum), and bytes is null', async (ctx) => {
    if (!postgres.server) ctx.skip();
    const target: StoreTarget = { kind: 'postgres', url: await postgres.server!.freshDatabase() };
    await snapshots(target, 200, T0 + 2 * 24 * HOUR);
    const { doc, stderr } = await pruned(target);
    expect(doc.bytes).toBeNull();
    expect(stderr).toMatch(/PostgreSQL keeps the freed space for new rows once autovacuum has passed; VACUUM FULL would give it back to the system\n$/);
  }, 60_000);
});
