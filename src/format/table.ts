// Tables for people (cli-table3): amounts exactly as the provider reported them, decimal points
// aligned, unknown shown as "—" (never 0), USD to cents. Provider strings are made terminal-safe.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { formatAmount, type Balance } from '../core/balance.js';
import { formatUsdForPeople } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import { alignDecimals } from './columns.js';

export interface TableStyle {
  color: ChalkInstance;
}

/** A borderless table in the style of gh/kubectl: a bold header row, two spaces between columns. */
export function renderTable(head: string[], rows: string[][], rightAligned: number[], style: TableStyle): string {
  const table = new Table({
    head: head.map((h) => style.color.bold(h)),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
      'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: head.map((_, i) => (rightAligned.includes(i) ? 'right' : 'left')),
  });
  for (const row of rows) table.push(row);
  return `${table.toString().split('\n').map((line) => line.trimEnd()).join('\n')}\n`;
}

export function balancesTable(balances: Balance[], style: TableStyle): string {
  const c = style.color;
  const showWallet = balances.some((b) => b.wallet !== null);
  const amounts = (pick: (b: Balance) => string | null) => alignDecimals(balances.map(pick));
  const available = amounts((b) => formatAmount(b.available, b.scale));
  const pending = amounts((b) => formatAmount(b.pending, b.scale));
  const total = amounts((b) => formatAmount(b.total, b.scale));
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
  const amountColumns = showWallet ? [4, 5, 6, 7] : [3, 4, 5, 6];
  const table = renderTable(head, rows, amountColumns, style);
  if (!balances.some((b) => b.inconsistent)) return table;
  return `${table}\n${c.red('!')} inconsistent: the provider's figures break an invariant (see the warning on stderr); left out of totals, never a yes\n`;
}
