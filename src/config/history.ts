// The `history:` section: where snapshots are stored and how long they are kept.
//   history: { store: ~/ledger/history.db | postgres://user@host/db, retain: 400d }
// Durations here may use days and weeks (400d, 52w); a bare number is refused as everywhere.
import { checkDuration } from '../core/duration.js';
import { checkKeys, describeValue, isPlainObject } from './fields.js';

export interface HistorySettings {
  /** As written: a file path (relative to the config file) or a postgres:// URL. */
  store?: string;
  /** Snapshots older than this are pruned after each snapshot. */
  retainMs?: number;
}

export function validateHistory(value: unknown, problems: string[]): HistorySettings | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) {
    problems.push(`history: expected a mapping such as { retain: 400d, store: history.db }, got ${describeValue(value)}`);
    return undefined;
  }
  checkKeys(value, ['store', 'retain'], 'history.', problems);
  const settings: HistorySettings = {};
  if (value.store !== undefined) {
    if (typeof value.store === 'string' && value.store.trim() !== '') settings.store = value.store.trim();
    else problems.push(`history.store: expected a file path or a postgres:// URL, got ${describeValue(value.store)}`);
  }
  if (value.retain !== undefined) {
    const ms = typeof value.retain === 'string' ? checkDuration(value.retain) : null;
    if (typeof ms !== 'number') {
      const got = typeof value.retain === 'string' ? `"${value.retain}"` : describeValue(value.retain);
      problems.push(
        typeof ms === 'string' && !ms.startsWith('is not')
          ? `history.retain: ${got} ${ms}`
          : `history.retain: expected a duration such as 400d or 52w, got ${got}`,
      );
    } else settings.retainMs = ms;
  }
  return settings;
}
