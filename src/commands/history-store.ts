// The history subcommands that work on the store as a whole: `prune` forgets old snapshots and
// gives the space back; `export` writes the store as JSON lines; `import` takes those lines into a
// store (the way to move from SQLite to PostgreSQL and back, or to keep a backup).
import { createReadStream } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { RunContext } from './shared/context.js';
import { stringOption, type RawOptions } from './shared/raw-options.js';

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
export async function parsePruneOptions(opts: RawOptions): Promise<PruneOptions> {
  const { parsePositiveSpan } = await import('../core/when.js');
  const flag = stringOption(opts, 'olderThan');
  return { olderThanMs: flag === undefined ? undefined : parsePositiveSpan('--older-than', flag), store: stringOption(opts, 'store') };
}

export function parseTransferOptions(opts: RawOptions, args: readonly string[]): TransferOptions {
  return { store: stringOption(opts, 'store'), file: args[0] ?? '-' };
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export async function runPrune(ctx: RunContext, options: PruneOptions): Promise<number> {
  const [{ openExisting }, { pruneBefore }] = await Promise.all([import('./shared/store.js'), import('../history/prune.js')]);
  const { db, config } = await openExisting(ctx, options.store, 'write');
  try {
    const olderThanMs = options.olderThanMs ?? config?.history?.retainMs;
    if (olderThanMs === undefined) throw new UsageError('history prune needs --older-than <duration> (or history.retain in the config)');
    const cutoff = new Date(ctx.now().getTime() - olderThanMs);
    const result = await pruneBefore(db, cutoff);
    const space = await db.reclaimSpace();
    if (ctx.output.format === 'json') {
      const { stringifyOutputJson } = await import('../core/json.js');
      const bytes = space === null ? null : { before: space.before, after: space.after };
      ctx.output.data(`${stringifyOutputJson({ schemaVersion: 1, store: db.location, before: cutoff.toISOString(), reads: result.reads, amounts: result.amounts, bytes })}\n`);
    }
    ctx.output.info(`pruned ${result.reads} account reads and ${result.amounts} balance records older than ${cutoff.toISOString()} from ${db.location}`);
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

export async function runExport(ctx: RunContext, options: TransferOptions): Promise<number> {
  const [{ openExisting }, { exportHistory }] = await Promise.all([import('./shared/store.js'), import('../history/export.js')]);
  const { db } = await openExisting(ctx, options.store);
  try {
    const result = await db.read((tx) => exportHistory(tx, { accounts: ctx.globals.accounts, provider: ctx.globals.provider }, ctx.output.writer()));
    ctx.output.info(`exported ${result.reads} reads of ${result.accounts} accounts from ${db.location}`);
  } finally {
    await db.close();
  }
  return 0;
}

export async function runImport(ctx: RunContext, options: TransferOptions): Promise<number> {
  const [{ optionalConfig, targetFor, openTarget }, { importHistory }, { numberedLines }] = await Promise.all([
    import('./shared/store.js'),
    import('../history/import.js'),
    import('../history/lines.js'),
  ]);
  if (options.file === '-' && ctx.io.stdin.isTTY) {
    throw new UsageError('history import reads lines from a file or standard input, and standard input is a terminal', 'give a file, or pipe: balance-inspector history export --store A | balance-inspector history import --store B');
  }
  const input = options.file === '-' ? ctx.io.stdin : createReadStream(options.file);
  // A missing or unreadable file is said before the store is touched.
  if (options.file !== '-') await opened(input as ReturnType<typeof createReadStream>, options.file);
  const config = await optionalConfig(ctx, options.store);
  const db = await openTarget(ctx, await targetFor(ctx, options.store, config), 'create');
  try {
    const result = await importHistory(db, numberedLines(input));
    if (ctx.output.format === 'json') {
      const { stringifyOutputJson } = await import('../core/json.js');
      ctx.output.data(`${stringifyOutputJson({ schemaVersion: 1, store: db.location, lines: result.lines, added: result.added, unchanged: result.unchanged, accounts: result.accounts })}\n`);
    }
    const already = result.unchanged > 0 ? ` (${result.unchanged} already there)` : '';
    ctx.output.info(`imported ${result.added} reads of ${result.accounts} accounts into ${db.location}${already}`);
  } finally {
    await db.close();
  }
  return 0;
}

function opened(stream: ReturnType<typeof createReadStream>, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EACCES' ? 'permission denied' : error.code === 'EISDIR' ? 'it is a directory' : (error.code ?? 'cannot be read');
      reject(new UsageError(`history import ${path}: ${why}`));
    });
  });
}
