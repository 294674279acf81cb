// `history --chart`: a terminal line chart (asciichart) of one series' total, or of the USD total
// of every selected series. A chart is for the eyes: values become floats only here, after the
// exact sums are made with decimals; --json and --csv keep the exact text. Each column is the last
// known value of its slice of time; a slice with no new value repeats the previous one. Labels
// are written like the table's figures: grouped, with the figures' own decimals (USD: cents), and
// more only where neighbouring labels would otherwise read the same.
import { createRequire } from 'node:module';
import { Decimal, fractionDigits, groupThousands } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import type { Point } from '../history/points.js';
import type { SeriesInfo } from '../history/select.js';
import { headline } from '../history/summary.js';

/**
 * asciichart (CommonJS) is required when a chart is drawn, not imported: this module then bundles
 * with the other history modules instead of in a chunk of its own, which would split the modules
 * it shares with them into extra files every command reads at start-up (test/e2e/startup-modules).
 */
function asciichart(): typeof import('asciichart').default {
  return createRequire(import.meta.url)('asciichart') as typeof import('asciichart').default;
}

export interface ChartInput {
  title: string;
  times: Date[];
  values: Array<Decimal | null>;
  /** Decimals the figures are written with (the provider's; USD: 2). */
  scale: number;
}

/** One series: its total (or available) over time. */
export function seriesChartInput(info: SeriesInfo, points: Point[]): ChartInput {
  // Names come from the store (a provider's answer, an imported file): shown escaped, like the table's.
  const where = [info.account, info.wallet, info.network]
    .filter((n): n is string => Boolean(n))
    .map((n) => forTerminal(n, 40))
    .join(' · ');
  const texts = points.map(headline);
  return {
    title: `${forTerminal(info.currency, 16)} (${where})`,
    times: points.map((p) => p.at),
    values: texts.map((v) => (v === null ? null : new Decimal(v))),
    scale: texts.reduce((most, v) => Math.max(most, v === null ? 0 : fractionDigits(v)), 0),
  };
}

/** The USD value of every series together: at each moment, the sum of each one's last known value. */
export function usdTotalChartInput(series: Array<{ points: Point[] }>): ChartInput & { unpriced: number } {
  const events = series
    .flatMap((s, index) => s.points.map((p) => ({ index, at: p.at, usd: p.error === null ? p.usdValue : undefined })))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = new Map<number, Decimal>();
  const times: Date[] = [];
  const values: Array<Decimal | null> = [];
  for (const event of events) {
    if (event.usd !== undefined && event.usd !== null) last.set(event.index, new Decimal(event.usd));
    const total = last.size === 0 ? null : [...last.values()].reduce((a, b) => a.plus(b), new Decimal(0));
    if (times.length > 0 && times[times.length - 1]?.getTime() === event.at.getTime()) values[values.length - 1] = total;
    else {
      times.push(event.at);
      values.push(total);
    }
  }
  const unpriced = series.filter((s) => s.points.length > 0 && s.points.every((p) => p.usdValue === null)).length;
  return { title: 'USD total', times, values, scale: 2, unpriced };
}

/**
 * Decimals for the axis labels: the figures' own, or more (at most 3 more, and no more than a
 * float's 15 significant digits carry) where a step between labels is smaller than the last one.
 */
function labelDecimals(min: Decimal, max: Decimal, height: number, scale: number): number {
  const step = max.minus(min).div(Math.max(1, height)).toNumber();
  const needed = step > 0 ? Math.ceil(-Math.log10(step)) : 0;
  const integerDigits = Math.max(1, Math.floor(Math.log10(Math.max(1, Math.abs(min.toNumber()), Math.abs(max.toNumber())))) + 1);
  return Math.max(0, Math.min(Math.max(scale, needed), scale + 3, 15 - integerDigits));
}

/** The chart, its labels and plot together at most `width` columns wide; null when nothing is known. */
/**
 * `wrap` fits the title to the width in terminal cells (format/cells.ts wrapToWidth). It is passed
 * in, not imported: cells.ts reaches string-width, and a static import would take this module out
 * of the read commands' lazy chunk group and split shared chunks every one-shot run then loads
 * (scripts/bundle.mjs; test/e2e/startup-modules.test.ts counts them).
 */
export function renderChart(input: ChartInput, width: number, wrap: (text: string, width: number) => string, height = 12): string | null {
  const known = input.values.filter((v): v is Decimal => v !== null);
  const first = known[0];
  if (first === undefined) return null;
  const [min, max] = known.reduce(([lo, hi], v) => [v.lessThan(lo) ? v : lo, v.greaterThan(hi) ? v : hi], [first, first]);
  const decimals = labelDecimals(min, max, height, input.scale);
  const label = (x: number) => groupThousands(x.toFixed(decimals).replace(/^-(0\.?0*)$/, '$1'));
  const labelWidth = Math.max(label(min.toNumber()).length, label(max.toNumber()).length);
  // asciichart draws each row as its label, " ┤" and the plot.
  const columns = Math.max(10, Math.min(width - labelWidth - 2, input.values.length));
  const sampled: number[] = [];
  let previous: number | null = null;
  for (let i = 0; i < columns; i++) {
    const slice = input.values.slice(Math.floor((i * input.values.length) / columns), Math.floor(((i + 1) * input.values.length) / columns));
    const last = [...slice].reverse().find((v) => v !== null);
    if (last) previous = last.toNumber();
    if (previous !== null) sampled.push(previous);
  }
  const start = input.times[0]?.toISOString().slice(0, 16).replace('T', ' ');
  const end = input.times[input.times.length - 1]?.toISOString().slice(0, 16).replace('T', ' ');
  const plot = asciichart().plot(sampled, { height, format: (x: number) => label(x).padStart(labelWidth) });
  // A wallet id and a network make the title longer than a narrow terminal: it wraps, like the plot it heads fits.
  return `${wrap(`${input.title}, ${start} → ${end} UTC`, width)}\n${plot}\n`;
}
