// `can-withdraw --batch` through the CLI against the sandbox (issue 20): the plan in every format,
// stdin, one fresh read per account whatever the number of payouts, every bad input refused
// before any provider is asked, and the exit codes of a run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { schemaProblems } from '../helpers/schemas.js';
import { readBoundedInput } from '../../src/commands/shared/read-input.js';
import { PassThrough } from 'node:stream';

const e2e = useSandbox();
const ACCOUNTS = ['--account', 'syncpay,casino-v1'];

/** Write a payout file beside the sandbox config; returns its path. */
function payoutFile(name: string, text: string | Buffer): string {
  const path = join(e2e.dir, name);
  writeFileSync(path, text);
  return path;
}

const RUN = [
  'id,currency,amount,network,account,memo',
  'p1,USDT,300,,,"Doe, Jane"',
  'p2,USDT,300,,,x',
  'p3,USDT_TRC20,5,,,y',
  'p4,USDT,250.5,,casino-v1,y',
  'p5,USDT,100.5,ethereum,,z',
  'p6,ETH,1,,,',
  '=SUM(A1),USDT,1,,,',
].join('\r\n');

const WALLET = '550e8400-e29b-41d4-a716-446655440000';

describe('the plan', () => {
  it('--csv: one line per payout in file order, what pays each yes, formula cells defused', async () => {
    const { code, stdout, stderr } = await e2e.cli('can-withdraw', '--batch', payoutFile('run.csv', RUN), '--csv', ...ACCOUNTS);
    expect(code, stderr).toBe(1);
    expect(stdout.split('\r\n')).toEqual([
      'id,decision,account,wallet,currency,network,amount,fee,reason',
      'p1,yes,syncpay,,USDT,tron,300,,',
      `p2,yes,casino-v1,${WALLET},USDT,tron,300,,`,
      "p3,no,,,USDT,tron,5,,below minimum: 5 < 10 USDT_TRC20 for SyncPay account 'syncpay'; below minimum: 5 < 10 usdttrc20 for Cryptofuse account 'casino-v1'",
      `p4,yes,casino-v1,${WALLET},USDT,tron,250.5,,`,
      `p5,yes,casino-v1,${WALLET},USDT,ethereum,100.5,,`,
      'p6,no,,,ETH,,1,,none of the selected accounts reports ETH',
      "'=SUM(A1),no,,,USDT,,1,,below minimum: 1 < 10 USDT_TRC20 for SyncPay account 'syncpay'; below minimum: 1 < 10 usdttrc20 for Cryptofuse account 'casino-v1'; below minimum: 1 < 20 usdterc20 for Cryptofuse account 'casino-v1'",
      '',
    ]);
    // Each note once, and the summary, on stderr; stdout stays CSV.
    expect(stderr.split('\n').filter((l) => l.startsWith('note: SyncPay'))).toHaveLength(1);
    expect(stderr).toContain('4 yes, 3 no of 7 payouts [test mode]: pay only the yes payouts; nothing else was promised money\n');
  });

  it('--json: the document of schema/can-withdraw-batch.v1.json, with what each balance keeps', async () => {
    const { code, stdout } = await e2e.cli('can-withdraw', '--batch', payoutFile('run.csv', RUN), '--json', ...ACCOUNTS);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(schemaProblems('can-withdraw-batch', doc)).toEqual([]);
    expect(doc).toMatchObject({ schemaVersion: 1, decision: 'no', exitCode: 1, mode: 'test', counts: { yes: 4, no: 3, unknown: 0 }, errors: [] });
    expect(doc.payouts[3]).toEqual({
      id: 'p4',
      line: 5,
      input: 'USDT',
      currency: 'USDT',
      network: 'tron',
      amount: '250.5',
      decision: 'yes',
      account: 'casino-v1',
      wallet: WALLET,
      providerCurrency: 'usdttrc20',
      fee: null,
      reasons: [],
      notes: ['Cryptofuse reports no withdrawal fee for USDT (tron); make sure the amount covers any fee'],
    });
    expect(doc.commitments.map((c: Record<string, string>) => [c.account, c.providerCurrency, c.available, c.reserve, c.committed, c.left])).toEqual([
      ['syncpay', 'USDT_TRC20', '500.00', '0', '300.00', '200.00'],
      ['casino-v1', 'usdttrc20', '1000.50', '0', '550.50', '450.00'],
      ['casino-v1', 'usdterc20', '400.75', '0', '100.50', '300.25'],
    ]);
  });

  it('a table for people: each payout, then each balance used, then what to pay', async () => {
    const { code, stdout } = await e2e.cli('can-withdraw', '--batch', payoutFile('run.csv', RUN), ...ACCOUNTS);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+DECISION\s+AMOUNT\s+CURRENCY\s+NETWORK\s+ACCOUNT\s+WALLET\s+REASON$/);
    expect(lines[1]).toMatch(/^p1\s+yes\s+300\s+USDT\s+tron\s+syncpay\s+—$/);
    expect(lines[4]).toMatch(new RegExp(`^p4\\s+yes\\s+250\\.5\\s+USDT\\s+tron\\s+casino-v1\\s+${WALLET}$`));
    expect(lines[6]).toMatch(/^p6\s+no\s+1\s+ETH\s+—\s+—\s+—\s+none of the selected accounts reports ETH$/);
    expect(stdout).toMatch(/\nACCOUNT\s+WALLET\s+CURRENCY\s+NETWORK\s+AVAILABLE\s+RESERVE\s+COMMITTED\s+LEFT\n/);
    expect(stdout).toMatch(/\ncasino-v1\s+\S+\s+USDT\s+tron\s+1,000\.50\s+0\s+550\.50\s+450\.00\n/);
    expect(stdout.endsWith('\n4 yes, 3 no of 7 payouts [test mode]: pay only the yes payouts; nothing else was promised money\n')).toBe(true);
  });

  it('on a narrow terminal the reason is cut first and nothing wraps; a pipe gets it whole', async () => {
    const { stdout } = await e2e.cliWith(['can-withdraw', '--batch', payoutFile('run.csv', RUN), ...ACCOUNTS], { stdoutTTY: { columns: 100, rows: 40 } });
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(stdout).toMatch(/^p3\s+no\s+5\s+USDT\s+tron\s+—\s+—\s+below minimum: .*…$/m);
    expect(stdout).toContain('p6  ');
    // At 80 the wallet goes too; the note names only what the table had (no payout here has a fee).
    const narrow = await e2e.cliWith(['can-withdraw', '--batch', payoutFile('run.csv', RUN), ...ACCOUNTS], { stdoutTTY: { columns: 80, rows: 40 } });
    for (const line of narrow.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toContain('\nhidden to fit: WALLET (widen, pipe or --json for all)\n');
    expect(narrow.stdout).toContain('4 yes, 3 no of 7 payouts [test mode]: pay only the yes payouts; nothing else was\n  promised money\n');
  });

  it('reads standard input with -, in NDJSON; a JSON array the same', async () => {
    const ndjson = '{"id":"a","currency":"USDT","amount":"450","account":"syncpay"}\n{"id":"b","currency":"USDT","amount":"100","account":"syncpay"}\n';
    const piped = await e2e.cliWith(['can-withdraw', '--batch', '-', '--json', ...ACCOUNTS], { stdin: ndjson });
    expect(JSON.parse(piped.stdout).payouts.map((p: { id: string; line: number; decision: string }) => [p.id, p.line, p.decision])).toEqual([
      ['a', 1, 'yes'],
      ['b', 2, 'no'],
    ]);
    expect(piped.code).toBe(1);
    const array = payoutFile('run.json', '[\n {"id": 1, "currency": "USDT", "amount": 10.25},\n {"id": 2, "currency": "usdterc20", "amount": "20"}\n]');
    const json = await e2e.cli('can-withdraw', '--batch', array, '--csv', ...ACCOUNTS, '--quiet');
    expect([json.code, json.stdout, json.stderr]).toEqual([
      0,
      `id,decision,account,wallet,currency,network,amount,fee,reason\r\n1,yes,syncpay,,USDT,tron,10.25,,\r\n2,yes,casino-v1,${WALLET},USDT,ethereum,20,,\r\n`,
      '',
    ]);
  });
});

