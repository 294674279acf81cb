// The typed seams of issue 12 where a type alone cannot protect: data read back from disk must
// name a provider this tool knows (Balance.provider is an id of the registry), and every error class
// carries a code from the documented union.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BalanceCache } from '../../src/cache/store.js';
import type { ResolvedAccount } from '../../src/core/account.js';
import {
  BadResponseError,
  ConfigError,
  InternalError,
  InterruptedError,
  OutputError,
  RefusedError,
  UnavailableError,
  UsageError,
  type ErrorCode,
} from '../../src/core/errors.js';
import { PROVIDER_HOMES, PROVIDER_IDS, PROVIDERS, isProviderId } from '../../src/providers/catalog.js';
import { balance } from '../helpers/balances.js';
import { tempDir } from '../helpers/fixtures.js';
import { Redactor } from '../../src/core/secrets.js';
import { ProviderRegistry } from '../../src/providers/registry.js';

const T0 = new Date('2026-11-21T10:00:00.000Z');
const account: ResolvedAccount = {
  name: 'syncpay',
  provider: 'syncpay',
  baseUrl: null,
  mode: null,
  secrets: { apiKey: '${K}' },
  settings: {},
  credentials: { apiKey: 'sk_test_seamkey000000000000001' },
};

describe('provider ids', () => {
  it('the ids, the facts and the registry agree (all three are the registry)', () => {
    expect(PROVIDER_IDS).toEqual(Object.keys(PROVIDER_HOMES));
    expect(Object.keys(PROVIDERS)).toEqual(PROVIDER_IDS);
    expect([isProviderId('syncpay'), isProviderId('SyncPay'), isProviderId('__proto__')]).toEqual([true, false, false]);
  });

  it("a cached balance naming another provider than its account's is ignored, with a debug note", () => {
    const dir = tempDir();
    const writer = new BalanceCache({
      providers: new ProviderRegistry(),
      redactor: new Redactor(),
      maxAgeMs: 30_000,
      dir,
      now: () => T0,
      debug: () => undefined,
    });
    const b = balance({ account: 'syncpay', provider: 'syncpay', currency: 'USD', available: '10' });
    writer.remember(account, { account: 'syncpay', provider: 'syncpay', balances: [b], reported: [], errors: [], notices: [], ms: 1 }, T0);
    writer.save();
    const file = join(dir, 'balances.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { balances: Array<Record<string, unknown>> }> };
    Object.values(doc.entries)[0]!.balances[0]!.provider = 'evil-pay';
    writeFileSync(file, JSON.stringify(doc), { mode: 0o600 });
    const notes: string[] = [];
    const reader = new BalanceCache({
      providers: new ProviderRegistry(),
      redactor: new Redactor(),
      maxAgeMs: 30_000,
      dir,
      now: () => new Date(T0.getTime() + 1),
      debug: (line) => notes.push(line),
    });
    expect(reader.lookup(account)).toBeNull();
    expect(notes.join('\n')).toContain('malformed entry (bad provider)');
  });
});

describe('error codes', () => {
  it('each error class carries its documented code and exit code', () => {
    const cases: Array<[Error & { code: ErrorCode; exitCode: number }, ErrorCode, number]> = [
      [new UsageError('x'), 'USAGE', 2],
      [new ConfigError('x'), 'CONFIG', 3],
      [new ConfigError('x', { code: 'NO_CONFIG' }), 'NO_CONFIG', 3],
      [new RefusedError('x', { code: 'AUTH_FAILED' }), 'AUTH_FAILED', 4],
      [new UnavailableError('x', { code: 'TIMEOUT' }), 'TIMEOUT', 5],
      [new BadResponseError('x'), 'BAD_RESPONSE', 6],
      [new InternalError('x', new Error('cause')), 'INTERNAL', 70],
      [new OutputError('ENOSPC'), 'OUTPUT_FAILED', 74],
      [new InterruptedError('SIGINT'), 'INTERRUPTED', 130],
      [new InterruptedError('SIGTERM'), 'INTERRUPTED', 143],
    ];
    expect(cases.map(([e]) => [e.code, e.exitCode])).toEqual(cases.map(([, code, exit]) => [code, exit]));
  });
});
