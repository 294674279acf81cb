// Config trust (issue 11 §2, §3): which file the search may pick, ids that would change a request
// path, and secrets too short to redact.
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/find.js';
import { loadConfigFile } from '../../src/config/load.js';
import { resolveAccounts } from '../../src/config/index.js';
import { validateConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { Redactor } from '../../src/core/secrets.js';

const isRoot = process.getuid?.() === 0;
const OTHER_UID = 4242;
if (!isRoot) process.stderr.write('\n*** config-trust: NOT ROOT — the "another user owns it" tests are SKIPPED ***\n\n');

function problemsOf(raw: unknown): string[] {
  try {
    validateConfig(raw, '/x/.balancerc.yaml', 'search');
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
}

const swipelux = (wallets: unknown[]) => ({ accounts: { sw: { provider: 'swipelux', apiKey: '${K}', wallets } } });

describe('ids that are path segments', () => {
  it.each([['.'], ['..'], [' .. ']])('refuses %j at validation', (id) => {
    expect(problemsOf(swipelux(['wal_ok', id]))).toEqual([`accounts.sw.wallets[1]: "${id.trim()}" is a path step, not an id`]);
  });

  it.each([
    ['wal\u202eabc', 'wal\\u202eabc'],
    ['wal\u200babc', 'wal\\u200babc'],
    ['wal\u0000', 'wal\\x00'],
  ])('refuses %j (shown escaped)', (id, shown) => {
    expect(problemsOf(swipelux([id]))).toEqual([`accounts.sw.wallets[0]: "${shown}" contains control or invisible characters`]);
  });

  it('keeps ids that are merely unusual (they are URL-encoded): ..., a.b, wal/odd id', () => {
    expect(problemsOf(swipelux(['...', 'a.b', 'wal/odd id']))).toEqual([]);
  });
});

describe('secrets too short to redact', () => {
  const config = (account: Record<string, unknown>) => validateConfig({ accounts: { a: account } }, null, 'builtin');
  const resolveError = (account: Record<string, unknown>, env: Record<string, string>): ConfigError => {
    const c = config(account);
    try {
      resolveAccounts(c, c.accounts, env, new Redactor());
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('expected a config error');
  };

  it('refuses a 7-character apiKey or clientSecret (exit 3), naming the field and never the value', () => {
    const error = resolveError({ provider: 'flow-payments', apiKey: '${K}' }, { K: 'Ab3$xY7' });
    expect(error.exitCode).toBe(3);
    expect(error.problems).toEqual(['accounts.a.apiKey: is shorter than 8 characters, too short to keep out of output (value not shown)']);
    expect(JSON.stringify(error)).not.toContain('Ab3$xY7');
    const oauth = resolveError({ provider: 'cryptofuse', apiVersion: 'v2', clientId: 'id', clientSecret: '${S}' }, { S: 'short' });
    expect(oauth.problems).toEqual(['accounts.a.clientSecret: is shorter than 8 characters, too short to keep out of output (value not shown)']);
  });

  it('accepts 8 characters, and a short clientId (an identifier, not a secret)', () => {
    const c = config({ provider: 'cryptofuse', apiVersion: 'v2', clientId: 'id', clientSecret: '${S}' });
    expect(resolveAccounts(c, c.accounts, { S: '8charsOK' }, new Redactor())[0]?.credentials).toEqual({ clientId: 'id', clientSecret: '8charsOK' });
  });
});

describe('config file trust', () => {
  it('refuses a group-writable config whatever it holds, with the chmod fix', async () => {
    const path = writeConfig(tempDir(), { accounts: {} });
    chmodSync(path, 0o664);
    await expect(loadConfigFile(path)).rejects.toThrow(
      `refusing to use the config ${path}: its mode 0664 lets group or others change it; run \`chmod go-w ${path}\``,
    );
  });

  it.skipIf(!isRoot)('the upward search skips a file another user owns and stops at their directory', () => {
    const root = tempDir();
    const shared = join(root, 'shared');
    mkdirSync(join(shared, 'theirs', 'deep'), { recursive: true });
    chownSync(writeConfig(shared, { accounts: {} }), OTHER_UID, OTHER_UID);
    const env = { XDG_CONFIG_HOME: join(root, 'xdg') };
    mkdirSync(join(root, 'xdg', 'balance-inspector'), { recursive: true });
    const mine = writeConfig(join(root, 'xdg', 'balance-inspector'), { accounts: {} }, 'config.yaml');
    expect(findConfig({ cwd: shared, env }).path).toBe(mine);
    // Their directory: not searched at all, even for a file of ours inside it.
    writeConfig(join(shared, 'theirs'), { accounts: {} });
    chownSync(join(shared, 'theirs'), OTHER_UID, OTHER_UID);
    expect(findConfig({ cwd: join(shared, 'theirs', 'deep'), env }).path).toBe(mine);
    // A file of ours (or root's) in the shared parent is found as before.
    const ours = writeConfig(root, { accounts: {} });
    expect(findConfig({ cwd: join(root, 'shared'), env }).path).toBe(ours);
  });
});
