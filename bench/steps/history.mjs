// History (issue 15), ratios and sizes rather than timed tests:
//  - `snapshot` vs `balances --json` for the same accounts (budget ≤ 1.15×), alternating;
//  - a generated SQLite store holding a year of 5-minute snapshots of 20 balances in 5 accounts,
//    2 of them (10 %) changing at every snapshot: `history --by day --since 365d` (≤ 500 ms) and
//    `changes --since 24h` (≤ 200 ms), whole CLI runs, start-up included;
//  - bytes per unchanged snapshot (20 balances, 5 accounts), from the file's page count after a
//    WAL checkpoint.
import { join } from 'node:path';
import { alternate } from '../lib/measure.mjs';
import { cliEnv } from '../lib/target.mjs';

const FIVE_MIN = 300_000;
const YEAR_OF_SNAPSHOTS = (365 * 24 * 3_600_000) / FIVE_MIN;
const ACCOUNTS = ['acct-1', 'acct-2', 'acct-3', 'acct-4', 'acct-5'];
const CURRENCIES = ['USD', 'USDT', 'BTC', 'ETH'];

async function balancesOf(target, amount) {
  const [{ makeBalance }, { Decimal }] = await Promise.all([target.import('core/balance.js'), target.import('core/money.js')]);
  return ACCOUNTS.map((account) => ({
    account,
    provider: 'syncpay',
    mode: 'live',
    errorCode: null,
    balances: CURRENCIES.map((currency, i) =>
      makeBalance({
        account,
        provider: 'syncpay',
        mode: 'live',
        currency,
        network: currency === 'USD' ? null : 'tron',
        providerCurrency: currency,
        available: new Decimal(amount(account, i)),
        pending: new Decimal('0.00'),
        usdValue: new Decimal('12.34'),
        raw: null,
        scale: 2,
      }),
    ),
  }));
}

/** A year of snapshots, written with bulk inserts in the store's own schema (recording them one by one would take minutes). */
export async function generateYear(target, path, now) {
  const [{ openStore }, { recordSnapshot }] = await Promise.all([target.import('history/store/open.js'), target.import('history/record.js')]);
  const db = await openStore({ kind: 'sqlite', path }, 'create');
  const start = now - YEAR_OF_SNAPSHOTS * FIVE_MIN;
  await recordSnapshot(db, await balancesOf(target, (_, i) => `${1000 + i}.00`), { now: () => new Date(start) });
  const accountIds = (await db.all('SELECT id FROM accounts ORDER BY id')).map((r) => r.id);
  const changing = (await db.all('SELECT id FROM series ORDER BY id LIMIT 2')).map((r) => r.id);
  await db.write(async (tx) => {
    for (let n = 1; n <= YEAR_OF_SNAPSHOTS; n++) {
      const at = start + n * FIVE_MIN;
      for (const id of accountIds) await tx.run('INSERT INTO reads (account_id, at, error_code) VALUES (?, ?, NULL)', [id, at]);
      for (const id of changing) {
        const value = `${1000 + (n % 97)}.${String(n % 100).padStart(2, '0')}`;
        await tx.run('INSERT INTO amounts (series_id, at, present, available, pending, total, usd_value) VALUES (?, ?, 1, ?, ?, ?, ?)', [
          id,
          at,
          value,
          '0.00',
          value,
          '12.34',
        ]);
      }
    }
  });
  await db.close();
}

async function bytesPerUnchangedSnapshot(target, path) {
  const [{ openStore }, { recordSnapshot }] = await Promise.all([target.import('history/store/open.js'), target.import('history/record.js')]);
  const db = await openStore({ kind: 'sqlite', path }, 'create');
  const snapshot = await balancesOf(target, (_, i) => `${1000 + i}.00`);
  let t = Date.now();
  await recordSnapshot(db, snapshot, { now: () => new Date(t) });
  const size = async () => {
    await db.all('PRAGMA wal_checkpoint(TRUNCATE)');
    const [pages] = await db.all('PRAGMA page_count');
    const [pageSize] = await db.all('PRAGMA page_size');
    return Number(pages.page_count) * Number(pageSize.page_size);
  };
  const before = await size();
  const runs = 1000;
  for (let i = 0; i < runs; i++) await recordSnapshot(db, snapshot, { now: () => new Date((t += FIVE_MIN)) });
  const bytes = ((await size()) - before) / runs;
  await db.close();
  return bytes;
}

export async function history(target, { rounds }) {
  const SANDBOX_KEYS = await target.sandboxKeys();
  const sandbox = await target.sandbox({ rateLimits: { syncpay: null, 'flow-payments': null } });
  const config = target.config('history', {
    syncpay: { provider: 'syncpay', baseUrl: sandbox.baseUrl('syncpay'), apiKey: SANDBOX_KEYS.syncpay },
    'flow-main': { provider: 'flow-payments', baseUrl: `${sandbox.baseUrl('flow-payments')}/api`, apiKey: SANDBOX_KEYS['flow-payments'] },
  });
  const env = cliEnv();
  const n = Math.min(rounds, 20);
  const snap = await alternate(
    [
      { name: 'balances --json', argv: target.cli('--config', config, 'balances', '--json') },
      { name: 'snapshot', argv: target.cli('--config', config, 'snapshot', '--quiet', '--store', join(target.dir, 'snap.db')) },
    ],
    { rounds: n, env },
  );

  const year = join(target.dir, 'year.db');
  const generatedAt = Date.now();
  await generateYear(target, year, generatedAt);
  const { statSync } = await import('node:fs');
  const queries = await alternate(
    [
      { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
      { name: 'history --by day --since 365d', argv: target.cli('history', '--json', '--by', 'day', '--since', '366d', '--store', year) },
      { name: 'changes --since 24h', argv: target.cli('changes', '--json', '--since', '24h', '--store', year) },
    ],
    { rounds: Math.min(rounds, 10), env },
  );
  const perSnapshot = await bytesPerUnchangedSnapshot(target, join(target.dir, 'unchanged.db'));
  // On a loaded machine every process start is slow too: the time beyond `node -e 0` shows the
  // queries' own cost, the figure that does not depend on the neighbours.
  const beyondNode = (name) => queries[name].median - queries['node -e 0'].median;
  return {
    timings: { ...snap, ...queries },
    notes: [`generated store: ${YEAR_OF_SNAPSHOTS} snapshots × 20 balances, ${(statSync(year).size / 1e6).toFixed(1)} MB`],
    figures: [
      { figure: 'snapshot vs balances --json', value: snap.snapshot.median / snap['balances --json'].median, unit: '×', target: 1.15, better: 'lower' },
      { figure: 'history --by day --since 365d (ms)', value: queries['history --by day --since 365d'].median, unit: 'ms', target: 500, better: 'lower' },
      { figure: 'changes --since 24h (ms)', value: queries['changes --since 24h'].median, unit: 'ms', target: 200, better: 'lower' },
      { figure: '  history --by day, beyond node -e 0 (ms)', value: beyondNode('history --by day --since 365d'), unit: 'ms' },
      { figure: '  changes --since 24h, beyond node -e 0 (ms)', value: beyondNode('changes --since 24h'), unit: 'ms' },
      { figure: 'bytes per unchanged snapshot (20 balances)', value: perSnapshot, unit: 'B', target: 200, better: 'lower' },
    ],
  };
}
