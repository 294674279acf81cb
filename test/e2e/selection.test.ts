// What a user types to select currencies — `--currency`, can-withdraw's code and --network — read
// by one grammar ([account:]CURRENCY[@network]) and one rule for codes; a selection that matches
// nothing says why (and what was meant), and never shows a 0.00 total.
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { schemaProblems } from '../helpers/schemas.js';

const e2e = useSandbox();

const { cli } = e2e;
const rows = (stdout: string) => (JSON.parse(stdout) as { balances: Array<{ account: string; currency: string; network: string | null }> }).balances;
const suggestionsIn = (line: string) => [...(/\(did you mean (.*)\?\)/.exec(line)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);

describe('total with nothing to total', () => {
  it('--json: grandTotal is null (not "0.00") when no account could be read, and the schema says so', async () => {
    e2e.sandbox.faults.add({ kind: 'status', status: 503, times: 20 });
    const { code, stdout } = await cli('total', '--json', '--account', 'flow-main,syncpay');
    expect(code).toBe(5);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ complete: false, groups: [], grandTotal: null });
    expect(schemaProblems('total', doc)).toEqual([]);
    expect(schemaProblems('total', { ...doc, grandTotal: '0.00' })).not.toEqual([]);
    expect(schemaProblems('total', { ...doc, groups: [{ key: 'USD', usdValue: '1.00', sources: ['usd'] }] })).not.toEqual([]);
  });

  it.each([['USTD'], ['BTC']])('--currency %s matching nothing: no TOTAL 0.00 in the table, null in JSON, empty in CSV', async (code) => {
    const table = await cli('total', '--currency', code, '--account', 'syncpay');
    expect([table.code, table.stdout]).toEqual([0, '']);
    expect(table.stderr).toContain('No total: no balance matches the selection.');
    const json = await cli('total', '--json', '--currency', code, '--account', 'syncpay');
    expect(JSON.parse(json.stdout)).toMatchObject({ complete: true, groups: [], grandTotal: null });
    expect(schemaProblems('total', JSON.parse(json.stdout))).toEqual([]);
    const csv = await cli('total', '--csv', '--currency', code, '--account', 'syncpay');
    expect(csv.stdout.split('\r\n')).toContain('total,TOTAL,,,,,,,,,,,');
  });
});

describe('--currency matching nothing says why', () => {
  it.each([['balances'], ['total']])('%s --currency USTD suggests USDT on stderr, each code once', async (command) => {
    const { code, stderr } = await cli(command, '--currency', 'USTD');
    expect(code).toBe(0);
    const line = stderr.split('\n').find((l) => l.includes('--currency USTD')) ?? '';
    expect(line).toMatch(/^warning: --currency USTD matches no balance, and USTD is not a currency we know \(did you mean /);
    const suggested = suggestionsIn(line);
    expect(suggested[0]).toBe('USDT');
    expect(new Set(suggested.map((s) => s.toUpperCase())).size).toBe(suggested.length);
  });

  it('a currency we know that the selected accounts do not hold is said so, without look-alikes', async () => {
    const { code, stdout, stderr } = await cli('balances', '--currency', 'BTC', '--account', 'syncpay');
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toBe('warning: --currency BTC matches no balance of the selected accounts\nNo balances match.\n');
  });

  it('no warning when the filter matches', async () => {
    const { code, stderr } = await cli('balances', '--currency', 'USDT', '--account', 'syncpay');
    expect([code, stderr]).toEqual([0, '']);
  });
});

describe('--currency takes [account:]CURRENCY[@network]', () => {
  it('USDT@tron is every USDT on tron, and only that', async () => {
    const { code, stdout } = await cli('balances', '--json', '--currency', 'USDT@tron');
    expect(code).toBe(0);
    const found = rows(stdout);
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((b) => b.currency === 'USDT' && b.network === 'tron')).toBe(true);
    const all = rows((await cli('balances', '--json', '--currency', 'USDT')).stdout);
    expect(found).toEqual(all.filter((b) => b.network === 'tron'));
  });

  it('USDT@trc20 (an alias) and USDT_TRC20 select the same; syncpay:USDT only that account', async () => {
    const alias = rows((await cli('balances', '--json', '--currency', 'USDT@trc20')).stdout);
    const tron = rows((await cli('balances', '--json', '--currency', 'USDT@tron')).stdout);
    expect(alias).toEqual(tron);
    const one = rows((await cli('balances', '--json', '--currency', 'syncpay:USDT')).stdout);
    expect(one.map((b) => [b.account, b.currency, b.network])).toEqual([['syncpay', 'USDT', 'tron']]);
  });

  it('total --currency USDT@tron totals only those', async () => {
    const doc = JSON.parse((await cli('total', '--json', '--currency', 'USDT@tron', '--account', 'syncpay,casino-v1')).stdout);
    expect(doc.groups).toEqual([{ key: 'USDT', usdValue: '1550.50', sources: ['peg'] }]);
    expect(doc.grandTotal).toBe('1550.50');
  });

  it.each([
    [['balances', '--currency', 'USDT@tronn'], `error: --currency "USDT@tronn": "tronn" is not a network we know (did you mean 'tron'?)`],
    [['total', '--currency', 'nosuch:USDT'], "error: --currency nosuch:USDT: unknown account 'nosuch'"],
    [['balances', '--currency', 'flow-main:ETH', '--account', 'syncpay'], "error: --currency flow-main:ETH: account 'flow-main' is not selected"],
    [['balances', '--currency', 'US$'], 'error: --currency "US$": "US$" is not a currency code; expected e.g. USDT or USDT_TRC20'],
    [
      ['balances', '--currency', 'USDT_TRC20@ethereum'],
      'error: --currency "USDT_TRC20@ethereum": USDT_TRC20 is on tron, not ethereum; give the symbol (USDT@ethereum) or drop @ethereum',
    ],
  ])('%j is a usage error before any request', async (args, first) => {
    const before = e2e.sandbox.requests.length;
    const { code, stdout, stderr } = await cli(...args);
    expect([code, stdout, stderr.split('\n')[0]]).toEqual([2, '', first]);
    expect(e2e.sandbox.requests.length).toBe(before);
  });

  it('one rule for codes: USDT.E is a code for --currency, can-withdraw and --below alike', async () => {
    expect((await cli('balances', '--currency', 'USDT.E')).code).toBe(0);
    expect((await cli('can-withdraw', 'USDT.E', '1', '--account', 'syncpay')).code).toBe(1);
    const watch = await cli('watch', '--json', '--below', 'USDT.E=1', '--count', '1', '--interval', '5s', '--account', 'syncpay');
    expect(watch.code).toBe(0);
  });
});

