// `history --chart`: a terminal line chart (asciichart) of one series' total, or of the USD total
// of every selected series. A chart is for the eyes: values become floats only here, after the
// exact sums are made with decimals; --json and --csv keep the exact text. Each column is the last
// known value of its slice of time; a slice with no new value repeats the previous one.
import asciichart from 'asciichart';
import { Decimal } from '../core/money.js';
import type { Point } from '../history/points.js';
import type { SeriesInfo } from '../history/select.js';
import { headline } from '../history/summary.js';

export interface ChartInput {
  title: string;
  times: Date[];
  values: Array<Decimal | null>;
}

/** One series: its total (or available) over time. */
export function seriesChartInput(info: SeriesInfo, points: Point[]): ChartInput {
  const where = [info.account, info.wallet, info.network].filter(Boolean).join(' · ');
  return {
    title: `${info.currency} (${where})`,
    times: points.map((p) => p.at),
    values: points.map((p) => {
      const v = headline(p);
      return v === null ? null : new Decimal(v);
    }),
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
  return { title: 'USD total', times, values, unpriced };
}

export function renderChart(input: ChartInput, width: number, height = 12): string | null {
  const columns = Math.max(10, Math.min(width, input.values.length));
  const sampled: number[] = [];
  let previous: number | null = null;
  for (let i = 0; i < columns; i++) {
    const slice = input.values.slice(Math.floor((i * input.values.length) / columns), Math.floor(((i + 1) * input.values.length) / columns));
    const known = [...slice].reverse().find((v) => v !== null);
    if (known) previous = known.toNumber();
    if (previous !== null) sampled.push(previous);
  }
  if (sampled.length === 0) return null;
  const first = input.times[0]?.toISOString().slice(0, 16).replace('T', ' ');
  const end = input.times[input.times.length - 1]?.toISOString().slice(0, 16).replace('T', ' ');
  const plot = asciichart.plot(sampled, { height, format: (x: number) => String(Number(x.toPrecision(8))).padStart(14) });
  return `${input.title}, ${first} → ${end} UTC\n${plot}\n`;
}
