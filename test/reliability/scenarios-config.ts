// Configuration, environment, usage and runtime scenarios.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { on, othersPrinted, type Scenario, type ScenarioEnv } from './harness.js';
import { patchAccount } from './scenarios-network.js';
import { PLANTED_MARKER, plantConfigJs, tempDir, writeConfig } from '../helpers/fixtures.js';

const balancesWith = (path: (env: ScenarioEnv) => string) => (env: ScenarioEnv) => ['balances', '--json', '--config', path(env)];
const file =
  (name: string, text: string, mode = 0o600) =>
  (env: ScenarioEnv) =>
    writeConfig(env.dir, text, name, mode);
const NO_ANSI = (stdout: string) => {
  if (stdout.includes('\u001b[')) throw new Error('colour codes in the output');
};

const config: Scenario[] = [
  {
    id: 'C01',
    what: 'no config anywhere',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    args: ['balances'],
    cwd: () => tempDir('bi-empty-'),
    stderr: /error: no config found\n.*looked for/s,
  },
  {
    id: 'C02',
    what: 'invalid JSON',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: file('bad.json', '{"accounts": {\n  "a": }\n}'),
    args: balancesWith((env) => join(env.dir, 'bad.json')),
    stderr: /error: invalid JSON in .*bad\.json:2:8: /,
  },
  {
    id: 'C03',
    what: 'invalid YAML',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: file('bad.yaml', 'accounts:\n  a: {provider: syncpay\n'),
    args: balancesWith((env) => join(env.dir, 'bad.yaml')),
    stderr: /error: invalid YAML in .*bad\.yaml:\d+:\d+: /,
  },
  {
    id: 'C04',
    what: 'unknown key with a typo',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: (env) => patchAccount(env, 'syncpay', { apiKye: 'x' }),
    args: (env) => ['balances', ...on(env)],
    stderr: /accounts\.syncpay\.apiKye: unknown key \(did you mean 'apiKey'\?\)/,
  },
  {
    id: 'C05',
    what: 'unset ${VAR}',
    exit: 3,
    stdout: othersPrinted('syncpay'),
    maxMs: 6_000,
    env: { BI_SYNCPAY_KEY: undefined },
    args: (env) => ['balances', ...on(env)],
    stderr: /environment variable BI_SYNCPAY_KEY is not set or empty/,
  },
  {
    id: 'C06',
    what: 'empty ${VAR}',
    exit: 3,
    stdout: othersPrinted('casino-v1'),
    maxMs: 6_000,
    env: { BI_CF_KEY: '' },
    args: (env) => ['balances', ...on(env)],
    stderr: /accounts\.casino-v1\.apiKey: \$\{BI_CF_KEY\} is empty/,
  },
  {
    id: 'C07',
    what: 'key file missing',
    exit: 3,
    stdout: othersPrinted('swipelux'),
    maxMs: 6_000,
    setup: (env) => patchAccount(env, 'swipelux', { apiKeyFile: 'nope.key' }),
    args: (env) => ['balances', ...on(env)],
    stderr: /accounts\.swipelux\.apiKeyFile: .*nope\.key does not exist/,
  },
  {
    id: 'C08',
    what: 'key file is a directory: refused by type',
    exit: 3,
    stdout: othersPrinted('swipelux'),
    maxMs: 6_000,
    setup: (env) => {
      mkdirSync(join(env.dir, 'keydir'), { mode: 0o700, recursive: true });
      patchAccount(env, 'swipelux', { apiKeyFile: 'keydir' });
    },
    args: (env) => ['balances', ...on(env)],
    stderr: /accounts\.swipelux\.apiKeyFile: refusing to read the key from .*keydir: it is a directory, not a regular file/,
  },
  {
    id: 'C09',
    what: 'literal secret in a 0644 config file',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: (env) => chmodSync(env.configPath, 0o644),
    args: (env) => ['balances', ...on(env)],
    stderr: /refusing to use the literal API key in .*: its mode 0644 lets group or others read it; run `chmod 600 /,
  },
  {
    id: 'C10',
    what: 'key file readable by others',
    exit: 3,
    stdout: othersPrinted('swipelux'),
    maxMs: 6_000,
    setup: (env) => chmodSync(join(env.dir, 'swipelux.key'), 0o644),
    args: (env) => ['balances', ...on(env)],
    stderr: /refusing to read the key from .*swipelux\.key: its mode 0644/,
  },
  {
    id: 'C11',
    what: 'http:// to a non-loopback host',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: (env) => patchAccount(env, 'syncpay', { baseUrl: 'http://api.usesyncpay.com' }),
    args: (env) => ['balances', ...on(env)],
    stderr: /accounts\.syncpay\.baseUrl: uses http:\/\/ to api\.usesyncpay\.com, which would send the API key unencrypted/,
  },
  {
    id: 'C12',
    what: 'http://localhost@evil.example',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: (env) => patchAccount(env, 'syncpay', { baseUrl: 'http://localhost@evil.example' }),
    args: (env) => ['balances', ...on(env)],
    stderr: /accounts\.syncpay\.baseUrl: must not contain a user name or password/,
  },
  {
    id: 'C13',
    what: 'planted .config/config.js and package.json in the working directory',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 5_000,
    setup: (env) => {
      plantConfigJs(env.dir);
    },
    args: (env) => ['balances', '--json', ...on(env)],
    stderr: /^$/,
    check: (_, env) => {
      if (existsSync(join(env.dir, PLANTED_MARKER))) throw new Error('planted code ran');
    },
  },
  {
    id: 'C14',
    what: '$import pointing at a .js file',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: (env) => {
      writeFileSync(join(env.dir, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(join(env.dir, 'PWNED'))}, 'x')`);
      env.configPath = writeConfig(env.dir, { ...env.config, $import: './evil.js' }, 'imports.json');
    },
    args: (env) => ['balances', ...on(env)],
    stderr: /\$import is not supported/,
    check: (_, env) => {
      if (existsSync(join(env.dir, 'PWNED'))) throw new Error('imported code ran');
    },
  },
  {
    id: 'C15',
    what: 'a .js config via --config',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: file('balance.config.js', 'module.exports = {}'),
    args: balancesWith((env) => join(env.dir, 'balance.config.js')),
    stderr: /refusing to load .*balance\.config\.js: configs are data only/,
  },
  {
    id: 'C16',
    what: '__proto__ key',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    setup: file('proto.json', '{"accounts": {"a": {"provider": "syncpay", "apiKey": "${K}", "__proto__": {"polluted": true}}}}'),
    args: balancesWith((env) => join(env.dir, 'proto.json')),
    stderr: /accounts\.a\.__proto__: this key is not allowed/,
  },
  {
    id: 'C17',
    what: '--config path does not exist',
    exit: 3,
    stdout: 'empty',
    maxMs: 5_000,
    args: balancesWith((env) => join(env.dir, 'missing.yaml')),
    stderr: /config file not found: .*missing\.yaml \(from --config\)/,
  },
  {
    id: 'C18',
    what: 'NO_COLOR with a table',
    exit: 0,
    stdout: NO_ANSI,
    maxMs: 5_000,
    env: { NO_COLOR: '1' },
    args: (env) => ['balances', ...on(env)],
    stderr: /^$/,
  },
  {
    id: 'C19',
    what: 'FORCE_COLOR=3 never colours JSON or CSV',
    exit: 0,
    maxMs: 5_000,
    env: { FORCE_COLOR: '3', NO_COLOR: undefined },
    args: (env) => ['balances', '--csv', ...on(env)],
    stderr: /^$/,
    stdout: NO_ANSI,
  },
  {
    id: 'C20',
    what: 'TERM=dumb and CI=true: no colour, no spinner noise',
    exit: 0,
    maxMs: 5_000,
    env: { TERM: 'dumb', CI: 'true', NO_COLOR: undefined },
    args: (env) => ['balances', ...on(env)],
    stderr: /^$/,
    stdout: NO_ANSI,
  },
  {
    id: 'C21',
    what: 'no HOME, explicit --config',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 5_000,
    env: { HOME: undefined },
    args: (env) => ['balances', '--json', ...on(env)],
    stderr: /^$/,
  },
];

