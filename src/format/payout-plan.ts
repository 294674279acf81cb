// `can-withdraw --batch` output for machines, pure functions of the plan document: JSON (the
// document itself) and CSV (one line per payout, `awk -F, '$2=="yes"'` picks what to pay), each as
// a sequence of pieces to write one after the other, and the summary line every format ends with. The table for people is payout-plan-table.ts. Provider and
// file text is made safe for its channel (csvCell).
import { stringifyOutputJson } from '../core/json.js';
import type { PayoutJson, PlanDocument } from '../core/payout-plan.js';
import { csvLine } from './csv.js';
import { modeTag } from './withdrawal.js';

/** How many payouts one piece of output holds: the document is written piece by piece. */
const PER_PIECE = 1000;

/**
 * The document as stringifyOutputJson writes it, in pieces of PER_PIECE payouts, so 100,000
 * payouts never sit in memory as one 100 MB string (nor its redacted copy). The plan is complete
 * before the first piece: nothing can fail half-way but the write itself.
 */
export function* planJsonPieces(doc: PlanDocument): Generator<string> {
  // The document around its payouts, with a token where they go: "payouts": [ … ].
  const token = 'PAYOUTS-PLACEHOLDER';
  const [before = '', after = ''] = stringifyOutputJson({ ...doc, payouts: token }).split(`"${token}"`);
  // Items of an array at depth 2 are indented by 4, as JSON.stringify(doc, null, 2) indents them.
  const item = (p: PayoutJson) => `\n    ${stringifyOutputJson(p).replace(/\n/g, '\n    ')}`;
  for (let from = 0; from < doc.payouts.length; from += PER_PIECE) {
    const items = doc.payouts
      .slice(from, from + PER_PIECE)
      .map(item)
      .join(',');
    yield `${from === 0 ? `${before}[` : ','}${items}`;
  }
  yield `\n  ]${after}\n`;
}

export const PLAN_CSV_HEADER = ['id', 'decision', 'account', 'wallet', 'currency', 'network', 'amount', 'fee', 'reason'];

/** One line per payout, in pieces of PER_PIECE lines (see planJsonPieces). */
export function* planCsvPieces(doc: PlanDocument): Generator<string> {
  yield csvLine(PLAN_CSV_HEADER.map((value) => ({ value })));
  for (let from = 0; from < doc.payouts.length; from += PER_PIECE) {
    yield doc.payouts
      .slice(from, from + PER_PIECE)
      .map((p) =>
        csvLine([
          { value: p.id },
          { value: p.decision },
          { value: p.account },
          { value: p.wallet },
          { value: p.currency },
          { value: p.network },
          { value: p.amount, kind: 'amount' },
          { value: p.fee, kind: 'amount' },
          { value: p.reasons.length > 0 ? p.reasons.join('; ') : null },
        ]),
      )
      .join('');
  }
}

/** What the run comes to, and the rule a payout script follows. */
export function summaryLine(doc: PlanDocument): string {
  const { yes, no, unknown } = doc.counts;
  const total = yes + no + unknown;
  const parts = [`${yes} yes`, `${no} no`, ...(unknown > 0 ? [`${unknown} unknown`] : [])];
  return `${parts.join(', ')} of ${total} payout${total === 1 ? '' : 's'} ${modeTag(doc.mode)}: pay only the yes payouts; nothing else was promised money`;
}
