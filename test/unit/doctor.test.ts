// The doctor's reading of one call's outcome and of an account's credentials, without a network.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/schema.js';
import { fromOutcome, inspectCredentials } from '../../src/api/doctor.js';
import { BadResponseError, RefusedError, UnavailableError, type BalanceError } from '../../src/core/errors.js';
import type { AccountOutcome } from '../../src/core/account.js';
import { balance } from '../helpers/balances.js';
import { tempDir } from '../helpers/fixtures.js';

const config = validateConfig({ accounts: { sp: { provider: 'syncpay', apiKey: '${SP_KEY}' } } }, '/x/.balancerc.yaml', 'search');
const account = config.accounts[0]!;

function outcome(errors: BalanceError[], balances = 0): AccountOutcome {
  return {
    account: 'sp',
    provider: 'syncpay',
    balances: Array.from({ length: balances }, () => balance({ account: 'sp', mode: 'live' })),
    reported: [],
    errors,
    notices: [],
    ms: 42,
  };
}

describe('what one call showed', () => {
  it.each([
    ['no error', [], 3, { reachable: true, authOk: true, mode: 'live', exitCode: 0 }],
    ['a refused key', [new RefusedError('x', { code: 'AUTH_FAILED' })], 0, { reachable: true, authOk: false, exitCode: 4 }],
    ['an unknown wallet (the key worked)', [new RefusedError('x', { code: 'NOT_FOUND' })], 0, { reachable: true, authOk: true, exitCode: 4 }],
    ['no connection', [new UnavailableError('x', { code: 'UNREACHABLE' })], 0, { reachable: false, authOk: null, exitCode: 5 }],
    ['a 503 after retries', [new UnavailableError('x', { code: 'PROVIDER_ERROR' })], 0, { reachable: true, authOk: null, exitCode: 5 }],
    ['an unreadable answer', [new BadResponseError('x')], 0, { reachable: true, authOk: true, exitCode: 6 }],
  ] as const)('%s', (_, errors, seen, expected) => {
    const check = fromOutcome(account, [], outcome([...errors], seen), config.providers.info('syncpay'));
    expect(check).toMatchObject({ called: true, latencyMs: 42, balances: seen, ...expected });
  });
});

describe('credentials by name', () => {
  it('variables are set, empty or not set; literal values are named as such; values never appear', () => {
    const raw = {
      accounts: {
        cf: { provider: 'cryptofuse', clientId: 'literal-client-id', clientSecret: '${CF_SECRET}' },
        sp: { provider: 'syncpay', apiKey: '${A}${B}' },
      },
    };
    const cfg = validateConfig(raw, '/x/.balancerc.yaml', 'search');
    const env = { CF_SECRET: 'very-secret-value', A: ' ' };
    const all = cfg.accounts.flatMap((a) => inspectCredentials(cfg, a, env));
    expect(all.map((c) => [c.field, c.source, c.variable, c.status])).toEqual([
      ['clientId', 'literal', null, 'literal value'],
      ['clientSecret', 'env', 'CF_SECRET', 'set'],
      ['apiKey', 'env', 'A', 'empty'],
      ['apiKey', 'env', 'B', 'not set'],
    ]);
    expect(JSON.stringify(all)).not.toContain('very-secret-value');
  });

  it('a key file: its path (relative to the config, ${VAR} expanded) and mode', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'key'), 'k');
    chmodSync(join(dir, 'key'), 0o400);
    const cfg = validateConfig({ accounts: { sp: { provider: 'syncpay', apiKeyFile: '${KEY_DIR}/key' } } }, join(dir, 'c.yaml'), 'flag');
    const [variable, file] = inspectCredentials(cfg, cfg.accounts[0]!, { KEY_DIR: '.' });
    expect(variable).toMatchObject({ source: 'env', variable: 'KEY_DIR', status: 'set' });
    expect(file).toMatchObject({ source: 'file', path: join(dir, 'key'), status: 'readable, mode 0400', ok: true });
    // The file is not looked at while its path cannot be resolved.
    expect(inspectCredentials(cfg, cfg.accounts[0]!, {}).map((c) => c.source)).toEqual(['env']);
  });

  it('a key file others can read, or a missing one: the problem in the same words as when it is used', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'open'), 'k');
    chmodSync(join(dir, 'open'), 0o644);
    const cfg = validateConfig(
      { accounts: { a: { provider: 'syncpay', apiKeyFile: 'open' }, b: { provider: 'syncpay', apiKeyFile: 'gone' } } },
      join(dir, 'c.yaml'),
      'flag',
    );
    const [open, gone] = cfg.accounts.map((a) => inspectCredentials(cfg, a, {})[0]);
    expect(open).toMatchObject({
      path: join(dir, 'open'),
      status: `its mode 0644 lets group or others read it; run \`chmod 600 ${join(dir, 'open')}\``,
      ok: false,
    });
    expect(gone).toMatchObject({ path: join(dir, 'gone'), status: 'does not exist', ok: false });
  });
});
