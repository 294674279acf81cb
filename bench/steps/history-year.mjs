// History at a year (issue 22): 5-minute snapshots of 200 balances in 40 accounts, generated as
// export lines and taken in by the CLI's own `history import` (timed: budget well under a minute).
// Each query — the 30-day table, --by day|week over the year, changes, every point as JSON and
// CSV — is compared with the same SQL run by sqlite3 (and psql): the statements the CLI runs,
// taken from its own --debug log, with their parameters written in. Contenders alternate; the
// figure is (CLI − `node -e 0`) / sqlite3, budget 1.5×, and the CLI's peak memory (budget 200 MB,
// also for every point of 180 days). PostgreSQL: the year goes over by `export | import`, the same
// queries against psql, and recording a snapshot of 200 balances against SQLite (budget 3×).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../lib/measure.mjs';
import { cliEnv } from '../lib/target.mjs';
import { importYear, YEAR } from '../lib/history-year.mjs';
import { freshDatabase, startPostgres } from '../lib/postgres.mjs';

const QUERIES = [
  ['history (table, 30 days)', ['history']],
  ['history --by day --since 365d --json', ['history', '--by', 'day', '--since', '365d', '--json']],
  ['history --by week --since 365d', ['history', '--by', 'week', '--since', '365d']],
  ['changes --since 30d --json', ['changes', '--since', '30d', '--json']],
  ['history --json (every point, 30 days)', ['history', '--json']],
  ['history --csv (every point, 30 days)', ['history', '--csv']],
];

/** Run once with stdout to /dev/null; peak RSS (MB) of a node process from a --require hook. */
function runOnce(argv, { env, input } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bi-bench-rss-'));
  const hook = join(dir, 'rss.cjs');
  const out = join(dir, 'rss');
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { env: { ...env, NODE_OPTIONS: `--require ${hook}` }, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    if (input) child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let rssMb = null;
      try {
        rssMb = Number(readFileSync(out, 'utf8')) / 1024;
      } catch {
        // not a node process (sqlite3, psql)
      }
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`${argv.slice(0, 4).join(' ')}… exited ${code}: ${stderr.slice(0, 300)}`));
      else resolve({ ms, rssMb, stderr });
    });
  });
}

const literal = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

/** The statements a CLI run sent (its --debug log), as a script with the parameters written in. */
async function sameSql(cli, env) {
  const { stderr } = await runOnce([...cli, '--debug'], { env });
  const statements = stderr
    .split('\n')
    .filter((l) => l.startsWith('debug: sql: ') && !l.startsWith('debug: sql: INSERT'))
    .map((l) => {
      const at = l.lastIndexOf(' -- ');
      const params = JSON.parse(l.slice(at + 4));
      let i = 0;
      return `${l.slice('debug: sql: '.length, at).replace(/\?/g, () => literal(params[i++]))};`;
    });
  return `BEGIN;\n${statements.join('\n')}\nCOMMIT;\n`;
}

/** Alternate the contenders round-robin (order rotated each round); medians in ms, peak RSS in MB. */
async function alternate(contenders, rounds) {
  const samples = new Map(contenders.map((c) => [c.name, { ms: [], rss: 0 }]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(r + i) % contenders.length];
      const result = await runOnce(c.argv, { env: c.env, input: c.input });
      const s = samples.get(c.name);
      s.ms.push(result.ms);
      s.rss = Math.max(s.rss, result.rssMb ?? 0);
    }
  }
  return Object.fromEntries([...samples].map(([name, s]) => [name, { median: median(s.ms), rssMb: s.rss }]));
}

async function compareQueries(target, store, db, env, rounds, tool) {
  const figures = [];
  const timings = {};
  for (const [label, args] of QUERIES) {
    const cli = target.cli(...args, '--store', store);
    const script = join(target.dir, 'same.sql');
    writeFileSync(script, await sameSql(cli, env));
    const sql =
      tool === 'sqlite3'
        ? ['/bin/sh', '-c', `sqlite3 -batch ${JSON.stringify(store)} < ${script} > /dev/null`]
        : ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', script, '-o', '/dev/null', store];
    const t = await alternate(
      [
        { name: 'node -e 0', argv: [process.execPath, '-e', '0'], env },
        { name: 'cli', argv: cli, env },
        { name: tool, argv: sql, env },
      ],
      rounds,
    );
    timings[`${db}: ${label}`] = t;
    figures.push({
      figure: `${db}: ${label}, (CLI − node) / ${tool}`,
      value: (t.cli.median - t['node -e 0'].median) / t[tool].median,
      unit: '×',
      target: 1.5,
      better: 'lower',
    });
    figures.push({
      figure: `  ${label}: CLI ${Math.round(t.cli.median)} ms, ${tool} ${Math.round(t[tool].median)} ms; peak memory (MB)`,
      value: t.cli.rssMb,
      unit: 'MB',
      target: 200,
      better: 'lower',
    });
  }
  return { figures, timings };
}

