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

/**
 * The narrow form for a terminal too small for alignDecimals: trailing zeros beyond two decimals
 * go (the value is unchanged: 750.000000 → 750.00), and points are aligned only as far as that
 * costs no width, so one 18-decimal amount no longer pads every other row by 16 spaces.
 */
export function alignDecimalsNarrow(values: Array<string | null>, empty = '—'): string[] {
  const trimmed = values.map((v) => (v === null ? null : groupThousands(v.replace(/^(-?[\d]*\.\d\d\d*?)0+$/, '$1'))));
  const fraction = (v: string) => (v.includes('.') ? v.length - v.indexOf('.') : 0);
  const widest = Math.max(empty.length, ...trimmed.map((v) => (v === null ? 0 : v.length)));
  // The most decimals to align on without making the column wider than its widest value.
  let align = Math.max(0, ...trimmed.map((v) => (v === null ? 0 : fraction(v))));
  while (align > 0 && trimmed.some((v) => (v === null ? empty.length : v.length - fraction(v)) + Math.max(align, v === null ? 0 : fraction(v)) > widest)) align--;
  return trimmed.map((v) => {
    const text = v ?? empty;
    const own = v === null ? 0 : fraction(v);
    return text + ' '.repeat(Math.max(0, align - own));
  });
}