const usage: Scenario[] = [
  {
    id: 'U01',
    what: 'unknown flag',
    exit: 2,
    stdout: 'empty',
    maxMs: 5_000,
    args: (env) => ['balances', '--bogus', ...on(env)],
    stderr: /unknown option '--bogus'/,
  },
  {
    id: 'U02',
    what: '--timeout=-1',
    exit: 2,
    stdout: 'empty',
    maxMs: 5_000,
    args: (env) => ['balances', '--timeout=-1', ...on(env)],
    stderr: /--timeout "-1" is not a duration/,
  },
  {
    id: 'U03',
    what: 'can-withdraw 1e3',
    exit: 2,
    stdout: 'empty',
    maxMs: 5_000,
    args: (env) => ['can-withdraw', 'USDT', '1e3', ...on(env)],
    stderr: /amount "1e3" is not a plain decimal/,
  },
  {
    id: 'U04',
    what: 'unknown account',
    exit: 2,
    stdout: 'empty',
    maxMs: 5_000,
    args: (env) => ['total', ...on(env, '--account', 'sincpay')],
    stderr: /unknown account 'sincpay' \(did you mean 'syncpay'\?\)/,
  },
  {
    id: 'U05',
    what: 'excess argument',
    exit: 2,
    stdout: 'empty',
    maxMs: 5_000,
    args: (env) => ['balances', 'extra', ...on(env)],
    stderr: /too many arguments/,
  },
];

