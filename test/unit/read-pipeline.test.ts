// The read pipeline (src/api/read.ts) with a registry of fake adapters (as a config carries one): cache
// policies, progress order, outcome order, withdrawal rules null vs undefined, the HTTP budget it
// hands the adapters, interrupts, the sanity boundary and the connections' lifetime.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountOutcome, ResolvedAccount } from '../../src/core/account.js';
import { ConfigError, InterruptedError, UnavailableError } from '../../src/core/errors.js';
import { Decimal } from '../../src/core/money.js';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '../../src/providers/catalog.js';
import { ProviderRegistry } from '../../src/providers/registry.js';
import type { AdapterContext, AdapterResult, WithdrawalRule } from '../../src/providers/kit/adapter.js';
import { balance } from '../helpers/balances.js';

const fake = vi.hoisted(() => ({
  /** Per account name: what its adapter answers (default: one USD balance of 10). */
  answers: new Map<string, (ctx: AdapterContext) => Promise<AdapterResult>>(),
  /** Per account name: what the withdrawal-rules endpoint answers (cryptofuse accounts only). */
  rules: new Map<string, () => Promise<WithdrawalRule[]>>(),
  calls: [] as AdapterContext[],
  closed: 0,
}));

/** The built-in ids with a fake adapter each: the registry a config would carry, faked. */
function fakeRegistry(): ProviderRegistry {
  return new ProviderRegistry(
    PROVIDER_IDS.map((id) => ({
      info: PROVIDERS[id],
      declaration: null,
      loadAdapter: () =>
        Promise.resolve({
          info: PROVIDERS[id],
          errorDetail: () => ({}),
          fetchBalances: (ctx: AdapterContext) => {
            fake.calls.push(ctx);
            const answer = fake.answers.get(ctx.account.name);
            return answer ? answer(ctx) : Promise.resolve(result(ctx.account.name, '10'));
          },
          // Only one provider serves limits from an API, as in the real catalog.
          ...(id === 'cryptofuse' ? { withdrawalRules: (ctx: AdapterContext) => (fake.rules.get(ctx.account.name) ?? (() => Promise.resolve([])))() } : {}),
        }),
    })),
  );
}

const { readAccounts } = await import('../../src/api/read.js');
const { createRuntime } = await import('../../src/http/runtime.js');

/** A runtime whose close() is counted: the pipeline must leave it to whoever created the runtime. */
function countedRuntime() {
  const runtime = createRuntime();
  return {
    ...runtime,
    close: () => {
      fake.closed++;
      return runtime.close();
    },
  };
}

function result(account: string, available: string, extra: Partial<Parameters<typeof balance>[0]> = {}): AdapterResult {
  return { balances: [balance({ account, available, currency: 'USD', ...extra })], reported: [], errors: [], notices: [] };
}

function account(name: string, provider: ProviderId = 'syncpay'): ResolvedAccount {
  return { name, provider, baseUrl: 'https://127.0.0.1:9', mode: null, secrets: {}, settings: {}, credentials: { apiKey: `key-${name}` } };
}

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let BASE: { includeZero: true; cache: { use: 'off' }; withdrawalRules: false; runtime: ReturnType<typeof countedRuntime>; providers: ProviderRegistry };
const figures = (outcomes: AccountOutcome[]) => outcomes.map((o) => [o.account, o.balances.map((b) => b.available?.toString() ?? null)]);

