// Every --json document the CLI prints, validated against the schema files shipped in schema/:
// real output from the built CLI against the sandbox, on success, failure and with the cache.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { sandboxWithConfig, tempDir } from '../helpers/fixtures.js';
import { schemaProblems, type SchemaName } from '../helpers/schemas.js';

let sandbox: Sandbox;
let configPath: string;
let cacheHome: string;
beforeAll(async () => {
  ({ sandbox, configPath } = await sandboxWithConfig());
  cacheHome = tempDir('bi-cache-');
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

async function documentOf(schema: SchemaName, args: string[], expectedCode: number): Promise<Record<string, unknown>> {
  const { code, stdout, stderr } = await runCli([...args, '--json', '--config', configPath], { env: { XDG_CACHE_HOME: cacheHome } });
  expect(code, stderr).toBe(expectedCode);
  const doc = JSON.parse(stdout) as Record<string, unknown>;
  expect(schemaProblems(schema, doc)).toEqual([]);
  return doc;
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
