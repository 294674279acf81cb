// The `total` table for people: USD rounded to cents only here. Kept apart from the JSON and CSV
// writers, which print for machines.
import { formatDecimal, formatUsdForPeople, groupThousands } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Totals } from '../core/totals.js';
import { alignDecimals } from './columns.js';
import { renderTable, type TableStyle } from './table.js';

function incompleteWhy(r: Totals['reconciliation'][number]): string {
  return [r.unpricedInScope > 0 ? `${r.unpricedInScope} unpriced` : '', r.inconsistentInScope > 0 ? `${r.inconsistentInScope} inconsistent` : ''].filter(Boolean).join(', ');
}

export function totalsTable(totals: Totals, style: TableStyle): string {
  const c = style.color;
  const byCurrency = totals.by === 'currency';
  const values = alignDecimals([...totals.groups.map((g) => (g.usdValue === null ? null : formatUsdForPeople(g.usdValue))), formatUsdForPeople(totals.grandTotal)], 'unpriced');
  const amounts = alignDecimals(totals.groups.map((g) => (g.amount === null ? null : formatDecimal(g.amount, g.scale))));
  const head = [totals.by.toUpperCase(), ...(byCurrency ? ['AMOUNT'] : []), 'USD', 'SOURCES'];
  const sources = (g: Totals['groups'][number]) =>
    [g.sources.join(', '), g.unpricedCount > 0 ? c.yellow(`+${g.unpricedCount} unpriced`) : ''].filter(Boolean).join(' ') || '—';
  const rows = totals.groups.map((g, i) => [
    forTerminal(g.key),
    ...(byCurrency ? [amounts[i] ?? ''] : []),
    g.usdValue === null ? c.yellow(values[i] ?? '') : (values[i] ?? ''),
    c.dim(sources(g)),
  ]);
  rows.push([c.bold('TOTAL'), ...(byCurrency ? [''] : []), c.bold(values[values.length - 1] ?? ''), '']);
  // On a narrow terminal the SOURCES list is cut first (the amounts never are).
  let text = renderTable(head, rows, byCurrency ? [1, 2] : [1], style, { shrink: [{ column: head.length - 1, min: 12 }] });

  if (totals.unpriced.length > 0) {
    const list = totals.unpriced.map((u) => `${forTerminal(u.currency)} ${groupThousands(formatDecimal(u.amount, u.scale))} in '${forTerminal(u.account)}'`);
    const n = totals.unpriced.length;
    text += `\n${c.yellow(`Excludes ${n} unpriced balance${n > 1 ? 's' : ''}:`)} ${list.join(', ')}\n`;
    text += c.dim('Add a rate under `rates:` in the config (or list stablecoins under `pegged:`) to price them.\n');
  }
  if (totals.inconsistent.length > 0) {
    const list = totals.inconsistent.map((i) => `${forTerminal(i.providerCurrency, 40)} in '${forTerminal(i.account)}'`);
    const n = totals.inconsistent.length;
    text += `\n${c.red(`Excludes ${n} inconsistent balance${n > 1 ? 's' : ''}:`)} ${list.join(', ')} (the provider's figures break an invariant; see the warning on stderr)\n`;
  }
  if (totals.reconciliation.length > 0) {
    const recon = totals.reconciliation;
    const reportedCol = alignDecimals(recon.map((r) => formatUsdForPeople(r.reported)));
    const computedCol = alignDecimals(recon.map((r) => formatUsdForPeople(r.computed)));
    const diffCol = alignDecimals(recon.map((r) => formatUsdForPeople(r.difference)));
    const verdict = (r: Totals['reconciliation'][number]) =>
      r.withinTolerance === null ? c.yellow(`incomplete (${incompleteWhy(r)})`) : r.withinTolerance ? c.green('ok') : c.red('MISMATCH');
    const reconRows = recon.map((r, i) => [
      forTerminal(r.account), forTerminal(r.scopeId ?? r.scope, 40), reportedCol[i] ?? '', computedCol[i] ?? '', diffCol[i] ?? '', verdict(r),
    ]);
    text += `\n${c.bold('Reconciliation with provider-reported totals')}\n`;
    text += renderTable(['ACCOUNT', 'SCOPE', 'REPORTED', 'COMPUTED', 'DIFFERENCE', ''], reconRows, [2, 3, 4], style, { shrink: [{ column: 1, min: 10 }] });
  }
  return text;
}
