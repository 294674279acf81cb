// `snapshot`: read the selected accounts afresh (never from the cache) and record them in the
// history store. An account that could not be read is recorded as a gap, never as zero. Same
// filters and exit codes as `balances`; the summary goes to stderr, `--json` describes the record.
// Loaded when the command runs; its registration is registration/snapshot.ts.
import { loadConfig, resolveEachAccount, selectAccounts } from '../config/index.js';
import { BadResponseError, combinedExitCode, type BalanceError } from '../core/errors.js';
import { snapshotJson, type SnapshotSummary } from '../format/history-json.js';
import { recordSnapshot, NOT_RECORDED, type RejectedBalance } from '../history/record.js';
import { pruneBefore } from '../history/prune.js';
import type { RunContext } from './shared/context.js';
import { collectBalances, reportErrors } from './shared/fetch.js';
import { listOption, stringOption, type RawOptions } from './shared/raw-options.js';
import { CLI_OPTION_NAMES } from '../core/option-names.js';
import { render, type Renderers } from './shared/render.js';
import { openTarget, refuseSandboxInDefaultStore, targetFor } from './shared/store.js';

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
  const selected = selectAccounts(config, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, names: CLI_OPTION_NAMES });
  const resolved = resolveEachAccount(config, selected, ctx.env, ctx.runtime.redactor).flatMap((r) => (r.ok ? [r.account] : []));
  refuseSandboxInDefaultStore(options.store, config, resolved);
  const target = await targetFor(ctx, options.store, config);
  // Open the store while the providers answer: the snapshot then costs little more than `balances`.
  const opening = openTarget(ctx, target, 'create');
  opening.catch(() => undefined); // reported below, after the fetch settles
  let result;
  try {
    result = await collectBalances(ctx, { config, currencies: options.currencies, refresh: true });
  } catch (error) {
    await opening.then(
      (db) => db.close(),
      () => undefined,
    );
    throw error;
  }
  const db = await opening;
  let errors = result.errors;
  try {
    const reads = selected.map((a) => {
      const balances = result.balances.filter((b) => b.account === a.name);
      // The mode the balances say, else the config's; unknown (a failed read) joins the latest identity.
      const mode = balances.find((b) => b.mode !== null)?.mode ?? a.mode ?? null;
      return { account: a.name, provider: a.provider, mode, balances, errorCode: result.errors.find((e) => e.account === a.name)?.code ?? null };
    });
    const recorded = await recordSnapshot(db, reads, { partialScope: options.currencies.length > 0, now: ctx.now });
    for (const notice of recorded.notices) ctx.output.warn(`history: ${notice}`);
    errors = [...errors, ...notRecordedErrors(recorded.rejected)];
    const summaryReads = reads.map((r) => {
      const left = recorded.rejected.filter((x) => x.account === r.account).length;
      return { account: r.account, provider: r.provider, balances: r.balances.length - left, errorCode: r.errorCode ?? (left > 0 ? NOT_RECORDED : null) };
    });
    const retainMs = config.history?.retainMs;
    if (retainMs !== undefined) await pruneBefore(db, new Date(recorded.at.getTime() - retainMs));
    await render(ctx.output, RENDER, { recordedAt: recorded.at, store: db.location, reads: summaryReads, errors });
    ctx.output.info(recordedLine(reads, recorded.rejected.length, db.location));
  } finally {
    await db.close();
  }
  reportErrors(ctx, { errors });
  return combinedExitCode(errors.map((e) => e.exitCode));
}

/** One error per account whose balances the store could not take (exit 6, like an answer we cannot use). */
function notRecordedErrors(rejected: RejectedBalance[]): BalanceError[] {
  const accounts = [...new Set(rejected.map((r) => r.account))];
  return accounts.map((account) => {
    const mine = rejected.filter((r) => r.account === account);
    const what = [...new Set(mine.map((r) => r.problem))].join('; ');
    return new BadResponseError(`could not record ${mine.length} balance${mine.length === 1 ? '' : 's'} of '${account}' in the history: ${what}`, {
      code: 'NOT_RECORDED',
      account,
      provider: mine[0]?.provider,
      hint: 'the others were recorded; these show as a gap until the provider answers unambiguously',
    });
  });
}

/**
 * "recorded 12 balances from 3 accounts in ~/.local/share/…/history.db": where, since the store
 * is found by default (a cron job's wrong HOME would otherwise write somewhere nobody looks);
 * accounts that could not be read, and balances the store could not take, are counted apart. A
 * PostgreSQL location has no password.
 */
function recordedLine(reads: Array<{ balances: unknown[]; errorCode: string | null }>, notRecorded: number, location: string): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const balances = reads.reduce((n, r) => n + r.balances.length, 0) - notRecorded;
  const read = reads.filter((r) => r.errorCode === null || r.balances.length > 0).length;
  const failed = reads.filter((r) => r.errorCode !== null).length;
  const gaps = failed > 0 ? `; ${plural(failed, 'account')} could not be read (recorded as a gap)` : '';
  const left = notRecorded > 0 ? `; ${plural(notRecorded, 'balance')} could not be recorded` : '';
  return `recorded ${plural(balances, 'balance')} from ${plural(read, 'account')} in ${location}${gaps}${left}`;
}

const RENDER = {
  // For people, the "recorded …" line on stderr says it all.
  table: () => undefined,
  json: (summary, output) => output.data(snapshotJson(summary)),
} satisfies Renderers<SnapshotSummary>;

export const snapshotCommand = { parse: parseSnapshotOptions, run: runSnapshot, prints: RENDER };
