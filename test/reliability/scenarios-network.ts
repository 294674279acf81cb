// Network and HTTP fault scenarios: what is injected, the command, and what the user must see.
import { startSandbox } from '../../src/sandbox/server.js';
import { on, type Scenario, type ScenarioEnv } from './harness.js';
import { writeConfig } from '../helpers/fixtures.js';

type Accounts = Record<string, Record<string, unknown>>;

/** Rewrite the scenario's config with one account changed. */
export function patchAccount(env: ScenarioEnv, name: string, patch: Record<string, unknown>): void {
  const accounts = { ...(env.config.accounts as Accounts) };
  accounts[name] = { ...accounts[name], ...patch };
  env.config = { ...env.config, accounts };
  env.configPath = writeConfig(env.dir, env.config, 'patched.json');
}

const syncpayJson = (env: ScenarioEnv) => ['balances', '--json', ...on(env, '--account', 'syncpay')];
const fault = (f: Parameters<ScenarioEnv['sandbox']['faults']['add']>[0]) => (env: ScenarioEnv) => env.sandbox.faults.add(f);

const network: Scenario[] = [
  {
    id: 'N01',
    what: 'connection refused',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: async (env) => {
      const closed = await startSandbox();
      const url = closed.baseUrl('syncpay');
      await closed.close();
      patchAccount(env, 'syncpay', { baseUrl: url });
    },
    args: syncpayJson,
    stderr: /error: cannot reach SyncPay for account 'syncpay' at 127\.0\.0\.1:\d+: connection refused/,
  },
  {
    id: 'N02',
    what: 'connection reset before any answer, every time',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({ provider: 'syncpay', kind: 'reset', times: 5 }),
    args: syncpayJson,
    stderr: /cannot reach SyncPay for account 'syncpay' .*(connection reset|closed)/,
    attempts: { provider: 'syncpay', count: 3 },
  },
  {
    id: 'N03',
    what: 'connection reset once, then a good answer',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 5_000,
    setup: fault({ provider: 'syncpay', kind: 'reset' }),
    args: syncpayJson,
    stderr: /^$/,
    attempts: { provider: 'syncpay', count: 2 },
  },
  {
    id: 'N04',
    what: 'server accepts and never answers',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 5_000,
    setup: fault({ provider: 'syncpay', kind: 'hang', times: 5 }),
    args: (env) => [...syncpayJson(env), '--timeout', '1500ms'],
    stderr: /timed out waiting for SyncPay for account 'syncpay' \(no answer within 1\.5s\)/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'N05',
    what: 'headers, then a stalled body',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 5_000,
    setup: fault({ provider: 'syncpay', kind: 'stall-body', times: 5 }),
    args: (env) => [...syncpayJson(env), '--timeout', '1500ms'],
    stderr: /timed out waiting for SyncPay for account 'syncpay'/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'N06',
    what: 'truncated body (connection closed mid-body), every time',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({ provider: 'syncpay', kind: 'truncate', times: 5 }),
    args: syncpayJson,
    stderr: /connection closed before the whole response arrived/,
    attempts: { provider: 'syncpay', count: 3 },
  },
  {
    id: 'N07',
    what: 'truncated body once, then a good answer',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 5_000,
    setup: fault({ provider: 'syncpay', kind: 'truncate' }),
    args: syncpayJson,
    stderr: /^$/,
    attempts: { provider: 'syncpay', count: 2 },
  },
  {
    id: 'N08',
    what: 'a trickle slower than the time budget',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 5_000,
    setup: fault({ provider: 'syncpay', kind: 'trickle', intervalMs: 2_000, times: 5 }),
    args: (env) => [...syncpayJson(env), '--timeout', '1500ms'],
    stderr: /timed out waiting for SyncPay/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'N09',
    what: 'oversized body (20 MiB)',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: fault({ provider: 'syncpay', kind: 'oversize', bytes: 20 * 1024 * 1024 }),
    args: syncpayJson,
    stderr: /SyncPay for account 'syncpay' sent a response larger than 8 MiB; refusing to read it/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'N10',
    what: 'keep-alive socket closed by the server between requests',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 6_000,
    setup: fault({ provider: 'cryptofuse', kind: 'close-after', times: 10 }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'casino-v3')],
    stderr: /^$/,
    attempts: { provider: 'cryptofuse', count: [3, 6] },
  },
  {
    id: 'N11',
    what: 'one account unreachable, the others fine',
    exit: 5,
    maxMs: 8_000,
    setup: async (env) => {
      const closed = await startSandbox();
      const url = `${closed.baseUrl('flow-payments')}/api`;
      await closed.close();
      patchAccount(env, 'flow-main', { baseUrl: url });
    },
    args: (env) => ['balances', '--json', ...on(env)],
    stderr: /cannot reach Flow Payments for account 'flow-main'/,
    stdout: (stdout) => {
      const doc = JSON.parse(stdout) as { complete: boolean; balances: Array<{ account: string }> };
      if (doc.complete || !doc.balances.some((b) => b.account === 'syncpay') || doc.balances.some((b) => b.account === 'flow-main')) {
        throw new Error('expected the other accounts printed and flow-main missing');
      }
    },
  },
];

