import { mkdirSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveAccounts, selectAccounts } from '../../src/config/index.js';
import { validateConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';
import { plantConfigJs, tempDir, writeConfig } from '../helpers/fixtures.js';
import { Redactor } from '../../src/core/secrets.js';

function problemsOf(raw: unknown): string[] {
  try {
    validateConfig(raw, '/x/.balancerc.yaml', 'search');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const flow = { provider: 'flow-payments', apiKey: '${FLOW_KEY}' };

describe('config validation', () => {
  it('reports every problem at once with its path and what was expected', () => {
    expect(
      problemsOf({
        accounts: {
          'flow-main': { provider: 'flow-payments', apiKye: 'x' },
          sync: { provider: 'synpay', apiKey: 'k' },
          cf: { provider: 'cryptofuse', clientId: '${ID}' },
        },
        rats: {},
        rates: { NGN: 0.00065, GHS: 'abc' },
      }),
    ).toEqual([
      "rats: unknown key (did you mean 'rates'?)",
      "accounts.flow-main.apiKye: unknown key (did you mean 'apiKey'?)",
      'accounts.flow-main: no credentials; expected apiKey (e.g. apiKey: ${MY_KEY}) or apiKeyFile',
      'accounts.sync.provider: "synpay" is not a known provider; expected one of flow-payments, syncpay, bachs, swipelux, cryptofuse (did you mean \'syncpay\'?)',
      'accounts.cf: clientSecret missing; clientId and clientSecret go together',
      'rates.NGN: expected a string, got a number (quote it, so no digits are lost)',
      'rates.GHS: "abc" is not a decimal; expected e.g. "0.00065"',
    ]);
  });

  it('refuses plain http to other hosts, userinfo tricks and placeholders outside secrets', () => {
    expect(
      problemsOf({
        accounts: {
          a: { ...flow, baseUrl: 'http://api.example.com' },
          b: { ...flow, baseUrl: 'http://localhost@evil.example/' },
          c: { ...flow, baseUrl: 'https://${HOST}/api' },
          d: { ...flow, apiKey: 'x', apiKeyFile: '/k' },
          e: { ...flow, baseUrl: 'not a url' },
        },
      }),
    ).toEqual([
      'accounts.a.baseUrl: uses http:// to api.example.com, which would send the API key unencrypted; use https:// (http:// is allowed only for 127.0.0.1, ::1 and localhost)',
      'accounts.b.baseUrl: must not contain a user name or password',
      'accounts.c.baseUrl: ${VAR} placeholders are only allowed in apiKey, apiKeyFile, clientId and clientSecret',
      'accounts.d: set either apiKey or apiKeyFile, not both',
      'accounts.e.baseUrl: is not a URL; expected e.g. https://api.example.com',
    ]);
  });

  it('allows http:// to loopback and rejects prototype keys', () => {
    const config = validateConfig({ accounts: { a: { ...flow, baseUrl: 'http://127.0.0.1:9/api/' } } }, null, 'builtin');
    expect(config.accounts[0]?.baseUrl).toBe('http://127.0.0.1:9/api');
    expect(problemsOf(JSON.parse('{"accounts": {"a": {"provider": "syncpay", "apiKey": "k", "__proto__": {"x": 1}}}}'))).toEqual([
      'accounts.a.__proto__: this key is not allowed',
    ]);
  });

  it('rejects minimums for unknown accounts', () => {
    expect(problemsOf({ accounts: { syncpay: { provider: 'syncpay', apiKey: 'k' } }, minimums: { sincpay: { USD: '10' } } })).toEqual([
      "minimums.sincpay: no account named 'sincpay' (did you mean 'syncpay'?)",
    ]);
  });
});

describe('config discovery and loading', () => {
  it('walks up from the working directory and prefers --config, then $BALANCE_CONFIG', async () => {
    const root = tempDir();
    const child = join(root, 'a', 'b');
    mkdirSync(child, { recursive: true });
    writeConfig(root, { accounts: { up: flow } }, '.balancerc.yaml');
    const explicit = writeConfig(root, { accounts: { explicit: flow } }, 'other.json');
    const fromEnv = writeConfig(root, { accounts: { env: flow } }, 'env.json');
    expect((await loadConfig({ cwd: child, env: {} })).accounts[0]?.name).toBe('up');
    expect((await loadConfig({ cwd: child, env: { BALANCE_CONFIG: fromEnv } })).accounts[0]?.name).toBe('env');
    expect((await loadConfig({ cwd: child, configPath: explicit, env: { BALANCE_CONFIG: fromEnv } })).accounts[0]?.name).toBe('explicit');
  });

  it('falls back to $XDG_CONFIG_HOME/balance-inspector/config.yaml, then the old folder $XDG_CONFIG_HOME/balance/', async () => {
    const xdg = tempDir();
    mkdirSync(join(xdg, 'balance'));
    writeConfig(join(xdg, 'balance'), 'accounts:\n  old:\n    provider: syncpay\n    apiKey: ${K}\n', 'config.yaml');
    const old = await loadConfig({ cwd: tempDir(), env: { XDG_CONFIG_HOME: xdg } });
    expect([old.accounts[0]?.name, old.found.origin]).toEqual(['old', 'global']);
    expect(old.found.strays).toEqual([expect.stringContaining("is the user config's old folder, still read for now")]);
    mkdirSync(join(xdg, 'balance-inspector'));
    writeConfig(join(xdg, 'balance-inspector'), 'accounts:\n  xdg:\n    provider: syncpay\n    apiKey: ${K}\n', 'config.yml');
    const config = await loadConfig({ cwd: tempDir(), env: { XDG_CONFIG_HOME: xdg } });
    expect(config.accounts[0]?.name).toBe('xdg');
    expect(config.found.origin).toBe('global');
  });

  it('says where it looked when there is no config', async () => {
    const error = await configError(loadConfig({ cwd: tempDir(), env: { HOME: tempDir() } }));
    expect(error.message).toBe('no config found');
    expect(error.problems.join('\n')).toContain('.balancerc.yaml');
  });

  it('reports YAML and JSON syntax errors with line and column, not the content', async () => {
    const dir = tempDir();
    writeConfig(dir, 'accounts:\n  a: [1\n', '.balancerc.yaml');
    expect((await configError(loadConfig({ cwd: dir, env: {} }))).message).toMatch(/^invalid YAML in .*\.balancerc\.yaml:3:1: /);
    const json = writeConfig(dir, '{\n  "accounts": {"a": {"apiKey": "sk_live_secretvalue1"},}\n}', 'c.json');
    const error = await configError(loadConfig({ configPath: json, env: {} }));
    expect(error.message).toMatch(/^invalid JSON in .*c\.json:2:56: /);
    expect(error.message).not.toContain('secretvalue');
  });

  it('never executes code: planted .config/config.js, $import and .js configs', async () => {
    const dir = tempDir();
    const marker = plantConfigJs(dir); // .config/config.js, evil.js and a package.json naming both
    writeConfig(dir, { $import: './evil.js', accounts: { a: flow } });
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const error = await configError(loadConfig({ cwd: dir, env: {} }));
      expect(error.message).toContain('$import is not supported');
      const jsConfig = join(dir, 'balance.config.js');
      writeFileSync(jsConfig, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'js')`);
      expect((await configError(loadConfig({ configPath: jsConfig, env: {} }))).message).toContain('never run code');
    } finally {
      process.chdir(previous);
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe('credentials', () => {
  const config = (raw: unknown, dir: string) => validateConfig(raw, join(dir, '.balancerc.json'), 'search');

  it('reports every unset or empty ${VAR} by name and never its value', () => {
    const dir = tempDir();
    writeConfig(dir, {});
    const c = config({ accounts: { a: flow, b: { provider: 'syncpay', apiKey: '${SYNC_KEY}' } } }, dir);
    const error = (() => {
      try {
        resolveAccounts(c, c.accounts, { SYNC_KEY: '' }, new Redactor());
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected failure');
    })();
    expect(error.message).toBe('environment variables FLOW_KEY, SYNC_KEY are not set or empty');
    expect(error.problems).toEqual(['accounts.a.apiKey: ${FLOW_KEY} is not set', 'accounts.b.apiKey: ${SYNC_KEY} is empty']);
  });

  it('resolves ${VAR}, trims a trailing newline, and reads apiKeyFile relative to the config', () => {
    const dir = tempDir();
    writeConfig(dir, {});
    writeFileSync(join(dir, 'key'), 'sk_test_fromfile123456\n', { mode: 0o600 });
    const c = config({ accounts: { a: flow, b: { provider: 'syncpay', apiKeyFile: 'key' } } }, dir);
    const [a, b] = resolveAccounts(c, c.accounts, { FLOW_KEY: 'flowkey123456\n' }, new Redactor());
    expect(a?.credentials.apiKey).toBe('flowkey123456');
    expect(b?.credentials.apiKey).toBe('sk_test_fromfile123456');
  });

  it('refuses key files others can read, and missing ones, with the fix', () => {
    const dir = tempDir();
    writeConfig(dir, {});
    writeFileSync(join(dir, 'open-key'), 'sk_test_open123456', { mode: 0o644 });
    chmodSync(join(dir, 'open-key'), 0o644);
    const c = config({ accounts: { a: { provider: 'syncpay', apiKeyFile: 'open-key' }, b: { provider: 'syncpay', apiKeyFile: 'nope' } } }, dir);
    expect(() => resolveAccounts(c, c.accounts, {}, new Redactor())).toThrow(ConfigError);
    try {
      resolveAccounts(c, c.accounts, {}, new Redactor());
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        `accounts.a.apiKeyFile: refusing to read the key from ${join(dir, 'open-key')}: its mode 0644 lets group or others read it; run \`chmod 600 ${join(dir, 'open-key')}\``,
        `accounts.b.apiKeyFile: ${join(dir, 'nope')} does not exist`,
      ]);
    }
  });

  it('refuses a literal key in a config file group or others can read', () => {
    const dir = tempDir();
    const path = writeConfig(dir, {}, '.balancerc.json', 0o644);
    const c = validateConfig({ accounts: { a: { provider: 'syncpay', apiKey: 'sk_live_literal123456' } } }, path, 'search');
    expect(() => resolveAccounts(c, c.accounts, {}, new Redactor())).toThrow(
      `refusing to use the literal API key in ${path}: its mode 0644 lets group or others read it; run \`chmod 600 ${path}\``,
    );
    chmodSync(path, 0o600);
    expect(resolveAccounts(c, c.accounts, {}, new Redactor())[0]?.credentials.apiKey).toBe('sk_live_literal123456');
  });
});