/** Recording one snapshot of 40 accounts × 5 balances (20 moving): ms per snapshot and statements sent. */
async function recordCost(target, storeTarget, snapshots) {
  const [{ openStore }, { recordSnapshot }, { tracing }, { makeBalance }, { Decimal }] = await Promise.all([
    target.import('history/store/open.js'),
    target.import('history/record.js'),
    target.import('history/store/trace.js'),
    target.import('core/balance.js'),
    target.import('core/money.js'),
  ]);
  let statements = 0;
  const db = tracing(await openStore(storeTarget, 'create'), () => statements++);
  const currencies = [
    ['USD', null],
    ['USDT', 'tron'],
    ['BTC', 'bitcoin'],
    ['ETH', 'ethereum'],
    ['EUR', null],
  ];
  const reads = (n) =>
    Array.from({ length: YEAR.accounts }, (_, a) => {
      const account = `rec-${a}`;
      const balances = currencies.map(([currency, network], i) =>
        makeBalance({
          account,
          provider: 'syncpay',
          mode: 'live',
          currency,
          network,
          providerCurrency: currency,
          available: new Decimal(a < 4 ? `${n}.${i}` : `${i}.00`),
          pending: new Decimal('0.00'),
          usdValue: new Decimal('1.00'),
          raw: null,
          scale: 2,
        }),
      );
      return { account, provider: 'syncpay', mode: 'live', balances, errorCode: null };
    });
  await recordSnapshot(db, reads(0), { now: () => new Date() });
  statements = 0;
  const started = process.hrtime.bigint();
  for (let n = 1; n <= snapshots; n++) await recordSnapshot(db, reads(n), { now: () => new Date() });
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / snapshots;
  await db.close();
  return { ms, statements: statements / snapshots };
}

export async function historyYear(target, { rounds, quick = false }) {
  const env = cliEnv();
  const days = quick ? 3 : YEAR.days;
  const n = quick ? 1 : Math.max(3, Math.min(rounds, 5));
  const notes = [];
  const figures = [];
  const timings = {};
  const store = join(target.dir, 'year.db');
  const end = Date.now();
  const imported = await importYear(target.cli('history', 'import', '--store', store), end, env, { ...YEAR, days });
  notes.push(
    `generated: ${days} days of 5-minute snapshots of ${YEAR.accounts * YEAR.perAccount} balances in ${YEAR.accounts} accounts, ${(statSync(store).size / 1e6).toFixed(0)} MB SQLite store; ${imported.stderr.trim()}`,
  );
  figures.push({
    figure: `history import, ${days} days of ${YEAR.accounts * YEAR.perAccount} balances (s)`,
    value: imported.ms / 1000,
    unit: 's',
    target: 60,
    better: 'lower',
  });

  if (spawnSync('sqlite3', ['--version']).status !== 0) notes.push('SKIPPED the sqlite3 comparisons: no sqlite3 on PATH (apt-get install sqlite3)');
  else {
    const sqlite = await compareQueries(target, store, 'SQLite', env, n, 'sqlite3');
    figures.push(...sqlite.figures);
    Object.assign(timings, sqlite.timings);
  }
  const wide = await runOnce(target.cli('history', '--json', '--since', quick ? '3d' : '180d', '--store', store), { env });
  figures.push({
    figure: `history --json, every point of ${quick ? 3 : 180} days: peak memory (MB); ${Math.round(wide.ms / 1000)} s`,
    value: wide.rssMb,
    unit: 'MB',
    target: 200,
    better: 'lower',
  });

  const pg = await startPostgres();
  if ('skipped' in pg) {
    notes.push(`SKIPPED the PostgreSQL figures: ${pg.skipped}`);
    return { figures, notes, timings };
  }
  try {
    const url = freshDatabase(pg.url, 'bench_year');
    const moved = await runOnce(
      [
        '/bin/sh',
        '-c',
        `${target
          .cli('history', 'export', '--store', store)
          .map((a) => JSON.stringify(a))
          .join(' ')} | ${target
          .cli('history', 'import', '--store', url)
          .map((a) => JSON.stringify(a))
          .join(' ')}`,
      ],
      { env },
    );
    figures.push({ figure: `history export | import into PostgreSQL, ${days} days (s)`, value: moved.ms / 1000, unit: 's' });
    const postgres = await compareQueries(target, url, 'PostgreSQL', env, n, 'psql');
    figures.push(...postgres.figures);
    Object.assign(timings, postgres.timings);
    const lite = await recordCost(target, { kind: 'sqlite', path: join(target.dir, 'record.db') }, quick ? 3 : 20);
    const remote = await recordCost(target, { kind: 'postgres', url: freshDatabase(pg.url, 'bench_record') }, quick ? 3 : 20);
    figures.push({ figure: 'recording 200 balances: PostgreSQL / SQLite', value: remote.ms / lite.ms, unit: '×', target: 3, better: 'lower' });
    notes.push(
      `recording a snapshot of 200 balances: SQLite ${lite.ms.toFixed(1)} ms, PostgreSQL ${remote.ms.toFixed(1)} ms in ${remote.statements} statements`,
    );
  } finally {
    await pg.stop();
  }
  return { figures, notes, timings };
}