const retryAfter = (value: string) => ({ provider: 'syncpay', kind: 'status' as const, status: 429, headers: { 'retry-after': value } });

const http: Scenario[] = [
  {
    id: 'H01',
    what: '429 with Retry-After: 1, then success',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 6_000,
    setup: fault(retryAfter('1')),
    args: syncpayJson,
    stderr: /^syncpay: rate-limited, retrying in 1s \(attempt 2 of 3\)\n$/,
    attempts: { provider: 'syncpay', count: 2 },
    check: (r) => {
      if (r.ms < 1_000) throw new Error(`did not wait for Retry-After (${r.ms} ms)`);
    },
  },
  {
    id: 'H02',
    what: '429 with a long Retry-After',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 5_000,
    setup: fault(retryAfter('3600')),
    args: syncpayJson,
    stderr: /SyncPay rate-limited account 'syncpay' \(429 SANDBOX_FAULT: injected 429\); retry after 1h \(\d{4}-/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'H03',
    what: '429 with an HTTP-date Retry-After 2 s ahead',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 7_000,
    setup: (env) => env.sandbox.faults.add(retryAfter(new Date(Date.now() + 2_000).toUTCString())),
    args: syncpayJson,
    stderr: /^(syncpay: rate-limited, retrying in [12]s \(attempt 2 of 3\)\n)?$/, // the date has whole seconds: the wait may be under 1 s
    attempts: { provider: 'syncpay', count: 2 },
  },
  {
    id: 'H04',
    what: '429 with a garbage Retry-After',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 5_000,
    setup: fault(retryAfter('tomorrow-ish')),
    args: syncpayJson,
    stderr: /^$/,
    attempts: { provider: 'syncpay', count: 2 },
  },
  {
    id: 'H05',
    what: '429 on every attempt (short Retry-After)',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: fault({ ...retryAfter('1'), times: 10 }),
    args: syncpayJson,
    stderr: /SyncPay rate-limited account 'syncpay' \(429/,
    attempts: { provider: 'syncpay', count: 3 },
  },
  ...[500, 502, 503, 504].map((status): Scenario => ({
    id: `H${String(status).slice(0, 1)}${String(status).slice(2)}`,
    what: `${status} once, then success`,
    exit: 0,
    stdout: 'json-complete',
    maxMs: 5_000,
    setup: fault({ provider: 'syncpay', kind: 'status', status }),
    args: syncpayJson,
    stderr: /^$/,
    attempts: { provider: 'syncpay', count: 2 },
  })),
  {
    id: 'H10',
    what: '503 forever',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({ provider: 'syncpay', kind: 'status', status: 503, times: 10 }),
    args: syncpayJson,
    stderr: /SyncPay failed for account 'syncpay' \(503 SANDBOX_FAULT: injected 503\) after 3 attempts/,
    attempts: { provider: 'syncpay', count: 3 },
  },
  {
    id: 'H11',
    what: 'Flow 401 with its own body',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: (env) => patchAccount(env, 'flow-main', { apiKey: 'sk_test_notthekey0000000' }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'flow-main')],
    stderr: /Flow Payments rejected the API key for account 'flow-main' \(401 Unauthenticated\.\)/,
    attempts: { provider: 'flow-payments', count: 1 },
  },
  {
    id: 'H12',
    what: 'SyncPay 401 with its own body',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    env: { BI_SYNCPAY_KEY: 'sk_live_notthekey0000000' },
    args: syncpayJson,
    stderr: /SyncPay rejected the API key for account 'syncpay' \(401 UNAUTHORIZED: Invalid API key\)/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'H13',
    what: 'Swipelux 401 problem+json',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({
      provider: 'swipelux',
      kind: 'status',
      status: 401,
      times: 5,
      body: JSON.stringify({
        type: 'https://docs.swipelux.com/errors/unauthorized',
        title: 'Unauthorized',
        status: 401,
        code: 'unauthorized',
        detail: 'The request is missing a valid API key.',
      }),
    }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'swipelux')],
    stderr: /Swipelux rejected the API key for account 'swipelux' \(401 unauthorized: The request is missing a valid API key\.\)/,
  },
  {
    id: 'H14',
    what: 'Cryptofuse 401 DRF body',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    env: { BI_CF_KEY: 'cfk_notthekey000000000' },
    args: (env) => ['balances', '--json', ...on(env, '--account', 'casino-v1')],
    stderr: /Cryptofuse rejected the API key for account 'casino-v1' \(401[^)]*\)/,
  },
  {
    id: 'H15',
    what: 'Swipelux 403 missing permission',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({
      provider: 'swipelux',
      kind: 'status',
      status: 403,
      times: 5,
      body: JSON.stringify({ title: 'Forbidden', status: 403, code: 'forbidden', detail: 'API key is missing required permission: balances:read' }),
    }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'swipelux')],
    stderr: /refused account 'swipelux' access .*missing required permission: balances:read/,
  },
  {
    id: 'H16',
    what: 'Cryptofuse 403 insufficient_permissions',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({
      provider: 'cryptofuse',
      kind: 'status',
      status: 403,
      times: 5,
      body: JSON.stringify({ error: { code: 'insufficient_permissions', message: 'Your API key does not have permission to view wallet balances' } }),
    }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'casino-v1')],
    stderr: /Cryptofuse refused account 'casino-v1' access .*insufficient_permissions/,
  },
  {
    id: 'H17',
    what: 'SyncPay 404 organization not found',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({ provider: 'syncpay', kind: 'status', status: 404, body: '{"error": {"code": "NOT_FOUND", "message": "Organization not found"}}' }),
    args: syncpayJson,
    stderr: /SyncPay does not know this account for account 'syncpay' \(404 NOT_FOUND: Organization not found\)/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'H18',
    what: 'Cryptofuse 404 for one wallet of two',
    exit: 4,
    maxMs: 6_000,
    setup: (env) => patchAccount(env, 'casino-v2', { wallets: ['00000000-0000-0000-0000-000000000000', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'] }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'casino-v2')],
    stderr: /Cryptofuse does not know wallet 00000000-0000-0000-0000-000000000000 for account 'casino-v2' \(404 wallet_not_found/,
    stdout: (stdout) => {
      const doc = JSON.parse(stdout) as { complete: boolean; balances: unknown[] };
      if (doc.complete || doc.balances.length === 0) throw new Error('the other wallet must still print');
    },
  },
  {
    id: 'H19',
    what: 'redirect to another host: not followed, no key sent there',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: async (env) => {
      const other = await startSandbox();
      env.extra.push(other);
      env.sandbox.faults.add({ provider: 'syncpay', kind: 'redirect', location: `${other.baseUrl('syncpay')}/api/v1/accounts/balances`, times: 2 });
    },
    args: syncpayJson,
    stderr: /SyncPay redirected account 'syncpay' to 127\.0\.0\.1:\d+\/syncpay\/api\/v1\/accounts\/balances \(302\); not followed/,
    attempts: { provider: 'syncpay', count: 1 },
    check: (_, env) => {
      if (env.extra[0]?.requests.length !== 0) throw new Error('the redirect target received a request');
    },
  },
  {
    id: 'H20',
    what: '301 to another path on the same host is not followed either',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({ provider: 'syncpay', kind: 'redirect', status: 301, location: '/syncpay/v2/balances', times: 2 }),
    args: syncpayJson,
    stderr: /redirected account 'syncpay' .*\(301\)/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'H21',
    what: 'Cryptofuse 400 invalid_request',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({
      provider: 'cryptofuse',
      kind: 'status',
      status: 400,
      times: 5,
      body: '{"error": {"code": "invalid_request", "message": "One of wallet_id or external_id is required"}}',
    }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'casino-v1')],
    stderr: /invalid_request: One of wallet_id or external_id is required/,
  },
  {
    id: 'H22',
    what: 'Flow 422 Laravel validation body',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: fault({
      provider: 'flow-payments',
      kind: 'status',
      status: 422,
      body: '{"message": "The given data was invalid.", "errors": {"page": ["The page must be at least 1."]}}',
    }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'flow-main')],
    stderr: /Flow Payments rejected the request for account 'flow-main' \(422 The given data was invalid\. The page must be at least 1\.\)/,
  },
];

export const networkScenarios = [...network, ...http];
