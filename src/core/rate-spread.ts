// When the USD rates behind one currency's values disagree widely (the demo: BTC at 40,621 from
// Cryptofuse v2 and 93,037 from Flow), a total that sums them silently mixes two prices of the same
// coin. This finds such currencies so `total` can say so. Pure and exact (Decimal only).
import type { Balance } from './balance.js';
import { Decimal, formatUsdForPeople, groupThousands } from './money.js';

/** "Widely": the highest rate is more than this many percent above the lowest. */
export const RATE_SPREAD_PERCENT = new Decimal(5);

/**
 * Below this USD value a rate implied from a cent-rounded value is too coarse to compare (a
 * $0.28 value is ±1.8 % off); from $1 up the rounding error is at most 0.5 %.
 */
const MIN_IMPLIED_VALUE = new Decimal(1);

export interface RateQuote {
  rate: Decimal;
  source: string;
  account: string;
}

export interface RateDisagreement {
  currency: string;
  low: RateQuote;
  high: RateQuote;
  /** (high − low) / low × 100. */
  spreadPercent: Decimal;
}

/** The USD rate a priced balance was valued at: its own, else value ÷ amount when that is precise enough. */
function quoteOf(b: Balance): RateQuote | null {
  if (b.usdValue === null) return null;
  const source = b.usdSource ?? b.provider;
  if (b.usdRate !== null && b.usdRate.isPositive()) return { rate: b.usdRate, source, account: b.account };
  const amount = b.total ?? b.available;
  if (amount === null || amount.isZero() || b.usdValue.abs().lt(MIN_IMPLIED_VALUE)) return null;
  const rate = b.usdValue.dividedBy(amount);
  return rate.isPositive() ? { rate, source, account: b.account } : null;
}

/** For people: "BTC is valued at rates 129% apart: 40,621.43 (cryptofuse in 'casino-v2') to …". */
export function describeDisagreement(d: RateDisagreement): string {
  const quote = (q: RateQuote) => `${groupThousands(formatUsdForPeople(q.rate))} USD (${q.source} in '${q.account}')`;
  return `${d.currency} is valued at USD rates ${d.spreadPercent.toFixed(0, Decimal.ROUND_DOWN)}% apart: ${quote(d.low)} to ${quote(d.high)}; its USD total mixes them`;
}

export function rateDisagreements(balances: Balance[], thresholdPercent: Decimal = RATE_SPREAD_PERCENT): RateDisagreement[] {
  const byCurrency = new Map<string, { low: RateQuote; high: RateQuote }>();
  for (const b of balances) {
    const quote = quoteOf(b);
    if (!quote) continue;
    const seen = byCurrency.get(b.currency);
    if (!seen) byCurrency.set(b.currency, { low: quote, high: quote });
    else if (quote.rate.lt(seen.low.rate)) seen.low = quote;
    else if (quote.rate.gt(seen.high.rate)) seen.high = quote;
  }
  const found: RateDisagreement[] = [];
  for (const [currency, { low, high }] of byCurrency) {
    const spreadPercent = high.rate.minus(low.rate).dividedBy(low.rate).times(100);
    if (spreadPercent.gt(thresholdPercent)) found.push({ currency, low, high, spreadPercent });
  }
  return found;
}
