// `config init` and `config check` through the built CLI: files, modes, exit codes, and that no
// secret value is ever printed.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { runCli } from '../helpers/cli.js';
import { basicPair, expectNoSecrets } from '../helpers/secrets.js';
import { configWithReferences, referenceEnv as goodEnv, sandboxWithConfig, tempDir, writeConfig } from '../helpers/fixtures.js';

describe('config init (flags, no terminal)', () => {
  it('writes ./.balancerc.yaml with mode 0600, a ${VAR} reference and the next commands', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(['config', 'init', '--provider', 'flow-payments', '--account', 'flow-main'], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    const path = join(dir, '.balancerc.yaml');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('accounts:\n  flow-main:\n    provider: flow-payments\n    apiKey: ${FLOW_API_KEY}\n');
    // Editors (yaml-language-server) check the file with the schema this installation ships.
    const [modeline = ''] = text.split('\n');
    expect(modeline).toBe(`# yaml-language-server: $schema=${fileURLToPath(new URL('../../schema/config.v1.json', import.meta.url))}`);
    expect(existsSync(modeline.slice(modeline.indexOf('=') + 1))).toBe(true);
    expect(stdout).toContain('export FLOW_API_KEY=…');
    expect(stdout).toContain('balance-inspector config check');

    // The file is what the tool then finds; the doctor names the unset variable (no network).
    const check = await runCli(['config', 'check'], { cwd: dir });
    expect(check.code).toBe(3);
    expect(check.stdout).toContain(`Config: ${path} (mode 0600)`);
    expect(check.stdout).toContain('found .balancerc.yaml in the working directory');
    expect(check.stdout).toMatch(/flow-main\s+apiKey\s+\$FLOW_API_KEY\s+not set/);
  });

  it('refuses to overwrite without --force (exit 2, file unchanged), replaces with --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.balancerc.yaml'), 'accounts: {}\n', { mode: 0o600 });
    const refused = await runCli(['config', 'init', '-p', 'syncpay', '-a', 'payouts'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: ${join(dir, '.balancerc.yaml')} already exists; nothing was written`);
    expect(refused.stderr).toContain('hint: pass --force to replace it');
    expect(readFileSync(join(dir, '.balancerc.yaml'), 'utf8')).toBe('accounts: {}\n');
    const forced = await runCli(['config', 'init', '-p', 'syncpay', '-a', 'payouts', '--key-env', 'PAYOUTS_KEY', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, '.balancerc.yaml'), 'utf8')).toContain('payouts:\n    provider: syncpay\n    apiKey: ${PAYOUTS_KEY}\n');
  });

  it('--global writes $XDG_CONFIG_HOME/balance-inspector/config.yaml, creating the directory 0700', async () => {
    const dir = tempDir();
    const xdg = join(dir, 'xdg');
    const { code } = await runCli(['config', 'init', '--global', '-p', 'swipelux', '-a', 'treasury', '--wallet', 'wal_abc123', '--customer', 'cus_1,cus_2'], {
      cwd: dir,
      env: { XDG_CONFIG_HOME: xdg },
    });
    expect(code).toBe(0);
    expect(statSync(join(xdg, 'balance-inspector')).mode & 0o777).toBe(0o700);
    const path = join(xdg, 'balance-inspector', 'config.yaml');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain('    wallets:\n      - wal_abc123\n    customers:\n      - cus_1\n      - cus_2\n');
  });

  it('--config <path> is where it writes, and the next command carries it; --global with it is a usage error', async () => {
    const dir = tempDir();
    const { code, stdout } = await runCli(['--config', 'ops.yaml', 'config', 'init', '-p', 'syncpay', '-a', 'payouts'], { cwd: dir });
    expect(code).toBe(0);
    expect(statSync(join(dir, 'ops.yaml')).mode & 0o777).toBe(0o600);
    expect(stdout).toContain('  balance-inspector --config ops.yaml config check\n');
    const both = await runCli(['config', 'init', '--global', '--config', 'x.yaml', '-p', 'syncpay', '-a', 'x'], { cwd: dir });
    expect([both.code, both.stderr.trim()]).toEqual([2, 'error: pass either --global or --config <path>, not both']);
  });

  it('--account defaults from the provider, as --help says', async () => {
    const dir = tempDir();
    const { code, stdout } = await runCli(['config', 'init', '--provider', 'syncpay'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain("with account 'syncpay' (syncpay)");
    expect(readFileSync(join(dir, '.balancerc.yaml'), 'utf8')).toContain('accounts:\n  syncpay:\n    provider: syncpay\n    apiKey: ${SYNCPAY_API_KEY}\n');
    const help = await runCli(['config', 'init', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(default: from the provider: flow, syncpay, bachs, swipelux, cryptofuse)');
  });

  it('help lists every registered provider, and each id flag names the providers that take it', async () => {
    const init = (await runCli(['config', 'init', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(init).toContain("-p, --provider <id> the account's provider (flow-payments, syncpay, bachs, swipelux, cryptofuse)");
    expect(init).toContain('--wallet <id> Swipelux or Cryptofuse: a wallet id to read');
    expect(init).toContain('--customer <id> Swipelux: a customer id to read');
    expect(init).toContain('--api-version <version> the balance API: Swipelux v1|v3, Cryptofuse v1|v2|v3 (default v3) (choices: "v1", "v2", "v3")');
    const balances = (await runCli(['balances', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(balances).toContain('-p, --provider <id> only accounts of this provider (flow-payments, syncpay, bachs, swipelux, cryptofuse)');
  });

  it("--api-version is checked against the provider's own versions (Swipelux v1 or v3)", async () => {
    const dir = tempDir();
    const bad = await runCli(['config', 'init', '--provider', 'swipelux', '--api-version', 'v2'], { cwd: dir });
    expect([bad.code, bad.stderr.trim()]).toEqual([2, "error: --api-version: 'v2' is not one of v1, v3"]);
    const { code } = await runCli(['config', 'init', '--provider', 'swipelux', '--api-version', 'v3', '--customer', 'cus_1'], { cwd: dir });
    expect(code).toBe(0);
    expect(readFileSync(join(dir, '.balancerc.yaml'), 'utf8')).toContain(
      '  swipelux:\n    provider: swipelux\n    apiVersion: v3\n    apiKey: ${SWIPELUX_API_KEY}\n    customers:\n      - cus_1\n',
    );
  });

  it('with no config anywhere, the hint names config init', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(['balances'], { cwd: dir, env: { HOME: dir } });
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr).toContain('hint: run `balance-inspector config init` to write one');
  });

  it('takes --provider in any case, and writes the id as the config spells it', async () => {
    const dir = tempDir();
    const { code, stdout } = await runCli(['config', 'init', '--provider', 'SyncPay', '--account', 'payouts'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain("with account 'payouts' (syncpay)");
    expect(readFileSync(join(dir, '.balancerc.yaml'), 'utf8')).toMatch(/^ {4}provider: syncpay$/m);
  });

  it('without a terminal, missing or bad flags are usage errors naming them', async () => {
    const dir = tempDir();
    const none = await runCli(['config', 'init'], { cwd: dir });
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'error: config init needs --provider when not run on a terminal']);
    // Swipelux ids are optional: without them every customer of the key is read.
    const swipeluxDir = tempDir();
    const swipelux = await runCli(['config', 'init', '-p', 'swipelux', '-a', 'x'], { cwd: swipeluxDir });
    expect([swipelux.code, readdirSync(swipeluxDir)]).toEqual([0, ['.balancerc.yaml']]);
    const typo = await runCli(['config', 'init', '-p', 'flow-paymnts', '-a', 'x'], { cwd: dir });
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([
      2,
      "error: --provider: unknown provider 'flow-paymnts' (did you mean 'flow-payments'?); expected one of flow-payments, syncpay, bachs, swipelux, cryptofuse",
    ]);
    const wrongFlag = await runCli(['config', 'init', '-p', 'syncpay', '-a', 'x', '--wallet', 'w1'], { cwd: dir });
    expect([wrongFlag.code, wrongFlag.stderr.trim()]).toEqual([2, 'error: --wallet is only for swipelux and cryptofuse accounts, not syncpay']);
    const badName = await runCli(['config', 'init', '-p', 'syncpay', '-a', 'bad name'], { cwd: dir });
    expect([badName.code, badName.stderr.split('\n')[0]]).toEqual([
      2,
      "error: --account: 'bad name' is not a valid account name: use letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit",
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('config check against the sandbox', () => {
  let sandbox: Sandbox;
  let dir: string;
  let config: Record<string, unknown>;
  beforeAll(async () => {
    ({ sandbox, dir, config } = await sandboxWithConfig());
  });
  afterAll(() => sandbox.close());

  const allSecrets = [
    SANDBOX_KEYS['flow-payments'].apiKey,
    SANDBOX_KEYS.syncpay.apiKey,
    SANDBOX_KEYS.bachs.apiKey,
    SANDBOX_KEYS.swipelux.apiKey,
    SANDBOX_KEYS.cryptofuse.apiKey,
    SANDBOX_KEYS.cryptofuse.clientSecret!,
    basicPair(SANDBOX_KEYS.cryptofuse.clientId!, SANDBOX_KEYS.cryptofuse.clientSecret!),
    'sk_test_wrongkey000000000000000',
  ];

  it('all good: the file and why, each credential by name, a row per account, exit 0', async () => {
    const path = configWithReferences(dir, config, 0o600);
    const { code, stdout, stderr } = await runCli(['config', 'check', '--config', path], { env: goodEnv });
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain(`Config: ${path} (mode 0600)\n  given by --config\n  valid: 7 accounts`);
    expect(stdout).toMatch(/flow-main\s+apiKey\s+\$FLOW_API_KEY\s+set\n/);
    expect(stdout).toMatch(new RegExp(`swipelux\\s+apiKeyFile\\s+${join(dir, 'keys', 'swipelux')}\\s+readable, mode 0600`));
    expect(stdout).toMatch(/ACCOUNT\s+PROVIDER\s+MODE\s+REACHABLE\s+AUTH\s+LATENCY\s+BALANCES\s+RESULT/);
    expect(stdout).toMatch(/syncpay\s+syncpay\s+test\s+yes\s+ok\s+\d+ ms\s+4\s+ok/);
    expect(stdout).toContain('All good: 7 accounts checked.');
    expectNoSecrets([stdout, stderr], allSecrets);
  });

  it('a wrong key: exit 4, auth refused, with the hint', async () => {
    const path = configWithReferences(dir, config, 0o600);
    const { code, stdout, stderr } = await runCli(['config', 'check', '--config', path], {
      env: { ...goodEnv, SYNCPAY_API_KEY: 'sk_test_wrongkey000000000000000' },
    });
    expect(code).toBe(4);
    // MODE from the key's prefix (sk_test_), although the call failed and reported no balance.
    expect(stdout).toMatch(/syncpay\s+syncpay\s+test\s+yes\s+refused\s+\d+ ms\s+0\s+AUTH_FAILED/);
    expect(stdout).toContain("syncpay: SyncPay rejected the API key for account 'syncpay'");
    expect(stdout).toContain('hint: check accounts.syncpay.apiKey');
    expectNoSecrets([stdout, stderr], allSecrets);
  });

  it('a refused key: MODE still comes from the key prefix (sk_live_ → live, sk.sbx. → test) in JSON', async () => {
    const path = configWithReferences(dir, config, 0o600);
    const { code, stdout } = await runCli(['config', 'check', '--json', '--account', 'syncpay,flow-main', '--config', path], {
      env: { ...goodEnv, SYNCPAY_API_KEY: 'sk_live_wrongkey000000000000000', FLOW_API_KEY: 'sk_test_wrongkey00000000000000' },
    });
    expect(code).toBe(4);
    const accounts = JSON.parse(stdout).accounts as Array<{ account: string; mode: string | null; authOk: boolean | null }>;
    expect(accounts.map((a) => [a.account, a.mode, a.authOk])).toEqual([
      ['flow-main', 'test', false],
      ['syncpay', 'live', false],
    ]);
  });

  it('an unset variable: exit 3 naming it; the other accounts are still checked; no value printed', async () => {
    const path = configWithReferences(dir, config, 0o600);
    const { code, stdout, stderr } = await runCli(['config', 'check', '--config', path], { env: { FLOW_API_KEY: goodEnv.FLOW_API_KEY } });
    expect(code).toBe(3);
    expect(stdout).toMatch(/syncpay\s+apiKey\s+\$SYNCPAY_API_KEY\s+not set/);
    expect(stdout).toMatch(/syncpay\s+syncpay\s+—\s+—\s+—\s+—\s+—\s+not called \(UNSET_VARIABLE\)/);
    expect(stdout).toMatch(/flow-main\s+flow-payments\s+test\s+yes\s+ok/);
    expect(stdout).toContain('hint: export SYNCPAY_API_KEY=…');
    expectNoSecrets([stdout, stderr], allSecrets);
  });

  it('a key file readable by others: exit 3 with its mode; --json has schemaVersion 1', async () => {
    const path = configWithReferences(dir, config, 0o644);
    const { code, stdout, stderr } = await runCli(['config', 'check', '--json', '--config', path], { env: goodEnv });
    expect(code).toBe(3);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'generatedAt', 'ok', 'exitCode', 'config', 'accounts']);
    expect([doc.schemaVersion, doc.ok, doc.exitCode]).toEqual([1, false, 3]);
    expect(doc.config).toEqual({ path, origin: 'flag', reason: 'given by --config', mode: '0600', accounts: 7, error: null });
    const swipelux = doc.accounts.find((a: { account: string }) => a.account === 'swipelux');
    expect(swipelux.credentials).toEqual([
      {
        field: 'apiKeyFile',
        source: 'file',
        variable: null,
        path: join(dir, 'keys', 'swipelux'),
        ok: false,
        status: `its mode 0644 lets group or others read it; run \`chmod 600 ${join(dir, 'keys', 'swipelux')}\``,
      },
    ]);
    expect(swipelux).toMatchObject({ called: false, reachable: null, authOk: null, exitCode: 3 });
    const flow = doc.accounts.find((a: { account: string }) => a.account === 'flow-main');
    expect(flow).toMatchObject({ called: true, reachable: true, authOk: true, mode: 'test', balances: 2, currencies: ['BTC', 'ETH'], errors: [], exitCode: 0 });
    expectNoSecrets([stdout, stderr], allSecrets);
  });

  it('an invalid config: every problem, exit 3, no account called', async () => {
    const path = writeConfig(dir, { accounts: { a: { provider: 'syncpay', apiKye: 'x' }, b: { provider: 'flow' } } }, 'bad.json');
    const { code, stdout } = await runCli(['config', 'check', '--config', path]);
    expect(code).toBe(3);
    expect(stdout).toContain("accounts.a.apiKye: unknown key (did you mean 'apiKey'?)");
    expect(stdout).toContain('accounts.b.provider: "flow" is not a known provider');
    expect(stdout).not.toContain('Accounts:');
  });
});