describe('can-withdraw: suggestions, --network and the no: line', () => {
  it('a known currency the account does not hold: no look-alike suggestions', async () => {
    const { code, stdout, stderr } = await cli('can-withdraw', 'BTC', '1', '--account', 'syncpay');
    expect([code, stdout, stderr]).toEqual([1, '', 'no: none of the selected accounts reports BTC [test mode]\n']);
  });

  it('an unknown code: suggestions, each once whatever its case', async () => {
    const { code, stderr } = await cli('can-withdraw', 'USTD', '1');
    expect(code).toBe(1);
    const suggested = suggestionsIn(stderr);
    expect(suggested[0]).toBe('USDT');
    expect(new Set(suggested.map((s) => s.toUpperCase())).size).toBe(suggested.length);
  });

  it('--network tronn is a usage error suggesting tron, before any request', async () => {
    const before = e2e.sandbox.requests.length;
    const { code, stdout, stderr } = await cli('can-withdraw', 'USDT', '1', '--network', 'tronn');
    expect([code, stdout, stderr]).toEqual([2, '', `error: --network "tronn" is not a network we know (did you mean 'tron'?)\n`]);
    expect(e2e.sandbox.requests.length).toBe(before);
  });

  it('USDT@tron is the same question as USDT --network tron; an account prefix points to --account', async () => {
    const at = await cli('can-withdraw', 'USDT@tron', '450', '--account', 'syncpay,casino-v1', '--quiet');
    expect([at.code, at.stdout]).toEqual([0, "yes: 'syncpay' can withdraw 450 USDT (tron) (available 500.00, minimum 10) [test mode]\n"]);
    const eth = await cli('can-withdraw', 'USDT@ethereum', '450', '--account', 'syncpay,casino-v1');
    expect([eth.code, eth.stderr]).toEqual([
      1,
      "no: insufficient: available 400.75 USDT (ethereum) in 'casino-v1' < 450; above maximum: 450 > 400.75 usdterc20 for Cryptofuse account 'casino-v1' [test mode]\n",
    ]);
    const prefixed = await cli('can-withdraw', 'syncpay:USDT', '10');
    expect([prefixed.code, prefixed.stdout, prefixed.stderr.split('\n')[0]]).toEqual([
      2,
      '',
      'error: currency "syncpay:USDT": can-withdraw takes the account from --account',
    ]);
    const contradiction = await cli('can-withdraw', 'USDT@tron', '10', '--network', 'ethereum');
    expect([contradiction.code, contradiction.stderr.split('\n')[0]]).toEqual([2, 'error: --network ethereum contradicts USDT@tron, which is on tron']);
  });

  it('undecided: no line starts with "no:", the findings so far are labelled as such', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 503, times: 3 });
    const { code, stdout, stderr } = await cli('can-withdraw', 'USDT', '450', '--network', 'ethereum', '--account', 'syncpay,casino-v1');
    expect([code, stdout]).toEqual([5, '']);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('no:'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("so far: insufficient: available 400.75 USDT (ethereum) in 'casino-v1' < 450"))).toHaveLength(1);
    expect(lines[lines.length - 1]).toBe('could not decide: an account that might hold the funds could not be read');
  });
});

describe('--provider in any case, as currency codes are', () => {
  it.each([['Syncpay'], ['SYNCPAY'], ['syncpay']])('balances --provider %s selects the syncpay accounts', async (typed) => {
    const { code, stdout } = await cli('balances', '--json', '--provider', typed);
    expect(code).toBe(0);
    expect(new Set(rows(stdout).map((b) => b.account))).toEqual(new Set(['syncpay']));
  });

  it('can-withdraw --provider Flow-Payments decides on the flow account', async () => {
    const { code, stdout } = await cli('can-withdraw', 'ETH', '0.00001', '--provider', 'Flow-Payments', '--mode', 'test');
    expect([code, stdout]).toEqual([0, expect.stringMatching(/^yes: 'flow-main' can withdraw/)]);
  });

  it('an unknown one is named as typed, with the id meant', async () => {
    const { code, stdout, stderr } = await cli('balances', '--provider', 'Sincpay');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe("error: unknown provider 'Sincpay' (did you mean 'syncpay'?)");
  });
});
