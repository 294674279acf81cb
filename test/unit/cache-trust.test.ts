// Cache robustness (issue 11 §2, §5): no secret is ever written to it, an entry dated even slightly
// in the future is not fresh, and any corrupt field costs a fetch, never the run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BalanceCache } from '../../src/cache/store.js';
import { cacheKey } from '../../src/cache/key.js';
import { ProviderRegistry } from '../../src/providers/registry.js';
import type { ResolvedAccount } from '../../src/config/types.js';
import { Redactor } from '../../src/core/secrets.js';
import { balance } from '../helpers/balances.js';
import { tempDir } from '../helpers/fixtures.js';

const T0 = new Date('2026-11-21T10:00:00.000Z');
const KEY = `zk${'0123456789abcdefghijklmnopqrstuvwxyz'.repeat(3)}`; // 110 characters, no known shape
const account: ResolvedAccount = {
  name: 'acct',
  provider: 'syncpay',
  baseUrl: null,
  mode: null,
  secrets: { apiKey: '${K}' },
  settings: {},
  credentials: { apiKey: KEY },
};

/** The run's redactor: each test starts with one that knows no secret. */
let redactor = new Redactor();

function cacheIn(dir: string, nowMs = 0, notes: string[] = []): BalanceCache {
  return new BalanceCache({
    providers: new ProviderRegistry(),
    redactor,
    maxAgeMs: 60_000,
    dir,
    now: () => new Date(T0.getTime() + nowMs),
    debug: (line) => notes.push(line),
  });
}

function saveOne(dir: string, walletName = 'Main'): void {
  const cache = cacheIn(dir);
  const b = { ...balance({ account: 'acct', currency: 'USD', available: '10.00', total: '10.00', wallet: `w-${KEY.slice(20, 50)}` }), walletName };
  cache.remember(account, { account: 'acct', provider: 'syncpay', balances: [b], reported: [], errors: [], notices: [`echo ${KEY.slice(3, 60)}`], ms: 1 }, T0);
  cache.save();
}

/** Rewrite the stored entry of `account` with `patch` applied to its first balance. */
function tamper(dir: string, patch: (entry: Record<string, unknown>, first: Record<string, unknown>) => void): void {
  const file = join(dir, 'balances.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, Record<string, unknown>> };
  const entry = doc.entries[cacheKey(account, new ProviderRegistry().entry('syncpay'))] as Record<string, unknown> & {
    balances: Array<Record<string, unknown>>;
  };
  patch(entry, entry.balances[0] as Record<string, unknown>);
  writeFileSync(file, JSON.stringify(doc), { mode: 0o600 });
}

beforeEach(() => {
  redactor = new Redactor();
});

describe('cache trust', () => {
  it('holds no piece of a secret: wallet names, ids and notices echoing the key are redacted before writing', () => {
    redactor.register(KEY);
    const dir = tempDir();
    saveOne(dir, `Wallet of ${KEY}`);
    const text = readFileSync(join(dir, 'balances.json'), 'utf8');
    for (let i = 0; i + 12 <= KEY.length; i++) expect(text).not.toContain(KEY.slice(i, i + 12));
    expect(text).toContain('Wallet of «redacted»');
  });

  it('an entry dated even a second in the future is not fresh', () => {
    const dir = tempDir();
    saveOne(dir);
    const notes: string[] = [];
    expect(cacheIn(dir, -1_000, notes).lookup(account)).toBeNull();
    expect(notes.at(-1)).toMatch(/dated 1000ms in the future/);
    expect(cacheIn(dir, 1_000).lookup(account)?.ageMs).toBe(1_000);
  });

  it.each<[string, (entry: Record<string, unknown>, first: Record<string, unknown>) => void]>([
    ['a huge scale', (_e, b) => (b.scale = 1e15)],
    ['a scale that is a string', (_e, b) => (b.scale = '2')],
    ['negative decimals', (_e, b) => (b.assetDecimals = -1)],
    ['an amount that is a number', (_e, b) => (b.available = 10)],
    ['an amount with an exponent of a million', (_e, b) => (b.available = '1e1000000')],
    ['balances that is an object', (e) => (e.balances = {})],
    ['a balance that is null', (e) => (e.balances = [null])],
    ['notices with a number', (e) => (e.notices = ['a', 1])],
    ['fetchedAt that is not a date', (e) => (e.fetchedAt = 'soon')],
    ['reported with a huge list', (e) => (e.reported = [{ scope: 'wallet', currency: 'USD', amount: '1', wallets: 5 }])],
  ])('%s: the entry is ignored with a debug note, never an exception', (_name, patch) => {
    const dir = tempDir();
    saveOne(dir);
    tamper(dir, patch);
    const notes: string[] = [];
    expect(cacheIn(dir, 1_000, notes).lookup(account)).toBeNull();
    expect(notes.at(-1)).toMatch(/ignoring the entry for 'acct': malformed entry/);
  });

  it('a cache folder that cannot be created (under /proc) is a quick debug note', () => {
    const notes: string[] = [];
    const cache = cacheIn('/proc/bi-no-such-dir/balance-inspector', 0, notes);
    cache.remember(account, { account: 'acct', provider: 'syncpay', balances: [], reported: [], errors: [], notices: [], ms: 1 }, T0);
    const started = Date.now();
    cache.save();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(notes.at(-1)).toMatch(/could not write .* continuing without it/);
  });
});
