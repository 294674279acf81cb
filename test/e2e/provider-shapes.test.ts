// The built CLI against the sandbox's newer provider shapes: Swipelux v3 accounts and customer
// enumeration, and Cryptofuse's wallet list with embedded balances behind a slash redirect.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();

const demo = () => e2e.config.accounts as Record<string, Record<string, unknown>>;
const run = (account: Record<string, unknown>, ...args: string[]) =>
  runCli([...args, '--config', writeConfig(tempDir(), { ...e2e.config, accounts: { acct: account } })]);
type Row = {
  wallet: string;
  walletName: string | null;
  currency: string;
  network: string | null;
  available: string;
  pending: string | null;
  total: string | null;
  usdValue: string | null;
};

describe('Swipelux v3 through the CLI', () => {
  it('balances --json: one row per account balance, unknown pending and total as null', async () => {
    const { code, stdout, stderr } = await run({ ...demo().swipelux, wallets: undefined, apiVersion: 'v3', customers: ['cus_abc123'] }, 'balances', '--json');
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(doc.balances.map((b: Row) => [b.wallet, b.walletName, b.currency, b.network, b.available, b.pending, b.total, b.usdValue])).toEqual([
      ['acc_1', 'Treasury', 'USDC', 'base', '250.00', '12.50', '262.50', '262.50'],
      ['acc_2', 'Payouts', 'USDC', 'polygon', '1000.000001', null, null, '1000.000001'],
    ]);
  });

  it('an unknown customer: exit 4, the customer named on stderr, nothing half-written', async () => {
    const { code, stdout, stderr } = await run({ ...demo().swipelux, wallets: undefined, apiVersion: 'v3', customers: ['cus_gone'] }, 'balances', '--json');
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toMatchObject({ complete: false, balances: [] });
    expect(stderr).toContain("error: Swipelux does not know customer cus_gone for account 'acct'");
  });

  it('no ids: every customer of the key (v1), table output', async () => {
    const { code, stdout } = await run({ ...demo().swipelux, wallets: undefined, customers: undefined }, 'balances');
    expect(code).toBe(0);
    expect(stdout).toMatch(/acct \(test\)\s+wal_poly_001\s+USDC\s+polygon\s+2,450\.00/);
    expect(stdout).toMatch(/acct \(test\)\s+wal_base_002\s+USDC\s+base\s+310\.125/);
  });
});

describe('Cryptofuse newer wallet list through the CLI', () => {
  it('follows the slash redirect once and reads the embedded balances: one list call in all', async () => {
    e2e.sandbox.state.cryptofuse.listShape = 'accounts';
    e2e.sandbox.state.cryptofuse.listPath = '/wallets';
    try {
      const before = e2e.sandbox.requests.length;
      const { code, stdout, stderr } = await run(demo()['casino-v3']!, 'balances', '--json');
      expect([code, stderr]).toEqual([0, '']);
      expect(JSON.parse(stdout).balances).toHaveLength(4);
      expect(e2e.sandbox.requests.slice(before).map((r) => r.path)).toEqual(['/wallets/?limit=100&offset=0', '/wallets?limit=100&offset=0']);
    } finally {
      e2e.sandbox.state.cryptofuse.listShape = 'result';
      e2e.sandbox.state.cryptofuse.listPath = 'both';
    }
  });
});
