// Tables for people: amounts exactly as the provider reported them, decimal points
// aligned, unknown shown as "—" (never 0), USD to cents. Provider strings are made terminal-safe.
import type { ChalkInstance } from 'chalk';
import { formatAmount, type Balance } from '../core/balance.js';
import { formatUsdForPeople } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import { alignDecimals, alignDecimalsNarrow } from './columns.js';
import { clipVisible, fitTable, visibleWidth, type FitSpec } from './fit.js';

export interface TableStyle {
  color: ChalkInstance;
  /** The terminal's width when stdout is one: tables are fitted to it (fit.ts). Absent: print whole. */
  width?: number | undefined;
}

/**
 * A borderless table in the style of gh/kubectl: a bold header row, two spaces between columns.
 * With style.width, it is fitted to that many columns as `fit` allows, and a note names what was hidden.
 */
export function renderTable(head: string[], rows: string[][], rightAligned: number[], style: TableStyle, fit: FitSpec = {}): string {
  if (style.width !== undefined) {
    const fitted = fitTable(head, rows, rightAligned, style.width, fit);
    const table = drawTable(fitted.head, fitted.rows, fitted.rightAligned, style);
    if (fitted.dropped.length === 0) return table;
    const note = `hidden to fit: ${fitted.dropped.join(', ')} (widen, pipe or --json for all)`;
    return `${table}${style.color.dim(clipVisible(note, style.width))}\n`;
  }
  return drawTable(head, rows, rightAligned, style);
}

/**
 * Columns padded to their widest cell, two spaces apart, trailing spaces trimmed: linear in the
 * cells, so a plan of 10,000 payouts draws as fast as 10 (cli-table3, used before, took seconds
 * for a thousand rows: its span layout is quadratic). Widths are visibleWidth's, as fitting's.
 */
function drawTable(head: string[], rows: string[][], rightAligned: number[], style: TableStyle): string {
  const lines = [head.map((h) => style.color.bold(h)), ...rows];
  // A loop, not Math.max(...cells): a spread of 100,000 arguments overflows the stack.
  const widths = head.map((h) => visibleWidth(h));
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
  const right = new Set(rightAligned);
  const drawn = lines.map((cells) =>
    widths
      .map((width, i) => {
        const cell = cells[i] ?? '';
        const padding = ' '.repeat(Math.max(0, width - visibleWidth(cell)));
        return right.has(i) ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd(),
  );
  return `${drawn.join('\n')}\n`;
}

export function balancesTable(balances: Balance[], style: TableStyle): string {
  const c = style.color;
  const showWallet = balances.some((b) => b.wallet !== null);
  const columns = [
    balances.map((b) => formatAmount(b.available, b.scale)),
    balances.map((b) => formatAmount(b.pending, b.scale)),
    balances.map((b) => formatAmount(b.total, b.scale)),
  ];
  const [available = [], pending = [], total = []] = columns.map((values) => alignDecimals(values));
  const usd = alignDecimals(balances.map((b) => (b.usdValue === null ? null : formatUsdForPeople(b.usdValue))));
  const dimDash = (text: string) => text.replace('—', c.dim('—'));

  const head = ['ACCOUNT', ...(showWallet ? ['WALLET'] : []), 'CURRENCY', 'NETWORK', 'AVAILABLE', 'PENDING', 'TOTAL', 'USD'];
  const rows = balances.map((b, i) => [
    forTerminal(b.account) + (b.mode === 'test' ? c.yellow(' (test)') : ''),
    ...(showWallet ? [forTerminal(b.walletName ?? b.wallet ?? '', 40) || c.dim('—')] : []),
    forTerminal(b.currency, 16) + (b.inconsistent ? c.red(' !') : ''),
    b.network === null ? c.dim('—') : forTerminal(b.network, 16),
    dimDash(available[i] ?? ''),
    dimDash(pending[i] ?? ''),
    dimDash(total[i] ?? ''),
    b.usdValue === null ? c.dim((usd[i] ?? '').replace('—', 'unpriced')) : (usd[i] ?? ''),
  ]);
  const first = showWallet ? 4 : 3;
  const amountColumns = [first, first + 1, first + 2, first + 3];
  // On a narrow terminal: amounts aligned on fewer decimals first; then the wallet name is cut;
  // then PENDING (total − available), TOTAL, WALLET and NETWORK go, in that order. ACCOUNT,
  // CURRENCY, AVAILABLE and USD always stay.
  const narrow = new Map(columns.map((values, k) => [first + k, alignDecimalsNarrow(values).map(dimDash)]));
  const fit: FitSpec = {
    narrow,
    shrink: showWallet ? [{ column: 1, min: 8 }] : [],
    drop: [first + 1, first + 2, ...(showWallet ? [1] : []), first - 1],
  };
  const table = renderTable(head, rows, amountColumns, style, fit);
  if (!balances.some((b) => b.inconsistent)) return table;
  return `${table}\n${inconsistentLegend(c)}\n`;
}

/** What the `!` after a currency means; `balances` and the `watch` table print it under the table. */
export function inconsistentLegend(c: ChalkInstance): string {
  return `${c.red('!')} inconsistent: the provider's figures break an invariant (see the warning on stderr); left out of totals, never a yes`;
}