const runtime: Scenario[] = [
  {
    id: 'R01',
    what: 'SIGINT mid-request',
    exit: 130,
    stdout: 'empty',
    maxMs: 6_000,
    once: true,
    signal: { name: 'SIGINT', afterMs: 150 },
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'hang' }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'syncpay')],
    stderr: /^$/,
  },
  {
    id: 'R02',
    what: 'SIGTERM mid-request',
    exit: 143,
    stdout: 'empty',
    maxMs: 6_000,
    once: true,
    signal: { name: 'SIGTERM', afterMs: 150 },
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'hang' }),
    args: (env) => ['total', '--json', ...on(env)],
    stderr: /^$/,
  },
  {
    id: 'R03',
    what: 'SIGINT during a backoff sleep',
    exit: 130,
    stdout: 'empty',
    maxMs: 6_000,
    once: true,
    signal: { name: 'SIGINT', afterMs: 200 },
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': '20' } }),
    // The 20 s wait is announced (docs/network.md) unless the signal comes first.
    args: (env) => ['can-withdraw', 'USDT', '10', '--json', ...on(env, '--account', 'syncpay'), '--timeout', '60s'],
    stderr: /^(syncpay: rate-limited, retrying in 20s \(attempt 2 of 3\)\n)?$/,
  },
  {
    id: 'R04',
    what: 'an unwritable output target (/dev/full)',
    exit: 74,
    stdout: 'empty',
    maxMs: 5_000,
    cli: { stdoutTo: '/dev/full' },
    args: (env) => ['balances', '--json', ...on(env, '--account', 'syncpay')],
    stderr: /^error: cannot write the output to standard output \(ENOSPC\)\n/,
  },
  {
    id: 'R05',
    what: 'stdout closed early (| head -1)',
    exit: 0,
    maxMs: 5_000,
    cli: { closeStdoutEarly: true },
    stderr: /^$/,
    setup: (env) =>
      env.sandbox.faults.add({
        provider: 'syncpay',
        kind: 'body',
        times: 2,
        body: JSON.stringify({
          success: true,
          balances: Array.from({ length: 3000 }, (_, i) => ({ currency: `C${i}`, available_balance: '1.00', pending_balance: '0.00' })),
        }),
      }),
    args: (env) => ['balances', '--csv', ...on(env, '--account', 'syncpay')],
    stdout: (stdout) => {
      if (!stdout.startsWith('account,provider')) throw new Error('expected the start of the CSV');
    },
  },
];

export const configScenarios = [...config, ...usage, ...runtime];
