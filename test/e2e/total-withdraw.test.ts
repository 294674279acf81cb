// `total` and `can-withdraw` through the built CLI against the sandbox.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();

const { cli } = e2e;

describe('total', () => {
  it("--json shows each line's USD source, the unpriced list and reconciliation rows, exactly", async () => {
    const { code, stdout, stderr } = await cli('total', '--json', '--account', 'flow-main,syncpay');
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, complete: true, by: 'currency', grandTotal: '2267.03', errors: [] });
    expect(doc.groups).toEqual([
      { key: 'USD', usdValue: '1375.50', sources: ['usd'] },
      { key: 'USDT', usdValue: '550.00', sources: ['peg'] },
      { key: 'NGN', usdValue: '341.25', sources: ['config'] },
      { key: 'ETH', usdValue: '0.28', sources: ['flow-payments'] },
      { key: 'BTC', usdValue: '0.00', sources: ['flow-payments'] },
      { key: 'GHS', usdValue: null, sources: [] },
    ]);
    expect(doc.unpriced).toEqual([{ account: 'syncpay', currency: 'GHS', network: null, amount: '5600.00' }]);
    expect(doc.reconciliation).toEqual([
      {
        account: 'syncpay',
        provider: 'syncpay',
        scope: 'account',
        scopeId: null,
        reported: '2847.25',
        computed: '2266.75',
        difference: '-580.50',
        withinTolerance: null,
        unpricedInScope: 1,
      },
    ]);
  });

  it('reconciles whole accounts even when --currency narrows the view (no false MISMATCH)', async () => {
    const { code, stdout } = await cli('total', '--json', '--provider', 'cryptofuse', '--currency', 'USDT');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.groups.map((g: { key: string }) => g.key)).toEqual(['USDT']);
    expect(
      doc.reconciliation.map((r: { reported: string; computed: string; withinTolerance: boolean }) => [r.reported, r.computed, r.withinTolerance]),
    ).toEqual([
      ['3121.75', '3121.75', true],
      ['2895.92', '2895.92', true],
    ]);
  });

  it('--tolerance decides between ok and MISMATCH once nothing in scope is unpriced', async () => {
    // With a GHS rate SyncPay's own total can be judged: 2 826.75 computed against 2 847.25 (0.72 %).
    const priced = writeConfig(e2e.dir, { ...e2e.config, rates: { ...(e2e.config.rates as object), GHS: '0.1' } }, 'priced.json');
    const run = (tolerance: string) => runCli(['total', '--account', 'syncpay', '--tolerance', tolerance, '--config', priced]);
    expect((await run('1%')).stdout).toMatch(/syncpay\s+account\s+2,847\.25\s+2,826\.75\s+-20\.50\s+ok/);
    const strict = await run('0.5%');
    expect(strict.code).toBe(0);
    expect(strict.stdout).toMatch(/syncpay\s+account\s+2,847\.25\s+2,826\.75\s+-20\.50\s+MISMATCH/);
    const csv = await runCli(['total', '--csv', '--account', 'syncpay', '--tolerance', '0.5', '--config', priced]);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toBe('section,key,account,provider,currency,network,amount,usdValue,sources,reported,computed,difference,withinTolerance');
    expect(rows).toContain('reconciliation,account,syncpay,syncpay,,,,,,2847.25,2826.75,-20.50,false');
  });

  it('prints a table for people, cents only there, and says what it excludes', async () => {
    const { code, stdout } = await cli('total', '--account', 'flow-main,syncpay');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^TOTAL\s+2,267\.03$/m);
    expect(stdout).toContain("Excludes 1 unpriced balance: GHS 5,600.00 in 'syncpay'");
    expect(stdout).toMatch(/syncpay\s+account\s+2,847\.25\s+2,266\.75\s+-580\.50\s+incomplete \(1 unpriced\)/);
  });

  it('--strict turns an unpriced balance into exit 1; --by account groups per account', async () => {
    const strict = await cli('total', '--strict', '--account', 'flow-main,syncpay');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: 1 balance(s) could not be priced');
    const byAccount = JSON.parse((await cli('total', '--json', '--by', 'account', '--account', 'flow-main,syncpay')).stdout);
    expect(byAccount.groups.map((g: { key: string; usdValue: string }) => [g.key, g.usdValue])).toEqual([
      ['syncpay', '2266.75'],
      ['flow-main', '0.28'],
    ]);
  });

  it('prints no total when every account failed, and the failure code', async () => {
    e2e.sandbox.faults.add({ kind: 'status', status: 401, times: 4 });
    const { code, stdout, stderr } = await cli('total', '--account', 'flow-main,syncpay');
    expect([code, stdout]).toEqual([4, '']);
    expect(stderr).toContain('No total: no account could be read.');
  });

  it('rejects a bad tolerance as a usage error', async () => {
    expect((await cli('total', '--tolerance', 'lots')).code).toBe(2);
  });
});

