// The config's JSON Schema (schema/config.v1.json, for editors) and `config check` (validateConfig)
// are one set of rules: the schema is generated from the validator's (src/config/json-schema.ts),
// and here both judge the same configs — valid ones, and one variation per rule that must fail —
// and must give the same answer. The few things a schema cannot say (references between
// sections, below < above) are listed, and config check alone refuses them.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../src/config/json-schema.js';
import { loadConfigFile } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/schema.js';
import { tempDir } from '../helpers/fixtures.js';
import { schemaProblems } from '../helpers/schemas.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Raw = Record<string, unknown>;
const key = '${KEY}';
const flow = { provider: 'flow-payments', apiKey: key };
const withAccount = (account: Raw, rest: Raw = {}): Raw => ({ accounts: { main: account }, ...rest });
const nimbus = {
  baseUrl: 'https://api.nimbus.example',
  auth: { type: 'bearer' },
  balances: { path: '/v2/wallets', records: '$.data[*]', currency: '$.asset', available: '$.available' },
};
const declared = (declaration: Raw, account: Raw = { provider: 'nimbus', apiKey: key }): Raw => ({
  providers: { nimbus: declaration },
  accounts: { main: account },
});

const VALID: Array<[string, Raw]> = [
  [
    'each provider with a key from the environment',
    {
      accounts: {
        f: flow,
        s: { provider: 'syncpay', apiKey: key },
        b: { provider: 'bachs', apiKey: key },
        w: { provider: 'swipelux', apiKey: key },
        c: { provider: 'cryptofuse', apiKey: key },
      },
    },
  ],
  ['a key file', withAccount({ provider: 'syncpay', apiKeyFile: '/run/secrets/syncpay' })],
  ['a literal key', withAccount({ provider: 'syncpay', apiKey: 'sk_test_0123456789abcdef' })],
  [
    'Cryptofuse OAuth client',
    withAccount({
      provider: 'cryptofuse',
      clientId: '${CID}',
      clientSecret: '${CSECRET}',
      apiVersion: 'v2',
      wallets: ['550e8400-e29b-41d4-a716-446655440000'],
    }),
  ],
  ['Cryptofuse v3 external ids', withAccount({ provider: 'cryptofuse', apiKey: key, externalIds: ['player-12345'] })],
  [
    'Swipelux v1 wallets and customers',
    withAccount({ provider: 'swipelux', apiKey: key, wallets: ['wal_abc123', 'cus_1/wal_2'], customers: ['cus_abc123', 'biz_1'] }),
  ],
  ['Swipelux v3 accounts', withAccount({ provider: 'swipelux', apiKey: key, apiVersion: 'v3', wallets: ['cus_1/acc_1'] })],
  ['https baseUrl with a path', withAccount({ ...flow, baseUrl: 'https://api-staging.flow-payments.com/api' })],
  ['http to loopback', withAccount({ ...flow, baseUrl: 'http://127.0.0.1:8787/flow-payments' })],
  ['http to localhost and ::1', { accounts: { a: { ...flow, baseUrl: 'http://localhost:1' }, b: { ...flow, baseUrl: 'http://[::1]:2/x' } } }],
  ['mode', withAccount({ ...flow, mode: 'test' })],
  [
    'rates, pegged, minimums, reserves, decimals',
    withAccount(flow, {
      rates: { NGN: '0.00065', GHS: '0.065' },
      pegged: ['USDT', 'USDC'],
      minimums: { main: { USD: '10' } },
      reserves: { main: { USDT_TRC20: '500' } },
      decimals: { main: { USDTPOLYGON: 6, XYZ: '8' } },
    }),
  ],
  ['cache and history', withAccount(flow, { cache: { maxAge: '30s' }, history: { store: 'postgres://ledger@db.internal/treasury', retain: '400d' } })],
  ['compound durations, any case', withAccount(flow, { cache: { maxAge: '1m30s' }, history: { retain: '52W 1d12h' } })],
  ['a zero cache maxAge (never reuse)', withAccount(flow, { cache: { maxAge: '0s' } })],
  ['a declared provider and an account using it', declared(nimbus)],
  [
    'a declared provider with OAuth, paging, rows and every optional key',
    declared(
      {
        ...nimbus,
        displayName: 'Nimbus',
        auth: { type: 'oauth2', tokenUrl: '/oauth/token', scope: 'balances:read' },
        mode: { live: { keyPrefix: 'nk_live_' }, test: { keyPrefix: 'nk_test_' } },
        rateLimit: { requests: 60, perSeconds: 60 },
        concurrency: 2,
        pollInterval: '1m30s',
        balances: {
          ...nimbus.balances,
          paginate: { type: 'cursor', param: 'cursor', next: '$.next_cursor', hasMore: '$.has_more' },
          wallet: { id: '$.id', name: '$.label' },
          rows: '$.balances[*]',
          network: '$.chain',
          pending: '$.pending',
          scale: 6,
        },
        withdrawals: { minimums: { USDT: '10' } },
      },
      { provider: 'nimbus', clientId: '${CID}', clientSecret: '${CSECRET}', mode: 'test' },
    ),
  ],
  [
    'alerts',
    withAccount(flow, {
      alerts: {
        'low-usdt': { currency: 'USDT', below: '100' },
        'main-tron': { account: 'main', currency: 'USDT', network: 'tron', below: '50', above: '10000' },
      },
    }),
  ],
];

