// `can-withdraw --batch` for people: one row per payout (what pays it, or why not), then each
// balance the yes payouts draw on (available, reserve, committed, left), fitted to the terminal
// like `balances`: the reason is cut first. Provider and file text is made terminal-safe.
import type { ChalkInstance } from 'chalk';
import type { PlanDocument, RunDecision } from '../core/payout-plan.js';
import { forTerminal } from '../core/sanitize.js';
import { alignDecimals } from './columns.js';
import { renderTable, type TableStyle } from './table.js';

function paint(decision: RunDecision, c: ChalkInstance): string {
  return decision === 'yes' ? c.green('yes') : decision === 'no' ? c.red('no') : c.yellow('unknown');
}

/** The payouts, then the balances they draw on (the caller adds the summary line). */
export function planTable(doc: PlanDocument, style: TableStyle): string {
  const c = style.color;
  const dash = c.dim('—');
  const cell = (text: string | null, max = 200) => (text === null ? dash : forTerminal(text, max));
  const showWallet = doc.payouts.some((p) => p.wallet !== null);
  const showFee = doc.payouts.some((p) => p.fee !== null);
  const amounts = alignDecimals(doc.payouts.map((p) => p.amount));
  const fees = alignDecimals(doc.payouts.map((p) => p.fee));
  const head = ['ID', 'DECISION', 'AMOUNT', 'CURRENCY', 'NETWORK', 'ACCOUNT', ...(showWallet ? ['WALLET'] : []), ...(showFee ? ['FEE'] : []), 'REASON'];
  const rows = doc.payouts.map((p, i) => [
    forTerminal(p.id, 100),
    paint(p.decision, c),
    amounts[i] ?? '',
    cell(p.currency, 24),
    cell(p.network, 24),
    cell(p.account, 64),
    ...(showWallet ? [cell(p.wallet, 64)] : []),
    ...(showFee ? [(fees[i] ?? '').replace('—', dash)] : []),
    p.reasons.length > 0 ? forTerminal(p.reasons.join('; '), 4000) : '',
  ]);
  const wallet = showWallet ? 6 : -1;
  const fee = showFee ? head.length - 2 : -1;
  const reason = head.length - 1;
  // On a narrow terminal the reason is cut first (--json and pipes have it whole), then the wallet;
  // then FEE, WALLET and NETWORK go. ID, DECISION, AMOUNT and ACCOUNT always stay.
  const payouts = renderTable(head, rows, [2, ...(showFee ? [fee] : [])], style, {
    shrink: [{ column: reason, min: 20 }, ...(showWallet ? [{ column: wallet, min: 8 }] : [])],
    drop: [...(showFee ? [fee] : []), ...(showWallet ? [wallet] : []), 4],
  });
  return `${payouts}${doc.commitments.length > 0 ? `\n${commitmentsTable(doc, style)}` : ''}`;
}

function commitmentsTable(doc: PlanDocument, style: TableStyle): string {
  const c = style.color;
  const list = doc.commitments;
  const [available = [], reserve = [], committed = [], left = []] = [
    list.map((m) => m.available),
    list.map((m) => m.reserve),
    list.map((m) => m.committed),
    list.map((m) => m.left),
  ].map((values) => alignDecimals(values));
  const head = ['ACCOUNT', 'WALLET', 'CURRENCY', 'NETWORK', 'AVAILABLE', 'RESERVE', 'COMMITTED', 'LEFT'];
  const rows = list.map((m, i) => [
    forTerminal(m.account, 64),
    m.wallet === null ? c.dim('—') : forTerminal(m.wallet, 64),
    forTerminal(m.currency, 24),
    m.network === null ? c.dim('—') : forTerminal(m.network, 24),
    available[i] ?? '',
    reserve[i] ?? '',
    committed[i] ?? '',
    left[i] ?? '',
  ]);
  // AVAILABLE is COMMITTED + LEFT: it goes first, then the wallet, the network and the reserve.
  return renderTable(head, rows, [4, 5, 6, 7], style, { shrink: [{ column: 1, min: 8 }], drop: [4, 1, 3, 5] });
}