let dir: string;
beforeEach(() => {
  fake.answers.clear();
  fake.rules.clear();
  fake.calls.length = 0;
  fake.closed = 0;
  BASE = { includeZero: true, cache: { use: 'off' }, withdrawalRules: false, runtime: countedRuntime(), providers: fakeRegistry() };
  dir = mkdtempSync(join(tmpdir(), 'bi-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readAccounts', () => {
  it('returns one outcome per account in the order asked, whichever adapter answers first', async () => {
    fake.answers.set('slow', async (ctx) => (await after(30), result(ctx.account.name, '1')));
    fake.answers.set('fast', (ctx) => Promise.resolve(result(ctx.account.name, '2')));
    const { outcomes, cache, rules } = await readAccounts({ ...BASE, accounts: [account('slow'), account('fast')] });
    expect(figures(outcomes)).toEqual([
      ['slow', ['1']],
      ['fast', ['2']],
    ]);
    expect(cache).toBeNull();
    expect(rules).toBeUndefined();
  });

  it('never calls an unresolved account: its error is its outcome, and it counts as done from the start', async () => {
    const missing = new ConfigError('account b: ${B_KEY} is not set');
    const progress: Array<[number, number]> = [];
    const { outcomes } = await readAccounts({
      ...BASE,
      accounts: [account('a'), account('b'), account('c')],
      unresolved: new Map([['b', missing]]),
      hooks: { onProgress: (done, total) => progress.push([done, total]) },
    });
    expect(fake.calls.map((c) => c.account.name).sort()).toEqual(['a', 'c']);
    expect(outcomes.map((o) => o.account)).toEqual(['a', 'b', 'c']);
    expect(outcomes[1]).toEqual({ account: 'b', provider: 'syncpay', balances: [], reported: [], errors: [missing], notices: [], ms: 0, mode: null });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("turns a thrown adapter failure into that account's outcome and keeps the others", async () => {
    fake.answers.set('down', () => Promise.reject(new UnavailableError('provider down', { code: 'PROVIDER_ERROR' })));
    const { outcomes } = await readAccounts({ ...BASE, accounts: [account('down'), account('up')] });
    expect(outcomes[0]?.errors.map((e) => [e.code, e.account])).toEqual([['PROVIDER_ERROR', 'down']]);
    expect(figures(outcomes)).toEqual([
      ['down', []],
      ['up', ['10']],
    ]);
  });

  it("puts every adapter's figures through the sanity boundary", async () => {
    fake.answers.set('odd', (ctx) => Promise.resolve(result(ctx.account.name, '-5')));
    const { outcomes } = await readAccounts({ ...BASE, accounts: [account('odd')] });
    expect(outcomes[0]?.balances[0]?.inconsistent).toBeDefined();
    expect(outcomes[0]?.notices.join('\n')).toMatch(/inconsistent balance .* 'odd'/);
  });

  it('gives the adapters the budget as a deadline and passes the hooks to the HTTP client', async () => {
    const onRequest = vi.fn();
    const onRetry = vi.fn();
    const caller = new AbortController();
    const before = Date.now();
    await readAccounts({ ...BASE, accounts: [account('a')], budgetMs: 4_000, signal: caller.signal, hooks: { onRequest, onRetry } });
    const http = fake.calls[0]?.http;
    expect(http?.deadline).toBeGreaterThanOrEqual(before + 4_000);
    expect(http?.deadline).toBeLessThanOrEqual(Date.now() + 4_000);
    expect(http?.timeoutLabel).toBe('4s');
    // The read's own signal (http/abort-scope.ts) stands for the caller's, and follows it.
    expect(http?.signal).not.toBe(caller.signal);
    fake.answers.set('b', (ctx) => {
      caller.abort();
      return Promise.resolve(result(ctx.account.name, '1'));
    });
    await expect(readAccounts({ ...BASE, accounts: [account('b')], signal: caller.signal })).rejects.toMatchObject({ code: 'INTERRUPTED', exitCode: 130 });
    expect(fake.calls[1]?.http.signal?.reason).toMatchObject({ code: 'INTERRUPTED' });
    expect(http?.onRequest).toBe(onRequest);
    expect(http?.onRetry).toBe(onRetry);
  });

  it('defaults to the usual 30 s budget', async () => {
    const before = Date.now();
    await readAccounts({ ...BASE, accounts: [account('a')] });
    expect(fake.calls[0]?.http.deadline).toBeGreaterThanOrEqual(before + 30_000);
    expect(fake.calls[0]?.http.timeoutLabel).toBe('30s');
  });

  it('rethrows an interrupt instead of returning it as an outcome', async () => {
    fake.answers.set('b', () => Promise.reject(new InterruptedError('SIGINT')));
    await expect(readAccounts({ ...BASE, accounts: [account('a'), account('b')] })).rejects.toMatchObject({ code: 'INTERRUPTED' });
  });

  it("hands every adapter the request's runtime and never closes it (whoever created it does)", async () => {
    await readAccounts({ ...BASE, accounts: [account('a'), account('b')] });
    await readAccounts({ ...BASE, accounts: [account('c')] }).catch(() => undefined);
    expect(fake.calls.map((c) => c.http.runtime === BASE.runtime)).toEqual([true, true, true]);
    expect(fake.closed).toBe(0);
  });

  it('asks for zero balances only as asked when the cache is off, always when it is on', async () => {
    await readAccounts({ ...BASE, includeZero: false, accounts: [account('a')] });
    await readAccounts({ ...BASE, includeZero: false, accounts: [account('b')], cache: { use: 'refresh', maxAgeMs: 60_000, dir }, env: {} });
    expect(fake.calls.map((c) => c.includeZero)).toEqual([false, true]);
  });
});

describe('readAccounts withdrawal rules', () => {
  it('reads them alongside the balances: undefined without an endpoint, null when unreadable', async () => {
    const rule: WithdrawalRule = { providerCurrency: 'USDT', currency: 'USDT', network: null, minimum: new Decimal(5), maximum: null };
    fake.rules.set('served', () => Promise.resolve([rule]));
    fake.rules.set('broken', () => Promise.reject(new UnavailableError('limits endpoint down', { code: 'PROVIDER_ERROR' })));
    const { rules, outcomes } = await readAccounts({
      ...BASE,
      withdrawalRules: true,
      accounts: [account('served', 'cryptofuse'), account('broken', 'cryptofuse'), account('plain', 'syncpay')],
    });
    expect(outcomes).toHaveLength(3);
    expect(rules?.get('served')?.map((r) => r.minimum?.toString())).toEqual(['5']);
    expect(rules?.has('broken')).toBe(true);
    expect(rules?.get('broken')).toBeNull();
    expect(rules?.has('plain')).toBe(false);
  });

  it('ends the read when reading the limits is interrupted', async () => {
    fake.rules.set('c', () => Promise.reject(new InterruptedError('SIGTERM')));
    await expect(readAccounts({ ...BASE, withdrawalRules: true, accounts: [account('c', 'cryptofuse')] })).rejects.toMatchObject({ code: 'INTERRUPTED' });
  });
});

describe('readAccounts cache policies', () => {
  const clock = { at: new Date('2026-01-01T00:00:00Z') };
  const now = () => clock.at;
  const readWrite = () => ({ use: 'read-write' as const, maxAgeMs: 60_000, dir, now });

  it('read-write: answers from entries young enough, counted as done from the start, and reports each source', async () => {
    await readAccounts({ ...BASE, env: {}, accounts: [account('a')], cache: readWrite() });
    expect(fake.calls).toHaveLength(1);
    clock.at = new Date('2026-01-01T00:00:20Z');
    const progress: Array<[number, number]> = [];
    const { outcomes, cache } = await readAccounts({
      ...BASE,
      env: {},
      accounts: [account('a'), account('b')],
      cache: readWrite(),
      hooks: { onProgress: (done, total) => progress.push([done, total]) },
    });
    expect(fake.calls.map((c) => c.account.name)).toEqual(['a', 'b']);
    expect(figures(outcomes)).toEqual([
      ['a', ['10']],
      ['b', ['10']],
    ]);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(cache).toEqual({
      maxAgeMs: 60_000,
      accounts: [
        { account: 'a', source: 'cache', fetchedAt: new Date('2026-01-01T00:00:00Z'), ageMs: 20_000 },
        { account: 'b', source: 'live', fetchedAt: clock.at, ageMs: 0 },
      ],
    });
  });

  it('refresh: asks every account but still stores what it fetched', async () => {
    await readAccounts({ ...BASE, env: {}, accounts: [account('a')], cache: readWrite() });
    fake.answers.set('a', (ctx) => Promise.resolve(result(ctx.account.name, '11')));
    const refreshed = await readAccounts({ ...BASE, env: {}, accounts: [account('a')], cache: { ...readWrite(), use: 'refresh' } });
    expect(refreshed.cache?.accounts.map((a) => a.source)).toEqual(['live']);
    fake.answers.set('a', (ctx) => Promise.resolve(result(ctx.account.name, '12')));
    const again = await readAccounts({ ...BASE, env: {}, accounts: [account('a')], cache: readWrite() });
    expect(figures(again.outcomes)).toEqual([['a', ['11']]]);
    expect(fake.calls).toHaveLength(2);
  });

  it('off: neither reads nor writes the cache', async () => {
    await readAccounts({ ...BASE, env: {}, accounts: [account('a')], cache: readWrite() });
    const { cache } = await readAccounts({ ...BASE, env: {}, accounts: [account('a'), account('b')] });
    expect(cache).toBeNull();
    expect(fake.calls).toHaveLength(3);
    const fresh = mkdtempSync(join(tmpdir(), 'bi-read-off-'));
    try {
      await readAccounts({ ...BASE, env: { XDG_CACHE_HOME: fresh }, accounts: [account('a')] });
      expect(readdirSync(fresh)).toEqual([]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('never stores inconsistent figures or failed reads: the next read asks again', async () => {
    fake.answers.set('odd', (ctx) => Promise.resolve(result(ctx.account.name, '-1')));
    fake.answers.set('down', () => Promise.reject(new UnavailableError('provider down', { code: 'PROVIDER_ERROR' })));
    const first = await readAccounts({ ...BASE, env: {}, accounts: [account('odd'), account('down')], cache: readWrite() });
    expect(first.cache?.accounts.map((a) => a.account)).toEqual(['odd']);
    await readAccounts({ ...BASE, env: {}, accounts: [account('odd'), account('down')], cache: readWrite() });
    expect(fake.calls.map((c) => c.account.name).sort()).toEqual(['down', 'down', 'odd', 'odd']);
  });
});

describe('a watch poll through the pipeline', () => {
  it('counts first attempts only, within its budget, and leaves the connections open for the next poll', async () => {
    const { pollAccount } = await import('../../src/watch/poll.js');
    fake.answers.set('w', (ctx) => {
      for (const attempt of [1, 2, 1, 1, 3]) ctx.http.onRequest?.(attempt);
      return Promise.resolve(result(ctx.account.name, '7'));
    });
    const before = Date.now();
    const { outcome, requests } = await pollAccount(account('w'), {
      budgetMs: 2_500,
      providers: BASE.providers,
      runtime: BASE.runtime,
      signal: new AbortController().signal,
    });
    expect(requests).toBe(3);
    expect(figures([outcome])).toEqual([['w', ['7']]]);
    expect(fake.calls[0]?.http.deadline).toBeLessThanOrEqual(Date.now() + 2_500);
    expect(fake.calls[0]?.http.deadline).toBeGreaterThanOrEqual(before + 2_500);
    expect(fake.closed).toBe(0);
  });
});
