// The balance cache through the built CLI: hits, misses, expiry, keying, file safety, --no-cache,
// and can-withdraw never answering yes from it.
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/server.js';
import { allSandboxCredentials, SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { runCli } from '../helpers/cli.js';
import { basicPair, expectNoSecrets } from '../helpers/secrets.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();
let cacheHome: string;
beforeEach(() => {
  cacheHome = tempDir('bi-cache-');
});

const cacheFile = () => join(cacheHome, 'balance-inspector', 'balances.json');
const cli = (args: string[], path = e2e.configPath) => runCli([...args, '--config', path], { env: { XDG_CACHE_HOME: cacheHome } });
/** Requests the sandbox saw while `run` ran, by provider. */
async function requestsDuring<T>(run: () => Promise<T>): Promise<{ result: T; providers: string[] }> {
  const before = e2e.sandbox.requests.length;
  const result = await run();
  return { result, providers: e2e.sandbox.requests.slice(before).map((r) => r.provider) };
}

describe('balance cache', () => {
  it('is opt-in: without --max-age nothing is read or written', async () => {
    const { code, stdout } = await cli(['balances', '--json', '--account', 'syncpay']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).not.toHaveProperty('cache');
    expect(() => statSync(cacheFile())).toThrow();
  });

  it('reuses balances within --max-age, says so on stderr and in JSON, with identical figures', async () => {
    const first = await requestsDuring(() => cli(['balances', '--json', '--max-age', '1m', '--account', 'syncpay,flow-main']));
    expect(first.providers.sort()).toEqual(['flow-payments', 'syncpay']);
    const firstDoc = JSON.parse(first.result.stdout);
    expect(firstDoc.cache.accounts.map((a: { source: string }) => a.source)).toEqual(['live', 'live']);

    const second = await requestsDuring(() => cli(['balances', '--json', '--max-age', '1m', '--account', 'syncpay,flow-main']));
    expect(second.providers).toEqual([]);
    expect(second.result.code).toBe(0);
    expect(second.result.stderr).toMatch(/^from the cache: 'flow-main' \(\d+(ms|\.\ds|s)? old\), 'syncpay' \(.+ old\); --no-cache to fetch fresh\n$/);
    const doc = JSON.parse(second.result.stdout);
    expect(doc.balances).toEqual(firstDoc.balances);
    expect(doc.cache).toMatchObject({
      maxAgeMs: 60_000,
      accounts: [
        { account: 'flow-main', source: 'cache' },
        { account: 'syncpay', source: 'cache' },
      ],
    });
    expect(doc.cache.accounts[0].fetchedAt).toBe(firstDoc.cache.accounts[0].fetchedAt);
    expect(doc.cache.accounts[0].ageMs).toBeGreaterThanOrEqual(0);

    // total and the table read the same entries; --quiet silences the notice.
    const total = await requestsDuring(() => cli(['total', '--json', '--quiet', '--max-age', '1m', '--account', 'syncpay,flow-main']));
    expect([total.providers, total.result.stderr]).toEqual([[], '']);
    expect(JSON.parse(total.result.stdout).grandTotal).toBe('2267.03');
  });

  it('expires: an entry older than --max-age is fetched again', async () => {
    await cli(['balances', '--max-age', '1m', '--account', 'syncpay']);
    await new Promise((r) => setTimeout(r, 120));
    const again = await requestsDuring(() => cli(['balances', '--json', '--max-age', '100ms', '--account', 'syncpay']));
    expect(again.providers).toEqual(['syncpay']);
    expect(JSON.parse(again.result.stdout).cache.accounts).toMatchObject([{ account: 'syncpay', source: 'live', ageMs: 0 }]);
  });

  it('is keyed by the account config: another baseUrl or another key is a miss', async () => {
    await cli(['balances', '--max-age', '1m', '--account', 'syncpay']);
    const accounts = e2e.config.accounts as Record<string, Record<string, unknown>>;
    const dir = tempDir();
    const second = await startSandbox();
    try {
      const otherHost = writeConfig(dir, { ...e2e.config, accounts: { syncpay: { ...accounts.syncpay, baseUrl: second.baseUrl('syncpay') } } }, 'host.json');
      const { code } = await cli(['balances', '--max-age', '1m'], otherHost);
      expect([code, second.requests.map((r) => r.provider)]).toEqual([0, ['syncpay']]);
    } finally {
      await second.close();
    }
    e2e.sandbox.state.keys.syncpay?.add('sk_test_rotatedsyncpaykey0000000002');
    const otherKey = writeConfig(
      dir,
      { ...e2e.config, accounts: { syncpay: { ...accounts.syncpay, apiKey: 'sk_test_rotatedsyncpaykey0000000002' } } },
      'key.json',
    );
    expect((await requestsDuring(() => cli(['balances', '--max-age', '1m'], otherKey))).providers).toEqual(['syncpay']);
    // The original config still hits its own entry.
    expect((await requestsDuring(() => cli(['balances', '--max-age', '1m', '--account', 'syncpay']))).providers).toEqual([]);
  });

  it('writes 0600 in a 0700 folder, and holds no key in any form', async () => {
    await cli(['balances', '--max-age', '1m']);
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(join(cacheHome, 'balance-inspector')).mode & 0o777).toBe(0o700);
    const text = readFileSync(cacheFile(), 'utf8');
    expect(text).toContain('"1250.50"');
    expectNoSecrets(
      [text],
      [
        ...allSandboxCredentials(),
        basicPair(SANDBOX_KEYS.cryptofuse.clientId!, SANDBOX_KEYS.cryptofuse.clientSecret!),
        ...e2e.sandbox.state.cryptofuse.tokens.keys(),
      ],
    );
  });

  it('--no-cache neither reads nor writes; config cache.maxAge turns it on', async () => {
    await cli(['balances', '--max-age', '1m', '--account', 'syncpay']);
    const before = readFileSync(cacheFile(), 'utf8');
    const bypass = await requestsDuring(() => cli(['balances', '--json', '--max-age', '1m', '--no-cache', '--account', 'syncpay']));
    expect(bypass.providers).toEqual(['syncpay']);
    expect(JSON.parse(bypass.result.stdout)).not.toHaveProperty('cache');
    expect(readFileSync(cacheFile(), 'utf8')).toBe(before);

    const withSection = writeConfig(tempDir(), { ...e2e.config, cache: { maxAge: '1m' } });
    const fromConfig = await requestsDuring(() => cli(['balances', '--json', '--account', 'syncpay'], withSection));
    expect(fromConfig.providers).toEqual([]);
    expect(JSON.parse(fromConfig.result.stdout).cache.maxAgeMs).toBe(60_000);
  });

  it('a bad cache section is a config error; a bad --max-age is a usage error', async () => {
    const bad = writeConfig(tempDir(), { ...e2e.config, cache: { maxAge: 30, ttl: '1m' } });
    const { code, stderr } = await cli(['balances'], bad);
    expect(code).toBe(3);
    expect(stderr).toContain('cache.ttl: unknown key');
    expect(stderr).toContain('cache.maxAge: expected a duration such as 30s or 2m, got a number');
    expect((await cli(['balances', '--max-age', 'soon'])).code).toBe(2);
  });

  it('a corrupt cache file is ignored with a debug note, never fatal, and replaced', async () => {
    mkdirSync(join(cacheHome, 'balance-inspector'), { recursive: true, mode: 0o700 });
    writeFileSync(cacheFile(), '{"format": "balance-inspector/balance-cache/v1", "entries": {', { mode: 0o600 });
    const { code, stderr } = await cli(['balances', '--max-age', '1m', '--account', 'syncpay', '--debug']);
    expect(code).toBe(0);
    expect(stderr).toContain('cache: ignoring unreadable');
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8')).entries).not.toEqual({});
  });

  it('can-withdraw never answers yes from the cache: it asks the provider every time', async () => {
    const warm = await cli(['balances', '--max-age', '1m', '--account', 'syncpay']);
    expect(warm.code).toBe(0);
    // The cached figures would say yes (500 USDT available); the provider refuses the key now.
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401 });
    const down = await cli(['can-withdraw', 'USDT', '10', '--max-age', '1m', '--account', 'syncpay', '--json']);
    expect(down.code).toBe(4);
    expect(JSON.parse(down.stdout)).toMatchObject({ decision: 'unknown', account: null });
    const fresh = await requestsDuring(() => cli(['can-withdraw', 'USDT', '10', '--max-age', '1m', '--account', 'syncpay']));
    expect(fresh.providers).toEqual(['syncpay']);
    expect(fresh.result.code).toBe(0);
  });
});
