// snapshot, history and changes as users run them: the built CLI against the sandbox, a store in a
// temp dir. Exit codes, stdout vs stderr, JSON validated against schema/, gaps for failed reads.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSandboxCredentials } from '../../src/providers/sandbox-keys.js';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { schemaProblems } from '../helpers/schemas.js';

const e2e = useSandbox();

const TWO = ['--account', 'flow-main', '--account', 'syncpay'];
type Doc = Record<string, any>;

function freshStore(): string {
  return join(tempDir('bi-store-'), 'history.db');
}
const cli = (args: string[], env: Record<string, string> = {}) => e2e.cliWith(args, { env });

describe('snapshot', () => {
  it('records what balances --json reads, says so on stderr, and writes nothing on stdout', async () => {
    const store = freshStore();
    const balances = JSON.parse((await cli(['balances', '--json', ...TWO])).stdout) as Doc;
    const { code, stdout, stderr } = await cli(['snapshot', ...TWO, '--store', store]);
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toBe(`recorded ${balances.balances.length} balances from 2 accounts in ${store}\n`);
    // The recorded figures are exactly those balances --json prints.
    const history = JSON.parse((await cli(['history', '--json', '--store', store])).stdout) as Doc;
    const recorded = history.series.map((s: Doc) => [
      s.account,
      s.currency,
      s.network,
      s.points[0].available,
      s.points[0].pending,
      s.points[0].total,
      s.points[0].usdValue,
    ]);
    const read = balances.balances.map((b: Doc) => [b.account, b.currency, b.network, b.available, b.pending, b.total, b.usdValue]);
    expect(recorded.sort()).toEqual(read.sort());
  });

  it('--json describes the record (schema/snapshot.v1.json); the file is 0600 and holds no key', async () => {
    const store = freshStore();
    const { code, stdout } = await cli(['snapshot', '--json', '--store', store]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as Doc;
    expect(schemaProblems('snapshot', doc)).toEqual([]);
    expect(doc).toMatchObject({ schemaVersion: 1, store, complete: true, errors: [] });
    expect(doc.accounts[0]).toEqual({ account: 'flow-main', provider: 'flow-payments', balances: 2, error: null });
    expect((statSync(store).mode & 0o777).toString(8)).toBe('600');
    const bytes = ['', '-wal']
      .map((suffix) => {
        try {
          return readFileSync(store + suffix, 'latin1');
        } catch {
          return '';
        }
      })
      .join('');
    for (const key of allSandboxCredentials()) expect(bytes.includes(key), 'a key in the store').toBe(false);
  });

  it("an account that cannot be read is a gap with its code, and the exit code is the failure's", async () => {
    const store = freshStore();
    await cli(['snapshot', ...TWO, '--store', store]);
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401, body: '{"error":"invalid_api_key"}' });
    const { code, stdout, stderr } = await cli(['snapshot', ...TWO, '--json', '--store', store]);
    expect(code).toBe(4);
    const doc = JSON.parse(stdout) as Doc;
    expect(schemaProblems('snapshot', doc)).toEqual([]);
    expect(doc.complete).toBe(false);
    const failed = doc.accounts.find((a: Doc) => a.account === 'syncpay');
    expect(failed).toMatchObject({ balances: 0, error: doc.errors[0].code });
    expect(stderr).toContain(`recorded 2 balances from 1 account in ${store}; 1 account could not be read (recorded as a gap)`);
    expect(stderr).toMatch(/^error: .*syncpay/m);
    const history = JSON.parse((await cli(['history', '--json', '--account', 'syncpay', '--store', store])).stdout) as Doc;
    expect(schemaProblems('history', history)).toEqual([]);
    for (const series of history.series) {
      expect(series.points).toHaveLength(2);
      expect(series.points[1]).toMatchObject({ available: null, pending: null, total: null, usdValue: null, error: doc.errors[0].code });
    }
  });

  it('four snapshots at once are all recorded and the store stays sound', async () => {
    const store = freshStore();
    // Four processes: the store's lock is between processes (a busy SQLite waits synchronously).
    const runs = await Promise.all([1, 2, 3, 4].map(() => e2e.spawnWith(['snapshot', ...TWO, '--store', store], { env: { HOME: tempDir() } })));
    expect(runs.map((r) => [r.code, r.stderr.startsWith('recorded ')])).toEqual(Array(4).fill([0, true]));
    const history = JSON.parse((await cli(['history', '--json', '--store', store])).stdout) as Doc;
    for (const series of history.series) expect(series.points).toHaveLength(4);
    const times = history.series[0].points.map((p: Doc) => p.at);
    expect(new Set(times).size).toBe(4);
  }, 30_000);

  it('refuses --csv and --max-age (exit 2); a store it cannot create is exit 3', async () => {
    expect((await cli(['snapshot', '--csv', '--store', freshStore()])).code).toBe(2);
    expect((await cli(['snapshot', '--max-age', '30s', '--store', freshStore()])).code).toBe(2);
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, '');
    const { code, stdout, stderr } = await cli(['snapshot', ...TWO, '--store', join(blocker, 'history.db')]);
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr).toMatch(/^error: cannot read history store .*file\/history\.db: ENOTDIR\n/);
  });
});

