// `history`: how each balance moved over a period, from the history store: a table with a
// sparkline per series, a terminal chart (--chart), or every point (--json, --csv).
// `history prune`, `history export` and `history import` work on the store as a whole
// (history-store.ts).
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { examples, CURRENCY_OPTION } from './shared/options.js';
import { STORE_OPTION } from './shared/store.js';
import type { RunContext, Runner } from './shared/context.js';
import type { GlobalOptions } from './shared/options.js';
import { booleanOption, choiceOption, listOption, stringOption, type RawOptions } from './shared/raw-options.js';

const BUCKETS = ['hour', 'day', 'week'] as const;
type Bucket = (typeof BUCKETS)[number];

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

export function registerHistory(program: Command, run: Runner): void {
  const history = program
    .command('history')
    .description('show how balances moved: one line per balance with a sparkline, a chart, or every point')
    .option('--since <when>', 'from this long ago or this date: 30d, 12h, 2w, 2026-11-01 (default 30d)')
    .option('--until <when>', 'up to this long ago or this date (default: now)')
    .option('--by <bucket>', 'one point per hour, day or week (the last value in each)')
    .option(...CURRENCY_OPTION)
    .option('--chart', "draw a line chart: of the one selected balance's total, else of the USD total")
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      `\nTimes are UTC; --by week starts on Monday. Amounts are exact; --chart plots them approximately.\n` +
        examples([
          'balance-inspector history',
          'balance-inspector history --currency USDT --by day --since 90d',
          'balance-inspector history --account syncpay --currency USDT_TRC20 --chart',
          'balance-inspector history --by week --since 2026-01-01 --csv > weekly.csv',
        ]),
    )
    .action(run(parseHistoryOptions, runHistory));
  history
    .command('prune')
    .description('forget snapshots older than a duration (default: the config history.retain)')
    .option('--older-than <duration>', 'e.g. 400d, 52w')
    .option(...STORE_OPTION)
    .addHelpText('after', examples(['balance-inspector history prune --older-than 400d', 'balance-inspector history prune --store postgres://ops@db.internal/treasury --json']))
    // `history prune --store x`: commander hands --store to `history`, which declares it too.
    .action(run(async (opts) => (await store()).parsePruneOptions({ ...history.opts(), ...opts }), async (ctx, o) => (await store()).runPrune(ctx, o), { formats: ['table', 'json'] }));
  history
    .command('export')
    .description('write the whole store as JSON lines, one account read per line (for import, backups, moving stores)')
    .option(...STORE_OPTION)
    .addHelpText('after', examples(['balance-inspector history export > history.ndjson', 'balance-inspector history export --store history.db | balance-inspector history import --store postgres://ops@db.internal/treasury']))
    .action(run(async (opts, args) => (await store()).parseTransferOptions({ ...history.opts(), ...opts }, args), async (ctx, o) => (await store()).runExport(ctx, o), { formats: ['table', 'json'] }));
  history
    .command('import')
    .description('add the lines history export wrote to a store (idempotent; all or nothing)')
    .argument('[file]', 'the lines to import; - or none for standard input')
    .option(...STORE_OPTION)
    .addHelpText('after', examples(['balance-inspector history import history.ndjson --store postgres://ops@db.internal/treasury', 'balance-inspector history export --store postgres://ops@db.internal/treasury | balance-inspector history import --store backup.db']))
    .action(
      run(async (opts, args) => (await store()).parseTransferOptions({ ...history.opts(), ...opts }, args), async (ctx, o) => (await store()).runImport(ctx, o), {
        formats: ['table', 'json'],
        accounts: false,
      }),
    );
}

const store = () => import('./history-store.js');

export async function parseHistoryOptions(opts: RawOptions, _args: readonly string[], globals: Pick<GlobalOptions, 'format'>, now: Date): Promise<HistoryOptions> {
  const { parseMoment } = await import('../core/when.js');
  const since = parseMoment('--since', stringOption(opts, 'since') ?? '30d', now);
  const untilText = stringOption(opts, 'until');
  const until = untilText === undefined ? now : parseMoment('--until', untilText, now);
  if (since.getTime() > until.getTime()) throw new UsageError(`--since (${since.toISOString()}) is after --until (${until.toISOString()})`);
  const by = choiceOption(opts, 'by', '--by', BUCKETS) ?? null;
  const chart = booleanOption(opts, 'chart');
  if (chart && globals.format !== 'table') throw new UsageError(`--chart draws for people; it cannot be combined with --${globals.format}`);
  return { since, until, by, currencies: listOption(opts, 'currency'), chart, store: stringOption(opts, 'store') };
}