const INVALID: Array<[string, Raw]> = [
  ['no accounts section', { rates: {} }],
  ['no account', { accounts: {} }],
  ['an unknown top-level key', withAccount(flow, { acounts: {} })],
  ['an account name with a space', { accounts: { 'my account': flow } }],
  ['no provider', withAccount({ apiKey: key })],
  ['an unknown provider that cannot be a declared id either', withAccount({ provider: 'Flow Payments', apiKey: key })],
  ['a misspelt key', withAccount({ provider: 'flow-payments', apiKye: key })],
  ['a key of another provider', withAccount({ ...flow, wallets: ['w1'] })],
  ['no credentials', withAccount({ provider: 'syncpay' })],
  ['apiKey and apiKeyFile', withAccount({ provider: 'syncpay', apiKey: key, apiKeyFile: '/k' })],
  ['an OAuth id without its secret', withAccount({ provider: 'cryptofuse', clientId: '${CID}' })],
  ['OAuth for a provider without it', withAccount({ provider: 'syncpay', clientId: '${CID}', clientSecret: '${S}' })],
  ['an empty key', withAccount({ provider: 'syncpay', apiKey: '  ' })],
  ['a bad variable name', withAccount({ provider: 'syncpay', apiKey: '${1KEY}' })],
  ['a placeholder outside a secret', withAccount({ ...flow, baseUrl: 'https://${HOST}' })],
  ['http to another host', withAccount({ ...flow, baseUrl: 'http://api.example.com' })],
  ['user info in the URL', withAccount({ ...flow, baseUrl: 'https://user@api.example.com' })],
  ['a query in the URL', withAccount({ ...flow, baseUrl: 'https://api.example.com/?x=1' })],
  ['another scheme', withAccount({ ...flow, baseUrl: 'ftp://api.example.com' })],
  ['an unknown mode', withAccount({ ...flow, mode: 'prod' })],
  ["a version the provider doesn't have", withAccount({ provider: 'swipelux', apiKey: key, apiVersion: 'v2' })],
  ['a Swipelux v3 wallet that is not customer/account', withAccount({ provider: 'swipelux', apiKey: key, apiVersion: 'v3', wallets: ['wal_1'] })],
  ['a Swipelux customer with a slash', withAccount({ provider: 'swipelux', apiKey: key, customers: ['cus_1/wal_1'] })],
  ['a Swipelux wallet that is a path step', withAccount({ provider: 'swipelux', apiKey: key, wallets: ['cus_1/..'] })],
  ['a Swipelux id with %', withAccount({ provider: 'swipelux', apiKey: key, wallets: ['wal%2F1'] })],
  ['a Cryptofuse wallet that is a path step', withAccount({ provider: 'cryptofuse', apiKey: key, wallets: ['..'] })],
  ['wallets not a list', withAccount({ provider: 'cryptofuse', apiKey: key, wallets: 'w1' })],
  ['an empty wallet id', withAccount({ provider: 'cryptofuse', apiKey: key, wallets: [''] })],
  ['a rate as a number', withAccount(flow, { rates: { NGN: 0.00065 } })],
  ['a rate that is not a decimal', withAccount(flow, { rates: { NGN: '1e-4' } })],
  ['a zero rate', withAccount(flow, { rates: { NGN: '0' } })],
  ['a negative rate', withAccount(flow, { rates: { NGN: '-1' } })],
  ['a rate for a bad code', withAccount(flow, { rates: { 'N GN': '1' } })],
  ['a minimum as a number', withAccount(flow, { minimums: { main: { USD: 10 } } })],
  ['a zero reserve', withAccount(flow, { reserves: { main: { USDT: '0' } } })],
  ['37 decimals', withAccount(flow, { decimals: { main: { X: 37 } } })],
  ['fractional decimals', withAccount(flow, { decimals: { main: { X: '1.5' } } })],
  ['pegged as a string', withAccount(flow, { pegged: 'USDT' })],
  ['a bare cache maxAge', withAccount(flow, { cache: { maxAge: '30' } })],
  ['a numeric cache maxAge', withAccount(flow, { cache: { maxAge: 30 } })],
  ['a cache without maxAge', withAccount(flow, { cache: {} })],
  ['an unknown cache key', withAccount(flow, { cache: { maxAge: '30s', dir: '/tmp' } })],
  ['a zero retention', withAccount(flow, { history: { retain: '0d' } })],
  ['a zero retention in parts', withAccount(flow, { history: { retain: '0d0h' } })],
  ['a duration with its units out of order', withAccount(flow, { history: { retain: '1h1d' } })],
  ['a bare number of days', withAccount(flow, { history: { retain: '400' } })],
  ['a declared id that is a built-in one', { providers: { syncpay: nimbus }, accounts: { main: flow } }],
  ['a declared id in capitals', { providers: { Nimbus: nimbus }, accounts: { main: flow } }],
  ['a declaration with an unknown auth type', declared({ ...nimbus, auth: { type: 'token' } })],
  ['a declaration without its balances', declared({ baseUrl: nimbus.baseUrl, auth: nimbus.auth })],
  ['a declaration with an unknown key', declared({ ...nimbus, endpoint: '/v2' })],
  ['a declared figure that is not a JSONPath', declared({ ...nimbus, balances: { ...nimbus.balances, currency: 'asset' } })],
  ['a declared poll interval that is not a duration', declared({ ...nimbus, pollInterval: '10' })],
  ['an account of a declared provider with a key of a built-in one', declared(nimbus, { provider: 'nimbus', apiKey: key, wallets: ['w1'] })],
  ['an account of a declared provider without credentials', declared(nimbus, { provider: 'nimbus' })],
  ['a retention in words', withAccount(flow, { history: { retain: 'forever' } })],
  ['an empty store', withAccount(flow, { history: { store: '' } })],
  ['an alert without a currency', withAccount(flow, { alerts: { a: { below: '1' } } })],
  ['an alert without a level', withAccount(flow, { alerts: { a: { currency: 'USDT' } } })],
  ['an alert level as a number', withAccount(flow, { alerts: { a: { currency: 'USDT', below: 100 } } })],
  ['an alert that runs a command', withAccount(flow, { alerts: { a: { currency: 'USDT', below: '1', exec: 'rm -rf /' } } })],
];

