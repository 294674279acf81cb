// Warnings at the first snapshot for what the user typed but no balance matches: a threshold that
// cannot fire, an --until that cannot hold (it would otherwise wait silently for the whole
// --timeout), a --currency that shows nothing. A code we do not know gets "did you mean".
import type { Balance } from '../core/balance.js';
import { describeSelector, sumAvailable, type Condition, type ThresholdRule } from '../core/conditions.js';
import { parseCurrencyFilters, suggestionText, unmatchedCode, unmatchedFilterWarnings } from '../core/currency-filter.js';
import { describeRule } from './thresholds.js';

export interface Typed {
  /** Threshold rules that matched no balance. */
  rules: ThresholdRule[];
  until: Condition | null;
  currencies: string[];
}

export function unmatchedWarnings({ rules, until, currencies }: Typed, valued: Balance[]): string[] {
  const hint = (code: string) => suggestionText(unmatchedCode(code, valued).suggestions);
  const lines = rules.map(
    (rule) =>
      `${describeRule(rule)} (${rule.name}) matches no balance of the watched accounts yet; it cannot fire until one appears${hint(rule.selector.code)}`,
  );
  if (until !== null && sumAvailable(until.selector, valued).matched === 0) {
    lines.push(
      `--until ${until.text}: ${describeSelector(until.selector)} matches no balance of the watched accounts yet; it cannot hold until one appears${hint(until.selector.code)}`,
    );
  }
  return [...lines, ...unmatchedFilterWarnings(parseCurrencyFilters(currencies), valued, { scope: 'the watched accounts' })];
}
