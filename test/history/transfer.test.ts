// `history export` and `history import` (issue 22): one JSON line per account read, each valid
// against schema/history-export.v1.json; SQLite → PostgreSQL → SQLite gives back the same lines
// and the same history; importing twice changes nothing; a bad or contradicting line is refused
// with its number and the store is left exactly as it was.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneBefore } from '../../src/history/prune.js';
import type { Db } from '../../src/history/store/db.js';
import { openStore, type StoreTarget } from '../../src/history/store/open.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { usePostgres } from '../helpers/postgres.js';
import { schemaProblems } from '../helpers/schemas.js';
import { bal, HOUR, read, recordAt, T0 } from './helpers.js';

const postgres = usePostgres();

const DAY = 24 * HOUR;
const sqlite = (): StoreTarget => ({ kind: 'sqlite', path: join(tempDir(), 'history.db') });
const where = (t: StoreTarget) => (t.kind === 'sqlite' ? t.path : t.url);

/** A store with what history can hold: wallets, gaps, partial reads, gone balances, identities, huge amounts, a prune. */
async function variedStore(target: StoreTarget): Promise<void> {
  const db = await openStore(target, 'create');
  const huge = `123456789012345678901234567890.${'9'.repeat(40)}`;
  await recordAt(db, T0 - 10 * DAY, [read('old', [bal('old', 'GBP', '1')])]);
  await recordAt(db, T0, [
    read('syncpay', [bal('syncpay', 'USD', '10.00', { usd: '10.00' }), bal('syncpay', 'USDT', '5', { network: 'tron', pending: '1.5' })]),
    read(
      'casino',
      [bal('casino', 'USDT', '100', { wallet: 'w1', network: 'tron' }), bal('casino', 'BTC', huge, { wallet: 'w2', network: 'bitcoin' })],
      null,
      'cryptofuse',
      null,
    ),
  ]);
  await recordAt(db, T0 + HOUR, [
    read('syncpay', [], 'AUTH_FAILED'),
    read('casino', [bal('casino', 'USDT', '90', { wallet: 'w1', network: 'tron' })], 'WALLET_LIST_INCOMPLETE', 'cryptofuse', null),
  ]);
  await recordAt(db, T0 + 2 * HOUR, [read('syncpay', [bal('syncpay', 'USD', '10.0')])], true);
  await recordAt(db, T0 + 3 * HOUR, [read('syncpay', [bal('syncpay', 'USD', '11')])]); // USDT gone
  await recordAt(db, T0 + 4 * HOUR, [read('syncpay', [bal('syncpay', 'USDT', '7', { network: 'tron', provider: 'bachs' })], null, 'bachs')]);
  await recordAt(db, T0 + 5 * HOUR, [read('syncpay', [bal('syncpay', 'USDT', '9', { network: 'tron' })], null, 'syncpay', 'test')]);
  await recordAt(db, T0 - 9 * DAY, [read('old', [bal('old', 'GBP', '1')])]); // unchanged: a read, no new figures
  await pruneBefore(db, new Date(T0 - DAY)); // 'old' keeps its value in force (from T0-10d) and its latest read
  await db.close();
}

async function exported(target: StoreTarget): Promise<string> {
  const { code, stdout, stderr } = await runCli(['history', 'export', '--store', where(target)]);
  expect(code, stderr).toBe(0);
  return stdout;
}

async function imported(target: StoreTarget, lines: string, json = true) {
  return runCli(['history', 'import', ...(json ? ['--json'] : []), '--store', where(target)], { stdin: lines });
}