describe('can-withdraw', () => {
  it('refuses a Flow ETH withdrawal of the whole balance because of the network fee', async () => {
    const { code, stdout, stderr } = await cli('can-withdraw', 'ETH', '0.000090074983482468', '--account', 'flow-main');
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toBe(
      "no: insufficient: available 0.000090074983482468 ETH (ethereum) in 'flow-main' < 0.000090074983482468 + fee 0.000000042162288 [test mode]\n",
    );
  });

  it('SyncPay USDT_TRC20: 5 is below the minimum, 10 is allowed', async () => {
    const five = await cli('can-withdraw', 'USDT_TRC20', '5', '--account', 'syncpay');
    expect([five.code, five.stdout, five.stderr]).toEqual([1, '', "no: below minimum: 5 < 10 USDT_TRC20 for SyncPay account 'syncpay' [test mode]\n"]);
    const ten = await cli('can-withdraw', 'USDT_TRC20', '10', '--account', 'syncpay', '--quiet');
    expect([ten.code, ten.stdout, ten.stderr]).toEqual([0, "yes: 'syncpay' can withdraw 10 USDT_TRC20 (available 500.00, minimum 10) [test mode]\n", '']);
  });

  it('never counts pending: SyncPay USDT 520 is refused although the total is 550', async () => {
    const { code, stderr } = await cli('can-withdraw', 'USDT', '520', '--account', 'syncpay');
    expect([code, stderr]).toEqual([1, "no: insufficient: available 500.00 USDT (tron) in 'syncpay' < 520 [test mode]\n"]);
  });

  it('Cryptofuse: an amount between available and total is refused; the served minimum applies', async () => {
    const between = await cli('can-withdraw', 'usdterc20', '450', '--account', 'casino-v1');
    expect([between.code, between.stdout, between.stderr]).toEqual([
      1,
      '',
      "no: insufficient: available 400.75 USDT (ethereum) in 'casino-v1' < 450; above maximum: 450 > 400.75 usdterc20 for Cryptofuse account 'casino-v1' [test mode]\n",
    ]);
    const below = await cli('can-withdraw', 'usdterc20', '15', '--account', 'casino-v1');
    expect([below.code, below.stderr]).toEqual([1, "no: below minimum: 15 < 20 usdterc20 for Cryptofuse account 'casino-v1' [test mode]\n"]);
    const ok = await cli('can-withdraw', 'usdterc20', '400.75', '--account', 'casino-v1', '--quiet');
    expect([ok.code, ok.stdout]).toEqual([0, "yes: 'casino-v1' can withdraw 400.75 usdterc20 (available 400.75, minimum 20) [test mode]\n"]);
  });

  it('--json carries the decision, the account, the figures compared and every reason', async () => {
    const { code, stdout } = await cli('can-withdraw', 'USDT', '5', '--json', '--account', 'syncpay');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      decision: 'no',
      account: null,
      request: { input: 'USDT', currency: 'USDT', network: null, amount: '5' },
      reasons: ["below minimum: 5 < 10 USDT_TRC20 for SyncPay account 'syncpay'"],
    });
    expect(doc.candidates[0]).toMatchObject({
      account: 'syncpay',
      available: '500.00',
      fee: null,
      required: '5',
      minimum: '10',
      minimumSource: 'provider-docs',
      ok: false,
    });
  });

  it('a currency nobody holds is a no that suggests close matches', async () => {
    const { code, stderr } = await cli('can-withdraw', 'USTD', '5');
    expect(code).toBe(1);
    expect(stderr).toContain("no: none of the selected accounts reports USTD (did you mean 'USDT'");
  });

  it('could not decide is never 0: an unreadable account gives its own exit code', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 503, times: 3 });
    const down = await cli('can-withdraw', 'USDT', '10', '--json', '--account', 'flow-main,syncpay');
    expect(down.code).toBe(5);
    expect(JSON.parse(down.stdout)).toMatchObject({ decision: 'unknown', account: null });
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401 });
    const refused = await cli('can-withdraw', 'USDT', '10', '--account', 'syncpay');
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain("SyncPay rejected the API key for account 'syncpay'");
  });

  it('queries only the selected accounts', async () => {
    const before = e2e.sandbox.requests.length;
    await cli('can-withdraw', 'USDT', '10', '--account', 'syncpay');
    expect(e2e.sandbox.requests.slice(before).map((r) => r.provider)).toEqual(['syncpay']);
  });

  it.each([['1e3'], ['-5'], ['0'], ['abc'], ['1,000']])('amount %s is a usage error', async (amount) => {
    const { code, stdout } = await cli('can-withdraw', 'USDT', amount);
    expect([code, stdout]).toEqual([2, '']);
  });

  it('--network picks the chain: USDT 450 fits on tron (SyncPay) but not on ethereum (casino-v1)', async () => {
    const tron = await cli('can-withdraw', 'USDT', '450', '--network', 'tron', '--account', 'syncpay,casino-v1', '--quiet');
    expect([tron.code, tron.stdout]).toEqual([0, "yes: 'syncpay' can withdraw 450 USDT (tron) (available 500.00, minimum 10) [test mode]\n"]);
    const eth = await cli('can-withdraw', 'USDT', '450', '--network', 'ethereum', '--account', 'syncpay,casino-v1');
    expect([eth.code, eth.stdout, eth.stderr]).toEqual([
      1,
      '',
      "no: insufficient: available 400.75 USDT (ethereum) in 'casino-v1' < 450; above maximum: 450 > 400.75 usdterc20 for Cryptofuse account 'casino-v1' [test mode]\n",
    ]);
  });

  it('--csv is refused as a usage error rather than silently ignored', async () => {
    const { code, stdout, stderr } = await cli('can-withdraw', 'USDT', '10', '--csv');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain(
      'error: can-withdraw prints a table or --json; --csv is not supported\n  hint: can-withdraw answers with its exit code; --json gives the details',
    );
  });

  it('an unknown account is a usage error, not a no', async () => {
    expect((await cli('can-withdraw', 'USDT', '10', '--account', 'nope')).code).toBe(2);
  });
});

describe('total: rates that disagree', () => {
  it('says on stderr, in every format, when one currency is valued at rates more than 5 % apart', async () => {
    const table = await runCli(['total', '--config', e2e.configPath]);
    expect(table.code).toBe(0);
    expect(table.stderr).toContain("warning: BTC is valued at USD rates 129% apart: 40,621.43 USD (cryptofuse in 'casino-v2') to 93,037.");
    expect(table.stdout).not.toContain('apart');
    const json = await runCli(['total', '--json', '--config', e2e.configPath]);
    expect(JSON.parse(json.stdout).schemaVersion).toBe(1);
    expect(json.stderr).toContain('warning: BTC is valued at USD rates 129% apart');
    const quiet = await runCli(['total', '--quiet', '--config', e2e.configPath]);
    expect(quiet.stderr).toBe('');
  });

  it('a selection where the rates agree says nothing', async () => {
    const { code, stderr } = await runCli(['total', '--currency', 'USDT', '--config', e2e.configPath]);
    expect([code, stderr]).toEqual([0, '']);
  });
});
