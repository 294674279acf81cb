// The `total` table for people: USD rounded to cents only here. Kept apart from the JSON and CSV
// writers so `total --json`/`--csv` never load the table code.
import { Decimal, formatDecimal, formatUsdForPeople, groupThousands } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Totals } from '../core/totals.js';
import { wrapToWidth } from './cells.js';
import { alignDecimals, alignDecimalsNarrow } from './columns.js';
import { renderTable, usdCells, type TableStyle } from './table.js';

type Reconciliation = Totals['reconciliation'][number];

function incompleteWhy(r: Reconciliation): string {
  return [r.unpricedInScope > 0 ? `${r.unpricedInScope} unpriced` : '', r.inconsistentInScope > 0 ? `${r.inconsistentInScope} inconsistent` : '']
    .filter(Boolean)
    .join(', ');
}

/**
 * A reconciliation row's figures for people: cents, or as many more decimals as it takes for a
 * non-zero difference not to sit beside two figures that look equal (96,716.855 vs 96,716.86 is
 * not "96,716.86 96,716.86 -0.01"), up to the exact values.
 */
export function reconciliationFigures(r: Pick<Reconciliation, 'reported' | 'computed' | 'difference'>): [string, string, string] {
  const figures = [r.reported, r.computed, r.difference] as const;
  if (r.difference.isZero()) return [formatUsdForPeople(r.reported), formatUsdForPeople(r.computed), formatUsdForPeople(r.difference)];
  const exact = Math.max(2, ...figures.map((v) => v.decimalPlaces()));
  for (let places = 2; places < exact; places++) {
    const [reported, computed, difference] = figures.map((v) => v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP)) as [Decimal, Decimal, Decimal];
    if (!reported.eq(computed) && !difference.isZero())
      return [reported, computed, difference].map((v) => formatDecimal(v, places)) as [string, string, string];
  }
  return figures.map((v) => formatDecimal(v, exact)) as [string, string, string];
}

export function totalsTable(totals: Totals, style: TableStyle): string {
  const c = style.color;
  const byCurrency = totals.by === 'currency';
  const values = usdCells([...totals.groups.map((g) => g.usdValue), totals.grandTotal], c);
  const amounts = totals.groups.map((g) => (g.amount === null ? null : formatDecimal(g.amount, g.scale)));
  const sources = (g: Totals['groups'][number]) =>
    [g.sources.join(', '), g.unpricedCount > 0 ? c.yellow(`+${g.unpricedCount} unpriced`) : ''].filter(Boolean).join(' ') || '—';
  const last = totals.groups.length;
  // On a narrow terminal the amounts are aligned on fewer decimals, then the SOURCES list is cut,
  // then hidden; the amounts never are.
  let text = renderTable(
    {
      columns: [
        { head: totals.by.toUpperCase(), cells: [...totals.groups.map((g) => forTerminal(g.key)), c.bold('TOTAL')] },
        ...(byCurrency
          ? [{ head: 'AMOUNT', align: 'right' as const, cells: [...alignDecimals(amounts), ''], narrow: [...alignDecimalsNarrow(amounts), ''] }]
          : []),
        {
          head: 'USD',
          align: 'right',
          cells: values.map((v, i) => (i === last ? c.bold(v) : v)),
        },
        { head: 'SOURCES', cutTo: 12, cells: [...totals.groups.map((g) => c.dim(sources(g))), ''] },
      ],
      hide: ['SOURCES'],
    },
    style,
  );

  const prose = (line: string) => `${wrapToWidth(line, style.width)}\n`;
  if (totals.unpriced.length > 0) {
    const list = totals.unpriced.map((u) => `${forTerminal(u.currency)} ${groupThousands(formatDecimal(u.amount, u.scale))} in '${forTerminal(u.account)}'`);
    const n = totals.unpriced.length;
    text += `\n${prose(`${c.yellow(`Excludes ${n} unpriced balance${n > 1 ? 's' : ''}:`)} ${list.join(', ')}`)}`;
    text += prose(c.dim('Add a rate under `rates:` in the config (or list stablecoins under `pegged:`) to price them.'));
  }
  if (totals.inconsistent.length > 0) {
    const list = totals.inconsistent.map((i) => `${forTerminal(i.providerCurrency, 40)} in '${forTerminal(i.account)}'`);
    const n = totals.inconsistent.length;
    text += `\n${prose(`${c.red(`Excludes ${n} inconsistent balance${n > 1 ? 's' : ''}:`)} ${list.join(', ')} (the provider's figures break an invariant; see the warning on stderr)`)}`;
  }
  if (totals.reconciliation.length > 0)
    text += `\n${c.bold('Reconciliation with provider-reported totals')}\n${reconciliationTable(totals.reconciliation, style)}`;
  return text;
}

function reconciliationTable(recon: Reconciliation[], style: TableStyle): string {
  const c = style.color;
  const figures = recon.map(reconciliationFigures);
  const column = (k: 0 | 1 | 2) => alignDecimals(figures.map((f) => f[k]));
  const verdict = (r: Reconciliation) =>
    r.withinTolerance === null ? c.yellow(`incomplete (${incompleteWhy(r)})`) : r.withinTolerance ? c.green('ok') : c.red('MISMATCH');
  return renderTable(
    {
      columns: [
        { head: 'ACCOUNT', cells: recon.map((r) => forTerminal(r.account)) },
        { head: 'SCOPE', cutTo: 8, cells: recon.map((r) => forTerminal(r.scopeId ?? r.scope, 40)) },
        { head: 'REPORTED', align: 'right', cells: column(0) },
        { head: 'COMPUTED', align: 'right', cells: column(1) },
        { head: 'DIFFERENCE', align: 'right', cells: column(2) },
        { head: '', cells: recon.map(verdict) },
      ],
      hide: ['SCOPE'],
    },
    style,
  );
}
