// `can-withdraw --batch FILE`: plan a payout run. The file is read and every row checked first
// (exit 2 naming the line, nothing on stdout, no provider asked), then its accounts against the
// config; then every selected account is read once, afresh, and the payouts are decided in order
// (api/plan-payouts.ts). Exit 0 when every payout is yes, 1 when all are decided and some are no,
// else the lowest code of the undecided ones.
import { checkPayoutAccounts, planFromResult } from '../api/plan-payouts.js';
import type { Mode } from '../core/balance.js';
import { MAX_PAYOUT_BYTES, readPayoutFile } from '../core/payout-file.js';
import { payoutsFromRows } from '../core/payout-rows.js';
import { planCsvPieces, planJsonPieces, summaryLine } from '../format/payout-plan.js';
import { isForPeople } from '../ui/formats.js';
import type { RunContext } from './shared/context.js';
import { collectBalances, reportErrors } from './shared/fetch.js';
import { readBoundedInput } from './shared/read-input.js';
import { render, type Renderers } from './shared/render.js';

export interface BatchOptions {
  /** The payout file as typed; `-` is standard input. */
  file: string;
  /** --mode: decide on live or test money; undefined = live if any selected account is live. */
  mode: Mode | undefined;
}

export async function runBatch(ctx: RunContext, { file, mode }: BatchOptions): Promise<number> {
  const source = file === '-' ? 'stdin' : file;
  // The file's bytes and rows are let go once the payouts are checked (up to 64 MB).
  const payouts = payoutsFromRows(
    readPayoutFile(await readBoundedInput({ path: file, cwd: ctx.cwd, stdin: ctx.io.stdin }, MAX_PAYOUT_BYTES, '--batch', '64 MB'), source).rows,
    source,
  );
  // Always fresh, one read per account whatever the number of payouts (docs/cache.md).
  const result = await collectBalances(ctx, {
    withdrawalRules: true,
    refresh: true,
    check: (config, selected) => checkPayoutAccounts(payouts, source, config, selected),
  });
  const doc = await planFromResult(result, payouts, mode, ctx.now());
  await render(ctx.output, PLAN_RENDER, doc);

  // Each note once, however many payouts it concerns.
  for (const note of new Set(doc.payouts.flatMap((p) => p.notes))) ctx.output.info(`note: ${note}`);
  reportErrors(ctx, result);
  // People read the summary under the table; a program reading stdout gets it on stderr.
  if (!isForPeople(ctx.output.format)) ctx.output.info(summaryLine(doc));
  if (doc.counts.unknown > 0) {
    ctx.output.error(
      `could not decide ${doc.counts.unknown} payout${doc.counts.unknown === 1 ? '' : 's'}: ${result.errors.length > 0 ? 'an account that might pay them could not be read' : 'a figure they rest on is inconsistent or could not be checked'} (see the reasons)`,
    );
  }
  return doc.exitCode;
}

type Plan = Awaited<ReturnType<typeof planFromResult>>;

/**
 * The plan, per format. JSON and CSV are written a piece at a time: the plan is complete, and
 * stdout is synchronous on Linux (files, pipes, terminals), so memory does not hold the whole
 * output, nor its redacted copy.
 */
export const PLAN_RENDER = {
  // On demand: tables for people (string-width, cell fitting) stay out of JSON and CSV runs.
  table: async (doc, output) => output.data((await import('../format/payout-plan-table.js')).planTable(doc, output.tableStyle(), summaryLine(doc))),
  json: (doc, output) => {
    for (const piece of planJsonPieces(doc)) output.data(piece);
  },
  csv: (doc, output) => {
    for (const piece of planCsvPieces(doc)) output.data(piece);
  },
} satisfies Renderers<Plan>;
