// Every --json document the CLI prints, validated against the schema files shipped in schema/:
// real output from the built CLI against the sandbox, on success, failure and with the cache.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli, startCli } from '../helpers/cli.js';
import { configWithReferences, referenceEnv, sandboxWithConfig, tempDir, writeConfig } from '../helpers/fixtures.js';
import { schemaProblems, type SchemaName } from '../helpers/schemas.js';

let sandbox: Sandbox;
let dir: string;
let config: Record<string, unknown>;
let configPath: string;
let cacheHome: string;
beforeAll(async () => {
  ({ sandbox, dir, config, configPath } = await sandboxWithConfig());
  cacheHome = tempDir('bi-cache-');
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

type Doc = Record<string, unknown>;

interface RunSettings {
  /** The config to pass with --config (default: the sandbox's); null: none, let the CLI look. */
  config?: string | null;
  env?: Record<string, string>;
  cwd?: string;
}

async function documentOf(schema: SchemaName, args: string[], expectedCode: number, run: RunSettings = {}): Promise<Doc> {
  const where = run.config === null ? [] : ['--config', run.config ?? configPath];
  const { code, stdout, stderr } = await runCli([...args, '--json', ...where], { cwd: run.cwd, env: { XDG_CACHE_HOME: cacheHome, ...run.env } });
  expect(code, stderr).toBe(expectedCode);
  const doc = JSON.parse(stdout) as Doc;
  expect(schemaProblems(schema, doc)).toEqual([]);
  return doc;
}

/** The problems of a copy of `doc` changed by `change` (none would mean the schema misses it). */
function problemsAfter<T>(schema: SchemaName, doc: T, change: (copy: T) => void): string[] {
  const copy = structuredClone(doc);
  change(copy);
  return schemaProblems(schema, copy);
}

describe('JSON output matches schema/*.v1.json', () => {
  it('balances: complete, with a failed account, and with the cache object', async () => {
    await documentOf('balances', ['balances'], 0);
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401 });
    expect(await documentOf('balances', ['balances'], 4)).toMatchObject({ complete: false });
    await documentOf('balances', ['balances', '--max-age', '1m'], 0);
    const cached = await documentOf('balances', ['balances', '--max-age', '1m', '--hide-zero'], 0);
    expect(cached.cache).toMatchObject({ maxAgeMs: 60_000 });
  });

  it('balances from demo (the in-memory config)', async () => {
    const { code, stdout } = await runCli(['demo', '--json']);
    expect(code).toBe(0);
    expect(schemaProblems('balances', JSON.parse(stdout))).toEqual([]);
  });

  it('total: by currency, by account with a failure, and from the cache', async () => {
    await documentOf('total', ['total'], 0);
    sandbox.faults.add({ provider: 'flow-payments', kind: 'html' });
    await documentOf('total', ['total', '--by', 'account'], 6);
    const cached = await documentOf('total', ['total', '--by', 'provider', '--max-age', '1m'], 0);
    expect(cached).toHaveProperty('cache');
  });

  it('can-withdraw: yes, no, unheld and unknown', async () => {
    expect(await documentOf('can-withdraw', ['can-withdraw', 'USDT', '10', '--account', 'syncpay'], 0)).toMatchObject({ decision: 'yes' });
    expect(await documentOf('can-withdraw', ['can-withdraw', 'ETH', '1', '--account', 'flow-main'], 1)).toMatchObject({ decision: 'no' });
    expect(await documentOf('can-withdraw', ['can-withdraw', 'USTD', '1'], 1)).toMatchObject({ decision: 'no', candidates: [] });
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401 });
    expect(await documentOf('can-withdraw', ['can-withdraw', 'USDT', '10000'], 4)).toMatchObject({ decision: 'unknown' });
  });

  it('the schemas are strict enough to catch regressions', async () => {
    const doc = await documentOf('balances', ['balances', '--account', 'syncpay'], 0);
    const first = (doc.balances as Array<Record<string, unknown>>)[0] ?? {};
    const mutate = (change: (b: Record<string, unknown>, d: Record<string, unknown>) => void) => {
      const copy = structuredClone(doc);
      change((copy.balances as Array<Record<string, unknown>>)[0] ?? {}, copy);
      return schemaProblems('balances', copy);
    };
    expect(first.available).toBe('1250.50');
    expect(mutate((b) => (b.available = 1250.5))).not.toEqual([]); // money as a JSON number
    expect(mutate((b) => (b.total = '1.2e3'))).not.toEqual([]); // exponent
    expect(mutate((b) => (b.usdValue = '1375.5'))).not.toEqual([]); // USD below cents
    expect(mutate((b) => (b.raw = {}))).not.toEqual([]); // an internal field leaking out
    expect(mutate((b) => delete b.pending)).not.toEqual([]); // unknown must be null, not absent
    expect(mutate((_, d) => (d.schemaVersion = 2))).not.toEqual([]);
    expect(mutate((_, d) => (d.generatedAt = 'yesterday'))).not.toEqual([]);
  });
});