async function counts(target: StoreTarget): Promise<number[]> {
  const db: Db = await openStore(target, 'read');
  const n = async (table: string) => Number((await db.all(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);
  const result = [await n('accounts'), await n('series'), await n('reads'), await n('amounts')];
  await db.close();
  return result;
}

const view = async (target: StoreTarget) =>
  (await runCli(['history', '--json', '--since', '2020-01-01', '--until', '2027-01-01', '--store', where(target)])).stdout;

describe('history export and import', () => {
  it('export writes one schema-valid line per account read; SQLite → PostgreSQL → SQLite keeps every line and point', async () => {
    const source = sqlite();
    await variedStore(source);
    const lines = await exported(source);
    const parsed = lines
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const [i, line] of parsed.entries()) expect(schemaProblems('history-export', line), `line ${i + 1}`).toEqual([]);
    expect(
      parsed.map(
        (l) =>
          `${l.account} ${l.provider} ${l.mode} ${l.at.slice(11, 16)} ${l.error} ${l.balances.map((b: { providerCurrency: string; total: string }) => `${b.providerCurrency}=${b.total}`).join(',')} ${l.gone.map((g: { currency: string }) => g.currency).join(',')}`,
      ),
    ).toEqual([
      'casino cryptofuse null 00:00 null BTC=123456789012345678901234567890.9999999999999999999999999999999999999999,USDT=100 ',
      'casino cryptofuse null 01:00 WALLET_LIST_INCOMPLETE USDT=90 ',
      // The value 'old' kept through the prune (recorded at a read that is gone) is on its first remaining line.
      'old syncpay live 00:00 null GBP=1 ',
      'syncpay bachs live 04:00 null USDT=7 ',
      'syncpay syncpay live 00:00 null USD=10.00,USDT=6.5 ',
      'syncpay syncpay live 01:00 AUTH_FAILED  ',
      'syncpay syncpay live 02:00 null USD=10.0 ',
      'syncpay syncpay live 03:00 null USD=11 USDT',
      'syncpay syncpay test 05:00 null USDT=9 ',
    ]);
    const targets: StoreTarget[] = postgres.server ? [{ kind: 'postgres', url: await postgres.server.freshDatabase() }, sqlite()] : [sqlite()];
    let text = lines;
    for (const target of targets) {
      const result = await imported(target, text);
      expect(result.code, result.stderr).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(schemaProblems('history-import', summary)).toEqual([]);
      expect(summary).toMatchObject({ lines: 9, added: 9, unchanged: 0, accounts: 5 });
      expect(result.stderr).toBe(
        `imported 9 reads of 5 accounts into ${target.kind === 'sqlite' ? target.path : target.url.replace(/\/\/[^@/]*@/, '//«redacted»@')}\n`,
      );
      text = await exported(target);
      expect(text).toBe(lines);
      expect(await view(target)).toBe(await view(source));
    }
  }, 60_000);

  it('the summary lines count in words that agree: 1 read of 1 account', async () => {
    const source = sqlite();
    const db = await openStore(source, 'create');
    await recordAt(db, T0, [read('solo', [bal('solo', 'USD', '1')])]);
    await db.close();
    const out = await runCli(['history', 'export', '--store', where(source)]);
    expect(out.stderr).toBe(`exported 1 read of 1 account from ${where(source)}\n`);
    const target = sqlite();
    const into = await runCli(['history', 'import', '--store', where(target)], { stdin: out.stdout });
    expect(into.stderr).toBe(`imported 1 read of 1 account into ${where(target)}\n`);
    const pruned = await runCli(['history', 'prune', '--older-than', '1d', '--store', where(target)]);
    expect(pruned.stderr).toMatch(/^pruned 0 account reads and 0 balance records older than /);
  });

  it('importing the same lines twice changes nothing; lines already in the store must say what it says', async () => {
    const source = sqlite();
    await variedStore(source);
    const lines = await exported(source);
    const target = sqlite();
    expect((await imported(target, lines)).code).toBe(0);
    const before = await counts(target);
    const again = await imported(target, lines);
    expect([again.code, JSON.parse(again.stdout)]).toEqual([0, expect.objectContaining({ added: 0, unchanged: 9 })]);
    expect(again.stderr).toMatch(/^imported 0 reads of 5 accounts into .* \(9 already there\)\n$/);
    expect(await counts(target)).toEqual(before);
    // Into the source itself (its own export): nothing changes either.
    expect(JSON.parse((await imported(source, lines)).stdout)).toMatchObject({ added: 0, unchanged: 9 });

    // A file that contradicts what is stored — a figure, an error, a read the store never had — is refused whole.
    const edit = (n: number, from: string, to: string) =>
      lines
        .split('\n')
        .map((l, i) => (i === n - 1 ? l.replace(from, to) : l))
        .join('\n');
    // A new account's line comes first: it is not imported either when a later line is refused.
    const fresh = '{"at":"2026-11-02T07:00:00.000Z","account":"fresh","provider":"syncpay","mode":"live","error":null,"balances":[],"gone":[]}\n';
    for (const [text, message] of [
      [edit(5, '"total":"10.00"', '"total":"10.01"'), /^error: line 6: USD of 'syncpay' at 2026-11-02T00:00:00\.000Z differs from the figures recorded then\n/],
      [
        edit(6, 'AUTH_FAILED', 'TIMEOUT'),
        /^error: line 7: the read of 'syncpay' at 2026-11-02T01:00:00\.000Z is recorded with error AUTH_FAILED, not TIMEOUT\n/,
      ],
      [
        edit(7, '02:00:00.000Z', '02:30:00.000Z'),
        /^error: line 8: 'syncpay' has history up to 2026-11-02T03:00:00\.000Z but no read at 2026-11-02T02:30:00\.000Z, and history cannot be added before an account's latest read\n/,
      ],
      [edit(8, '"gone":[{', '"gone":[],"x":[{'), /^error: line 9: unknown field "x"\n/],
    ] as const) {
      const refused = await imported(target, `${fresh}${text}`);
      expect([refused.code, refused.stdout], String(message)).toEqual([2, '']);
      expect(refused.stderr).toMatch(message);
      expect(await counts(target)).toEqual(before); // not even 'fresh', read before the bad line
    }
  });

  it('a bad line is a usage error naming its line (exit 2), and nothing of the file is imported', async () => {
    const good = '{"at":"2026-11-02T00:00:00.000Z","account":"a","provider":"syncpay","mode":"live","error":null,"balances":[],"gone":[]}';
    const balance = (fields: string) =>
      `{"at":"2026-11-02T01:00:00.000Z","account":"a","provider":"syncpay","mode":"live","error":null,"balances":[{"wallet":null,"currency":"USD","network":null,"providerCurrency":"USD",${fields}}],"gone":[]}`;
    const cases: Array<[string, RegExp]> = [
      ['not json', /line 2: not a JSON object/],
      ['[1,2]', /line 2: expected a JSON object, got an array/],
      [good.replace('00:00:00.000Z', '00:00:00.000+01:00'), /line 2: at: expected an ISO 8601 UTC time/],
      [good.replace('2026-11-02T00', '2026-02-30T00'), /line 2: at: 2026-02-30T00:00:00\.000Z is not a real moment/],
      [good.replace('"live"', '"prod"'), /line 2: mode: expected "live", "test" or null, got "prod"/],
      [good.replace('"account":"a"', '"account":""'), /line 2: account: expected a name, got ""/],
      [balance('"available":12.5'), /line 2: balances\[0\]\.available: expected a decimal string such as "1250\.50" or null, got a number/],
      [balance('"available":"1e3"'), /line 2: balances\[0\]\.available: expected a decimal string/],
      [balance('"available":"5","account":"b"'), /line 2: balances\[0\]\.account is "b", but the line's account is "a"/],
      [
        balance('"available":"5"').replace('"gone":[]', '"gone":[{"wallet":null,"currency":"USD","network":null,"providerCurrency":"USD"}]'),
        /line 2: gone\[0\] is the same balance as balances\[0\]/,
      ],
      [
        good
          .replace('"error":null', '"error":"TIMEOUT"')
          .replace('"gone":[]', '"gone":[{"wallet":null,"currency":"EUR","network":null,"providerCurrency":"EUR"}]'),
        /line 2: a read that failed \(error is set\) cannot tell that a balance is gone/,
      ],
      [good, /line 2: 2026-11-02T00:00:00\.000Z is not after line 1 of 'a' \(2026-11-02T00:00:00\.000Z\); an account's lines must move forward in time/],
    ];
    for (const [second, message] of cases) {
      const target = sqlite();
      const { code, stdout, stderr } = await imported(target, `${good}\n${second}\n${good.replace('"a"', '"c"')}\n`);
      expect([code, stdout], second).toEqual([2, '']);
      expect(stderr).toMatch(new RegExp(`^error: ${message.source}`));
      expect(stderr).toMatch(/\n {2}hint: history import takes the lines history export writes|the store was left unchanged|\n$/);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(await counts(target)).toEqual([0, 0, 0, 0]);
    }
  });

  it('a file that starts with a byte order mark imports like one without (as payout files and provider answers do)', async () => {
    const source = sqlite();
    await variedStore(source);
    const lines = await exported(source);
    for (const [label, text] of [
      ['BOM', `\uFEFF${lines}`],
      ['BOM and CRLF, a trailing blank line', `\uFEFF${lines.replace(/\n/g, '\r\n')}\r\n`],
    ] as const) {
      const target = sqlite();
      const result = await imported(target, text);
      expect([result.code, result.stderr], label).toEqual([0, `imported 9 reads of 5 accounts into ${where(target)}\n`]);
      expect(JSON.parse(result.stdout), label).toMatchObject({ lines: 9, added: 9 });
      expect(await exported(target), label).toBe(lines);
    }
    // Only at the start of the file: a byte order mark inside it is a bad line, named.
    const target = sqlite();
    const inside = lines.split('\n');
    inside[2] = `\uFEFF${inside[2]}`;
    const refused = await imported(target, inside.join('\n'));
    expect([refused.code, refused.stderr.split('\n')[0]]).toEqual([2, 'error: line 3: not a JSON object']);
    expect(await counts(target)).toEqual([0, 0, 0, 0]);
  });

  it('a name the store would refuse in one spelling of a line is refused in every spelling (the fast path for unchanged reads too)', async () => {
    const long = 'E'.repeat(1001);
    const compact = `{"at":"2026-11-02T00:00:00.000Z","account":"a","provider":"syncpay","mode":"live","error":"${long}","balances":[],"gone":[]}`;
    for (const text of [
      compact,
      compact.replace('"gone"', ' "gone"'),
      compact.replace('"error":"E', '"error":"X').replace(`"account":"a"`, `"account":"${long}"`),
    ]) {
      const target = sqlite();
      const { code, stdout, stderr } = await imported(target, `${text}\n`);
      expect([code, stdout], text.slice(0, 120)).toEqual([2, '']);
      expect(stderr).toMatch(/^error: line 1: (error|account): expected a name( or null)?, got "[EX]{40}…"\n/);
      expect(await counts(target)).toEqual([0, 0, 0, 0]);
    }
  });

  it("tables tell apart two balances one provider code apart (Flow's USDC and USDC_ERC20 on ethereum): history and changes", async () => {
    const target = sqlite();
    const usdc = (code: string, total: string) =>
      `{"wallet":null,"currency":"USDC","network":"ethereum","providerCurrency":"${code}","available":"${total}","pending":null,"total":"${total}","usdValue":null}`;
    const at = (time: string, balances: string[]) =>
      `{"at":"2026-11-02T${time}:00.000Z","account":"flow","provider":"flow-payments","mode":"live","error":null,"balances":[${balances.join(',')}],"gone":[]}`;
    const lines = `${at('00:00', [usdc('USDC', '1'), usdc('USDC_ERC20', '2')])}\n${at('01:00', [usdc('USDC', '5'), usdc('USDC_ERC20', '3')])}\n`;
    expect((await imported(target, lines)).code).toBe(0);
    const history = await runCli(['history', '--since', '2026-11-01', '--until', '2026-11-03', '--store', where(target)]);
    expect(history.stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'ACCOUNT CURRENCY NETWORK FIRST LAST CHANGE MIN MAX TREND POINTS',
      'flow USDC (USDC) ethereum 1 5 +4 1 5 ▁█ 2',
      'flow USDC (USDC_ERC20) ethereum 2 3 +1 2 3 ▁█ 2',
      '',
    ]);
    const changes = await runCli(['changes', '--since', '2026-11-02T00:30:00Z', '--until', '2026-11-03', '--store', where(target)]);
    expect(changes.stdout).toMatch(/^flow +USDC \(USDC_ERC20\) +ethereum +available /m);
  });

  it('names from an imported file are shown escaped on a terminal, in the table and the chart', async () => {
    const target = sqlite();
    // A title-setting escape and a bell in the wallet, a cursor move in the network.
    const balance = (at: string, total: string) =>
      `{"at":"${at}","account":"a","provider":"cryptofuse","mode":null,"error":null,"balances":[{"wallet":"w\\u001b]0;pwned\\u0007","currency":"USDT","network":"t\\u001b[2Jron","providerCurrency":"USDT","available":"${total}","pending":null,"total":"${total}","usdValue":null}],"gone":[]}`;
    const lines = `${balance('2026-11-02T00:00:00.000Z', '1')}\n${balance('2026-11-02T01:00:00.000Z', '2')}\n`;
    expect((await imported(target, lines)).code).toBe(0);
    const period = ['--since', '2026-11-01', '--until', '2026-11-03', '--store', where(target)];
    for (const args of [
      ['history', ...period],
      ['history', '--chart', ...period],
    ]) {
      const { code, stdout, stderr } = await runCli(args, { stdoutTTY: { columns: 100, rows: 30 } });
      expect(code, stderr).toBe(0);
      expect(stdout, args.join(' ')).not.toMatch(/[\u0007\u001b]/);
      expect(stdout, args.join(' ')).toContain('w\\e]0;pwned\\x07');
      expect(stdout, args.join(' ')).toContain('t\\e[2Jron');
    }
  });

  it('export | import through standard input, and from a file; a missing file is said before any store is touched', async () => {
    const source = sqlite();
    await variedStore(source);
    const file = join(tempDir(), 'history.ndjson');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, await exported(source));
    const target = sqlite();
    const fromFile = await runCli(['history', 'import', file, '--store', where(target)]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(await view(target)).toBe(await view(source));
    const missing = await runCli(['history', 'import', join(tempDir(), 'nope.ndjson'), '--store', where(sqlite())]);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', expect.stringMatching(/^error: history import .*nope\.ndjson: no such file\n/)]);
    const terminal = await runCli(['history', 'import', '--store', where(sqlite())], {
      stdin: Object.assign((await import('node:stream')).Readable.from([]), { isTTY: true }),
    });
    expect([terminal.code, terminal.stderr.split('\n')[0]]).toEqual([
      2,
      'error: history import reads lines from a file or standard input, and standard input is a terminal',
    ]);
  });
});