describe('one fresh read per account, whatever the number of payouts', () => {
  it('1,000 payouts ask each provider what one can-withdraw asks, and never the cache', async () => {
    const cacheHome = tempDir('bi-batch-cache-');
    const env = { XDG_CACHE_HOME: cacheHome };
    const requests = async (args: string[], stdin?: string) => {
      const before = e2e.sandbox.requests.length;
      const run = await e2e.cliWith(args, { env, stdin });
      return {
        run,
        asked: e2e.sandbox.requests
          .slice(before)
          .map((r) => `${r.provider} ${r.method} ${r.path}`)
          .sort(),
      };
    };
    const single = await requests(['can-withdraw', 'USDT', '1', '--account', 'syncpay,casino-v1,swipelux']);
    // A cache fresh enough to serve: balances reads through it, a payout plan never does.
    await e2e.cliWith(['balances', '--max-age', '10m'], { env });
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},USDT,10`).join('\n');
    const batch = await requests(
      ['can-withdraw', '--batch', '-', '--max-age', '10m', '--json', '--account', 'syncpay,casino-v1,swipelux'],
      `id,currency,amount\n${rows}\n`,
    );
    expect(batch.run.code, batch.run.stderr).toBe(1);
    expect(batch.asked).toEqual(single.asked);
    expect(new Set(batch.asked.map((r) => r.split(' ')[0]))).toEqual(new Set(['syncpay', 'cryptofuse', 'swipelux']));
    // 50 × 10 fill SyncPay's 500.00, 100 × 10 casino-v1's 1,000.50 on tron (its 400.75 on ethereum has a minimum of 20).
    expect(JSON.parse(batch.run.stdout).counts).toEqual({ yes: 150, no: 850, unknown: 0 });
  });
});

describe('bad input: exit 2, nothing on stdout, no provider asked', () => {
  const header = 'id,currency,amount,account\n';
  it.each([
    ['not text', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ': is not UTF-8 text; expected CSV, a JSON array or NDJSON'],
    ['no amount column', 'id,currency\n1,USDT\n', ' line 1: read as CSV (the file starts with neither [ nor {), but the header has no "amount" column'],
    ['an empty id', `${header}"",USDT,5,\n`, ' line 2, column 1 (id): the id is empty; every payout needs a unique id'],
    ['a duplicate id', `${header}a,USDT,5,\nb,USDT,5,\na,USDT,5,\n`, ' line 4, column 1 (id): id "a" is already used at line 2; ids must be unique'],
    ['a bad amount', `${header}a,USDT,1e3,\n`, ' line 2, column 8 (amount): amount "1e3" is not a plain decimal'],
    ['a bad currency', `${header}a,U$D,5,\n`, ' line 2, column 3 (currency): currency "U$D"'],
    ['an account not configured', `${header}a,USDT,5,sincpay\n`, " line 2, column 10 (account): unknown account 'sincpay' (did you mean 'syncpay'?)"],
    ['an account not selected', `${header}a,USDT,5,bachs\n`, " line 2, column 10 (account): account 'bachs' is not selected"],
    ['an empty list', header, ': no payouts: the file has a header but no rows'],
    ['broken JSON', '[{"id":"a","currency":"USDT","amount":"5"', ' line 1, column 42: the array is not closed (a ] is missing)'],
  ])('%s', async (_, content, message) => {
    const path = payoutFile('bad.csv', content);
    const before = e2e.sandbox.requests.length;
    const { code, stdout, stderr } = await e2e.cli('can-withdraw', '--batch', path, ...ACCOUNTS);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]?.startsWith(`error: ${path}${message}`), stderr).toBe(true);
    expect(e2e.sandbox.requests.length).toBe(before);
  });

  it.each([
    [['--batch', 'nope.csv'], 'error: --batch nope.csv: no such file'],
    [['--batch', '.'], 'error: --batch .: is a directory, not a file'],
    [['USDT', '5', '--batch', 'x.csv'], 'error: --batch takes the payouts from the file; give no currency or amount with it'],
    [['--batch', 'x.csv', '--network', 'tron'], 'error: --network applies to one payout; a --batch file gives each payout its network in a network column'],
    [['--batch', 'x.csv', '--mode', 'paper'], 'error: --mode "paper" is not a mode; expected live or test'],
    [['USDT'], 'error: missing <amount>'],
    [['USDT', '5', '--csv'], 'error: can-withdraw prints a table or --json; --csv is not supported'],
  ])('%j', async (args, first) => {
    const before = e2e.sandbox.requests.length;
    const { code, stdout, stderr } = await e2e.cliWith(['can-withdraw', ...args], { cwd: e2e.dir });
    expect([code, stdout, stderr.split('\n')[0]]).toEqual([2, '', first]);
    expect(e2e.sandbox.requests.length).toBe(before);
  });

  it('reading is bounded: past the limit a file or stdin is refused, exactly the limit is read', async () => {
    const dir = tempDir('bi-batch-read-');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'ten'), '0123456789');
    const read = (path: string, limit: number, stdinText = '') => {
      const stdin = new PassThrough();
      stdin.end(stdinText);
      return readBoundedInput({ path, cwd: dir, stdin }, limit, '--batch', 'the limit');
    };
    expect(Buffer.from(await read('sub/ten', 10)).toString()).toBe('0123456789');
    await expect(read('sub/ten', 9)).rejects.toMatchObject({ exitCode: 2, message: '--batch sub/ten: larger than the limit; that is the most one run reads' });
    await expect(read('-', 9, '0123456789')).rejects.toMatchObject({
      exitCode: 2,
      message: '--batch - (standard input): larger than the limit; that is the most one run reads',
    });
    expect(Buffer.from(await read('-', 10, '0123456789')).toString()).toBe('0123456789');
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    await expect(readBoundedInput({ path: '-', cwd: dir, stdin: terminal }, 10, '--batch', 'the limit')).rejects.toMatchObject({
      exitCode: 2,
      message: '--batch - (standard input): standard input is a terminal',
    });
  });
});

describe('exit codes of a run', () => {
  it('every payout yes: 0; an unreadable account: its code, and only what it could pay is unknown', async () => {
    const ok = payoutFile('ok.csv', 'id,currency,amount,account\na,USDT,10,syncpay\nb,USDT,20,casino-v1\nc,USDT,30,\n');
    expect((await e2e.cli('can-withdraw', '--batch', ok, ...ACCOUNTS, '--quiet')).code).toBe(0);
    // Its mode stated, an unread SyncPay cannot turn the run into a live one: casino-v1 still answers.
    const accounts = structuredClone(e2e.config.accounts) as Record<string, Record<string, unknown>>;
    accounts.syncpay!.mode = 'test';
    const config = writeConfig(e2e.dir, { ...e2e.config, accounts }, 'syncpay-test.json');
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 503, times: 3 });
    const { code, stdout, stderr } = await runCli(['can-withdraw', '--batch', ok, '--json', ...ACCOUNTS, '--config', config]);
    expect(code).toBe(5);
    const doc = JSON.parse(stdout);
    expect(schemaProblems('can-withdraw-batch', doc)).toEqual([]);
    expect(doc.payouts.map((p: { decision: string; account: string | null }) => [p.decision, p.account])).toEqual([
      ['unknown', null],
      ['yes', 'casino-v1'],
      ['yes', 'casino-v1'],
    ]);
    expect(doc.payouts[0].reasons).toEqual([expect.stringMatching(/^not read: 'syncpay' could not be read \([A-Z_]+\); it might hold the funds$/)]);
    expect(stderr).toContain('could not decide 1 payout: an account that might pay them could not be read (see the reasons)');
  });

  it('a reserve in the config holds for single and batch; one that cannot be parsed is a config error', async () => {
    const reserved = writeConfig(e2e.dir, { ...e2e.config, reserves: { syncpay: { USDT_TRC20: '100' } } }, 'reserved.json');
    const single = await runCli(['can-withdraw', 'USDT', '450', '--account', 'syncpay', '--config', reserved]);
    expect([single.code, single.stderr]).toEqual([
      1,
      "no: reserve: available 500.00 USDT (tron) in 'syncpay' less reserve 100 leaves 400.00 < 450 [test mode]\n",
    ]);
    const bad = writeConfig(e2e.dir, { ...e2e.config, reserves: { syncpay: { USDT: 100, USD: '-5' } } }, 'bad-reserve.json');
    const refused = await runCli(['can-withdraw', 'USDT', '1', '--account', 'syncpay', '--config', bad]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('reserves.syncpay.USDT: expected a string, got a number (quote it, so no digits are lost)');
    expect(refused.stderr).toContain('reserves.syncpay.USD: expected a positive decimal, got "-5"');
  });

  it('--help says that only yes payouts commit money', async () => {
    const { code, stdout } = await e2e.cli('can-withdraw', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--batch <file>');
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      'Only yes payouts commit money: the plan holds only if the script pays exactly the yes payouts, in file order.',
    );
  });
});
