// The conditions a watch evaluates after each poll: threshold rules (--below/--above, `alerts:`)
// and the --until wait. The session decides what an alert or a held --until does (events, the
// --exec hook, stopping); this keeps the rule states and the last --until amount.
import type { Balance } from '../core/balance.js';
import type { Condition, ThresholdRule } from '../core/conditions.js';
import { formatDuration } from '../core/duration.js';
import type { AccountState } from './accounts.js';
import { thresholdEvent, type WatchEvent } from './events.js';
import { ThresholdTracker, untilHolds } from './thresholds.js';

export interface ConditionHooks {
  /** A threshold rule crossed or recovered. */
  alert(event: WatchEvent): void;
  /** --until holds (the notice says so, with the available amount it saw). */
  untilHeld(notice: string): void;
}

export class ConditionCheck {
  readonly thresholds: ThresholdTracker;
  /** The --until amount at the last evaluation, for the message when the wait ends without it. */
  private untilAmount: string | null = null;

  constructor(
    readonly until: Condition | null,
    rules: ThresholdRule[],
    private readonly hooks: ConditionHooks,
  ) {
    this.thresholds = new ThresholdTracker(rules);
  }

  evaluate(at: Date, valued: Balance[], states: readonly AccountState[]): void {
    for (const t of this.thresholds.evaluate(valued)) {
      const { selector } = t.rule;
      this.hooks.alert(
        thresholdEvent(at, {
          state: t.state,
          rule: t.rule.name,
          kind: t.rule.kind,
          account: selector.account,
          currency: selector.code,
          network: selector.network,
          field: 'available',
          level: t.rule.levelText,
          amount: t.amount,
          previous: t.previous,
        }),
      );
    }
    const until = this.until;
    if (until === null) return;
    const names = states.map((s) => s.account.name);
    // Fail closed: an account counts only when its latest poll answered without error.
    const fresh = new Map(states.map((s) => [s.account.name, s.errors.length === 0 && s.raw !== null]));
    const result = untilHolds(until, valued, names, (name) => fresh.get(name) ?? false);
    this.untilAmount = result.amount ?? null;
    if (result.holds) this.hooks.untilHeld(`${until.text} holds: ${result.amount ?? '?'} available`);
  }

  /**
   * The warning when the wait ended (--timeout, --count) without --until holding, like
   * can-withdraw's "no:"; null without --until.
   */
  unmetNotice(endedBy: 'timeout' | 'count', timeoutMs: number | null): string | null {
    if (this.until === null) return null;
    const why = endedBy === 'timeout' ? `within --timeout ${formatDuration(timeoutMs ?? 0)}` : 'within --count polls';
    const last = this.untilAmount === null ? 'its amount is unknown' : `last seen ${this.untilAmount} available`;
    return `${this.until.text} did not hold ${why} (${last})`;
  }
}
