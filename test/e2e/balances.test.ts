// The built CLI against the sandbox on 127.0.0.1: stdout, stderr and exit codes as users see them.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { expectNoSecrets } from '../helpers/secrets.js';
import { plantConfigJs, tempDir, writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();

// The sandbox config has more accounts (one per provider and API shape); these tests are about the first two.
const FIRST_TWO = ['--account', 'flow-main', '--account', 'syncpay'];

const SECRETS = [SANDBOX_KEYS['flow-payments'].apiKey, SANDBOX_KEYS.syncpay.apiKey];

describe('balances --json', () => {
  it('prints schemaVersion 1 with exact decimal strings and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--config', e2e.configPath]);
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'generatedAt', 'complete', 'balances', 'errors']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.complete).toBe(true);
    expect(doc.errors).toEqual([]);
    const eth = doc.balances.find((b: { currency: string }) => b.currency === 'ETH');
    expect(eth).toEqual({
      account: 'flow-main',
      provider: 'flow-payments',
      mode: 'test',
      wallet: null,
      walletName: null,
      currency: 'ETH',
      network: 'ethereum',
      providerCurrency: 'ETH',
      available: '0.000090074983482468',
      pending: null,
      total: '0.000090074983482468',
      usdValue: '0.28',
      usdRate: '3125.16675365',
      usdSource: 'flow-payments',
      updatedAt: null,
    });
    const usdt = doc.balances.find((b: { currency: string }) => b.currency === 'USDT');
    expect([usdt.available, usdt.pending, usdt.total, usdt.usdValue, usdt.usdSource]).toEqual(['500.00', '50.00', '550.00', '550.00', 'peg']);
    expect(stdout).not.toMatch(/"(available|pending|total|usdValue)": \d/);
  });

  it('filters by --account, --currency (provider code) and --hide-zero', async () => {
    const { stdout } = await runCli(['balances', '--json', '--config', e2e.configPath, ...FIRST_TWO, '--currency', 'usdttrc20,ETH', '--hide-zero']);
    expect(JSON.parse(stdout).balances.map((b: { account: string; currency: string }) => `${b.account}:${b.currency}`)).toEqual([
      'flow-main:ETH',
      'syncpay:USDT',
    ]);
    const flowOnly = await runCli(['balances', '--json', '--config', e2e.configPath, '--account', 'flow-main', '--hide-zero']);
    expect(JSON.parse(flowOnly.stdout).balances.map((b: { currency: string }) => b.currency)).toEqual(['ETH']);
  });
});

describe('balances table and csv', () => {
  it('prints an aligned table without colour when NO_COLOR is set', async () => {
    const { code, stdout } = await runCli(['balances', '--config', e2e.configPath, ...FIRST_TWO]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ACCOUNT\s+CURRENCY\s+NETWORK\s+AVAILABLE\s+PENDING\s+TOTAL\s+USD$/);
    expect(stdout).toContain('0.000090074983482468');
    expect(stdout).toMatch(/syncpay \(test\)\s+NGN\s+—\s+450,000\.00\s+75,000\.00\s+525,000\.00\s+341\.25/);
    expect(stdout).toMatch(/GHS .* unpriced/);
    expect(stdout).not.toContain('\x1b[');
  });

  it('prints RFC 4180 CSV with a header and plain decimal amounts', async () => {
    const { code, stdout } = await runCli(['balances', '--csv', '--config', e2e.configPath, '--account', 'syncpay']);
    expect(code).toBe(0);
    const rows = stdout.split('\r\n');
    expect(rows[0]).toBe(
      'account,provider,mode,wallet,walletName,currency,network,providerCurrency,available,pending,total,usdValue,usdRate,usdSource,updatedAt,inconsistent',
    );
    expect(rows[1]).toBe('syncpay,syncpay,test,,,USD,,USD,1250.50,125.00,1375.50,1375.50,1,usd,,');
    expect(rows).toHaveLength(6);
  });

  it('says in the last CSV column which rows are inconsistent, and why', async () => {
    const body = JSON.stringify({
      success: true,
      balances: [
        { currency: 'USD', available_balance: '50.00', pending_balance: '-20.00' },
        { currency: 'EUR', available_balance: '10.00', pending_balance: '0.00' },
      ],
    });
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'body', body });
    const { code, stdout, stderr } = await runCli(['balances', '--csv', '--config', e2e.configPath, '--account', 'syncpay']);
    expect(code).toBe(0);
    const rows = stdout.split('\r\n');
    expect(rows[0]).toMatch(/,updatedAt,inconsistent$/);
    expect(rows[1]).toBe('syncpay,syncpay,test,,,USD,,USD,50.00,-20.00,30.00,30.00,1,usd,,pending_balance -20.00: negative');
    expect(rows[2]).toBe('syncpay,syncpay,test,,,EUR,,EUR,10.00,0.00,10.00,,,,,');
    expect(stderr).toContain('warning: inconsistent balance');
  });

  it('defuses provider strings in CSV and the terminal', async () => {
    const body = (currency: string) => JSON.stringify({ success: true, balances: [{ currency, available_balance: '1', pending_balance: '0' }] });
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'body', body: body('=HYPERLINK("x")\u001b]0;t\u0007') });
    // The table cuts a currency at 16 characters: this one is short enough for its escape to show.
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'body', body: body('X\u001b]0;t\u0007') });
    const csv = await runCli(['balances', '--csv', '--config', e2e.configPath, '--account', 'syncpay']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[1]).toBe('syncpay,syncpay,test,,,"\'=HYPERLINK(""X"")\\e]0;T\\x07",,"\'=HYPERLINK(""x"")\\e]0;t\\x07",1,0,1,,,,,');
    const table = await runCli(['balances', '--config', e2e.configPath, '--account', 'syncpay']);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(table.stdout).toMatch(/^syncpay \(test\)\s+X\\e\]0;T\\x07\s/m); // shown as text, never sent
  });
});

