// Tables for people: `history` (one line per series: first, last, change, min, max and a
// sparkline of the total) and `changes` (one line per balance and field that moved). Amounts are
// the stored text, aligned on the decimal point; unknown is "—". Stored names are made
// terminal-safe like provider strings, since they came from providers.
import { Decimal, formatDecimal } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Change } from '../history/changes.js';
import type { Point } from '../history/points.js';
import type { SeriesInfo } from '../history/select.js';
import { alignDecimals } from './columns.js';
import { sparkline } from './sparkline.js';
import { renderTable, type TableStyle } from './table.js';

/** The figure a series is summarised by: its total, or available where no total is known. */
export function headline(p: Point): string | null {
  return p.total ?? p.available;
}

interface Summary {
  first: string | null;
  last: string | null;
  change: string | null;
  min: string | null;
  max: string | null;
  trend: string;
  gaps: number;
}

function summarise(points: Point[]): Summary {
  const values = points.map(headline);
  const known = values.filter((v): v is string => v !== null);
  const first = known[0] ?? null;
  const last = known[known.length - 1] ?? null;
  const decimals = known.map((v) => new Decimal(v));
  const pick = (better: (a: Decimal, b: Decimal) => boolean) =>
    known.length === 0 ? null : (known[decimals.reduce((best, v, i) => (better(v, decimals[best] as Decimal) ? i : best), 0)] ?? null);
  const change = first !== null && last !== null ? signed(new Decimal(last).minus(first)) : null;
  return { first, last, change, min: pick((a, b) => a.lessThan(b)), max: pick((a, b) => a.greaterThan(b)), trend: sparkline(values), gaps: points.filter((p) => p.error !== null).length };
}

function signed(value: Decimal): string {
  const text = formatDecimal(value);
  return value.greaterThan(0) ? `+${text}` : text;
}

function identity(s: SeriesInfo, showWallet: boolean, c: TableStyle['color']): string[] {
  return [
    forTerminal(s.account),
    ...(showWallet ? [s.wallet === null ? c.dim('—') : forTerminal(s.wallet, 40)] : []),
    forTerminal(s.currency, 16),
    s.network === null ? c.dim('—') : forTerminal(s.network, 16),
  ];
}

export function historyTable(series: Array<{ info: SeriesInfo; points: Point[] }>, style: TableStyle): string {
  const c = style.color;
  const showWallet = series.some((s) => s.info.wallet !== null);
  const sums = series.map((s) => summarise(s.points));
  const column = (pick: (s: Summary) => string | null) => alignDecimals(sums.map(pick));
  const [first, last, change, min, max] = [column((s) => s.first), column((s) => s.last), column((s) => s.change), column((s) => s.min), column((s) => s.max)];
  const head = ['ACCOUNT', ...(showWallet ? ['WALLET'] : []), 'CURRENCY', 'NETWORK', 'FIRST', 'LAST', 'CHANGE', 'MIN', 'MAX', 'TREND', 'POINTS'];
  const rows = series.map((s, i) => {
    const sum = sums[i] as Summary;
    const points = `${s.points.length}${sum.gaps > 0 ? c.yellow(` (${sum.gaps} failed)`) : ''}`;
    return [...identity(s.info, showWallet, c), first[i] ?? '', last[i] ?? '', change[i] ?? '', min[i] ?? '', max[i] ?? '', sum.trend, points];
  });
  const offset = showWallet ? 4 : 3;
  return renderTable(head, rows, [offset, offset + 1, offset + 2, offset + 3, offset + 4], style);
}

export function changesTable(changes: Change[], style: TableStyle): string {
  const c = style.color;
  const showWallet = changes.some((ch) => ch.series.wallet !== null);
  const from = alignDecimals(changes.map((ch) => ch.from));
  const to = alignDecimals(changes.map((ch) => ch.to));
  const delta = alignDecimals(changes.map((ch) => (ch.delta === null ? null : signed(new Decimal(ch.delta)))));
  const head = ['ACCOUNT', ...(showWallet ? ['WALLET'] : []), 'CURRENCY', 'NETWORK', 'FIELD', 'FROM', 'TO', 'DELTA'];
  const rows = changes.map((ch, i) => {
    const note = ch.from === null ? c.dim(' (new)') : ch.to === null ? c.dim(' (gone)') : '';
    return [...identity(ch.series, showWallet, c), ch.field + note, from[i] ?? '', to[i] ?? '', delta[i] ?? ''];
  });
  const offset = showWallet ? 5 : 4;
  return renderTable(head, rows, [offset, offset + 1, offset + 2], style);
}
