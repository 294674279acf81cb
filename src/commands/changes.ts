// `changes`: what moved between two moments (the value of a balance at a moment is the last one
// recorded at or before it). One line per balance and field that differs. Loaded when the command
// runs; its registration is registration/changes.ts.
import { parseRange } from '../core/when.js';
import { changesCsv } from '../format/history-csv.js';
import { changesJson } from '../format/history-json.js';
import { changesBetween, type Change } from '../history/changes.js';
import { selectSeries } from '../history/select.js';
import type { RunContext } from './shared/context.js';
import { listOption, stringOption, type RawOptions } from './shared/raw-options.js';
import { render, type Renderers } from './shared/render.js';
import { openExisting } from './shared/store.js';

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

export async function parseChangesOptions(opts: RawOptions, _args: readonly string[], _globals: unknown, now: Date): Promise<ChangesOptions> {
  // The same default (30 days back), grammar and order check as history's.
  const { since: from, until: to } = parseRange(stringOption(opts, 'since'), stringOption(opts, 'until'), now);
  return { from, to, currencies: listOption(opts, 'currency'), store: stringOption(opts, 'store') };
}

export async function runChanges(ctx: RunContext, { from, to, currencies, store }: ChangesOptions): Promise<number> {
  const { db } = await openExisting(ctx, store);
  let changes;
  try {
    changes = await db.read(async (tx) =>
      changesBetween(tx, await selectSeries(tx, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, currencies }), from, to),
    );
  } finally {
    await db.close();
  }
  await render(ctx.output, RENDER, { from, to, changes });
  return 0;
}

/** What `changes` prints: every change between the two moments. */
interface ChangesView {
  from: Date;
  to: Date;
  changes: Change[];
}

const RENDER = {
  table: async ({ from, to, changes }, output) => {
    if (changes.length === 0) output.info(`No changes between ${from.toISOString()} and ${to.toISOString()}.`);
    // On demand: tables for people (string-width, cell fitting) stay out of JSON and CSV runs.
    else output.data((await import('../format/history-table.js')).changesTable(changes, output.tableStyle()));
  },
  json: ({ from, to, changes }, output) => output.data(changesJson(from, to, changes)),
  csv: ({ changes }, output) => output.data(changesCsv(changes)),
} satisfies Renderers<ChangesView>;

export const changesCommand = { parse: parseChangesOptions, run: runChanges, prints: RENDER };
