// The built CLI with a Swipelux account against the sandbox: what users see on stdout, stderr and
// in the exit code, including a refused key, an unknown wallet and the legacy shape.
import { describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { SWIPELUX_RESTRICTED_KEY } from '../../src/providers/swipelux/emulator/route.js';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();

/** The sandbox config with the swipelux account's settings changed. */
function configWith(swipelux: Record<string, unknown>): string {
  const accounts = e2e.config.accounts as Record<string, Record<string, unknown>>;
  return writeConfig(tempDir(), { ...e2e.config, accounts: { ...accounts, swipelux: { ...accounts.swipelux, ...swipelux } } });
}

type Row = { account: string; wallet: string | null; currency: string; network: string | null; available: string; pending: string | null; total: string };
const swipeRows = (doc: { balances: Row[] }) =>
  doc.balances.filter((b) => b.account === 'swipelux').map((b) => [b.wallet, b.currency, b.network, b.available, b.pending, b.total]);

describe('swipelux balances --json', () => {
  it('prints every wallet × currency with exact decimal strings and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--config', e2e.configPath, '--account', 'swipelux']);
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(doc.complete).toBe(true);
    expect(doc.balances[0]).toEqual({
      account: 'swipelux',
      provider: 'swipelux',
      mode: 'test',
      wallet: 'wal_abc123',
      walletName: null,
      currency: 'USDC',
      network: 'polygon',
      providerCurrency: 'USDC',
      available: '1250.50',
      pending: null,
      total: '1250.50',
      usdValue: '1250.50',
      usdRate: '1',
      usdSource: 'peg',
      updatedAt: '2024-01-15T10:30:00.000Z',
    });
    expect(swipeRows(doc)).toEqual([
      ['wal_abc123', 'USDC', 'polygon', '1250.50', null, '1250.50'],
      ['wal_abc123', 'USDT', 'polygon', '0.00', null, '0.00'],
      ['wal_poly_001', 'USDC', 'polygon', '1250.50', null, '1250.50'],
      ['wal_eth_002', 'USDC', 'ethereum', '1250.25', null, '1250.25'],
    ]);
  });
});

describe('swipelux failures', () => {
  it('a key without balances:read exits 4 naming the account and the permission; other accounts still print', async () => {
    const path = configWith({ apiKey: SWIPELUX_RESTRICTED_KEY });
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--config', path]);
    expect(code).toBe(4);
    const doc = JSON.parse(stdout);
    expect(doc.complete).toBe(false);
    expect(swipeRows(doc)).toEqual([]);
    expect(new Set(doc.balances.map((b: Row) => b.account))).toEqual(new Set(['flow-main', 'syncpay', 'bachs', 'casino-v1', 'casino-v2', 'casino-v3']));
    const message = "Swipelux refused account 'swipelux' access to wallet wal_abc123 (403 forbidden: API key is missing required permission: balances:read)";
    expect(doc.errors).toContainEqual({ account: 'swipelux', provider: 'swipelux', code: 'FORBIDDEN', message });
    expect(stderr).toContain(`error: ${message}\n`);
    for (const text of [stdout, stderr]) expect(text).not.toContain(SWIPELUX_RESTRICTED_KEY);
  });

  it('an unknown wallet and a legacy customer are reported; the rest of the account still prints; exit is the lowest code', async () => {
    const path = configWith({ wallets: ['wal_gone', 'wal_abc123'], customers: ['cus_legacy'] });
    const { code, stdout, stderr } = await runCli(['balances', '--config', path, '--account', 'swipelux']);
    expect(code).toBe(4);
    expect(stdout).toMatch(/swipelux \(test\)\s+wal_abc123\s+USDC\s+polygon\s+1,250\.50\s+—\s+1,250\.50/);
    expect(stdout).not.toContain('wal_gone');
    expect(stderr).toBe(
      "error: Swipelux does not know wallet wal_gone for account 'swipelux' (404 not_found: The wallet does not exist in the current API-key environment.)\n" +
        '  hint: check accounts.swipelux (ids and baseUrl)\n' +
        "error: Swipelux answered the older wallet-infrastructure shape for customer cus_legacy of account 'swipelux': only a net worth (48.5 USD), no per-currency balances\n" +
        '  hint: read its wallets by id instead (accounts.swipelux.wallets), or try the default host https://platform.swipelux.com\n',
    );
    expect(stderr).not.toContain(SANDBOX_KEYS.swipelux.apiKey);
  });

  it('the legacy shape alone exits 6', async () => {
    const path = configWith({ wallets: [], customers: ['cus_legacy'] });
    const { code, stdout } = await runCli(['balances', '--json', '--config', path, '--account', 'swipelux']);
    expect(code).toBe(6);
    expect(JSON.parse(stdout).errors.map((e: { code: string }) => e.code)).toEqual(['LEGACY_SHAPE']);
  });
});
