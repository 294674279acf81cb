// `snapshot`: read the selected accounts afresh (never from the cache) and record them in the
// history store. An account that could not be read is recorded as a gap, never as zero. Same
// filters and exit codes as `balances`; the summary goes to stderr, `--json` describes the record.
// Loaded when the command runs; its registration is registration/snapshot.ts.
import { loadConfig, selectAccounts } from '../config/index.js';
import { combinedExitCode } from '../core/errors.js';
import { snapshotJson, type SnapshotSummary } from '../format/history-json.js';
import { recordSnapshot } from '../history/record.js';
import { pruneBefore } from '../history/prune.js';
import { openStore } from '../history/store/open.js';
import type { RunContext } from './shared/context.js';
import { collectBalances, reportErrors } from './shared/fetch.js';
import { listOption, stringOption, type RawOptions } from './shared/raw-options.js';
import { CLI_OPTION_NAMES } from '../core/option-names.js';
import { render, type Renderers } from './shared/render.js';
import { targetFor } from './shared/store.js';

export interface SnapshotOptions {
  /** --currency, as typed; [] = every currency. Only part of each account is then recorded. */
  currencies: string[];
  /** --store as typed (a SQLite path or postgres:// URL); undefined = the config's, else the default. */
  store: string | undefined;
}

export function parseSnapshotOptions(opts: RawOptions): SnapshotOptions {
  return { currencies: listOption(opts, 'currency'), store: stringOption(opts, 'store') };
}

export async function runSnapshot(ctx: RunContext, options: SnapshotOptions): Promise<number> {
  const config = await loadConfig({ configPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
  const target = await targetFor(ctx, options.store, config);
  // Open the store while the providers answer: the snapshot then costs little more than `balances`.
  const opening = openStore(target, true);
  opening.catch(() => undefined); // reported below, after the fetch settles
  let result;
  try {
    result = await collectBalances(ctx, { config, currencies: options.currencies, refresh: true });
  } catch (error) {
    await opening.then((db) => db.close(), () => undefined);
    throw error;
  }
  const db = await opening;
  try {
    const selected = selectAccounts(config, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, names: CLI_OPTION_NAMES });
    const reads = selected.map((a) => ({
      account: a.name,
      provider: a.provider,
      balances: result.balances.filter((b) => b.account === a.name),
      errorCode: result.errors.find((e) => e.account === a.name)?.code ?? null,
    }));
    const recordedAt = await recordSnapshot(db, reads, { partialScope: options.currencies.length > 0, now: ctx.now });
    const retainMs = config.history?.retainMs;
    if (retainMs !== undefined) await pruneBefore(db, new Date(recordedAt.getTime() - retainMs));
    const summary = { recordedAt, store: db.location, reads, errors: result.errors };
    await render(ctx.output, RENDER, summary);
    ctx.output.info(recordedLine(reads, db.location));
  } finally {
    await db.close();
  }
  reportErrors(ctx, result);
  return combinedExitCode(result.errors.map((e) => e.exitCode));
}

/**
 * "recorded 12 balances from 3 accounts in ~/.local/share/…/history.db": where, since the store
 * is found by default (a cron job's wrong HOME would otherwise write somewhere nobody looks);
 * accounts that could not be read are counted apart. A PostgreSQL location has no password.
 */
function recordedLine(reads: Array<{ balances: unknown[]; errorCode: string | null }>, location: string): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const balances = reads.reduce((n, r) => n + r.balances.length, 0);
  const read = reads.filter((r) => r.errorCode === null || r.balances.length > 0).length;
  const failed = reads.filter((r) => r.errorCode !== null).length;
  const gaps = failed > 0 ? `; ${plural(failed, 'account')} could not be read (recorded as a gap)` : '';
  return `recorded ${plural(balances, 'balance')} from ${plural(read, 'account')} in ${location}${gaps}`;
}

const RENDER = {
  // For people, the "recorded …" line on stderr says it all.
  table: () => undefined,
  json: (summary, output) => output.data(snapshotJson(summary)),
} satisfies Renderers<SnapshotSummary>;

export const snapshotCommand = { parse: parseSnapshotOptions, run: runSnapshot, prints: RENDER };
