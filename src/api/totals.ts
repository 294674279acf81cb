// totals: USD totals of fetched balances (grouped, unpriced list, reconciliation), exact.
import { UsageError } from '../core/errors.js';
import { Decimal, parseUserDecimal } from '../core/money.js';
import { computeTotals, type GroupBy, type Totals } from '../core/totals.js';
import type { BalancesResult } from './fetch.js';

export interface TotalsOptions {
  /** Group lines by currency (default), account or provider. */
  by?: GroupBy;
  /** Allowed reconciliation difference, percent of the reported figure: "1%", "0.5" or a Decimal (default 1%). */
  tolerance?: string | Decimal;
}

/** "1%" or "0.5" → Decimal percent; anything else is a UsageError (exit 2 in the CLI). */
export function parseTolerance(text: string): Decimal {
  const tolerance = parseUserDecimal(text.replace(/%$/, ''));
  if (!tolerance || tolerance.isNegative()) {
    throw new UsageError(`tolerance "${text}" is not a percentage; expected e.g. 1% or 0.5`);
  }
  return tolerance;
}

export function totals(
  result: Pick<BalancesResult, 'balances' | 'reported'> & Partial<Pick<BalancesResult, 'unfiltered'>>,
  options: TotalsOptions = {},
): Totals {
  const tolerance = options.tolerance ?? '1%';
  return computeTotals(result.balances, result.reported, {
    by: options.by ?? 'currency',
    tolerancePercent: typeof tolerance === 'string' ? parseTolerance(tolerance) : tolerance,
    reconcileWith: result.unfiltered,
  });
}
