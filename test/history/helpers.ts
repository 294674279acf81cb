// Builders for the history tests: balances as adapters produce them, and stores of either kind.
import type { ProviderId } from '../../src/providers/catalog.js';
import { join } from 'node:path';
import { makeBalance, type Balance } from '../../src/core/balance.js';
import { Decimal, fractionDigits } from '../../src/core/money.js';
import type { Mode } from '../../src/core/balance.js';
import { pointsBySeries, type Bucket, type Point } from '../../src/history/points.js';
import { recordSnapshot, type AccountRead, type RecordResult } from '../../src/history/record.js';
import type { SeriesInfo } from '../../src/history/select.js';
import type { Db } from '../../src/history/store/db.js';
import { openStore, type StoreTarget } from '../../src/history/store/open.js';
import { tempDir } from '../helpers/fixtures.js';

export function bal(
  account: string,
  currency: string,
  available: string | null,
  extra: Partial<{ pending: string | null; network: string | null; wallet: string | null; usd: string | null; provider: ProviderId }> = {},
): Balance {
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

export function read(account: string, balances: Balance[], errorCode: string | null = null, provider = 'syncpay', mode: Mode | null = 'live'): AccountRead {
  return { account, provider, mode, balances, errorCode };
}

export const T0 = Date.parse('2026-11-02T00:00:00Z'); // a Monday
export const HOUR = 3_600_000;

/** Record at a fixed moment (ms since the epoch); the moment recorded. */
export async function recordAt(db: Db, at: number, reads: AccountRead[], partialScope = false): Promise<Date> {
  return (await recordResult(db, at, reads, partialScope)).at;
}

/** Record at a fixed moment, with what the store left out and said. */
export function recordResult(db: Db, at: number, reads: AccountRead[], partialScope = false): Promise<RecordResult> {
  return recordSnapshot(db, reads, { now: () => new Date(at), partialScope });
}

/** Every point of these series, gathered (the store streams them; tests look at them whole). */
export async function seriesPoints(db: Db, series: SeriesInfo[], since: Date, until: Date, by: Bucket | null): Promise<Map<number, Point[]>> {
  const result = new Map<number, Point[]>(series.map((s) => [s.id, []]));
  await db.read(async (tx) => {
    for await (const { info, points } of pointsBySeries(tx, series, since, until, by)) {
      for await (const batch of points) result.get(info.id)!.push(...batch);
    }
  });
  return result;
}

export type Kind = 'sqlite' | 'postgres';

export async function sqliteTarget(): Promise<StoreTarget & { kind: 'sqlite' }> {
  return { kind: 'sqlite', path: join(tempDir('bi-hist-'), 'history.db') };
}

export async function openFresh(target: StoreTarget): Promise<Db> {
  return openStore(target, 'create');
}
