// What of one balance is free to pay the next payout: its available figure less what earlier yes
// payouts of a run committed on it, less the reserve the config keeps. One object per state of the
// balance: a run makes a new one only when a payout commits money to it, so the thousands of
// payouts checked in between share its figures and the texts a refusal quotes, computed once.
import type { Balance } from './balance.js';
import { Decimal, exactMinus, exactPlus, formatDecimal } from './money.js';

const ZERO = new Decimal(0);

export class BalanceFunds {
  private memo: { left: Decimal; free: Decimal } | null = null;
  private readonly texts = new Map<string, string>();
  /**
   * The texts can-withdraw quotes about this balance (core/withdrawal.ts), made once per state. Named
   * fields, not `once` keys: a key is a string nothing else reads, so no test could tell one from another.
   */
  readonly quoted: { where?: string; noFee?: string } = {};

  /** `committed`: amount + fee of the payouts already planned on it (0 for a single payout). */
  constructor(
    readonly balance: Balance,
    readonly reserve: Decimal | null,
    readonly committed: Decimal = ZERO,
  ) {}

  /** The same balance once `required` more is committed to it. */
  after(required: Decimal): BalanceFunds {
    return new BalanceFunds(this.balance, this.reserve, exactPlus(this.committed, required));
  }

  /** available − committed (null: the provider reports no available figure). */
  get left(): Decimal | null {
    return this.figures()?.left ?? null;
  }

  /** available − committed − reserve: what the next payout may take. */
  get free(): Decimal | null {
    return this.figures()?.free ?? null;
  }

  /** A figure as a refusal quotes it, at the balance's own scale (formatted once per state). */
  text(which: 'available' | 'committed' | 'left' | 'free'): string {
    return this.once(which, () => {
      const value = which === 'available' ? this.balance.available : which === 'committed' ? this.committed : this[which];
      return value === null ? '?' : formatDecimal(value, this.balance.scale);
    });
  }

  /** A text about this balance that no payout changes (a note, where it is), made once per state. */
  once(key: string, make: () => string): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      text = make();
      this.texts.set(key, text);
    }
    return text;
  }

  /** left and free together, or null when the provider reports no available figure. */
  figures(): { left: Decimal; free: Decimal } | null {
    const available = this.balance.available;
    if (available === null) return null;
    if (this.memo === null) {
      const left = this.committed.isZero() ? available : exactMinus(available, this.committed);
      this.memo = { left, free: this.reserve ? exactMinus(left, this.reserve) : left };
    }
    return this.memo;
  }
}