export async function runHistory(ctx: RunContext, { since, until, by, currencies, chart, store }: HistoryOptions): Promise<number> {
  const [{ openExisting }, { selectSeries }, points] = await Promise.all([
    import('./shared/store.js'),
    import('../history/select.js'),
    import('../history/points.js'),
  ]);
  const { db } = await openExisting(ctx, store);
  try {
    await db.read(async (tx) => {
      const selected = await selectSeries(tx, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, currencies });
      noteUnknownAccounts(ctx, selected.map((s) => s.account), tx.location);
      // For people, a period holding more snapshots than anyone reads is shown by buckets, and said so.
      const people = ctx.output.format === 'table';
      let bucket = by;
      if (people && bucket === null && (await points.mostReads(tx, selected, since, until, READABLE_POINTS + 1)) > READABLE_POINTS) {
        bucket = readableBucket(until.getTime() - since.getTime());
        ctx.output.info(`showing one point per ${bucket} (--by ${bucket}): this period holds more than ${READABLE_POINTS} snapshots of an account; --by hour|day|week chooses, --json or --csv gives every point`);
      }
      const series = points.pointsBySeries(tx, selected, since, until, bucket);
      if (ctx.output.format === 'json') {
        const { writeHistoryJson } = await import('../format/history-json.js');
        await writeHistoryJson(ctx.output.writer(), { by, since, until }, series);
      } else if (ctx.output.format === 'csv') {
        const { writeHistoryCsv } = await import('../format/history-csv.js');
        await writeHistoryCsv(ctx.output.writer(), series);
      } else if (chart) await printChart(ctx, series, since, until);
      else await printTable(ctx, series, since, until);
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
  return BUCKETS.find((b) => spanMs / BUCKET_WIDTH_MS[b] <= READABLE_POINTS) ?? 'week';
}
const BUCKET_WIDTH_MS: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

type SeriesPoints = import('../format/history-json.js').SeriesPoints;

async function printTable(ctx: RunContext, series: SeriesPoints, since: Date, until: Date): Promise<void> {
  const { SeriesSummary } = await import('../history/summary.js');
  const rows = [];
  for await (const { info, points } of series) {
    const summary = new SeriesSummary();
    for await (const batch of points) summary.add(batch);
    rows.push({ info, summary: summary.result() });
  }
  if (rows.length === 0) {
    ctx.output.info(`No history between ${since.toISOString()} and ${until.toISOString()} matches.`);
    return;
  }
  const { historyTable } = await import('../format/history-table.js');
  ctx.output.data(historyTable(rows, ctx.output.tableStyle()));
}

async function printChart(ctx: RunContext, stream: SeriesPoints, since: Date, until: Date): Promise<void> {
  const series = [];
  for await (const { info, points } of stream) {
    const all = [];
    for await (const batch of points) all.push(...batch);
    series.push({ info, points: all });
  }
  if (series.length === 0) {
    ctx.output.info(`No history between ${since.toISOString()} and ${until.toISOString()} matches.`);
    return;
  }
  const { renderChart, seriesChartInput, usdTotalChartInput } = await import('../format/history-chart.js');
  const width = ctx.output.terminalSize()?.columns ?? 80;
  const only = series.length === 1 ? series[0] : undefined;
  const total = only ? null : usdTotalChartInput(series);
  const chart = renderChart(total ?? seriesChartInput(only!.info, only!.points), width);
  if (chart === null) {
    ctx.output.info('Nothing to chart: no value in this period is known (or priced in USD).');
    return;
  }
  ctx.output.data(chart);
  if (total && total.unpriced > 0) ctx.output.info(`${total.unpriced} balance(s) without a USD value are not in the total.`);
}

/** An --account that has no history is worth a word: a typo would otherwise look like "no history". */
function noteUnknownAccounts(ctx: RunContext, found: string[], where: string): void {
  for (const name of ctx.globals.accounts) {
    if (!found.includes(name)) ctx.output.warn(`no history for account '${name}' in ${where}`);
  }
}

