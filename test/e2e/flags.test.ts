// Global flags a command cannot honour are refused as usage errors, never silently ignored.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

describe('unsupported global flags', () => {
  it.each([
    [['can-withdraw', 'USDT', '1', '--csv'], 'can-withdraw prints a table or --json; --csv is not supported'],
    [['watch', '--csv'], 'watch prints a table or --json; --csv is not supported'],
    [['config', 'check', '--csv'], 'config check prints a table or --json; --csv is not supported'],
    [['config', 'init', '--json'], 'config init prints no machine-readable output; --json is not supported'],
    [['sandbox', '--json'], 'sandbox prints no machine-readable output; --json is not supported'],
    [['completion', 'bash', '--csv'], 'completion prints no machine-readable output; --csv is not supported'],
    [['watch', '--max-age', '30s'], 'watch does not read cached balances; --max-age does not apply'],
    [['config', 'check', '--max-age', '1s'], 'config check does not read cached balances; --max-age does not apply'],
    [['demo', '--config', 'mine.yaml'], 'demo reads no config file; --config does not apply'],
    [['--config', 'mine.yaml', 'demo'], 'demo reads no config file; --config does not apply'],
    [['sandbox', '--config', 'mine.yaml'], 'sandbox reads no config file; --config does not apply'],
    [['sandbox', '--account', 'syncpay'], 'sandbox does not work on configured accounts; --account does not apply'],
    [['sandbox', '--provider', 'syncpay'], 'sandbox does not work on configured accounts; --provider does not apply'],
    [['sandbox', '--no-cache'], 'sandbox asks no provider for balances; --no-cache does not apply'],
    [['sandbox', '--timeout', '5s'], 'sandbox asks no provider for balances; --timeout does not apply'],
    [['completion', 'bash', '--account', 'syncpay'], 'completion does not work on configured accounts; --account does not apply'],
    [['completion', 'bash', '--config', 'mine.yaml'], 'completion reads no config file; --config does not apply'],
    [['completion', 'zsh', '--no-cache'], 'completion asks no provider for balances; --no-cache does not apply'],
    [['config', 'init', '--no-cache'], 'config init asks no provider for balances; --no-cache does not apply'],
  ])('%j is a usage error with nothing on stdout', async (args, message) => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(args, { cwd: dir, env: { HOME: dir } });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe(`error: ${message}`);
  });
});

describe('flags a command does honour', () => {
  it('demo takes --account and --no-cache; completion --accounts takes --config', async () => {
    const dir = tempDir();
    const demo = await runCli(['demo', '--json', '--account', 'syncpay', '--no-cache'], { cwd: dir, env: { HOME: dir } });
    expect(demo.code).toBe(0);
    expect(new Set(JSON.parse(demo.stdout).balances.map((b: { account: string }) => b.account))).toEqual(new Set(['syncpay']));
    const config = writeConfig(dir, { accounts: { treasury: { provider: 'syncpay', apiKey: '${SYNCPAY_API_KEY}' } } }, 'mine.json');
    const names = await runCli(['completion', '--accounts', '--config', config], { cwd: dir, env: { HOME: dir } });
    expect([names.code, names.stdout]).toEqual([0, 'treasury\n']);
  });
});

describe('a key typed into a flag by mistake is never echoed', () => {
  const KEY = 'sk_live_Zq81mPx0aTy7Lw3N';
  // commander's own error (before any command runs), a global flag's (before the run's runtime
  // exists) and a command's own argument (after): each message quotes what was typed.
  it.each([
    [[`--bogus=${KEY}`, 'balances'], "error: unknown option '--bogus=«redacted»'"],
    [['balances', '--timeout', KEY], 'error: --timeout "«redacted»" is not a duration; expected e.g. 500ms, 10s, 1m30s, 2h, 1d'],
    [['can-withdraw', 'USDT', KEY], /^error: .*«redacted»/],
  ])('%j: a usage error with the key redacted', async (args, first) => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(args, { cwd: dir, env: { HOME: dir } });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toMatch(first instanceof RegExp ? first : new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(stderr).not.toContain(KEY.slice(8));
  });
});

describe('words typed in any case, as currency codes and --provider are', () => {
  const e2e = useSandbox();
  it.each([
    [['can-withdraw', 'USDT', '100', '--account', 'syncpay', '--mode', 'TEST', '--quiet'], /^yes: 'syncpay' can withdraw 100 USDT/],
    [['can-withdraw', 'USDT', '100', '--account', 'syncpay', '--mode', 'Test', '--json'], /"decision": "yes"/],
    [['balances', '--account', 'syncpay', '-o', 'JSON'], /^\{\n {2}"schemaVersion": 1/],
    [['balances', '--account', 'syncpay', '--output', 'Csv'], /^account,/],
    [['total', '--by', 'Account'], /^ACCOUNT\s/],
  ])('%j', async (args, expected) => {
    const { code, stdout, stderr } = await e2e.cli(...args);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(expected);
  });

  it('history --by Day reads as --by day; a word that is none of them is still refused, naming the flag', async () => {
    const store = `${tempDir()}/history.db`;
    expect((await e2e.cli('snapshot', '--account', 'syncpay', '--quiet', '--store', store)).code).toBe(0);
    const day = await e2e.cli('history', '--by', 'DAY', '--json', '--store', store);
    expect(day.code, day.stderr).toBe(0);
    expect(JSON.parse(day.stdout).by).toBe('day');
    const wrong = await e2e.cli('history', '--by', 'Month', '--store', store);
    expect([wrong.code, wrong.stderr]).toEqual([2, 'error: --by "Month" is not one of hour, day, week\n']);
    const mode = await e2e.cli('can-withdraw', 'USDT', '1', '--mode', 'sandbox');
    expect([mode.code, mode.stderr]).toEqual([2, 'error: --mode "sandbox" is not a mode; expected live or test\n']);
  });
});
