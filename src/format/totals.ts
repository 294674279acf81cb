// `total` output: a table for people (USD rounded to cents only here), JSON schemaVersion 1 with
// full precision, and a tidy CSV with one row per line item and a `section` column.
import type { CacheReport } from '../api/fetch.js';
import type { BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import { formatDecimal, formatUsdForPeople, groupThousands, type Decimal } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Totals } from '../core/totals.js';
import { alignDecimals } from './columns.js';
import { toCsv } from './csv.js';
import { cacheJson, errorsJson } from './json.js';
import { renderTable, type TableStyle } from './table.js';

const usd = (value: Decimal) => formatDecimal(value, 2);

export function totalsJson(totals: Totals, errors: BalanceError[], generatedAt: Date, cache?: CacheReport | null): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    generatedAt: generatedAt.toISOString(),
    complete: errors.length === 0,
    by: totals.by,
    groups: totals.groups.map((g) => ({ key: g.key, usdValue: g.usdValue === null ? null : usd(g.usdValue), sources: g.sources })),
    grandTotal: usd(totals.grandTotal),
    unpriced: totals.unpriced.map((u) => ({ account: u.account, currency: u.currency, network: u.network, amount: formatDecimal(u.amount, u.scale) })),
    reconciliation: totals.reconciliation.map((r) => ({
      account: r.account,
      provider: r.provider,
      scope: r.scope,
      scopeId: r.scopeId,
      reported: usd(r.reported),
      computed: usd(r.computed),
      difference: usd(r.difference),
      withinTolerance: r.withinTolerance,
      unpricedInScope: r.unpricedInScope,
    })),
    errors: errorsJson(errors),
    ...cacheJson(cache),
  })}\n`;
}

export function totalsCsv(totals: Totals): string {
  const header = ['section', 'key', 'account', 'provider', 'currency', 'network', 'amount', 'usdValue', 'sources', 'reported', 'computed', 'difference', 'withinTolerance'];
  const text = (value: string | null) => ({ value });
  const money = (value: string | null) => ({ value, kind: 'amount' as const });
  const row = (cells: Partial<Record<(typeof header)[number], { value: string | null; kind?: 'amount' }>>) => header.map((h) => cells[h] ?? text(null));
  return toCsv(header, [
    ...totals.groups.map((g) => row({ section: text('group'), key: text(g.key), amount: money(g.amount === null ? null : formatDecimal(g.amount, g.scale)), usdValue: money(g.usdValue === null ? null : usd(g.usdValue)), sources: text(g.sources.join(' ')) })),
    row({ section: text('total'), key: text('TOTAL'), usdValue: money(usd(totals.grandTotal)) }),
    ...totals.unpriced.map((u) => row({ section: text('unpriced'), account: text(u.account), provider: text(u.provider), currency: text(u.currency), network: text(u.network), amount: money(formatDecimal(u.amount, u.scale)) })),
    ...totals.reconciliation.map((r) =>
      row({
        section: text('reconciliation'), key: text(r.scopeId ?? r.scope), account: text(r.account), provider: text(r.provider),
        reported: money(usd(r.reported)), computed: money(usd(r.computed)), difference: money(usd(r.difference)),
        withinTolerance: text(r.withinTolerance === null ? null : String(r.withinTolerance)),
      }),
    ),
  ]);
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
  let text = renderTable(head, rows, byCurrency ? [1, 2] : [1], style);

  if (totals.unpriced.length > 0) {
    const list = totals.unpriced.map((u) => `${forTerminal(u.currency)} ${groupThousands(formatDecimal(u.amount, u.scale))} in '${forTerminal(u.account)}'`);
    const n = totals.unpriced.length;
    text += `\n${c.yellow(`Excludes ${n} unpriced balance${n > 1 ? 's' : ''}:`)} ${list.join(', ')}\n`;
    text += c.dim('Add a rate under `rates:` in the config (or list stablecoins under `pegged:`) to price them.\n');
  }
  if (totals.reconciliation.length > 0) {
    const recon = totals.reconciliation;
    const reportedCol = alignDecimals(recon.map((r) => formatUsdForPeople(r.reported)));
    const computedCol = alignDecimals(recon.map((r) => formatUsdForPeople(r.computed)));
    const diffCol = alignDecimals(recon.map((r) => formatUsdForPeople(r.difference)));
    const verdict = (r: Totals['reconciliation'][number]) =>
      r.withinTolerance === null ? c.yellow(`incomplete (${r.unpricedInScope} unpriced)`) : r.withinTolerance ? c.green('ok') : c.red('MISMATCH');
    const reconRows = recon.map((r, i) => [
      forTerminal(r.account), forTerminal(r.scopeId ?? r.scope, 40), reportedCol[i] ?? '', computedCol[i] ?? '', diffCol[i] ?? '', verdict(r),
    ]);
    text += `\n${c.bold('Reconciliation with provider-reported totals')}\n`;
    text += renderTable(['ACCOUNT', 'SCOPE', 'REPORTED', 'COMPUTED', 'DIFFERENCE', ''], reconRows, [2, 3, 4], style);
  }
  return text;
}