describe('failures', () => {
  it('a rejected key exits 4 naming account and provider; the key never appears, even when echoed, even with --debug', async () => {
    e2e.sandbox.faults.add({
      provider: 'syncpay',
      kind: 'status',
      status: 401,
      body: JSON.stringify({ error: { code: 'UNAUTHORIZED', message: `Invalid API key ${SANDBOX_KEYS.syncpay.apiKey}` } }),
      times: 2,
    });
    const plain = await runCli(['balances', '--json', '--config', e2e.configPath, '--account', 'syncpay']);
    const debug = await runCli(['balances', '--json', '--debug', '--config', e2e.configPath, '--account', 'syncpay']);
    for (const run of [plain, debug]) {
      expect(run.code).toBe(4);
      expect(run.stderr).toContain("error: SyncPay rejected the API key for account 'syncpay' (401 UNAUTHORIZED: Invalid API key «redacted»)");
      expectNoSecrets([run.stdout, run.stderr], SECRETS);
    }
    expect(debug.stderr).toMatch(/debug: GET http:\/\/127\.0\.0\.1:\d+\/syncpay\/api\/v1\/accounts\/balances → 401 in \d+ ms \(attempt 1\/3\)/);
  });

  it('partial failure: prints what succeeded, lists the failure in JSON errors, exits with its code', async () => {
    e2e.sandbox.faults.add({ provider: 'flow-payments', kind: 'status', status: 503, times: 3 });
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--config', e2e.configPath, ...FIRST_TWO]);
    expect(code).toBe(5);
    const doc = JSON.parse(stdout);
    expect(doc.complete).toBe(false);
    expect(doc.balances.some((b: { account: string }) => b.account === 'syncpay')).toBe(true);
    expect(doc.balances.some((b: { account: string }) => b.account === 'flow-main')).toBe(false);
    expect(doc.errors).toEqual([
      {
        account: 'flow-main',
        provider: 'flow-payments',
        code: 'PROVIDER_ERROR',
        message: "Flow Payments failed for account 'flow-main' (503) after 3 attempts",
      },
    ]);
    expect(stderr).toContain("error: Flow Payments failed for account 'flow-main'");
  });

  it('an unset ${VAR} exits 3 naming the variable before any request', async () => {
    const accounts = e2e.config.accounts as Record<string, Record<string, unknown>>;
    const path = writeConfig(tempDir(), { accounts: { syncpay: { ...accounts.syncpay, apiKey: '${SYNCPAY_KEY}' } } });
    const before = e2e.sandbox.requests.length;
    const { code, stdout, stderr } = await runCli(['balances', '--config', path]);
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr).toBe(
      "error: environment variable SYNCPAY_KEY is not set or empty (account 'syncpay')\n  accounts.syncpay.apiKey: ${SYNCPAY_KEY} is not set\n  hint: export SYNCPAY_KEY=… (or use apiKeyFile) before running\n",
    );
    expect(e2e.sandbox.requests.length).toBe(before);
  });

  it('an unset ${VAR} fails only its own account: the others are printed, exit 3, a JSON errors entry', async () => {
    const accounts = e2e.config.accounts as Record<string, Record<string, unknown>>;
    const path = writeConfig(tempDir(), {
      accounts: {
        'flow-main': accounts['flow-main'],
        syncpay: { ...accounts.syncpay, apiKey: '${SYNCPAY_KEY}' },
        swipelux: { ...accounts.swipelux, apiKey: '${SWIPELUX_KEY}' },
      },
    });
    const table = await runCli(['balances', '--config', path]);
    expect(table.code).toBe(3);
    expect(table.stdout).toContain('0.000090074983482468');
    expect(table.stderr).toContain(
      "error: environment variable SYNCPAY_KEY is not set or empty (account 'syncpay')\n  accounts.syncpay.apiKey: ${SYNCPAY_KEY} is not set\n",
    );
    expect(table.stderr).toContain("error: environment variable SWIPELUX_KEY is not set or empty (account 'swipelux')");
    const json = await runCli(['balances', '--json', '--config', path]);
    expect(json.code).toBe(3);
    const doc = JSON.parse(json.stdout);
    expect(doc.complete).toBe(false);
    expect([...new Set(doc.balances.map((b: { account: string }) => b.account))]).toEqual(['flow-main']);
    expect(doc.errors).toEqual([
      { account: 'syncpay', provider: 'syncpay', code: 'UNSET_VARIABLE', message: "environment variable SYNCPAY_KEY is not set or empty (account 'syncpay')" },
      {
        account: 'swipelux',
        provider: 'swipelux',
        code: 'UNSET_VARIABLE',
        message: "environment variable SWIPELUX_KEY is not set or empty (account 'swipelux')",
      },
    ]);
    const total = await runCli(['total', '--json', '--config', path]);
    expect(total.code).toBe(3);
    expect(JSON.parse(total.stdout)).toMatchObject({ complete: false, grandTotal: '0.28' });
    const selectedOnly = await runCli(['balances', '--json', '--account', 'flow-main', '--config', path]);
    expect([selectedOnly.code, JSON.parse(selectedOnly.stdout).complete]).toEqual([0, true]);
  });

  it('can-withdraw with an unset ${VAR}: a yes from another account stands, a no becomes undecided (exit 3)', async () => {
    const accounts = e2e.config.accounts as Record<string, Record<string, unknown>>;
    const path = writeConfig(tempDir(), { accounts: { syncpay: accounts.syncpay, 'casino-v1': { ...accounts['casino-v1'], apiKey: '${CF_KEY}' } } });
    const yes = await runCli(['can-withdraw', 'USDT', '10', '--config', path]);
    expect(yes.code).toBe(0);
    const unknown = await runCli(['can-withdraw', 'USDT', '1000', '--config', path]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr.split('\n').filter((l) => l.startsWith('no:'))).toEqual([]);
    expect(unknown.stderr).toContain("error: environment variable CF_KEY is not set or empty (account 'casino-v1')");
  });

  it('a planted .config/config.js in the working directory never runs', async () => {
    const cwd = tempDir();
    const marker = plantConfigJs(cwd);
    writeConfig(cwd, e2e.config);
    const { code } = await runCli(['balances', '--json'], { cwd });
    expect(code).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('SIGINT mid-request exits 130 with nothing on stdout', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'hang' });
    const before = e2e.sandbox.requests.length;
    // Signalled once the request is hanging at the e2e.sandbox, so a slow start-up cannot race it.
    const hanging = () => e2e.sandbox.requests.slice(before).some((r) => r.provider === 'syncpay');
    const { code, stdout, msAfterSignal } = await spawnCli(['balances', '--json', '--config', e2e.configPath], {
      signal: 'SIGINT',
      signalWhen: hanging,
      signalAfterMs: 100,
    });
    expect([code, stdout]).toEqual([130, '']);
    expect(msAfterSignal).not.toBeNull();
    expect(msAfterSignal).toBeLessThan(1_500);
  });
});

