// `changes`: what moved between two moments (the value of a balance at a moment is the last one
// recorded at or before it). One line per balance and field that differs.
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { examples, CURRENCY_OPTION } from './shared/options.js';
import { STORE_OPTION } from './shared/store.js';
import type { RunContext, Runner } from './shared/context.js';
import { listOption, requiredStringOption, stringOption, type RawOptions } from './shared/raw-options.js';

export interface ChangesOptions {
  /** --since: the first moment (a span back from the run's start, or a date; UTC unless zoned). */
  from: Date;
  /** --until: the second moment; the run's start when not given. Never before `from`. */
  to: Date;
  /** --currency, as typed; [] = every currency. */
  currencies: string[];
  /** --store as typed; undefined = the config's, else the default store. */
  store: string | undefined;
}

export function registerChanges(program: Command, run: Runner): void {
  program
    .command('changes')
    .description('show what moved between two moments, from the history store')
    .requiredOption('--since <when>', 'compare from this long ago or this date: 24h, 7d, 2026-11-01')
    .option('--until <when>', 'compare up to this moment (default: now)')
    .option(...CURRENCY_OPTION)
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      examples([
        'balance-inspector changes --since 24h',
        'balance-inspector changes --since 2026-11-01 --until 2026-11-08 --json',
        'balance-inspector changes --since 7d --account syncpay --currency USDT',
      ]),
    )
    .action(run(parseChangesOptions, runChanges));
}

export async function parseChangesOptions(opts: RawOptions, _args: readonly string[], _globals: unknown, now: Date): Promise<ChangesOptions> {
  const { parseMoment } = await import('../core/when.js');
  const from = parseMoment('--since', requiredStringOption(opts, 'since'), now);
  const untilText = stringOption(opts, 'until');
  const to = untilText === undefined ? now : parseMoment('--until', untilText, now);
  if (from.getTime() > to.getTime()) throw new UsageError(`--since (${from.toISOString()}) is after --until (${to.toISOString()})`);
  return { from, to, currencies: listOption(opts, 'currency'), store: stringOption(opts, 'store') };
}

export async function runChanges(ctx: RunContext, { from, to, currencies, store }: ChangesOptions): Promise<number> {

  const [{ openExisting }, { selectSeries }, { changesBetween }] = await Promise.all([
    import('./shared/store.js'),
    import('../history/select.js'),
    import('../history/changes.js'),
  ]);
  const { db } = await openExisting(ctx, store);
  let changes;
  try {
    changes = await db.read(async (tx) => changesBetween(tx, await selectSeries(tx, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, currencies }), from, to));
  } finally {
    await db.close();
  }
  if (ctx.output.format === 'json') {
    const { changesJson } = await import('../format/history-json.js');
    ctx.output.data(changesJson(from, to, changes));
  } else if (ctx.output.format === 'csv') {
    const { changesCsv } = await import('../format/history-csv.js');
    ctx.output.data(changesCsv(changes));
  } else if (changes.length === 0) {
    ctx.output.info(`No changes between ${from.toISOString()} and ${to.toISOString()}.`);
  } else {
    const { changesTable } = await import('../format/history-table.js');
    ctx.output.data(changesTable(changes, ctx.output.tableStyle()));
  }
  return 0;
}
