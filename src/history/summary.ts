// What the `history` table says of a series — first, last, change, min, max, a trend and how many
// points (and failed ones) — folded over its points as they stream by, so a long range costs no
// more memory than a short one. Values are compared and subtracted exactly (decimals, any size).
import { Decimal, exactMinus } from '../core/money.js';
import type { Point } from './points.js';

/** The figure a series is summarised by: its total, or available where no total is known. */
export function headline(p: Point): string | null {
  return p.total ?? p.available;
}

export interface Summary {
  first: string | null;
  last: string | null;
  /** last − first, exact; null unless both are known. */
  change: Decimal | null;
  min: string | null;
  max: string | null;
  /** At most TREND_SAMPLES values in time order (each the last known one of its stretch). */
  trend: Array<string | null>;
  points: number;
  gaps: number;
}

/** Enough samples for any sparkline width while keeping memory flat. */
const TREND_SAMPLES = 512;

export class SeriesSummary {
  private first: string | null = null;
  private last: string | null = null;
  private min: { text: string; value: Decimal } | null = null;
  private max: { text: string; value: Decimal } | null = null;
  private points = 0;
  private gaps = 0;
  /** Each sample stands for `stride` points; when full, neighbours merge and the stride doubles. */
  private samples: Array<string | null> = [];
  private stride = 1;
  private pending = 0;
  private pendingValue: string | null = null;

  add(points: Point[]): void {
    for (const p of points) {
      this.points++;
      if (p.error !== null) this.gaps++;
      const v = headline(p);
      if (v !== null) {
        this.first ??= v;
        this.last = v;
        const value = new Decimal(v);
        if (this.min === null || value.lessThan(this.min.value)) this.min = { text: v, value };
        if (this.max === null || value.greaterThan(this.max.value)) this.max = { text: v, value };
        this.pendingValue = v;
      }
      if (++this.pending === this.stride) this.sample();
    }
  }

  private sample(): void {
    this.samples.push(this.pendingValue);
    this.pending = 0;
    this.pendingValue = null;
    if (this.samples.length < TREND_SAMPLES) return;
    // Keep the later known value of each pair: a stretch is shown by its last known value.
    const merged: Array<string | null> = [];
    for (let i = 0; i < this.samples.length; i += 2) merged.push(this.samples[i + 1] ?? this.samples[i] ?? null);
    this.samples = merged;
    this.stride *= 2;
  }

  result(): Summary {
    const trend = this.pending > 0 ? [...this.samples, this.pendingValue] : this.samples;
    return {
      first: this.first,
      last: this.last,
      change: this.first !== null && this.last !== null ? exactMinus(new Decimal(this.last), this.first) : null,
      min: this.min?.text ?? null,
      max: this.max?.text ?? null,
      trend,
      points: this.points,
      gaps: this.gaps,
    };
  }
}