describe('history', () => {
  it('table: one line per series with first, last, change and a sparkline; --csv: one row per point', async () => {
    const store = freshStore();
    for (let i = 0; i < 3; i++) await cli(['snapshot', '--account', 'syncpay', '--store', store]);
    const table = await cli(['history', '--store', store]);
    expect(table.code).toBe(0);
    const [head, ...rows] = table.stdout.trimEnd().split('\n');
    expect(head).toMatch(/^ACCOUNT\s+CURRENCY\s+NETWORK\s+FIRST\s+LAST\s+CHANGE\s+MIN\s+MAX\s+TREND\s+POINTS$/);
    expect(rows.find((r) => /^syncpay\s+USDT\s+tron\s/.test(r))).toMatch(/550\.00\s+550\.00\s+0\.00\s+550\.00\s+550\.00\s+▄▄▄\s+3$/); // CHANGE has the decimals of its neighbours
    const csv = await cli(['history', '--csv', '--store', store]);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('account,provider,wallet,currency,network,providerCurrency,at,available,pending,total,usdValue,error,mode');
    expect(lines).toHaveLength(1 + 3 * rows.length);
  });

  it('--chart draws a line chart of the one selected balance, or of the USD total', async () => {
    const store = freshStore();
    for (let i = 0; i < 2; i++) await cli(['snapshot', '--account', 'syncpay', '--store', store]);
    const one = await cli(['history', '--chart', '--account', 'syncpay', '--currency', 'USDT_TRC20', '--store', store]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^USDT \(syncpay · tron\), \d{4}-\d\d-\d\d \d\d:\d\d → .* UTC\n/);
    expect(one.stdout).toContain('┼');
    const total = await cli(['history', '--chart', '--store', store]);
    expect(total.stdout).toMatch(/^USD total, /);
    expect(total.stderr).toMatch(/balance\(s\) without a USD value are not in the total/); // NGN, GHS are unpriced
  });

  it('bad input is a one-line usage error (exit 2) with nothing on stdout', async () => {
    const store = freshStore();
    await cli(['snapshot', '--account', 'syncpay', '--store', store]);
    for (const [args, message] of [
      [['--since', '5x'], /--since "5x" is neither a duration nor a date/],
      [['--since', '2026-02-30'], /--since "2026-02-30" is neither/],
      [['--by', 'month'], /--by "month" is not one of hour, day, week/],
      [['--chart', '--json'], /--chart draws for people; it cannot be combined with --json/],
      [['--since', '1d', '--until', '2d'], /--since .* is after --until/],
    ] as const) {
      const { code, stdout, stderr } = await cli(['history', ...args, '--store', store]);
      expect([code, stdout], args.join(' ')).toEqual([2, '']);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a missing, corrupt or newer store is exit 3 with one clear line, no stack', async () => {
    const missing = freshStore();
    let result = await cli(['history', '--store', missing]);
    expect([result.code, result.stdout]).toEqual([3, '']);
    expect(result.stderr).toBe(`error: no history store at ${missing}\n  hint: record one with \`balance-inspector snapshot\` (or give --store)\n`);
    const corrupt = freshStore();
    writeFileSync(corrupt, 'x'.repeat(8192), { mode: 0o600 });
    result = await cli(['changes', '--since', '1d', '--store', corrupt]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error: history store .* is corrupt or not a SQLite database/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an --account with no history gets a warning rather than a silent empty answer', async () => {
    const store = freshStore();
    await cli(['snapshot', '--account', 'syncpay', '--store', store]);
    const { code, stderr } = await cli(['history', '--account', 'flow-main', '--store', store]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/no history for account 'flow-main' in /);
  });
});

describe('changes and the config', () => {
  it('changes --json lists nothing when nothing moved, and validates', async () => {
    const store = freshStore();
    await cli(['snapshot', '--account', 'syncpay', '--store', store]);
    await cli(['snapshot', '--account', 'syncpay', '--store', store]);
    const { code, stdout } = await cli(['changes', '--since', '10s', '--json', '--store', store]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as Doc;
    expect(schemaProblems('changes', doc)).toEqual([]);
    // The first snapshot is inside the window: every field appeared from nothing.
    expect(doc.changes.every((c: Doc) => c.from === null && c.delta === null)).toBe(true);
    const none = JSON.parse((await cli(['changes', '--since', '2020-01-01', '--until', '2020-01-02', '--json', '--store', store])).stdout) as Doc;
    expect(none.changes).toEqual([]);
    // Without --since, changes looks back 30 days like history: the snapshot is inside that window.
    const defaultSince = await cli(['changes', '--json', '--store', store]);
    expect(defaultSince.code).toBe(0);
    expect(JSON.parse(defaultSince.stdout).changes).toEqual(doc.changes);
  });

  it('history: { store, retain } in the config: a path relative to the config, pruned after each snapshot', async () => {
    const dir = tempDir();
    const path = writeConfig(dir, { ...e2e.config, history: { store: 'hist/history.db', retain: '1d' } });
    const run = (args: string[]) => runCli([...args, '--config', path]);
    expect((await run(['snapshot', '--account', 'syncpay'])).code).toBe(0);
    expect(statSync(join(dir, 'hist', 'history.db')).isFile()).toBe(true);
    const prune = await run(['history', 'prune', '--json']);
    expect(prune.code).toBe(0);
    expect(schemaProblems('history-prune', JSON.parse(prune.stdout))).toEqual([]);
    const bad = writeConfig(dir, { ...e2e.config, history: { retain: 400 } }, 'bad.json');
    const refused = await runCli(['history', '--config', bad]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/history\.retain: expected a duration such as 400d or 52w, got a number/);
  });

  it('history prune without --older-than or history.retain is a usage error', async () => {
    const store = freshStore();
    await cli(['snapshot', '--account', 'syncpay', '--store', store]);
    const { code, stderr } = await runCli(['history', 'prune', '--store', store], { env: { HOME: tempDir() } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/history prune needs --older-than <duration>/);
    expect((await runCli(['history', 'prune', '--older-than', '0d', '--store', store])).code).toBe(2);
  });

  it('watch --record records every poll; --store alone is refused', async () => {
    const store = freshStore();
    const watch = await cli(['watch', '--record', '--store', store, '--account', 'syncpay', '--interval', '1s', '--count', '2', '--json']);
    expect(watch.code).toBe(0);
    const history = JSON.parse((await cli(['history', '--json', '--store', store])).stdout) as Doc;
    expect(history.series.length).toBeGreaterThan(0);
    for (const series of history.series) expect(series.points).toHaveLength(2);
    const refused = await cli(['watch', '--store', store, '--count', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--store is for --record/);
  });
});
