// Declared providers in the config's life cycle: `config init --declare` writes a template the
// loader accepts, a bad declaration refuses the config (exit 3) naming every path in `config check`
// and in any command, and the JSON Schema of declarations (schema/provider-declaration.v1.json)
// accepts the shipped examples and refuses what the validator refuses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/schema.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { schemaProblems } from '../helpers/schemas.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/providers');

describe('config init --declare', () => {
  it('writes a 0600 YAML template with one account using the declared provider; the loader accepts it as written', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(['config', 'init', '--declare', 'nimbus', '--account', 'nimbus-main'], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    const path = join(dir, '.balancerc.yaml');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(stdout).toContain("with provider 'nimbus' declared from a template and account 'nimbus-main' using it");
    expect(stdout).toContain('export NIMBUS_API_KEY=…');
    expect(stdout).toContain('balance-inspector config check --explain nimbus-main');
    const config = validateConfig(await loadConfigFile(path), path, 'flag');
    expect(config.providers.declaredIds).toEqual(['nimbus']);
    expect(config.accounts.map((a) => [a.name, a.provider, a.secrets.apiKey])).toEqual([['nimbus-main', 'nimbus', '${NIMBUS_API_KEY}']]);
    expect(readFileSync(path, 'utf8')).toContain('auth: { type: bearer }                 # bearer | header (name) | query (name) | basic | oauth2');
    // Editors check the declaration against the config schema (which references the declaration's).
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${join(import.meta.dirname, '../../schema/config.v1.json')}`);
    expect(schemaProblems('config', await loadConfigFile(path))).toEqual([]);
  });

  it.each([
    [['--declare', 'flow-payments'], "--declare flow-payments: 'flow-payments' is a built-in provider"],
    [['--declare', 'Nimbus Pay'], '--declare "Nimbus Pay" is not a provider id'],
    [['--declare', 'nimbus', '--provider', 'syncpay'], '--declare starts a provider of your own; --provider is for built-in providers'],
    [['--declare', 'nimbus', '--wallet', 'w1'], '--declare starts a provider of your own; --wallet is for built-in providers'],
  ])('%j is a usage error and writes nothing', async (args, message) => {
    const dir = tempDir();
    const { code, stderr } = await runCli(['config', 'init', ...args], { cwd: dir });
    expect([code, stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a bad declaration refuses the config', () => {
  const bad = {
    providers: {
      nimbus: {
        baseUrl: 'https://api.nimbus.example',
        auth: { type: 'token' },
        balances: { path: '/v2/wallets', records: 'data[*]', currency: '$.asset', available: '$.available' },
      },
    },
    accounts: { 'nimbus-main': { provider: 'nimbus', apiKey: '${NIMBUS_KEY}' }, flow: { provider: 'flow-payments', apiKey: '${FLOW_KEY}' } },
  };
  const lines = [
    'providers.nimbus.auth.type: "token" is not one of bearer, header, query, basic, oauth2',
    "providers.nimbus.balances.records: expected a JSONPath, got \"data[*]\" (expected '$', found 'd' at character 1)",
  ];

  it('every command: exit 3 before any request, each problem with its path', async () => {
    const path = writeConfig(tempDir(), bad);
    const { code, stdout, stderr } = await runCli(['balances', '--config', path]);
    expect([code, stdout]).toEqual([3, '']);
    for (const line of lines) expect(stderr).toContain(`  ${line}\n`);
  });

  it('config check --json: the same problems in config.error', async () => {
    const path = writeConfig(tempDir(), bad);
    const { code, stdout } = await runCli(['config', 'check', '--json', '--config', path]);
    const doc = JSON.parse(stdout);
    expect([code, doc.config.error.code, doc.config.error.problems]).toEqual([3, 'CONFIG', lines]);
    expect(schemaProblems('config-check', doc)).toEqual([]);
  });
});

describe('schema/provider-declaration.v1.json', () => {
  const declarations = async (file: string) =>
    Object.values(((await loadConfigFile(join(EXAMPLES, file))) as { providers: Record<string, unknown> }).providers);

  it('accepts every shipped example and the config init template', async () => {
    for (const file of readdirSync(EXAMPLES)) {
      for (const declaration of await declarations(file)) expect(schemaProblems('provider-declaration', declaration), file).toEqual([]);
    }
    const dir = tempDir();
    await runCli(['config', 'init', '--declare', 'nimbus'], { cwd: dir });
    const template = (await loadConfigFile(join(dir, '.balancerc.yaml'))) as { providers: { nimbus: unknown } };
    expect(schemaProblems('provider-declaration', template.providers.nimbus)).toEqual([]);
  });

  it.each([
    ['no balances', { baseUrl: 'https://x.example', auth: { type: 'bearer' } }],
    [
      'an unknown auth type',
      { baseUrl: 'https://x.example', auth: { type: 'digest' }, balances: { path: '/b', records: '$.d[*]', currency: '$.c', available: '$.a' } },
    ],
    [
      'a path that is not a JSONPath',
      { baseUrl: 'https://x.example', auth: { type: 'bearer' }, balances: { path: '/b', records: 'd[*]', currency: '$.c', available: '$.a' } },
    ],
    [
      'a misspelt key',
      { baseUrl: 'https://x.example', auth: { type: 'bearer' }, balances: { path: '/b', records: '$.d[*]', currency: '$.c', availble: '$.a' } },
    ],
    [
      'a header auth without a name',
      { baseUrl: 'https://x.example', auth: { type: 'header' }, balances: { path: '/b', records: '$.d[*]', currency: '$.c', available: '$.a' } },
    ],
  ])('refuses %s, as the validator does', (_, declaration) => {
    expect(schemaProblems('provider-declaration', declaration)).not.toEqual([]);
    expect(() => validateConfig({ providers: { x: declaration }, accounts: {} }, null, 'builtin')).toThrow();
  });
});
