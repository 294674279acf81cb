// `history`: how each balance moved over a period, from the history store: a table with a
// sparkline per series, a terminal chart (--chart), or every point (--json, --csv), streamed out
// of the store. Loaded when it runs; its registration is registration/history.ts. `history
// prune`, `history export` and `history import` work on the store as a whole (history-store.ts).
import { UsageError } from '../core/errors.js';
import { parseRange } from '../core/when.js';
import { writeHistoryCsv } from '../format/history-csv.js';
import { writeHistoryJson, type SeriesPoints } from '../format/history-json.js';
import { BUCKET_MS, mostReads, pointsBySeries, type Bucket } from '../history/points.js';
import { selectSeries } from '../history/select.js';
import { SeriesSummary } from '../history/summary.js';
import { formatFlag, isForPeople } from '../ui/formats.js';
import type { Output } from '../ui/output.js';
import { BUCKETS } from './shared/choices.js';
import type { RunContext } from './shared/context.js';
import type { GlobalOptions } from './shared/options.js';
import { booleanOption, choiceOption, listOption, stringOption, type RawOptions } from './shared/raw-options.js';
import { render, type Renderers } from './shared/render.js';
import { openExisting } from './shared/store.js';

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

export async function parseHistoryOptions(
  opts: RawOptions,
  _args: readonly string[],
  globals: Pick<GlobalOptions, 'format'>,
  now: Date,
): Promise<HistoryOptions> {
  const { since, until } = parseRange(stringOption(opts, 'since'), stringOption(opts, 'until'), now);
  const by = choiceOption(opts, 'by', '--by', BUCKETS) ?? null;
  const chart = booleanOption(opts, 'chart');
  if (chart && !isForPeople(globals.format)) throw new UsageError(`--chart draws for people; it cannot be combined with ${formatFlag(globals.format)}`);
  return { since, until, by, currencies: listOption(opts, 'currency'), chart, store: stringOption(opts, 'store') };
}

export async function runHistory(ctx: RunContext, { since, until, by, currencies, chart, store }: HistoryOptions): Promise<number> {
  const { db } = await openExisting(ctx, store);
  try {
    await db.read(async (tx) => {
      const selected = await selectSeries(tx, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, currencies });
      noteUnknownAccounts(
        ctx,
        selected.map((s) => s.account),
        tx.location,
      );
      // For people, a period holding more snapshots than anyone reads is shown by buckets, and said so.
      let bucket = by;
      if (isForPeople(ctx.output.format) && bucket === null && (await mostReads(tx, selected, since, until, READABLE_POINTS + 1)) > READABLE_POINTS) {
        bucket = readableBucket(until.getTime() - since.getTime());
        ctx.output.info(
          `showing one point per ${bucket} (--by ${bucket}): this period holds more than ${READABLE_POINTS} snapshots of an account; --by hour|day|week chooses, --json or --csv gives every point`,
        );
      }
      // The points stream out of the store inside this read, at the pace the renderer writes them.
      await render(ctx.output, RENDER, { by, since, until, chart, series: pointsBySeries(tx, selected, since, until, bucket) });
    });
  } finally {
    await db.close();
  }
  return 0;
}

/** More points per series than this in a table or chart are more than a person reads. */
const READABLE_POINTS = 400;

/** The finest bucket that keeps a period within READABLE_POINTS points. */
function readableBucket(spanMs: number): Bucket {
  return BUCKETS.find((b) => spanMs / BUCKET_MS[b] <= READABLE_POINTS) ?? 'week';
}

/** What `history` prints: the points of every selected series in the period, as a stream, and how (--chart). */
interface HistoryView {
  by: Bucket | null;
  since: Date;
  until: Date;
  chart: boolean;
  series: SeriesPoints;
}

const RENDER = {
  table: ({ since, until, chart, series }, output) => (chart ? printChart(output, series, since, until) : printTable(output, series, since, until)),
  json: ({ by, since, until, series }, output) => writeHistoryJson(output.writer(), { by, since, until }, series),
  csv: ({ series }, output) => writeHistoryCsv(output.writer(), series),
} satisfies Renderers<HistoryView>;

function noHistory(output: Output, since: Date, until: Date): void {
  output.info(`No history between ${since.toISOString()} and ${until.toISOString()} matches.`);
}

/** One row per series, summarized as its points stream by: memory does not grow with the range. */
async function printTable(output: Output, series: SeriesPoints, since: Date, until: Date): Promise<void> {
  const rows = [];
  for await (const { info, points } of series) {
    const summary = new SeriesSummary();
    for await (const batch of points) summary.add(batch);
    rows.push({ info, summary: summary.result() });
  }
  if (rows.length === 0) return noHistory(output, since, until);
  // On demand: tables for people (string-width, cell fitting) stay out of JSON and CSV runs.
  const { historyTable } = await import('../format/history-table.js');
  output.data(historyTable(rows, output.tableStyle()));
}

async function printChart(output: Output, stream: SeriesPoints, since: Date, until: Date): Promise<void> {
  const series = [];
  for await (const { info, points } of stream) {
    const all = [];
    for await (const batch of points) all.push(...batch);
    series.push({ info, points: all });
  }
  if (series.length === 0) return noHistory(output, since, until);
  // On demand: the chart and asciichart (which it requires when it draws), for --chart only.
  const [{ renderChart, seriesChartInput, usdTotalChartInput }, { wrapToWidth }] = await Promise.all([
    import('../format/history-chart.js'),
    import('../format/cells.js'),
  ]);
  const width = output.terminalSize()?.columns ?? 80;
  const only = series.length === 1 ? series[0] : undefined;
  const total = only ? null : usdTotalChartInput(series);
  const chart = renderChart(total ?? seriesChartInput(only!.info, only!.points), width, wrapToWidth);
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

export const historyCommand = { parse: parseHistoryOptions, run: runHistory, prints: RENDER };