describe('config check --json matches schema/config-check.v1.json', () => {
  type Account = Doc & { account: string; credentials: Doc[]; errors: Doc[] };
  const accountsOf = (doc: Doc) => doc.accounts as Account[];
  const accountNamed = (doc: Doc, name: string) => accountsOf(doc).find((a) => a.account === name);

  it('all good: keys from variables, a key file and the config itself, every account called', async () => {
    const path = configWithReferences(dir, config, 0o600);
    const doc = await documentOf('config-check', ['config', 'check'], 0, { config: path, env: referenceEnv });
    expect(doc).toMatchObject({ ok: true, exitCode: 0, config: { path, origin: 'flag', error: null } });
    const credentials = accountsOf(doc).flatMap((a) => a.credentials);
    expect(new Set(credentials.map((c) => c.source))).toEqual(new Set(['env', 'file', 'literal']));
    expect(accountsOf(doc).every((a) => a.called && a.errors.length === 0)).toBe(true);
  });

  it('failing accounts: a wrong key (called, refused), an unset variable and an unsafe key file (not called)', async () => {
    const path = configWithReferences(dir, config, 0o644);
    const doc = await documentOf('config-check', ['config', 'check'], 3, { config: path, env: { SYNCPAY_API_KEY: 'sk_test_wrongkey000000000000000' } });
    expect(doc).toMatchObject({ ok: false, exitCode: 3, config: { error: null } });
    expect(accountNamed(doc, 'syncpay')).toMatchObject({
      called: true,
      reachable: true,
      authOk: false,
      balances: 0,
      exitCode: 4,
      errors: [{ code: 'AUTH_FAILED', hint: expect.any(String) }],
    });
    expect(accountNamed(doc, 'flow-main')).toMatchObject({
      called: false,
      reachable: null,
      latencyMs: null,
      exitCode: 3,
      errors: [{ code: 'UNSET_VARIABLE' }],
    });
    expect(accountNamed(doc, 'swipelux')).toMatchObject({ called: false, credentials: [{ source: 'file', ok: false }], exitCode: 3 });
  });

  it('a config that is invalid, and none at all: config.error, no accounts', async () => {
    const invalid = writeConfig(dir, { accounts: { a: { provider: 'syncpay', apiKye: 'x' } } }, 'invalid.json');
    const doc = await documentOf('config-check', ['config', 'check'], 3, { config: invalid });
    expect(doc).toMatchObject({
      config: { path: invalid, accounts: null, error: { code: 'CONFIG', problems: expect.arrayContaining([expect.stringContaining('apiKye')]) } },
      accounts: [],
    });
    const nowhere = tempDir();
    const none = await documentOf('config-check', ['config', 'check'], 3, { config: null, cwd: nowhere, env: { HOME: nowhere, XDG_CONFIG_HOME: nowhere } });
    expect(none).toMatchObject({ config: { path: null, origin: null, mode: null, error: { code: 'NO_CONFIG' } }, accounts: [] });
  });

  it('the schema is strict enough to catch regressions', async () => {
    const doc = await documentOf('config-check', ['config', 'check', '--account', 'syncpay'], 0);
    const broken = (change: (d: Doc & { accounts: Account[] }) => void) => problemsAfter('config-check', doc as Doc & { accounts: Account[] }, change);
    expect(broken(() => {})).toEqual([]);
    expect(broken((d) => (d.accounts[0]!.latencyMs = '57'))).not.toEqual([]); // a number as a string
    expect(broken((d) => (d.accounts[0]!.balances = '4.00'))).not.toEqual([]); // a count, not an amount
    expect(broken((d) => (d.accounts[0]!.credentials[0]!.value = 'sk_test_…'))).not.toEqual([]); // a key leaking out
    expect(broken((d) => (d.accounts[0]!.called = false))).not.toEqual([]); // not called, yet a latency
    expect(broken((d) => (d.exitCode = 4))).not.toEqual([]); // ok with a failing code
    expect(broken((d) => (d.config = { ...(d.config as Doc), error: null, path: null }))).not.toEqual([]); // no file, no error
    expect(broken((d) => (d.schemaVersion = 2))).not.toEqual([]);
  });
});