/** What a schema cannot say: references between sections and comparisons of two values. */
const ONLY_CONFIG_CHECK: Array<[string, Raw]> = [
  ['a minimum for an account that does not exist', withAccount(flow, { minimums: { nope: { USD: '10' } } })],
  ['a reserve for an account that does not exist', withAccount(flow, { reserves: { nope: { USD: '10' } } })],
  ['an alert on an account that does not exist', withAccount(flow, { alerts: { a: { account: 'nope', currency: 'USDT', below: '1' } } })],
  ['an alert whose below is not under its above', withAccount(flow, { alerts: { a: { currency: 'USDT', below: '100', above: '50' } } })],
  ['an account naming a provider no section declares', withAccount({ provider: 'nimbus', apiKey: key })],
  ['an unknown provider (a lower-case id could be a declared one)', withAccount({ provider: 'flow', apiKey: key })],
  ['one currency twice in rates, in two cases', withAccount(flow, { rates: { NGN: '0.00065', ngn: '0.00065' } })],
  ['a retention beyond 100 years', withAccount(flow, { history: { retain: '36501d' } })],
  ['a declared OAuth provider whose account gives a key instead of a client', declared({ ...nimbus, auth: { type: 'oauth2', tokenUrl: '/oauth/token' } })],
  ['a declared JSONPath that does not parse', declared({ ...nimbus, balances: { ...nimbus.balances, currency: '$.[' } })],
];

const validator = (raw: Raw) => {
  try {
    validateConfig(raw, null, 'flag');
    return [];
  } catch (error) {
    return [(error as Error).message, ...((error as { problems?: string[] }).problems ?? [])];
  }
};

describe('the config JSON Schema', () => {
  it('is generated from the validator: schema/config.v1.json is up to date (npm run docs rewrites it)', () => {
    expect(readFileSync(join(ROOT, 'schema/config.v1.json'), 'utf8')).toBe(configJsonSchemaText());
  });

  it.each(VALID)('both accept: %s', (_what, raw) => {
    expect(validator(raw)).toEqual([]);
    expect(schemaProblems('config', raw)).toEqual([]);
  });

  it.each(INVALID)('both refuse: %s', (_what, raw) => {
    expect(validator(raw)).not.toEqual([]);
    expect(schemaProblems('config', raw)).not.toEqual([]);
  });

  it.each(ONLY_CONFIG_CHECK)('only config check refuses (a schema cannot say it): %s', (_what, raw) => {
    expect(validator(raw)).not.toEqual([]);
    expect(schemaProblems('config', raw)).toEqual([]);
  });

  it('accepts .balancerc.example and the files config init writes, which point editors at it', async () => {
    const copy = join(tempDir(), 'example.yaml');
    copyFileSync(join(ROOT, '.balancerc.example'), copy);
    const example = await loadConfigFile(copy);
    expect([validator(example as Raw), schemaProblems('config', example)]).toEqual([[], []]);
    expect(readFileSync(join(ROOT, '.balancerc.example'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/config.v1.json');
  });
});
