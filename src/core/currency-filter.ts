// `--currency` in every command: the selector grammar of core/conditions
// ([account:]CURRENCY[@network]), parsed by one function, and what to say when a selector or a
// can-withdraw code matches nothing: that no selected account holds a currency we know, or, for a
// code we do not know, what was probably meant.
import type { Balance } from './balance.js';
import { describeSelector, parseSelector, selectorMatches, type Matchable, type Selector } from './conditions.js';
import { canonicalCurrency, knownSymbols } from './currencies.js';
import { UsageError } from './errors.js';
import { closest } from './suggest.js';

export const SELECTOR_HINT = 'expected [account:]CURRENCY[@network], e.g. USDT, USDT@tron, syncpay:USDT or USDT_TRC20';

/** Parse `--currency` values; a bad one is a usage error naming the flag and the value. */
export function parseCurrencyFilters(texts: readonly string[], flag = '--currency'): Selector[] {
  return texts.map((text) => {
    const parsed = parseSelector(text);
    if ('error' in parsed) throw new UsageError(`${flag} "${text}": ${parsed.error}`, SELECTOR_HINT);
    return parsed;
  });
}

/** No filters keep everything; otherwise a balance must match one of them. */
export function matchesAnyFilter(selectors: readonly Selector[], b: Omit<Matchable, 'available' | 'scale'>): boolean {
  return selectors.length === 0 || selectors.some((s) => selectorMatches(s, b as Matchable));
}

type Held = Pick<Balance, 'currency' | 'providerCurrency'>;

/**
 * A code that matched nothing. `known`: a currency we know or one some balance reports (then no one
 * selected simply holds it, and suggesting look-alikes would mislead: BTC is not a typo of WBTC).
 * Otherwise close codes, each once whatever its case, canonical symbols first.
 */
export function unmatchedCode(code: string, balances: readonly Held[]): { known: boolean; suggestions: string[] } {
  const upper = code.trim().toUpperCase();
  const held = balances.flatMap((b) => [b.currency, b.providerCurrency]);
  const symbols = knownSymbols();
  const known = symbols.includes(canonicalCurrency(upper).currency) || held.some((h) => h.toUpperCase() === upper);
  if (known) return { known, suggestions: [] };
  const candidates = [...balances.map((b) => b.currency), ...symbols, ...held];
  return { known, suggestions: closest(upper, candidates).filter((s) => s.toUpperCase() !== upper) };
}

export function suggestionText(suggestions: readonly string[]): string {
  return suggestions.length === 0 ? '' : ` (did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?)`;
}

/** One line per filter that matches none of `balances` (every balance read, before filtering). */
export function unmatchedFilterWarnings(
  selectors: readonly Selector[],
  balances: readonly Balance[],
  { flag = '--currency', scope = 'the selected accounts' }: { flag?: string; scope?: string } = {},
): string[] {
  return selectors
    .filter((s) => !balances.some((b) => selectorMatches(s, b)))
    .map((s) => {
      const { known, suggestions } = unmatchedCode(s.code, balances);
      const what = `${flag} ${describeSelector(s)}`;
      return known
        ? `${what} matches no balance of ${scope}`
        : `${what} matches no balance, and ${s.code} is not a currency we know${suggestionText(suggestions)}`;
    });
}
