// Builders for the history tests: balances as adapters produce them, and stores of either kind.
import type { ProviderId } from '../../src/providers/catalog.js';
import { join } from 'node:path';
import { makeBalance, type Balance } from '../../src/core/balance.js';
import { Decimal, fractionDigits } from '../../src/core/money.js';
import { recordSnapshot, type AccountRead } from '../../src/history/record.js';
import type { Db } from '../../src/history/store/db.js';
import { openStore, type StoreTarget } from '../../src/history/store/open.js';
import { tempDir } from '../helpers/fixtures.js';

export function bal(account: string, currency: string, available: string | null, extra: Partial<{ pending: string | null; network: string | null; wallet: string | null; usd: string | null; provider: ProviderId }> = {}): Balance {
  const amounts = [available, extra.pending ?? null].filter((v): v is string => v !== null);
  return makeBalance({
    account,
    provider: extra.provider ?? 'syncpay',
    mode: 'live',
    wallet: extra.wallet ?? null,
    currency,
    network: extra.network === undefined ? null : extra.network,
    providerCurrency: currency,
    available: available === null ? null : new Decimal(available),
    pending: extra.pending == null ? null : new Decimal(extra.pending),
    // Like Flow: no pending figure, total = available.
    total: extra.pending == null && available !== null ? new Decimal(available) : null,
    usdValue: extra.usd == null ? null : new Decimal(extra.usd),
    raw: null,
    scale: Math.max(0, ...amounts.map(fractionDigits)),
  });
}

export function read(account: string, balances: Balance[], errorCode: string | null = null, provider = 'syncpay'): AccountRead {
  return { account, provider, balances, errorCode };
}

export const T0 = Date.parse('2026-11-02T00:00:00Z'); // a Monday
export const HOUR = 3_600_000;

/** Record at a fixed moment (ms since the epoch). */
export function recordAt(db: Db, at: number, reads: AccountRead[], partialScope = false): Promise<Date> {
  return recordSnapshot(db, reads, { now: () => new Date(at), partialScope });
}

export type Kind = 'sqlite' | 'postgres';

export async function sqliteTarget(): Promise<StoreTarget & { kind: 'sqlite' }> {
  return { kind: 'sqlite', path: join(tempDir('bi-hist-'), 'history.db') };
}

export async function openFresh(target: StoreTarget): Promise<Db> {
  return openStore(target, true);
}
