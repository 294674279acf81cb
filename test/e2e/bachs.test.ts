// Bachs through the built CLI: can-withdraw with SyncPay's minimum table, the host/key check
// before any request, and `config check` pointing a retired SyncPay account at Bachs.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();

const accounts = () => e2e.config.accounts as Record<string, Record<string, unknown>>;
const { cli } = e2e;

describe('Bachs through the CLI', () => {
  it('balances --json lists Bachs rows with mode test and no error', async () => {
    const { code, stdout, stderr } = await cli('balances', '--json', '--account', 'bachs');
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(doc.balances.map((b: Record<string, string>) => `${b.provider} ${b.mode} ${b.providerCurrency} ${b.available}/${b.pending}/${b.total}`)).toEqual([
      'bachs test NGN 58700.00/0.00/58700.00',
      'bachs test USD 95178.20/0.00/95178.20',
      'bachs test USDT_TRC20 1200.50/300.00/1500.50',
    ]);
  });

  it("can-withdraw applies SyncPay's documented minimum table to Bachs", async () => {
    const five = await cli('can-withdraw', 'USDT_TRC20', '5', '--account', 'bachs');
    expect([five.code, five.stdout, five.stderr]).toEqual([1, '', "no: below minimum: 5 < 10 USDT_TRC20 for Bachs account 'bachs' [test mode]\n"]);
    const ten = await cli('can-withdraw', 'USDT_TRC20', '10', '--account', 'bachs', '--quiet');
    expect([ten.code, ten.stdout]).toEqual([0, "yes: 'bachs' can withdraw 10 USDT_TRC20 (available 1200.50, minimum 10) [test mode]\n"]);
  });

  it('a configured minimum overrides the table for Bachs', async () => {
    const path = writeConfig(e2e.dir, { ...e2e.config, minimums: { bachs: { USDT_TRC20: '2' } } }, 'bachs-min.json');
    const { code, stdout } = await runCli(['can-withdraw', 'USDT_TRC20', '5', '--account', 'bachs', '--quiet', '--config', path]);
    expect([code, stdout]).toEqual([0, "yes: 'bachs' can withdraw 5 USDT_TRC20 (available 1200.50, minimum 2) [test mode]\n"]);
  });

  it('a sandbox key aimed at the production host: exit 3, nothing on stdout, no request sent', async () => {
    const path = writeConfig(e2e.dir, { accounts: { pay: { ...accounts().bachs, baseUrl: 'https://api.bachs.io' } } }, 'bachs-prod.json');
    const before = e2e.sandbox.requests.length;
    const { code, stdout, stderr } = await runCli(['balances', '--config', path]);
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr.split('\n')[0]).toBe('error: accounts.pay sends a sandbox key (sk_sandbox_…) to the production host api.bachs.io; Bachs would reject it');
    expect(stderr).not.toMatch(/sk_sandbox_[a-z0-9]/);
    expect(e2e.sandbox.requests.length).toBe(before);
  });
});

describe('Bachs error bodies reach the user redacted and escaped', () => {
  it('a detail echoing the key (or another sandbox key) never shows it; exit 4', async () => {
    const other = 'sk_sandbox_someoneelse0000000000009';
    const detail = `Invalid API key ${accounts().bachs?.apiKey as string} (also tried ${other})\u001b[2J`;
    e2e.sandbox.faults.add({ provider: 'bachs', kind: 'status', status: 401, body: JSON.stringify({ detail, error_code: 'UNAUTHORIZED' }) });
    const { code, stdout, stderr } = await cli('balances', '--account', 'bachs');
    expect([code, stdout]).toEqual([4, '']);
    expect(stderr).toContain("error: Bachs rejected the API key for account 'bachs' (401 UNAUTHORIZED: Invalid API key «redacted»");
    for (const secret of [accounts().bachs?.apiKey as string, other, '\u001b']) expect(stderr).not.toContain(secret);
  });
});

describe('config check on a SyncPay account that SyncPay no longer serves', () => {
  it('a 404 says SyncPay is now Bachs', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 404, body: '{"error":{"code":"NOT_FOUND","message":"Route not found"}}' });
    const { code, stdout } = await cli('config', 'check', '--account', 'syncpay');
    expect(code).toBe(4);
    expect(stdout).toContain('hint: SyncPay is now Bachs: set accounts.syncpay.provider: bachs (its keys start with sk_sandbox_ or sk_live_)');
  });

  it('an unresolvable host says so too (exit 5)', async () => {
    const path = writeConfig(e2e.dir, { accounts: { syncpay: { ...accounts().syncpay, baseUrl: 'https://api.usesyncpay.invalid' } } }, 'syncpay-gone.json');
    const { code, stdout } = await runCli(['config', 'check', '--config', path]);
    expect(code).toBe(5);
    expect(stdout).toContain('SyncPay is now Bachs');
  });
});
