// Helpers shared by the human tables: decimal-point alignment and unknown markers.
import { groupThousands } from '../core/money.js';

/** Pad a column of decimal strings so their points line up (nulls become `empty`). */
export function alignDecimals(values: Array<string | null>, empty = '—'): string[] {
  const fractionWidth = Math.max(0, ...values.map((v) => (v && v.includes('.') ? v.length - v.indexOf('.') : 0)));
  return values.map((v) => {
    if (v === null) return empty + ' '.repeat(fractionWidth);
    const grouped = groupThousands(v);
    const own = grouped.includes('.') ? grouped.length - grouped.indexOf('.') : 0;
    return grouped + ' '.repeat(fractionWidth - own);
  });
}
