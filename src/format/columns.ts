// Helpers shared by the human tables: decimal-point alignment and unknown markers. Loops rather than
// Math.max(...values): a spread of 100,000 rows would overflow the call stack.
import { groupThousands } from '../core/money.js';

/** Characters from the decimal point to the end ("1,250.50" → 3), 0 without a point. */
function fraction(value: string): number {
  const dot = value.indexOf('.');
  return dot === -1 ? 0 : value.length - dot;
}

function widest(values: Array<string | null>, of: (v: string) => number): number {
  let most = 0;
  for (const v of values) if (v !== null) most = Math.max(most, of(v));
  return most;
}

/** Pad a column of decimal strings so their points line up (nulls become `empty`). */
export function alignDecimals(values: Array<string | null>, empty = '—'): string[] {
  const fractionWidth = widest(values, fraction);
  return values.map((v) => {
    if (v === null) return empty + ' '.repeat(fractionWidth);
    const grouped = groupThousands(v);
    return grouped + ' '.repeat(fractionWidth - fraction(grouped));
  });
}

/**
 * The narrow form for a terminal too small for alignDecimals: every value keeps its digits (the
 * provider's scale: 750.000000 stays 750.000000 at any width), and points are aligned only as far
 * as that costs no width, so one 18-decimal amount no longer pads every other row by 16 spaces.
 */
export function alignDecimalsNarrow(values: Array<string | null>, empty = '—'): string[] {
  const grouped = values.map((v) => (v === null ? null : groupThousands(v)));
  const width = Math.max(
    empty.length,
    widest(grouped, (v) => v.length),
  );
  // The most decimals to align on without making the column wider than its widest value: the
  // widest integer part plus `align` must fit. A value with more decimals sticks out to the
  // right; one without a point (an integer, or unknown) takes what padding the width leaves.
  const integerPart = widest(grouped, (v) => (v.includes('.') ? v.length - fraction(v) : 0));
  const align = Math.min(widest(grouped, fraction), width - integerPart);
  return grouped.map((v) => {
    const text = v ?? empty;
    const own = v === null ? 0 : fraction(v);
    return text + ' '.repeat(Math.max(0, Math.min(align - own, width - text.length)));
  });
}
