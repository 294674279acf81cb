// `can-withdraw --batch` for people: one row per payout (what pays it, or why not), then each
// balance the yes payouts draw on (available, reserve, committed, left), fitted to the terminal
// like `balances`: the reason is cut first. Provider and file text is made terminal-safe.
import type { ChalkInstance } from 'chalk';
import type { PlanDocument, RunDecision } from '../core/payout-plan.js';
import { forTerminal } from '../core/sanitize.js';
import { wrapToWidth } from './cells.js';
import { alignDecimals, alignDecimalsNarrow } from './columns.js';
import { dimDash, renderTable, type TableStyle } from './table.js';

function paint(decision: RunDecision, c: ChalkInstance): string {
  return decision === 'yes' ? c.green('yes') : decision === 'no' ? c.red('no') : c.yellow('unknown');
}

/** The payouts, then the balances they draw on, then `summary` (wrapped to the terminal). */
export function planTable(doc: PlanDocument, style: TableStyle, summary: string): string {
  const c = style.color;
  const text = (value: string | null, max = 200) => (value === null ? c.dim('—') : forTerminal(value, max));
  const { payouts } = doc;
  const amounts = payouts.map((p) => p.amount);
  const fees = payouts.map((p) => p.fee);
  const showWallet = payouts.some((p) => p.wallet !== null);
  const showFee = fees.some((f) => f !== null);
  // On a narrow terminal the reason is cut first (--json and pipes have it whole), then the
  // wallet; then FEE, WALLET and NETWORK go. ID, DECISION, AMOUNT and ACCOUNT always stay.
  const table = renderTable(
    {
      columns: [
        { head: 'ID', cells: payouts.map((p) => forTerminal(p.id, 100)) },
        { head: 'DECISION', cells: payouts.map((p) => paint(p.decision, c)) },
        { head: 'AMOUNT', align: 'right', cells: alignDecimals(amounts), narrow: alignDecimalsNarrow(amounts) },
        { head: 'CURRENCY', cells: payouts.map((p) => text(p.currency, 24)) },
        { head: 'NETWORK', cells: payouts.map((p) => text(p.network, 24)) },
        { head: 'ACCOUNT', cells: payouts.map((p) => text(p.account, 64)) },
        ...(showWallet ? [{ head: 'WALLET', cutTo: 8, cells: payouts.map((p) => text(p.wallet, 64)) }] : []),
        ...(showFee ? [{ head: 'FEE', align: 'right' as const, cells: alignDecimals(fees).map((v) => dimDash(v, c)) }] : []),
        { head: 'REASON', cutTo: 20, cells: payouts.map((p) => (p.reasons.length > 0 ? forTerminal(p.reasons.join('; '), 4000) : '')) },
      ],
      hide: ['FEE', 'WALLET', 'NETWORK'],
    },
    style,
  );
  return `${table}${doc.commitments.length > 0 ? `\n${commitmentsTable(doc, style)}` : ''}\n${wrapToWidth(summary, style.width)}\n`;
}

function commitmentsTable(doc: PlanDocument, style: TableStyle): string {
  const c = style.color;
  const list = doc.commitments;
  const figure = (head: string, values: string[]) => ({ head, align: 'right' as const, cells: alignDecimals(values), narrow: alignDecimalsNarrow(values) });
  // AVAILABLE is COMMITTED + LEFT: it goes first, then the wallet, the network and the reserve.
  return renderTable(
    {
      columns: [
        { head: 'ACCOUNT', cells: list.map((m) => forTerminal(m.account, 64)) },
        { head: 'WALLET', cutTo: 8, cells: list.map((m) => (m.wallet === null ? c.dim('—') : forTerminal(m.wallet, 64))) },
        { head: 'CURRENCY', cells: list.map((m) => forTerminal(m.currency, 24)) },
        { head: 'NETWORK', cells: list.map((m) => (m.network === null ? c.dim('—') : forTerminal(m.network, 24))) },
        figure(
          'AVAILABLE',
          list.map((m) => m.available),
        ),
        figure(
          'RESERVE',
          list.map((m) => m.reserve),
        ),
        figure(
          'COMMITTED',
          list.map((m) => m.committed),
        ),
        figure(
          'LEFT',
          list.map((m) => m.left),
        ),
      ],
      hide: ['AVAILABLE', 'WALLET', 'NETWORK', 'RESERVE'],
    },
    style,
  );
}
