// `history`: how each balance moved over a period, from the history store: a table with a
// sparkline per series, a terminal chart (--chart), or every point (--json, --csv).
// `history prune --older-than <duration>` forgets old snapshots.
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

export interface PruneOptions {
  /** --older-than in ms (positive); undefined = the config's history.retain, which is then required. */
  olderThanMs: number | undefined;
  /** --store as typed (given before or after `prune`); undefined = the config's, else the default. */
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
    .action(run((opts) => parsePruneOptions({ ...history.opts(), ...opts }), runPrune, { formats: ['table', 'json'] }));
}

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

  const [{ openForReading }, { selectSeries }, { seriesPoints }] = await Promise.all([
    import('./shared/store.js'),
    import('../history/select.js'),
    import('../history/points.js'),
  ]);
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

  if (ctx.output.format === 'json') {
    const { historyJson } = await import('../format/history-json.js');
    ctx.output.data(historyJson({ by, since, until, series }));
  } else if (ctx.output.format === 'csv') {
    const { historyCsv } = await import('../format/history-csv.js');
    ctx.output.data(historyCsv(series));
  } else if (series.length === 0) {
    ctx.output.info(`No history between ${since.toISOString()} and ${until.toISOString()} matches.`);
  } else if (chart) {
    await printChart(ctx, series);
  } else {
    const { historyTable } = await import('../format/history-table.js');
    ctx.output.data(historyTable(series, ctx.output.tableStyle()));
  }
  return 0;
}

async function printChart(ctx: RunContext, series: Array<{ info: import('../history/select.js').SeriesInfo; points: import('../history/points.js').Point[] }>): Promise<void> {
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

/** `opts` holds `history`'s flags under `prune`'s: commander hands `history prune --store x` to `history`. */
export async function parsePruneOptions(opts: RawOptions): Promise<PruneOptions> {
  const { parsePositiveSpan } = await import('../core/when.js');
  const flag = stringOption(opts, 'olderThan');
  return { olderThanMs: flag === undefined ? undefined : parsePositiveSpan('--older-than', flag), store: stringOption(opts, 'store') };
}

export async function runPrune(ctx: RunContext, options: PruneOptions): Promise<number> {
  const [{ openForReading }, { pruneBefore }] = await Promise.all([import('./shared/store.js'), import('../history/prune.js')]);
  const { db, config } = await openForReading(ctx, options.store);
  try {
    const olderThanMs = options.olderThanMs ?? config?.history?.retainMs;
    if (olderThanMs === undefined) throw new UsageError('history prune needs --older-than <duration> (or history.retain in the config)');
    const cutoff = new Date(ctx.now().getTime() - olderThanMs);
    const result = await pruneBefore(db, cutoff);
    if (ctx.output.format === 'json') {
      const { stringifyOutputJson } = await import('../core/json.js');
      ctx.output.data(`${stringifyOutputJson({ schemaVersion: 1, store: db.location, before: cutoff.toISOString(), reads: result.reads, amounts: result.amounts })}\n`);
    }
    ctx.output.info(`pruned ${result.reads} account reads and ${result.amounts} balance records older than ${cutoff.toISOString()} from ${db.location}`);
  } finally {
    await db.close();
  }
  return 0;
}
