// USD value with provenance. Each balance is priced from the first source that applies, and the
// source is recorded in `usdSource`:
//   1. the provider's own USD value for that balance           → "<provider id>"
//   2. the provider's own USD rate for that asset (Flow usd_rate) → "<provider id>"
//   3. fiat USD itself (exactly 1)                             → "usd"
//   4. a rate for the same canonical currency reported by another account in this run (only when
//      every such report agrees: two different rates lend none)
//                                                              → "<provider id>:<account>"
//   5. the config's `rates:`                                   → "config"
//   6. a stablecoin peg at 1.00 when the config lists it under `pegged:` → "peg"
// A balance no source prices keeps usdValue null: it is unpriced, never $0.
import type { Balance } from './balance.js';
import { Decimal, exactTimes } from './money.js';

export interface ValuationSettings {
  rates: Map<string, Decimal>;
  pegged: Set<string>;
}

interface BorrowedRate {
  rate: Decimal;
  source: string;
}

/**
 * Rates accounts report themselves (step 2), per canonical currency, to lend to balances that have
 * none. A currency whose reported rates disagree lends none: which one is true is not known, and
 * picking the first would hide that (core/duplicates.ts). Inconsistent balances lend nothing.
 */
function ratesReportedInRun(balances: Balance[]): Map<string, BorrowedRate> {
  const found = new Map<string, BorrowedRate | null>();
  for (const b of balances) {
    if (b.usdRate === null || b.usdSource !== b.provider || b.inconsistent) continue;
    const seen = found.get(b.currency);
    if (seen === undefined) found.set(b.currency, { rate: b.usdRate, source: `${b.provider}:${b.account}` });
    else if (seen !== null && !seen.rate.eq(b.usdRate)) found.set(b.currency, null);
  }
  return new Map([...found].filter((entry): entry is [string, BorrowedRate] => entry[1] !== null));
}

export function valueBalances(balances: Balance[], settings: ValuationSettings): Balance[] {
  const borrowed = ratesReportedInRun(balances);
  return balances.map((b) => {
    if (b.usdValue !== null) return b;
    const amount = b.total ?? b.available;
    const priced = (rate: Decimal, source: string): Balance => ({
      ...b,
      usdRate: rate,
      usdSource: source,
      usdValue: amount === null ? null : exactTimes(amount, rate),
    });
    if (b.usdRate !== null) return priced(b.usdRate, b.usdSource ?? b.provider);
    if (b.currency === 'USD' && b.network === null) return priced(new Decimal(1), 'usd');
    const other = borrowed.get(b.currency);
    if (other) return priced(other.rate, other.source);
    const configured = settings.rates.get(b.currency);
    if (configured) return priced(configured, 'config');
    if (settings.pegged.has(b.currency)) return priced(new Decimal(1), 'peg');
    return b;
  });
}
