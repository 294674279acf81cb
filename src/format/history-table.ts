// Tables for people: `history` (one line per series: first, last, change, min, max and a
// sparkline of the total, folded over its points as they stream: history/summary.ts) and
// `changes` (one line per balance and field that moved). Amounts are the stored text, aligned on
// the decimal point, and a change has the decimals of the amounts it is between; unknown is "—".
// Stored names are made terminal-safe like provider strings, since they came from providers. On a
// terminal both are fitted to its width like every table.
import { Decimal, formatDecimal, fractionDigits } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Change } from '../history/changes.js';
import type { SeriesInfo } from '../history/select.js';
import type { Summary } from '../history/summary.js';
import { alignDecimals, alignDecimalsNarrow } from './columns.js';
import type { Column } from './fit.js';
import { sparkline } from './sparkline.js';
import { renderTable, type TableStyle } from './table.js';

/** Decimals a stored amount was written with ("750.000000" → 6). */
function scaleOf(text: string | null): number {
  return text === null ? 0 : fractionDigits(text);
}

function signed(value: Decimal, scale: number): string {
  const text = formatDecimal(value, scale);
  return value.greaterThan(0) ? `+${text}` : text;
}

/**
 * The ACCOUNT cell: the name, and where one name has history under several identities (it was
 * pointed at another provider, or reused in another mode), which one: "syncpay (bachs, live)".
 */
function accountLabels(rows: SeriesInfo[]): (s: SeriesInfo) => string {
  const identities = new Map<string, Set<number>>();
  for (const s of rows) identities.set(s.account, (identities.get(s.account) ?? new Set()).add(s.accountId));
  return (s) => ((identities.get(s.account)?.size ?? 0) > 1 ? `${s.account} (${s.provider}, ${s.mode ?? 'mode unknown'})` : s.account);
}

/**
 * The CURRENCY cell: the currency, and where two rows of one account, wallet and network share it
 * (Flow's USDC and USDC_ERC20 on ethereum), the provider's code that tells them apart: "USDC (USDC_ERC20)".
 */
function currencyLabels(rows: SeriesInfo[]): (s: SeriesInfo) => string {
  const place = (s: SeriesInfo) => JSON.stringify([s.accountId, s.wallet, s.currency, s.network]);
  const codes = new Map<string, Set<string>>();
  for (const s of rows) codes.set(place(s), (codes.get(place(s)) ?? new Set()).add(s.providerCurrency));
  return (s) => ((codes.get(place(s))?.size ?? 0) > 1 ? `${s.currency} (${s.providerCurrency})` : s.currency);
}

function identity(rows: SeriesInfo[], c: TableStyle['color']): Column[] {
  const showWallet = rows.some((s) => s.wallet !== null);
  const label = accountLabels(rows);
  const currency = currencyLabels(rows);
  return [
    { head: 'ACCOUNT', cells: rows.map((s) => forTerminal(label(s))) },
    ...(showWallet ? [{ head: 'WALLET', cutTo: 8, cells: rows.map((s) => (s.wallet === null ? c.dim('—') : forTerminal(s.wallet, 40))) }] : []),
    { head: 'CURRENCY', cells: rows.map((s) => forTerminal(currency(s), 40)) },
    { head: 'NETWORK', cells: rows.map((s) => (s.network === null ? c.dim('—') : forTerminal(s.network, 16))) },
  ];
}

/** A column of amounts: aligned on the point, and a narrower form for a small terminal. */
function amounts(head: string, values: Array<string | null>): Column {
  return { head, align: 'right', cells: alignDecimals(values), narrow: alignDecimalsNarrow(values) };
}

export function historyTable(series: Array<{ info: SeriesInfo; summary: Summary }>, style: TableStyle): string {
  const c = style.color;
  const sums = series.map((s) => s.summary);
  const column = (head: string, pick: (s: Summary) => string | null) => amounts(head, sums.map(pick));
  // The change is written like its neighbours: with as many decimals as FIRST and LAST have.
  const change = (s: Summary) => (s.change === null ? null : signed(s.change, Math.max(scaleOf(s.first), scaleOf(s.last))));
  // Too narrow: MIN, MAX, FIRST (LAST − CHANGE), POINTS, WALLET, NETWORK, TREND, then CHANGE go
  // (rather than cutting the names that tell the rows apart).
  return renderTable(
    {
      columns: [
        ...identity(
          series.map((s) => s.info),
          c,
        ),
        column('FIRST', (s) => s.first),
        column('LAST', (s) => s.last),
        column('CHANGE', change),
        column('MIN', (s) => s.min),
        column('MAX', (s) => s.max),
        { head: 'TREND', cells: sums.map((s) => sparkline(s.trend)), narrow: sums.map((s) => sparkline(s.trend, 12)) },
        { head: 'POINTS', cells: sums.map((s) => `${s.points}${s.gaps > 0 ? c.yellow(` (${s.gaps} failed)`) : ''}`) },
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
        ...identity(
          changes.map((ch) => ch.series),
          c,
        ),
        { head: 'FIELD', cells: changes.map((ch) => ch.field + (ch.from === null ? c.dim(' (new)') : ch.to === null ? c.dim(' (gone)') : '')) },
        amounts(
          'FROM',
          changes.map((ch) => ch.from),
        ),
        amounts(
          'TO',
          changes.map((ch) => ch.to),
        ),
        amounts('DELTA', changes.map(delta)),
      ],
      hide: ['FROM', 'WALLET', 'NETWORK', 'TO'],
    },
    style,
  );
}