describe('watch --json: every NDJSON line matches schema/watch-events.v1.json', () => {
  it('a run with every event type: snapshot, change (also to and from unknown), threshold, error, recovered', async () => {
    const { sandbox: ticking, configPath: tickingConfig } = await sandboxWithConfig({ scenario: { name: 'ticker' } });
    // swipelux refuses every request until the snapshot is out, so it carries an error (complete: false).
    ticking.faults.add({ provider: 'swipelux', kind: 'status', status: 401, times: 1_000_000 });
    const run = startCli(
      [
        'watch',
        '--json',
        '--interval',
        '200ms',
        '--config',
        tickingConfig,
        '--below',
        'USDT@tron=10000',
        '--above',
        'syncpay:NGN=1',
        '--below',
        'syncpay:USD=100',
      ],
      { timeoutMs: 40_000 },
    );
    try {
      const seen = (test: (e: Doc) => boolean) => run.lines.some((l) => test(JSON.parse(l) as Doc));
      await run.waitFor(() => seen((e) => e.type === 'snapshot'));
      ticking.faults.clear();
      // Once SyncPay's balances are known (a ticker change from a known value; a poll may fail on
      // a loaded machine), it answers, in this order: without GHS and with USD at 0.00 (changes to
      // unknown, the USD level crossed); 503 (an error: a 200 ms poll has no time to retry); as
      // usual again (recovered, GHS back from unknown, the USD level recovered: the last event).
      // Two of each, so one answer lost to a client-side timeout changes nothing.
      await run.waitFor(() => seen((e) => e.type === 'change' && e.account === 'syncpay' && e.old !== null));
      const balances = ticking.state.syncpay.balances
        .filter((b) => b.currency !== 'GHS')
        .map((b) => (b.currency === 'USD' ? { ...b, available_balance: '0.00' } : b));
      const body = JSON.stringify({ success: true, account_id: 'org_abc123', balances, total_balance_usd: ticking.state.syncpay.totalBalanceUsd });
      ticking.faults.add({ provider: 'syncpay', kind: 'body', body, times: 2 });
      ticking.faults.add({ provider: 'syncpay', kind: 'status', status: 503, times: 2 });
      await run.waitFor(() => seen((e) => e.type === 'threshold' && e.state === 'recovered'), 15_000);
      run.interrupt('SIGTERM');
      expect((await run.done).code).toBe(143);
    } finally {
      run.interrupt('SIGTERM');
      await run.done.catch(() => undefined);
      await ticking.close();
    }

    const events = run.lines.map((line) => JSON.parse(line) as Doc);
    for (const [i, event] of events.entries()) expect(schemaProblems('watch-events', event), `line ${i + 1}: ${run.lines[i]}`).toEqual([]);
    const ofType = (type: string) => events.filter((e) => e.type === type);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['snapshot', 'change', 'threshold', 'error', 'recovered']));
    expect(ofType('snapshot')).toEqual([
      expect.objectContaining({ complete: false, errors: expect.arrayContaining([expect.objectContaining({ account: 'swipelux' })]) }),
    ]);
    // The nullable members were really exercised, not only their string side.
    expect(ofType('change')).toContainEqual(expect.objectContaining({ currency: 'GHS', new: null, delta: null, sinceStart: null, balance: null }));
    expect(ofType('change')).toContainEqual(expect.objectContaining({ currency: 'GHS', old: null, new: '5600.00', balance: expect.any(Object) }));
    expect(ofType('threshold').map((e) => [e.rule, e.kind, e.state, e.account, e.network])).toEqual(
      expect.arrayContaining([
        ['--below USDT@tron=10000', 'below', 'crossed', null, 'tron'],
        ['--above syncpay:NGN=1', 'above', 'crossed', 'syncpay', null],
        ['--below syncpay:USD=100', 'below', 'crossed', 'syncpay', null],
        ['--below syncpay:USD=100', 'below', 'recovered', 'syncpay', null],
      ]),
    );
    expect(ofType('error')).toContainEqual(expect.objectContaining({ account: 'syncpay', exitCode: 5, lastSuccessAt: expect.any(String) }));

    const change = ofType('change').find((e) => e.old !== null && e.new !== null) as Doc;
    const threshold = ofType('threshold')[0] as Doc;
    const broken = (event: Doc, edit: (e: Doc) => void) => problemsAfter('watch-events', event, edit);
    expect(broken(change, (e) => (e.new = Number(e.new)))).not.toEqual([]); // money as a JSON number
    expect(broken(change, (e) => ((e.balance as Doc).available = 1250.5))).not.toEqual([]);
    expect(broken(change, (e) => (e.delta = null))).not.toEqual([]); // both sides known, delta unknown
    expect(broken(change, (e) => (e.type = 'changed'))).not.toEqual([]);
    expect(broken(change, (e) => (e.raw = {}))).not.toEqual([]);
    expect(broken(threshold, (e) => delete e.previous)).not.toEqual([]); // unknown must be null, not absent
    expect(broken(threshold, (e) => (e.level = '1e4'))).not.toEqual([]);
    expect(broken(threshold, (e) => (e.schemaVersion = 2))).not.toEqual([]);
  });
});
