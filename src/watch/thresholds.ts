// Threshold alerts and the --until wait, evaluated after every poll.
//
// A rule is `ok`, `alert` or `unknown`. It fires `crossed` when it enters `alert` (also on the
// first known evaluation: a balance already below its level at start is reported once) and
// `recovered` when it leaves it. Unknown amounts (an account that never answered, a matching
// balance without an available figure, nothing matching) change nothing: no event, state kept.
import { breaches, compare, describeSelector, formatAggregate, sumAvailable, type Condition, type Matchable, type ThresholdRule } from '../core/conditions.js';

export interface ThresholdTransition {
  rule: ThresholdRule;
  state: 'crossed' | 'recovered';
  amount: string;
  previous: string | null;
}

interface RuleState {
  rule: ThresholdRule;
  state: 'unknown' | 'ok' | 'alert';
  amount: string | null;
}

export class ThresholdTracker {
  private readonly states: RuleState[];

  constructor(rules: ThresholdRule[]) {
    this.states = rules.map((rule) => ({ rule, state: 'unknown', amount: null }));
  }

  evaluate(balances: readonly Matchable[]): ThresholdTransition[] {
    const transitions: ThresholdTransition[] = [];
    for (const s of this.states) {
      const aggregate = sumAvailable(s.rule.selector, balances);
      const text = formatAggregate(aggregate);
      if (aggregate.amount === null || text === null) continue;
      const next = breaches(s.rule, aggregate.amount) ? 'alert' : 'ok';
      if (next === 'alert' && s.state !== 'alert') transitions.push({ rule: s.rule, state: 'crossed', amount: text, previous: s.amount });
      if (next === 'ok' && s.state === 'alert') transitions.push({ rule: s.rule, state: 'recovered', amount: text, previous: s.amount });
      s.state = next;
      s.amount = text;
    }
    return transitions;
  }

  /** Is any rule in alert right now? (`--count`/`--timeout` then end with exit 1.) */
  alerting(): boolean {
    return this.states.some((s) => s.state === 'alert');
  }

  /** Rules that matched no balance at all (worth one warning: they can never fire). */
  unmatched(balances: readonly Matchable[]): ThresholdRule[] {
    return this.states.filter((s) => sumAvailable(s.rule.selector, balances).matched === 0).map((s) => s.rule);
  }
}

export interface UntilResult {
  holds: boolean;
  /** The available sum, or null when unknown. */
  amount: string | null;
}

/**
 * Does the --until condition hold? Fail-closed: every account the condition covers (the named one,
 * or all watched accounts) must have answered its latest poll without error; last known values of
 * a failing account are not enough to declare the funds there.
 */
export function untilHolds(
  condition: Condition,
  balances: readonly Matchable[],
  accounts: readonly string[],
  isFresh: (account: string) => boolean,
): UntilResult {
  const scope = condition.selector.account === null ? accounts : [condition.selector.account];
  const aggregate = sumAvailable(condition.selector, balances);
  const amount = formatAggregate(aggregate);
  if (!scope.every(isFresh) || aggregate.amount === null) return { holds: false, amount };
  return { holds: compare(aggregate.amount, condition.op, condition.amount), amount };
}

export function describeRule(rule: ThresholdRule): string {
  return `${describeSelector(rule.selector)} ${rule.kind} ${rule.levelText}`;
}