describe('usage', () => {
  it.each([
    [['balances', '--bogus'], /unknown option '--bogus'/],
    [['balances', '--json', '--csv'], /conflicting output formats: json and csv/],
    [['balances', '--timeout', 'abc'], /--timeout "abc" is not a duration/],
    [['balances', '--output', 'xml'], /Allowed choices are table, json, csv/],
    [['nosuch'], /unknown command 'nosuch'/],
  ])('%j is a usage error (exit 2) with nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await runCli([...args, '--config', e2e.configPath], { cwd: e2e.dir });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(message);
  });

  it('unknown account suggests the close name', async () => {
    const { code, stderr } = await runCli(['balances', '--account', 'flow-man', '--config', e2e.configPath]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "error: unknown account 'flow-man' (did you mean 'flow-main'?)\n  hint: configured accounts: flow-main, syncpay, bachs, swipelux, casino-v1, casino-v2, casino-v3\n",
    );
  });

  it('--help shows examples and the exit codes; each command has examples', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Exit codes:');
    for (const command of ['balances', 'sandbox', 'demo']) {
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
      expect(help.stdout).toContain(`balance-inspector ${command}`);
    }
  });

  it('demo prints balances from the sandbox without any config', async () => {
    const { code, stdout, stderr } = await runCli(['demo'], { cwd: tempDir(), env: { HOME: tempDir() } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/flow-main \(test\)\s+—\s+ETH\s+ethereum\s+0\.000090074983482468/);
    expect(stderr).toContain('Demo: balances from the built-in sandbox');
    // It ends with the way to real use: config init, then config check, then balances (not cron).
    const tail = stderr.trimEnd().split('\n').slice(-6);
    expect(tail).toEqual([
      'Next, with your own accounts:',
      '  balance-inspector config init    # a config; the key stays in the environment',
      '  balance-inspector config check   # check it: each key, one call per account',
      '  balance-inspector balances',
      'Or try every command on the sandbox first:',
      '  balance-inspector sandbox --write-config sandbox.yaml',
    ]);
    for (const line of tail) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});
