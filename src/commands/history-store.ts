// The history subcommands that work on the store as a whole: `prune` forgets old snapshots and
// gives the space back; `export` writes the store as JSON lines; `import` takes those lines into a
// store (the way to move from SQLite to PostgreSQL and back, or to keep a backup). Loaded when one
// of them runs; their registration is registration/history.ts.
import { createReadStream, type ReadStream } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import { parsePositiveSpan } from '../core/when.js';
import { exportHistory } from '../history/export.js';
import { importHistory, type ImportResult } from '../history/import.js';
import { numberedLines } from '../history/lines.js';
import { pruneBefore } from '../history/prune.js';
import type { Db } from '../history/store/db.js';
import type { RunContext } from './shared/context.js';
import { stringOption, type RawOptions } from './shared/raw-options.js';
import { render, type Renderer, type Renderers } from './shared/render.js';
import { openExisting, openTarget, optionalConfig, targetFor } from './shared/store.js';

export interface PruneOptions {
  /** --older-than in ms (positive); undefined = the config's history.retain, which is then required. */
  olderThanMs: number | undefined;
  /** --store as typed (given before or after `prune`); undefined = the config's, else the default. */
  store: string | undefined;
}

export interface TransferOptions {
  /** --store as typed (given before or after the subcommand); undefined = the config's, else the default. */
  store: string | undefined;
  /** import: the file to read, or '-' for standard input. */
  file: string;
}

/** `opts` holds `history`'s flags under `prune`'s: commander hands `history prune --store x` to `history`. */
export function parsePruneOptions(opts: RawOptions): PruneOptions {
  const flag = stringOption(opts, 'olderThan');
  return { olderThanMs: flag === undefined ? undefined : parsePositiveSpan('--older-than', flag), store: stringOption(opts, 'store') };
}

export function parseTransferOptions(opts: RawOptions, args: readonly string[]): TransferOptions {
  return { store: stringOption(opts, 'store'), file: args[0] ?? '-' };
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export async function runPrune(ctx: RunContext, options: PruneOptions): Promise<number> {
  const { db, config } = await openExisting(ctx, options.store, 'write');
  try {
    const olderThanMs = options.olderThanMs ?? config?.history?.retainMs;
    if (olderThanMs === undefined) throw new UsageError('history prune needs --older-than <duration> (or history.retain in the config)');
    const cutoff = new Date(ctx.now().getTime() - olderThanMs);
    const result = await pruneBefore(db, cutoff);
    const space = await db.reclaimSpace();
    await render(ctx.output, RENDER_PRUNE, { store: db.location, cutoff, ...result, space });
    ctx.output.info(
      `pruned ${counted(result.reads, 'account read')} and ${counted(result.amounts, 'balance record')} older than ${cutoff.toISOString()} from ${db.location}`,
    );
    ctx.output.info(
      space === null
        ? 'PostgreSQL keeps the freed space for new rows once autovacuum has passed; VACUUM FULL would give it back to the system'
        : `the store went from ${megabytes(space.before)} to ${megabytes(space.after)}`,
    );
  } finally {
    await db.close();
  }
  return 0;
}

/** What `history prune` did: where, before when, how much it forgot, and the file's size before and after (SQLite). */
interface PruneView {
  store: string;
  cutoff: Date;
  reads: number;
  amounts: number;
  space: { before: number; after: number } | null;
}

const RENDER_PRUNE = {
  // For people, the summary lines on stderr say it all.
  table: () => undefined,
  json: ({ store, cutoff, reads, amounts, space }, output) =>
    output.data(`${stringifyOutputJson({ schemaVersion: 1, store, before: cutoff.toISOString(), reads, amounts, bytes: space })}\n`),
} satisfies Renderers<PruneView>;

export async function runExport(ctx: RunContext, options: TransferOptions): Promise<number> {
  const { db } = await openExisting(ctx, options.store);
  try {
    await db.read((tx) => render(ctx.output, RENDER_EXPORT, { db: tx, accounts: ctx.globals.accounts, provider: ctx.globals.provider }));
  } finally {
    await db.close();
  }
  return 0;
}

/** What `history export` writes: the selected accounts of a store, read inside one transaction. */
interface ExportView {
  db: Db;
  accounts: string[];
  provider: string | undefined;
}

/** The lines are JSON whatever the format: the transfer format is one (history/transfer-format.ts). */
const exportLines: Renderer<ExportView> = async ({ db, accounts, provider }, output) => {
  const result = await exportHistory(db, { accounts, provider }, output.writer());
  output.info(`exported ${counted(result.reads, 'read')} of ${counted(result.accounts, 'account')} from ${db.location}`);
};

const RENDER_EXPORT = { table: exportLines, json: exportLines } satisfies Renderers<ExportView>;

export async function runImport(ctx: RunContext, options: TransferOptions): Promise<number> {
  if (options.file === '-' && ctx.io.stdin.isTTY) {
    throw new UsageError(
      'history import reads lines from a file or standard input, and standard input is a terminal',
      'give a file, or pipe: balance-inspector history export --store A | balance-inspector history import --store B',
    );
  }
  const input = options.file === '-' ? ctx.io.stdin : createReadStream(options.file);
  // A missing or unreadable file is said before the store is touched.
  if (options.file !== '-') await opened(input as ReadStream, options.file);
  const config = await optionalConfig(ctx, options.store);
  const db = await openTarget(ctx, await targetFor(ctx, options.store, config), 'create');
  try {
    const result = await importHistory(db, numberedLines(input));
    await render(ctx.output, RENDER_IMPORT, { store: db.location, ...result });
    const already = result.unchanged > 0 ? ` (${result.unchanged} already there)` : '';
    ctx.output.info(`imported ${counted(result.added, 'read')} of ${counted(result.accounts, 'account')} into ${db.location}${already}`);
  } finally {
    await db.close();
  }
  return 0;
}

const RENDER_IMPORT = {
  // For people, the "imported …" line on stderr says it all.
  table: () => undefined,
  json: ({ store, lines, added, unchanged, accounts }, output) =>
    output.data(`${stringifyOutputJson({ schemaVersion: 1, store, lines, added, unchanged, accounts })}\n`),
} satisfies Renderers<ImportResult & { store: string }>;

function opened(stream: ReadStream, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'ENOENT'
          ? 'no such file'
          : error.code === 'EACCES'
            ? 'permission denied'
            : error.code === 'EISDIR'
              ? 'it is a directory'
              : (error.code ?? 'cannot be read');
      reject(new UsageError(`history import ${path}: ${why}`));
    });
  });
}

export const pruneCommand = { parse: parsePruneOptions, run: runPrune, prints: RENDER_PRUNE };
export const exportCommand = { parse: parseTransferOptions, run: runExport, prints: RENDER_EXPORT };
export const importCommand = { parse: parseTransferOptions, run: runImport, prints: RENDER_IMPORT };

/** "1 read", "2 reads". */
function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
