// `can-withdraw --batch` output for machines, pure functions of the plan document: JSON (the
// document itself) and CSV (one line per payout, `awk -F, '$2=="yes"'` picks what to pay), and the
// summary line every format ends with. The table for people is payout-plan-table.ts. Provider and
// file text is made safe for its channel (csvCell).
import { stringifyOutputJson } from '../core/json.js';
import type { PlanDocument } from '../core/payout-plan.js';
import { toCsv } from './csv.js';
import { modeTag } from './withdrawal.js';

export function planJson(doc: PlanDocument): string {
  return `${stringifyOutputJson(doc)}\n`;
}

export const PLAN_CSV_HEADER = ['id', 'decision', 'account', 'wallet', 'currency', 'network', 'amount', 'fee', 'reason'];

export function planCsv(doc: PlanDocument): string {
  return toCsv(
    PLAN_CSV_HEADER,
    doc.payouts.map((p) => [
      { value: p.id },
      { value: p.decision },
      { value: p.account },
      { value: p.wallet },
      { value: p.currency },
      { value: p.network },
      { value: p.amount, kind: 'amount' as const },
      { value: p.fee, kind: 'amount' as const },
      { value: p.reasons.length > 0 ? p.reasons.join('; ') : null },
    ]),
  );
}

/** What the run comes to, and the rule a payout script follows. */
export function summaryLine(doc: PlanDocument): string {
  const { yes, no, unknown } = doc.counts;
  const total = yes + no + unknown;
  const parts = [`${yes} yes`, `${no} no`, ...(unknown > 0 ? [`${unknown} unknown`] : [])];
  return `${parts.join(', ')} of ${total} payout${total === 1 ? '' : 's'} ${modeTag(doc.mode)}: pay only the yes payouts; nothing else was promised money`;
}
