// Tables for people: `history` (one line per series: first, last, change, min, max and a
// sparkline of the total) and `changes` (one line per balance and field that moved). Amounts are
// the stored text, aligned on the decimal point, and a change has the decimals of the amounts it
// is between; unknown is "—". Stored names are made terminal-safe like provider strings, since
// they came from providers. On a terminal both are fitted to its width like every table.
import { Decimal, formatDecimal, fractionDigits } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Change } from '../history/changes.js';
import type { Point } from '../history/points.js';
import type { SeriesInfo } from '../history/select.js';
import { alignDecimals, alignDecimalsNarrow } from './columns.js';
import type { Column } from './fit.js';
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
  /** The sparkline at half the width, for a small terminal. */
  narrowTrend: string;
  gaps: number;
}

/** Decimals a stored amount was written with ("750.000000" → 6). */
function scaleOf(text: string | null): number {
  return text === null ? 0 : fractionDigits(text);
}

function summarise(points: Point[]): Summary {
  const values = points.map(headline);
  const known = values.filter((v): v is string => v !== null);
  const first = known[0] ?? null;
  const last = known[known.length - 1] ?? null;
  const decimals = known.map((v) => new Decimal(v));
  const pick = (better: (a: Decimal, b: Decimal) => boolean) =>
    known.length === 0 ? null : (known[decimals.reduce((best, v, i) => (better(v, decimals[best] as Decimal) ? i : best), 0)] ?? null);
  // The change is written like its neighbours: with as many decimals as FIRST and LAST have.
  const change = first !== null && last !== null ? signed(new Decimal(last).minus(first), Math.max(scaleOf(first), scaleOf(last))) : null;
  return { first, last, change, min: pick((a, b) => a.lessThan(b)), max: pick((a, b) => a.greaterThan(b)), trend: sparkline(values), narrowTrend: sparkline(values, 12), gaps: points.filter((p) => p.error !== null).length };
}

function signed(value: Decimal, scale: number): string {
  const text = formatDecimal(value, scale);
  return value.greaterThan(0) ? `+${text}` : text;
}

function identity(rows: SeriesInfo[], c: TableStyle['color']): Column[] {
  const showWallet = rows.some((s) => s.wallet !== null);
  return [
    { head: 'ACCOUNT', cells: rows.map((s) => forTerminal(s.account)) },
    ...(showWallet ? [{ head: 'WALLET', cutTo: 8, cells: rows.map((s) => (s.wallet === null ? c.dim('—') : forTerminal(s.wallet, 40))) }] : []),
    { head: 'CURRENCY', cells: rows.map((s) => forTerminal(s.currency, 16)) },
    { head: 'NETWORK', cells: rows.map((s) => (s.network === null ? c.dim('—') : forTerminal(s.network, 16))) },
  ];
}

/** A column of amounts: aligned on the point, and a narrower form for a small terminal. */
function amounts(head: string, values: Array<string | null>): Column {
  return { head, align: 'right', cells: alignDecimals(values), narrow: alignDecimalsNarrow(values) };
}

export function historyTable(series: Array<{ info: SeriesInfo; points: Point[] }>, style: TableStyle): string {
  const c = style.color;
  const sums = series.map((s) => summarise(s.points));
  const column = (head: string, pick: (s: Summary) => string | null) => amounts(head, sums.map(pick));
  // Too narrow: MIN, MAX, FIRST (LAST − CHANGE), POINTS, WALLET, NETWORK, TREND, then CHANGE go
  // (rather than cutting the names that tell the rows apart).
  return renderTable(
    {
      columns: [
        ...identity(series.map((s) => s.info), c),
        column('FIRST', (s) => s.first),
        column('LAST', (s) => s.last),
        column('CHANGE', (s) => s.change),
        column('MIN', (s) => s.min),
        column('MAX', (s) => s.max),
        { head: 'TREND', cells: sums.map((s) => s.trend), narrow: sums.map((s) => s.narrowTrend) },
        { head: 'POINTS', cells: series.map((s, i) => `${s.points.length}${(sums[i]?.gaps ?? 0) > 0 ? c.yellow(` (${sums[i]?.gaps} failed)`) : ''}`) },
      ],
      hide: ['MIN', 'MAX', 'FIRST', 'POINTS', 'WALLET', 'NETWORK', 'TREND', 'CHANGE'],
    },
    style,
  );
}

export function changesTable(changes: Change[], style: TableStyle): string {
  const c = style.color;
  const delta = (ch: Change) => (ch.delta === null ? null : signed(new Decimal(ch.delta), Math.max(scaleOf(ch.from), scaleOf(ch.to), scaleOf(ch.delta))));
  // Too narrow: FROM (TO − DELTA), WALLET, NETWORK, then TO go: what moved (DELTA) stays.
  return renderTable(
    {
      columns: [
        ...identity(changes.map((ch) => ch.series), c),
        { head: 'FIELD', cells: changes.map((ch) => ch.field + (ch.from === null ? c.dim(' (new)') : ch.to === null ? c.dim(' (gone)') : '')) },
        amounts('FROM', changes.map((ch) => ch.from)),
        amounts('TO', changes.map((ch) => ch.to)),
        amounts('DELTA', changes.map(delta)),
      ],
      hide: ['FROM', 'WALLET', 'NETWORK', 'TO'],
    },
    style,
  );
}