describe('account selection', () => {
  const c = validateConfig({ accounts: { 'flow-main': flow, syncpay: { provider: 'syncpay', apiKey: 'k' } } }, null, 'builtin');

  it('filters by --account and --provider', () => {
    expect(selectAccounts(c, { accounts: ['syncpay'] }).map((a) => a.name)).toEqual(['syncpay']);
    expect(selectAccounts(c, { provider: 'flow-payments' }).map((a) => a.name)).toEqual(['flow-main']);
  });

  it('rejects unknown names with a suggestion', () => {
    expect(() => selectAccounts(c, { accounts: ['flow-man'] })).toThrow("unknown account 'flow-man' (did you mean 'flow-main'?)");
    expect(() => selectAccounts(c, { provider: 'flow' })).toThrow(/unknown provider 'flow' \(did you mean 'flow-payments'\?\)/);
  });
});

describe('id lists', () => {
  it('are trimmed and each id kept once, so a wallet listed twice is read once', () => {
    const c = validateConfig({ accounts: { casino: { provider: 'cryptofuse', apiKey: '${K}', wallets: ['w1', ' w1 ', 'w2', 'w1'] } } }, null, 'builtin');
    expect(c.accounts[0]?.settings.wallets).toEqual(['w1', 'w2']);
  });
});
