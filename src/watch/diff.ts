// What changed between two polls of an account. State is bounded by design: one entry per balance
// the providers currently list (its latest record, its first-seen values and its last change);
// a balance the provider stops listing is dropped, so nothing grows with the number of polls.
import type { Balance } from '../core/balance.js';
import { exactMinus, type Decimal } from '../core/money.js';

export type Field = 'available' | 'pending' | 'total';
export const FIELDS: readonly Field[] = ['available', 'pending', 'total'];

export interface FieldChange {
  field: Field;
  old: Decimal | null;
  new: Decimal | null;
  /** new − old; null when either side is unknown. */
  delta: Decimal | null;
}

export interface BalanceChange {
  before: Balance | null;
  after: Balance | null;
  changes: FieldChange[];
  /** First values seen for this balance, for "since start". */
  start: Record<Field, Decimal | null>;
}

export interface Tracked {
  balance: Balance;
  start: Record<Field, Decimal | null>;
  /** The most recent change of each field (kept until the next one). */
  last: Partial<Record<Field, { delta: Decimal | null; at: Date }>>;
  /** Fields that changed in the account's latest poll (for highlighting). */
  fresh: Field[];
}

/** One balance = account × wallet × currency × network × provider code. */
export function balanceKey(b: Balance): string {
  return [b.account, b.wallet ?? '', b.currency, b.network ?? '', b.providerCurrency].join('\u0000');
}

function same(a: Decimal | null, b: Decimal | null): boolean {
  return a === null || b === null ? a === b : a.eq(b);
}

function valuesOf(b: Balance): Record<Field, Decimal | null> {
  return { available: b.available, pending: b.pending, total: b.total };
}

function diffFields(before: Balance | null, after: Balance | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    const old = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (same(old, now)) continue;
    changes.push({ field, old, new: now, delta: old !== null && now !== null ? exactMinus(now, old) : null });
  }
  return changes;
}

export class BalanceTracker {
  private readonly entries = new Map<string, Tracked>();

  /**
   * Replace everything known about `account` with the balances of its latest poll and return what
   * changed. A balance seen for the first time "changes" from unknown; one no longer listed
   * changes to unknown and is forgotten.
   */
  update(account: string, balances: Balance[], at: Date): BalanceChange[] {
    const changes: BalanceChange[] = [];
    const seen = new Set<string>();
    for (const balance of balances) {
      const key = balanceKey(balance);
      seen.add(key);
      const entry = this.entries.get(key);
      if (!entry) {
        const start = valuesOf(balance);
        this.entries.set(key, { balance, start, last: {}, fresh: [] });
        const fieldChanges = diffFields(null, balance);
        if (fieldChanges.length > 0) changes.push({ before: null, after: balance, changes: fieldChanges, start });
        continue;
      }
      const fieldChanges = diffFields(entry.balance, balance);
      entry.fresh = fieldChanges.map((c) => c.field);
      for (const c of fieldChanges) entry.last[c.field] = { delta: c.delta, at };
      if (fieldChanges.length > 0) changes.push({ before: entry.balance, after: balance, changes: fieldChanges, start: entry.start });
      entry.balance = balance;
    }
    for (const [key, entry] of this.entries) {
      if (entry.balance.account !== account || seen.has(key)) continue;
      this.entries.delete(key);
      const fieldChanges = diffFields(entry.balance, null);
      if (fieldChanges.length > 0) changes.push({ before: entry.balance, after: null, changes: fieldChanges, start: entry.start });
    }
    return changes;
  }

  /** Swap in re-valued records (USD from another account's rate) without treating it as a change. */
  revalue(balances: Balance[]): void {
    for (const balance of balances) {
      const entry = this.entries.get(balanceKey(balance));
      if (entry) entry.balance = balance;
    }
  }

  all(): Tracked[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}
