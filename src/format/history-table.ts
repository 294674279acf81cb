// Tables for people: `history` (one line per series: first, last, change, min, max and a
// sparkline of the total) and `changes` (one line per balance and field that moved). Amounts are
// the stored text, aligned on the decimal point; unknown is "—". Stored names are made
// terminal-safe like provider strings, since they came from providers.
import { Decimal, formatDecimal } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Change } from '../history/changes.js';
import type { SeriesInfo } from '../history/select.js';
import type { Summary } from '../history/summary.js';
import { alignDecimals } from './columns.js';
import { sparkline } from './sparkline.js';
import { renderTable, type TableStyle } from './table.js';

function signed(value: Decimal): string {
  const text = formatDecimal(value);
  return value.greaterThan(0) ? `+${text}` : text;
}

/**
 * The ACCOUNT cell: the name, and where one name has history under several identities (it was
 * pointed at another provider, or reused in another mode), which one: "syncpay (bachs, live)".
 */
function accountLabels(series: SeriesInfo[]): (s: SeriesInfo) => string {
  const identities = new Map<string, Set<number>>();
  for (const s of series) identities.set(s.account, (identities.get(s.account) ?? new Set()).add(s.accountId));
  return (s) => ((identities.get(s.account)?.size ?? 0) > 1 ? `${s.account} (${[s.provider, s.mode ?? 'mode unknown'].join(', ')})` : s.account);
}

function identity(s: SeriesInfo, label: (s: SeriesInfo) => string, showWallet: boolean, c: TableStyle['color']): string[] {
  return [
    forTerminal(label(s)),
    ...(showWallet ? [s.wallet === null ? c.dim('—') : forTerminal(s.wallet, 40)] : []),
    forTerminal(s.currency, 16),
    s.network === null ? c.dim('—') : forTerminal(s.network, 16),
  ];
}

export function historyTable(series: Array<{ info: SeriesInfo; summary: Summary }>, style: TableStyle): string {
  const c = style.color;
  const showWallet = series.some((s) => s.info.wallet !== null);
  const sums = series.map((s) => s.summary);
  const label = accountLabels(series.map((s) => s.info));
  const column = (pick: (s: Summary) => string | null) => alignDecimals(sums.map(pick));
  const [first, last, change, min, max] = [
    column((s) => s.first), column((s) => s.last), column((s) => (s.change === null ? null : signed(s.change))), column((s) => s.min), column((s) => s.max),
  ];
  const head = ['ACCOUNT', ...(showWallet ? ['WALLET'] : []), 'CURRENCY', 'NETWORK', 'FIRST', 'LAST', 'CHANGE', 'MIN', 'MAX', 'TREND', 'POINTS'];
  const rows = sums.map((sum, i) => {
    const points = `${sum.points}${sum.gaps > 0 ? c.yellow(` (${sum.gaps} failed)`) : ''}`;
    return [...identity(series[i]!.info, label, showWallet, c), first[i] ?? '', last[i] ?? '', change[i] ?? '', min[i] ?? '', max[i] ?? '', sparkline(sum.trend), points];
  });
  const offset = showWallet ? 4 : 3;
  return renderTable(head, rows, [offset, offset + 1, offset + 2, offset + 3, offset + 4], style);
}

export function changesTable(changes: Change[], style: TableStyle): string {
  const c = style.color;
  const showWallet = changes.some((ch) => ch.series.wallet !== null);
  const label = accountLabels(changes.map((ch) => ch.series));
  const from = alignDecimals(changes.map((ch) => ch.from));
  const to = alignDecimals(changes.map((ch) => ch.to));
  const delta = alignDecimals(changes.map((ch) => (ch.delta === null ? null : signed(new Decimal(ch.delta)))));
  const head = ['ACCOUNT', ...(showWallet ? ['WALLET'] : []), 'CURRENCY', 'NETWORK', 'FIELD', 'FROM', 'TO', 'DELTA'];
  const rows = changes.map((ch, i) => {
    const note = ch.from === null ? c.dim(' (new)') : ch.to === null ? c.dim(' (gone)') : '';
    return [...identity(ch.series, label, showWallet, c), ch.field + note, from[i] ?? '', to[i] ?? '', delta[i] ?? ''];
  });
  const offset = showWallet ? 5 : 4;
  return renderTable(head, rows, [offset, offset + 1, offset + 2], style);
}
