// One contract for every adapter: every response shape (contract-shapes.ts) and every account of
// the sandbox config is fetched, and every record must hold the model's invariants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBalanceJson, type Balance } from '../../src/core/balance.js';
import { canonicalCurrency } from '../../src/core/currencies.js';
import { PROVIDER_HOMES, PROVIDERS, type ProviderId } from '../../src/providers/catalog.js';
import { loadEmulators } from '../../src/sandbox/mounts.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';
import { fetchWith } from '../helpers/adapters.js';
import { shapeCases } from './contract-shapes.js';

let sandbox: Sandbox;
let config: Record<string, unknown>;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: { 'flow-payments': null, cryptofuse: null } });
  config = await sandboxRawConfig(sandbox.baseUrl);
});
afterAll(() => sandbox.close());

/** The providers the registry lists: the contract runs for each, so a new folder is covered by its registry line. */
const REGISTERED = Object.keys(PROVIDER_HOMES).sort() as ProviderId[];

/** The shape cases' names (their accounts point nowhere until a test gives the sandbox's URL). */
const SHAPE_NAMES = (await shapeCases(() => 'http://127.0.0.1:9')).map((c) => c.shape);

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const KNOWN_NETWORKS = new Set([
  'bitcoin',
  'ethereum',
  'tron',
  'bsc',
  'polygon',
  'solana',
  'arbitrum',
  'base',
  'optimism',
  'avalanche',
  'litecoin',
  'dogecoin',
  'ripple',
  'cardano',
  'ton',
]);

function checkRecord(b: Balance): void {
  const json = toBalanceJson(b);
  for (const field of ['available', 'pending', 'total', 'usdValue', 'usdRate'] as const) {
    const value = json[field];
    if (value !== null) expect(value, field).toMatch(DECIMAL);
  }
  if (b.available && b.pending && b.total) expect(b.available.plus(b.pending).eq(b.total), 'total = available + pending').toBe(true);
  expect(b.currency).toBe(b.currency.toUpperCase());
  expect(canonicalCurrency(b.currency, b.network)).toEqual({ currency: b.currency, network: b.network });
  if (b.network !== null) expect(KNOWN_NETWORKS.has(b.network), `network ${b.network}`).toBe(true);
  // Nothing in the record is a JS number carrying money.
  for (const [key, value] of Object.entries(json)) expect(typeof value, key).not.toBe('number');
  // The provider's own item is kept (for --debug and the library API) and never printed.
  expect(b.raw, 'raw').toBeTypeOf('object');
  expect(b.raw, 'raw').not.toBeNull();
  expect(Array.isArray(b.raw), 'raw is one item, not a list').toBe(false);
  expect(Object.keys(b.raw as object).length, 'raw').toBeGreaterThan(0);
  expect(json).not.toHaveProperty('raw');
}

describe('provider registry', () => {
  it.each(REGISTERED)('%s: the registry entry, its adapter and the catalog share one info, keyed by its id', async (id) => {
    const home = PROVIDER_HOMES[id];
    expect(home.info.id).toBe(id);
    expect(PROVIDERS[id]).toBe(home.info);
    const adapter = await home.loadAdapter();
    expect(adapter.info).toBe(home.info);
  });

  it('the emulator host loads one emulator per registered provider, each with demo accounts of that provider', async () => {
    const emulators = await loadEmulators();
    expect(emulators.map((e) => e.id).sort()).toEqual(REGISTERED);
    for (const { id, emulator } of emulators) {
      const accounts = Object.values(emulator.demoAccounts('http://127.0.0.1:9'));
      expect(accounts.length, id).toBeGreaterThan(0);
      for (const account of accounts) expect(account.provider, id).toBe(id);
    }
  });
});

describe('adapter contract', () => {
  it('covers every provider', () => {
    const providers = new Set(Object.values(config.accounts as Record<string, { provider: string }>).map((a) => a.provider));
    expect([...providers].sort()).toEqual(REGISTERED);
  });

  it('the shape cases cover every provider', async () => {
    const providers = new Set((await shapeCases(sandbox.baseUrl)).map((c) => c.account.provider));
    expect([...providers].sort()).toEqual(REGISTERED);
  });

  it.each(SHAPE_NAMES)('shape: %s yields valid normalized records', async (shape) => {
    const found = (await shapeCases(sandbox.baseUrl)).find((c) => c.shape === shape);
    if (!found) throw new Error(`no case ${shape}`);
    found.setup?.(sandbox);
    const result = await fetchWith({ accounts: { [found.shape.split(' ')[0] ?? 'x']: found.account } });
    expect(result.errors, shape).toEqual([]);
    expect(result.balances.length, shape).toBeGreaterThan(0);
    for (const balance of result.balances) checkRecord(balance);
  });

  it('every account of the sandbox config yields valid normalized records', async () => {
    const accounts = Object.keys(config.accounts as object);
    for (const account of accounts) {
      const result = await fetchWith(config, [account]);
      expect(result.errors, account).toEqual([]);
      expect(result.balances.length, account).toBeGreaterThan(0);
      for (const balance of result.balances) checkRecord(balance);
    }
  });
});
