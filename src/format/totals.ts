// `total` for machines: JSON schemaVersion 1 with full precision, and a tidy CSV with one row per
// line item and a `section` column. The table for people is in totals-table.ts.
import type { CacheReport } from '../api/fetch.js';
import type { BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import { formatDecimal, type Decimal } from '../core/money.js';
import type { Totals } from '../core/totals.js';
import { toCsv } from './csv.js';
import { cacheJson, errorsJson } from './json.js';

const usd = (value: Decimal) => formatDecimal(value, 2);

export function totalsJson(totals: Totals, errors: BalanceError[], generatedAt: Date, cache?: CacheReport | null): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    generatedAt: generatedAt.toISOString(),
    complete: errors.length === 0,
    by: totals.by,
    groups: totals.groups.map((g) => ({ key: g.key, usdValue: g.usdValue === null ? null : usd(g.usdValue), sources: g.sources })),
    // Nothing to total (no account read, nothing selected): unknown, never a false 0.00.
    grandTotal: totals.groups.length === 0 ? null : usd(totals.grandTotal),
    unpriced: totals.unpriced.map((u) => ({ account: u.account, currency: u.currency, network: u.network, amount: formatDecimal(u.amount, u.scale) })),
    // Only when there are some, so documents without inconsistent balances keep their shape.
    ...(totals.inconsistent.length > 0
      ? {
          inconsistent: totals.inconsistent.map((i) => ({
            account: i.account,
            wallet: i.wallet,
            currency: i.currency,
            network: i.network,
            providerCurrency: i.providerCurrency,
            problems: i.problems,
          })),
        }
      : {}),
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
  const header = [
    'section',
    'key',
    'account',
    'provider',
    'currency',
    'network',
    'amount',
    'usdValue',
    'sources',
    'reported',
    'computed',
    'difference',
    'withinTolerance',
  ];
  const text = (value: string | null) => ({ value });
  const money = (value: string | null) => ({ value, kind: 'amount' as const });
  const row = (cells: Partial<Record<(typeof header)[number], { value: string | null; kind?: 'amount' }>>) => header.map((h) => cells[h] ?? text(null));
  return toCsv(header, [
    ...totals.groups.map((g) =>
      row({
        section: text('group'),
        key: text(g.key),
        amount: money(g.amount === null ? null : formatDecimal(g.amount, g.scale)),
        usdValue: money(g.usdValue === null ? null : usd(g.usdValue)),
        sources: text(g.sources.join(' ')),
      }),
    ),
    row({ section: text('total'), key: text('TOTAL'), usdValue: money(totals.groups.length === 0 ? null : usd(totals.grandTotal)) }),
    ...totals.unpriced.map((u) =>
      row({
        section: text('unpriced'),
        account: text(u.account),
        provider: text(u.provider),
        currency: text(u.currency),
        network: text(u.network),
        amount: money(formatDecimal(u.amount, u.scale)),
      }),
    ),
    ...totals.inconsistent.map((i) =>
      row({
        section: text('inconsistent'),
        key: text(i.providerCurrency),
        account: text(i.account),
        provider: text(i.provider),
        currency: text(i.currency),
        network: text(i.network),
      }),
    ),
    ...totals.reconciliation.map((r) =>
      row({
        section: text('reconciliation'),
        key: text(r.scopeId ?? r.scope),
        account: text(r.account),
        provider: text(r.provider),
        reported: money(usd(r.reported)),
        computed: money(usd(r.computed)),
        difference: money(usd(r.difference)),
        withinTolerance: text(r.withinTolerance === null ? null : String(r.withinTolerance)),
      }),
    ),
  ]);
}
