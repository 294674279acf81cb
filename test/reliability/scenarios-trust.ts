// File-trust and fault scenarios (issue 11 §3, §5): key files that are not files, config, key and
// cache files that are not the user's, planted configs, dot-segment ids, absurd Retry-After, broken
// caches. Scenarios that need another owner run only as root (tests run as root here and in CI).
import { chmodSync, chownSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { on, othersPrinted, type Scenario, type ScenarioEnv } from './harness.js';
import { patchAccount } from './scenarios-network.js';
import { syncpay } from './scenarios-secrets.js';
import { writeConfig } from '../helpers/fixtures.js';

const IS_ROOT = process.getuid?.() === 0;
const OTHER_UID = 4242;
const wallets = (ids: string[]) => (env: ScenarioEnv) => patchAccount(env, 'swipelux', { wallets: ids });
const fileTrust: Scenario[] = [
  {
    id: 'F01',
    what: 'key file is a FIFO: refused by type at once, never blocks',
    exit: 3,
    stdout: othersPrinted('swipelux'),
    maxMs: 8_000,
    setup: (env) => {
      if (!existsSync(join(env.dir, 'fifo.key'))) execFileSync('mkfifo', ['-m', '600', join(env.dir, 'fifo.key')]);
      patchAccount(env, 'swipelux', { apiKeyFile: 'fifo.key' });
    },
    args: (env) => ['balances', ...on(env)],
    stderr: /accounts\.swipelux\.apiKeyFile: refusing to read the key from .*fifo\.key: it is a named pipe \(FIFO\), not a regular file/,
  },
  {
    id: 'F02',
    what: 'key file is a symlink to a device',
    exit: 3,
    stdout: othersPrinted('swipelux'),
    maxMs: 8_000,
    setup: (env) => {
      if (!existsSync(join(env.dir, 'dev.key'))) symlinkSync('/dev/zero', join(env.dir, 'dev.key'));
      patchAccount(env, 'swipelux', { apiKeyFile: 'dev.key' });
    },
    args: (env) => ['balances', ...on(env)],
    stderr: /apiKeyFile: refusing to read the key from .*dev\.key: it is a device, not a regular file/,
  },
  {
    id: 'F03',
    what: 'key file is a directory',
    exit: 3,
    stdout: othersPrinted('swipelux'),
    maxMs: 8_000,
    setup: (env) => {
      mkdirSync(join(env.dir, 'kd'), { mode: 0o700, recursive: true });
      patchAccount(env, 'swipelux', { apiKeyFile: 'kd' });
    },
    args: (env) => ['balances', ...on(env)],
    stderr: /apiKeyFile: refusing to read the key from .*kd: it is a directory, not a regular file/,
  },
  {
    id: 'F04',
    what: 'config group-writable, even without a literal key',
    exit: 3,
    stdout: 'empty',
    maxMs: 8_000,
    setup: (env) => {
      patchAccount(env, 'flow-main', { apiKey: '${BI_SYNCPAY_KEY}' });
      patchAccount(env, 'casino-v2', { clientSecret: '${BI_SYNCPAY_KEY}' });
      chmodSync(env.configPath, 0o664);
    },
    args: (env) => ['balances', ...on(env)],
    stderr: /refusing to use the config .*patched\.json: its mode 0664 lets group or others change it; run `chmod go-w /,
  },
  ...[['.'], ['..'], ['wal_ok', '..'], ['wal\u202eevil']].map((ids, i): Scenario => ({
    id: `F1${i}`,
    what: `wallet ids ${JSON.stringify(ids)} refused at validation, no request`,
    exit: 3,
    stdout: 'empty',
    maxMs: 8_000,
    setup: wallets(ids),
    args: (env) => ['balances', ...on(env, '--account', 'swipelux')],
    stderr: /accounts\.swipelux\.wallets\[\d\]: ".*" (is a path step, not an id|contains control or invisible characters)/,
    attempts: { provider: 'swipelux', count: 0 },
  })),
  {
    id: 'F20',
    what: 'cache folder cannot be created (under /proc): skipped quickly, balances printed',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 8_000,
    args: syncpay('--max-age', '1m'),
    env: { XDG_CACHE_HOME: '/proc/bi-no-such/cache' },
    stderr: /^$/,
  },
  {
    id: 'F21',
    what: 'cache entry with a huge scale and one dated in the future: ignored, fetched fresh',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 8_000,
    setup: (env) => plantCache(env, 'cache-bad'),
    args: syncpay('--max-age', '1h'),
    once: true,
    stderr: /^$/,
    attempts: { provider: 'syncpay', count: [1, 3] },
  },
];

/** A cache file whose every entry is broken: scale 1e15, and a fetchedAt a day ahead. */
function plantCache(env: ScenarioEnv, name: string): void {
  const dir = join(env.dir, name, 'balance-inspector');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const entry = (fetchedAt: string, scale: number) => ({
    account: 'syncpay',
    provider: 'syncpay',
    fetchedAt,
    reported: [],
    notices: [],
    balances: [
      {
        account: 'syncpay',
        provider: 'syncpay',
        mode: 'test',
        wallet: null,
        walletName: null,
        currency: 'USD',
        network: null,
        providerCurrency: 'USD',
        available: '999999',
        pending: null,
        total: '999999',
        usdValue: null,
        usdRate: null,
        usdSource: null,
        updatedAt: null,
        scale,
        networkFee: null,
        assetDecimals: null,
      },
    ],
  });
  const entries = { a: entry(new Date().toISOString(), 1e15), b: entry(new Date(Date.now() + 86_400_000).toISOString(), 2) };
  writeFileSync(join(dir, 'balances.json'), JSON.stringify({ format: 'balance-inspector/balance-cache/v1', entries }), { mode: 0o600 });
  env.env.XDG_CACHE_HOME = join(env.dir, name);
}

const retry: Scenario[] = [
  ...[
    ['1e20 seconds', '100000000000000000000'],
    ['a date in year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT'],
    ['one week', '604800'],
  ].map(([name, value], i): Scenario => ({
    id: `RA${i + 1}`,
    what: `429 with Retry-After ${name}: stops at once with exit 5 naming when`,
    exit: 5,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': value ?? '' }, times: 10 }),
    args: syncpay(),
    attempts: { provider: 'syncpay', count: 1 },
    stderr: /SyncPay rate-limited account 'syncpay' \(429[^)]*\); (retry after 168h \(\d{4}-|it asks to wait 720h or more \(not before \d{4}-)/,
  })),
  ...[
    ['1h', '3600', 'retry after 1h'],
    ['1e20 seconds', '100000000000000000000', 'it asks to wait 720h or more'],
  ].map(([name, value, says], i): Scenario => ({
    id: `RA${i + 4}`,
    what: `watch holds a key back after Retry-After ${name}: one request, not one per poll`,
    exit: 143,
    stdout: /"type":"snapshot"/,
    maxMs: 10_000,
    once: true,
    interrupt: { name: 'SIGTERM', afterMs: 4_000 },
    setup: (env) => env.sandbox.faults.add({ provider: 'flow-payments', kind: 'status', status: 429, headers: { 'retry-after': value ?? '' }, times: 50 }),
    args: (env) => ['watch', '--json', '--interval', '500ms', ...on(env, '--account', 'flow-main')],
    stderr: new RegExp(`Flow Payments rate-limited account 'flow-main' \\(429[^)]*\\); ${says ?? ''}`),
    attempts: { provider: 'flow-payments', count: 1 },
    // A wait longer than one timer reaches (30 days) must not fire at once, over and over.
    check: (result) => {
      if (result.stderr.includes('TimeoutOverflowWarning')) throw new Error('a timer overflowed: the wait fired at once');
    },
  })),
];

/** The user's own config in $XDG_CONFIG_HOME/balance-inspector/, the one a planted file must not beat. */
function useXdgConfig(env: ScenarioEnv): void {
  const xdg = join(env.dir, 'xdg', 'balance-inspector');
  mkdirSync(xdg, { recursive: true });
  writeFileSync(join(xdg, 'config.json'), readFileSync(env.configPath), { mode: 0o600 });
  env.env.XDG_CONFIG_HOME = join(env.dir, 'xdg');
}
const planted = { accounts: { attacker: { provider: 'syncpay', baseUrl: 'http://127.0.0.1:9', apiKey: '${BI_SYNCPAY_KEY}' } } };

const otherOwner: Scenario[] = [
  {
    id: 'O01',
    what: 'config owned by another user, mode 0600: refused with a chown hint',
    exit: 3,
    stdout: 'empty',
    maxMs: 8_000,
    setup: (env) => chownSync(env.configPath, OTHER_UID, OTHER_UID),
    args: (env) => ['balances', ...on(env)],
    stderr: /refusing to use the config .*: it belongs to another user \(uid 4242\); only your own files are trusted: run `chown /,
  },
  {
    id: 'O02',
    what: 'key file owned by another user',
    exit: 3,
    stdout: othersPrinted('swipelux'),
    maxMs: 8_000,
    setup: (env) => chownSync(join(env.dir, 'swipelux.key'), OTHER_UID, OTHER_UID),
    args: (env) => ['balances', ...on(env)],
    stderr: /apiKeyFile: refusing to read the key from .*swipelux\.key: it belongs to another user \(uid 4242\)/,
  },
  {
    id: 'O03',
    what: 'cache file owned by another user: refused (exit 3), never read',
    exit: 3,
    stdout: 'empty',
    maxMs: 8_000,
    setup: (env) => {
      plantCache(env, 'cache-foreign');
      chownSync(join(env.dir, 'cache-foreign', 'balance-inspector', 'balances.json'), OTHER_UID, OTHER_UID);
    },
    args: syncpay('--max-age', '1h'),
    once: true,
    stderr: /refusing to use the cache file .*balances\.json: it belongs to another user \(uid 4242\)/,
  },
  {
    id: 'O04',
    what: "another user's .balancerc.json in a shared parent never wins over the user's XDG config",
    exit: 0,
    stdout: 'json-complete',
    maxMs: 8_000,
    setup: (env) => {
      const shared = join(env.dir, 'shared');
      mkdirSync(join(shared, 'work'), { recursive: true });
      chmodSync(shared, 0o1777);
      chownSync(writeConfig(shared, planted), OTHER_UID, OTHER_UID);
      useXdgConfig(env);
    },
    cwd: (env) => join(env.dir, 'shared', 'work'),
    args: ['balances', '--json', '--account', 'syncpay'],
    stderr: /^$/,
    check: (r) => {
      if (r.stdout.includes('attacker')) throw new Error('the planted config was used');
    },
  },
  {
    id: 'O05',
    what: 'the search does not enter a directory another user owns',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 8_000,
    setup: (env) => {
      const theirs = join(env.dir, 'theirs');
      mkdirSync(join(theirs, 'sub'), { recursive: true });
      writeConfig(theirs, planted);
      chownSync(theirs, OTHER_UID, OTHER_UID);
      useXdgConfig(env);
    },
    cwd: (env) => join(env.dir, 'theirs', 'sub'),
    args: ['balances', '--json', '--account', 'syncpay'],
    stderr: /^$/,
  },
];

if (!IS_ROOT) process.stderr.write(`\n*** fault suite: NOT ROOT — ${otherOwner.length} "owned by another user" scenarios are SKIPPED ***\n\n`);

export const trustScenarios: Scenario[] = [...fileTrust, ...retry, ...(IS_ROOT ? otherOwner : [])];
