// `history`: how each balance moved over a period, from the history store: a table with a
// sparkline per series, a terminal chart (--chart), or every point (--json, --csv).
// `history prune --older-than <duration>` forgets old snapshots. Loaded when one of them runs;
// their registration is registration/history.ts.
import { UsageError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import { parseMoment, parsePositiveSpan } from '../core/when.js';
import { historyCsv } from '../format/history-csv.js';
import { historyJson } from '../format/history-json.js';
import { seriesPoints, type Bucket, type Point } from '../history/points.js';
import { pruneBefore } from '../history/prune.js';
import { selectSeries, type SeriesInfo } from '../history/select.js';
import { formatFlag, isForPeople } from '../ui/formats.js';
import type { Output } from '../ui/output.js';
import { BUCKETS } from './shared/choices.js';
import type { RunContext } from './shared/context.js';
import type { GlobalOptions } from './shared/options.js';
import { booleanOption, choiceOption, listOption, stringOption, type RawOptions } from './shared/raw-options.js';
import { render, type Renderers } from './shared/render.js';
import { openForReading } from './shared/store.js';

export interface HistoryOptions {
  /** --since: the start (a span back from the run's start, or a date; UTC unless zoned); default 30d. */
  since: Date;
  /** --until: the end; the run's start when not given. Never before `since`. */
  until: Date;
  /** --by: one point per UTC hour, day or week (from Monday), the last value in each; null = every point. */
  by: Bucket | null;
  /** --currency, as typed; [] = every currency. */
  currencies: string[];
  /** --chart: a line chart instead of the sparkline table; only for the table format. */
  chart: boolean;
  /** --store as typed; undefined = the config's, else the default store. */
  store: string | undefined;
}

export interface PruneOptions {
  /** --older-than in ms (positive); undefined = the config's history.retain, which is then required. */
  olderThanMs: number | undefined;
  /** --store as typed (given before or after `prune`); undefined = the config's, else the default. */
  store: string | undefined;
}

export async function parseHistoryOptions(opts: RawOptions, _args: readonly string[], globals: Pick<GlobalOptions, 'format'>, now: Date): Promise<HistoryOptions> {
  const since = parseMoment('--since', stringOption(opts, 'since') ?? '30d', now);
  const untilText = stringOption(opts, 'until');
  const until = untilText === undefined ? now : parseMoment('--until', untilText, now);
  if (since.getTime() > until.getTime()) throw new UsageError(`--since (${since.toISOString()}) is after --until (${until.toISOString()})`);
  const by = choiceOption(opts, 'by', '--by', BUCKETS) ?? null;
  const chart = booleanOption(opts, 'chart');
  if (chart && !isForPeople(globals.format)) throw new UsageError(`--chart draws for people; it cannot be combined with ${formatFlag(globals.format)}`);
  return { since, until, by, currencies: listOption(opts, 'currency'), chart, store: stringOption(opts, 'store') };
}

export async function runHistory(ctx: RunContext, { since, until, by, currencies, chart, store }: HistoryOptions): Promise<number> {
  const { db } = await openForReading(ctx, store);
  let series;
  try {
    const selected = await selectSeries(db, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, currencies });
    const points = await seriesPoints(db, selected, since, until, by);
    series = selected.map((info) => ({ info, points: points.get(info.id) ?? [] })).filter((s) => s.points.length > 0);
    noteUnknownAccounts(ctx, selected.map((s) => s.account), db.location);
  } finally {
    await db.close();
  }

  await render(ctx.output, RENDER, { by, since, until, chart, series });
  return 0;
}

type Series = Array<{ info: SeriesInfo; points: Point[] }>;

/** What `history` prints: the points of every selected series in the period, and how (--chart). */
interface HistoryView {
  by: Bucket | null;
  since: Date;
  until: Date;
  chart: boolean;
  series: Series;
}

const RENDER = {
  table: async ({ since, until, chart, series }, output) => {
    if (series.length === 0) output.info(`No history between ${since.toISOString()} and ${until.toISOString()} matches.`);
    else if (chart) await printChart(output, series);
    // On demand: tables for people (string-width, cell fitting) stay out of JSON and CSV runs.
    else output.data((await import('../format/history-table.js')).historyTable(series, output.tableStyle()));
  },
  json: ({ by, since, until, series }, output) => output.data(historyJson({ by, since, until, series })),
  csv: ({ series }, output) => output.data(historyCsv(series)),
} satisfies Renderers<HistoryView>;

async function printChart(output: Output, series: Series): Promise<void> {
  // On demand: asciichart and the table's cell fitting, for --chart only.
  const { renderChart, seriesChartInput, usdTotalChartInput } = await import('../format/history-chart.js');
  const width = output.terminalSize()?.columns ?? 80;
  const only = series.length === 1 ? series[0] : undefined;
  const total = only ? null : usdTotalChartInput(series);
  const chart = renderChart(total ?? seriesChartInput(only!.info, only!.points), width);
  if (chart === null) {
    output.info('Nothing to chart: no value in this period is known (or priced in USD).');
    return;
  }
  output.data(chart);
  if (total && total.unpriced > 0) output.info(`${total.unpriced} balance(s) without a USD value are not in the total.`);
}

/** An --account that has no history is worth a word: a typo would otherwise look like "no history". */
function noteUnknownAccounts(ctx: RunContext, found: string[], where: string): void {
  for (const name of ctx.globals.accounts) {
    if (!found.includes(name)) ctx.output.warn(`no history for account '${name}' in ${where}`);
  }
}

/** `opts` holds `history`'s flags under `prune`'s: commander hands `history prune --store x` to `history`. */
export async function parsePruneOptions(opts: RawOptions): Promise<PruneOptions> {
  const flag = stringOption(opts, 'olderThan');
  return { olderThanMs: flag === undefined ? undefined : parsePositiveSpan('--older-than', flag), store: stringOption(opts, 'store') };
}

export async function runPrune(ctx: RunContext, options: PruneOptions): Promise<number> {
  const { db, config } = await openForReading(ctx, options.store);
  try {
    const olderThanMs = options.olderThanMs ?? config?.history?.retainMs;
    if (olderThanMs === undefined) throw new UsageError('history prune needs --older-than <duration> (or history.retain in the config)');
    const cutoff = new Date(ctx.now().getTime() - olderThanMs);
    const result = await pruneBefore(db, cutoff);
    await render(ctx.output, RENDER_PRUNE, { store: db.location, cutoff, ...result });
    ctx.output.info(`pruned ${result.reads} account reads and ${result.amounts} balance records older than ${cutoff.toISOString()} from ${db.location}`);
  } finally {
    await db.close();
  }
  return 0;
}

/** What `history prune` did: where, before when, and how much it forgot. */
interface PruneView {
  store: string;
  cutoff: Date;
  reads: number;
  amounts: number;
}

const RENDER_PRUNE = {
  // For people, the summary line on stderr says it all.
  table: () => undefined,
  json: ({ store, cutoff, reads, amounts }, output) =>
    output.data(`${stringifyOutputJson({ schemaVersion: 1, store, before: cutoff.toISOString(), reads, amounts })}\n`),
} satisfies Renderers<PruneView>;

export const historyCommand = { parse: parseHistoryOptions, run: runHistory, prints: RENDER };
export const pruneCommand = { parse: parsePruneOptions, run: runPrune, prints: RENDER_PRUNE };
