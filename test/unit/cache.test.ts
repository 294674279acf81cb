// The cache store and its keying, with an injected clock: expiry, keys, strict decoding, file safety.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BalanceCache, defaultCacheDir } from '../../src/cache/store.js';
import { ProviderRegistry } from '../../src/providers/registry.js';
import { cacheKey } from '../../src/cache/key.js';
import type { ResolvedAccount } from '../../src/config/types.js';
import type { AccountOutcome } from '../../src/core/account.js';
import { Decimal } from '../../src/core/money.js';
import { UnavailableError } from '../../src/core/errors.js';
import { balance } from '../helpers/balances.js';
import { tempDir } from '../helpers/fixtures.js';
import { Redactor } from '../../src/core/secrets.js';

const T0 = new Date('2026-11-21T10:00:00.000Z');
const at = (ms: number) => () => new Date(T0.getTime() + ms);

const account: ResolvedAccount = {
  name: 'syncpay',
  provider: 'syncpay',
  baseUrl: null,
  mode: null,
  secrets: { apiKey: '${K}' },
  settings: { wallets: ['a', 'b'], customers: ['c'] },
  credentials: { apiKey: 'sk_test_cachekey000000000001' },
};

function outcome(): AccountOutcome {
  const b = balance({
    account: 'syncpay',
    currency: 'ETH',
    network: 'ethereum',
    available: '0.000090074983482468',
    pending: null,
    total: '0.000090074983482468',
    usdRate: '3125.16675365',
    networkFee: '0.000000042162288',
  });
  return {
    account: 'syncpay',
    provider: 'syncpay',
    balances: [b],
    errors: [],
    notices: ['legacy shape'],
    ms: 12,
    reported: [{ account: 'syncpay', provider: 'syncpay', scope: 'account', scopeId: null, currency: 'USD', amount: new Decimal('2847.25'), wallets: null }],
  };
}

function store(dir: string, now: () => Date, notes: string[] = []): BalanceCache {
  return new BalanceCache({ providers: new ProviderRegistry(), redactor: new Redactor(), maxAgeMs: 30_000, dir, now, debug: (line) => notes.push(line) });
}

const SYNCPAY = new ProviderRegistry().entry('syncpay');

describe('balance cache store', () => {
  it('hits within max age with the exact figures, misses after it and for future timestamps', () => {
    const dir = tempDir();
    const writer = store(dir, at(0));
    writer.remember(account, outcome(), T0);
    writer.save();
    const hit = store(dir, at(29_000)).lookup(account);
    expect(hit?.ageMs).toBe(29_000);
    const [b] = hit?.outcome.balances ?? [];
    expect([b?.available?.toFixed(), b?.scale, b?.pending, b?.usdRate?.toFixed(), b?.networkFee?.toFixed()]).toEqual([
      '0.000090074983482468',
      18,
      null,
      '3125.16675365',
      '0.000000042162288',
    ]);
    expect(hit?.outcome.reported[0]?.amount.toFixed(2)).toBe('2847.25');
    expect(hit?.outcome.notices).toEqual(['legacy shape']);
    expect(store(dir, at(30_001)).lookup(account)).toBeNull();
    expect(store(dir, at(-60_000)).lookup(account)).toBeNull();
  });

  it('never stores a partial result', () => {
    const dir = tempDir();
    const cache = store(dir, at(0));
    cache.remember(account, { ...outcome(), errors: [new UnavailableError('down', { code: 'TIMEOUT' })] }, T0);
    cache.save();
    expect(store(dir, at(1)).lookup(account)).toBeNull();
  });

  it('keys by provider, host, mode, settings and a credential fingerprint, not by key order', () => {
    const key = cacheKey(account, SYNCPAY);
    expect(cacheKey({ ...account, settings: { customers: ['c'], wallets: ['a', 'b'] }, secrets: {} }, SYNCPAY)).toBe(key);
    expect(cacheKey({ ...account, baseUrl: 'https://api.usesyncpay.com' }, SYNCPAY)).toBe(key); // the default host, spelled out
    for (const changed of [
      { baseUrl: 'https://other.example' },
      { mode: 'live' as const },
      { settings: { wallets: ['a'] } },
      { credentials: { apiKey: 'sk_test_cachekey000000000002' } },
      { name: 'syncpay-2' },
    ]) {
      expect(cacheKey({ ...account, ...changed }, SYNCPAY)).not.toBe(key);
    }
  });

  it('ignores a tampered entry, a corrupt file and a file others can write, with debug notes', () => {
    const dir = tempDir();
    const writer = store(dir, at(0));
    writer.remember(account, outcome(), T0);
    writer.save();
    const file = join(dir, 'balances.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const entry = Object.values(doc.entries)[0] as { balances: Array<Record<string, unknown>> };
    entry.balances[0]!.available = 1e21; // a JSON number: never trusted as money
    writeFileSync(file, JSON.stringify(doc));
    const notes: string[] = [];
    expect(store(dir, at(1), notes).lookup(account)).toBeNull();
    expect(notes.join('\n')).toContain('malformed entry (bad available)');

    writeFileSync(file, 'not json');
    notes.length = 0;
    expect(store(dir, at(1), notes).lookup(account)).toBeNull();
    expect(notes[0]).toContain('not valid JSON');

    writer.save(); // nothing changed since the last save: no write
    expect(readFileSync(file, 'utf8')).toBe('not json');
    const fresh = store(dir, at(0));
    fresh.remember(account, outcome(), T0);
    fresh.save();
    chmodSync(file, 0o666);
    // A file others can change is refused like an unsafe config (exit 3), with the fix.
    expect(() => store(dir, at(1), notes)).toThrow(/refusing to use the cache file .*: its mode 0666 lets group or others change it; run `chmod go-w /);
  });

  it('a folder it cannot write is a debug note, not an error', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), '');
    const notes: string[] = [];
    const cache = store(join(parent, 'file', 'sub'), at(0), notes);
    cache.remember(account, outcome(), T0);
    expect(() => cache.save()).not.toThrow();
    expect(notes.at(-1)).toMatch(/could not write .* continuing without it/);
  });

  it('follows XDG_CACHE_HOME when absolute, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/me' })).toBe('/x/cache/balance-inspector');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/me' })).toBe('/home/me/.cache/balance-inspector');
  });
});
