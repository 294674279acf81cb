// Tables for people: amounts exactly as the provider reported them, decimal points aligned, unknown
// shown as "—" (never 0), USD to cents. Provider strings are made terminal-safe.
//
// Drawn here rather than with cli-table3 (the design card's first choice): its layout grows with
// the square of the rows (20 s for 10,000 balances), and it measures text with an older
// string-width than the fitting does, so a CJK or emoji name it counts differently would shift
// every column after it. This renderer measures each cell once, in terminal cells, and draws the
// same borderless table (bold header, two spaces between columns) in time linear in the cells.
import type { ChalkInstance } from 'chalk';
import { formatAmount, type Balance } from '../core/balance.js';
import { formatUsdForPeople, type Decimal } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import { cellWidth, clipCells, padCells, wrapToWidth } from './cells.js';
import { alignDecimals, alignDecimalsNarrow } from './columns.js';
import { layoutTable, type ColumnMemory, type Layout, type TableSpec } from './fit.js';

export interface TableStyle {
  color: ChalkInstance;
  /** The terminal's width when stdout is one: tables are fitted to it (fit.ts). Absent: print whole. */
  width?: number | undefined;
  /** A table redrawn in place keeps its column widths from frame to frame (watch). */
  memory?: ColumnMemory | undefined;
}

/**
 * A borderless table in the style of gh/kubectl: a bold header row, two spaces between columns.
 * With style.width, it is fitted to that many cells, and a note names what was hidden.
 */
export function renderTable(spec: TableSpec, style: TableStyle): string {
  const layout = layoutTable(spec, style.width, style.memory);
  const table = drawTable(layout, style.color);
  if (layout.hidden.length === 0) return table;
  const note = `hidden to fit: ${layout.hidden.join(', ')} (widen, pipe or --json for all)`;
  return `${table}${style.color.dim(style.width === undefined ? note : clipCells(note, style.width))}\n`;
}

/** Trailing spaces go (a padded last column), without a regex that rescans runs of spaces. */
function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return end === line.length ? line : line.slice(0, end);
}

function drawTable({ columns }: Layout, color: ChalkInstance): string {
  const rows = columns[0]?.cells.length ?? 0;
  const lines = new Array<string>(rows + 1);
  let head = '';
  columns.forEach((c, k) => {
    head += (k > 0 ? '  ' : '') + padCells(color.bold(c.head), cellWidth(c.head), c.width, c.align);
  });
  lines[0] = withoutTrailingSpaces(head);
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as Layout['columns'][number];
      line += (k > 0 ? '  ' : '') + padCells(c.cells[r] ?? '', c.cellWidths[r] ?? 0, c.width, c.align);
    }
    lines[r + 1] = withoutTrailingSpaces(line);
  }
  return `${lines.join('\n')}\n`;
}

/** "—" for unknown, dimmed. */
export function dimDash(text: string, c: ChalkInstance): string {
  return text.replace('—', c.dim('—'));
}

/** The USD column: its header when TOTAL is hidden says which figure it values (docs/commands/balances.md). */
export const USD_OF_TOTAL = { column: 'TOTAL', head: 'TOTAL USD' } as const;

/**
 * USD values for people, to cents, points aligned; an unpriced one says so (never 0.00), ending
 * where the cents end.
 */
export function usdCells(values: Array<Decimal | null>, c: ChalkInstance): string[] {
  const aligned = alignDecimals(values.map((v) => (v === null ? null : formatUsdForPeople(v))));
  return values.map((v, i) => (v === null ? c.dim('unpriced') : (aligned[i] ?? '')));
}

export function balancesTable(balances: Balance[], style: TableStyle): string {
  const c = style.color;
  const showWallet = balances.some((b) => b.wallet !== null);
  const figures = (['available', 'pending', 'total'] as const).map((field) => balances.map((b) => formatAmount(b[field], b.scale)));
  const amountColumn = (head: string, values: Array<string | null>) => ({
    head,
    align: 'right' as const,
    cells: alignDecimals(values).map((v) => dimDash(v, c)),
    narrow: alignDecimalsNarrow(values).map((v) => dimDash(v, c)),
  });
  const [available = [], pending = [], total = []] = figures;
  // On a narrow terminal: amounts aligned on fewer decimals first; then the wallet name is cut;
  // then PENDING (total − available), TOTAL, WALLET and NETWORK go, in that order. ACCOUNT,
  // CURRENCY, AVAILABLE and USD always stay; without TOTAL, USD's header says it values the total
  // (TOTAL USD), so it is never read as the value of AVAILABLE beside it.
  const spec: TableSpec = {
    columns: [
      { head: 'ACCOUNT', cells: balances.map((b) => forTerminal(b.account) + (b.mode === 'test' ? c.yellow(' (test)') : '')) },
      ...(showWallet ? [{ head: 'WALLET', cutTo: 8, cells: balances.map((b) => forTerminal(b.walletName ?? b.wallet ?? '', 40) || c.dim('—')) }] : []),
      { head: 'CURRENCY', cells: balances.map((b) => forTerminal(b.currency, 16) + (b.inconsistent ? c.red(' !') : '')) },
      { head: 'NETWORK', cells: balances.map((b) => (b.network === null ? c.dim('—') : forTerminal(b.network, 16))) },
      amountColumn('AVAILABLE', available),
      amountColumn('PENDING', pending),
      amountColumn('TOTAL', total),
      {
        head: 'USD',
        align: 'right',
        headWithout: USD_OF_TOTAL,
        cells: usdCells(
          balances.map((b) => b.usdValue),
          c,
        ),
      },
    ],
    hide: ['PENDING', 'TOTAL', 'WALLET', 'NETWORK'],
  };
  const table = renderTable(spec, style);
  if (!balances.some((b) => b.inconsistent)) return table;
  return `${table}\n${wrapToWidth(inconsistentLegend(c), style.width)}\n`;
}

/** What the `!` after a currency means; `balances` and the `watch` table print it under the table. */
export function inconsistentLegend(c: ChalkInstance): string {
  return `${c.red('!')} inconsistent: the provider's figures break an invariant (see the warning on stderr); left out of totals, never a yes`;
}
