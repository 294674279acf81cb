// Finding and opening the history store for a command: `--store` first, then the config's
// `history.store`, then the XDG default. The reading commands (history, changes, export, prune)
// need no config when --store is given, and fall back to the default store when there is no
// config at all. Every wait for the store (connecting, another writer's lock) is the run's budget.
import type { Config, ResolvedAccount } from '../../config/types.js';
import { ConfigError, isBalanceError } from '../../core/errors.js';
import type { Db } from '../../history/store/db.js';
import { openStore, storeTarget, DEFAULT_STORE_WAIT_MS, type Access, type StoreTarget } from '../../history/store/open.js';
import { loadConfig } from '../../config/index.js';
import { isSandboxAccount } from '../../providers/sandbox-keys.js';
import type { RunContext } from './context.js';
import { CLI_OPTION_NAMES } from '../../core/option-names.js';
import { urlForOutput } from '../../core/url-credentials.js';

export async function targetFor(ctx: RunContext, flag: string | undefined, config: Config | null): Promise<StoreTarget> {
  const target = storeTarget({ flag, configured: config?.history?.store, configFile: config?.filePath, env: ctx.env, cwd: ctx.cwd });
  // Its password and secret parameters are secrets like an API key: never in any output, whatever the driver says.
  if (target.kind === 'postgres') urlForOutput(target.url, ctx.runtime.redactor);
  return target;
}

/**
 * Open a store with the run's budget as the longest wait (default 30 s, like the providers').
 * With --debug every statement is logged (store/trace.ts).
 */
export async function openTarget(ctx: RunContext, target: StoreTarget, access: Access): Promise<Db> {
  const db = await openStore(target, access, ctx.globals.timeoutMs ?? DEFAULT_STORE_WAIT_MS);
  if (!ctx.globals.debug) return db;
  const { tracing } = await import('../../history/store/trace.js');
  return tracing(db, (line) => ctx.output.debug(line));
}

/** The config when one is there; none (null) is fine for commands that only read the store. */
export async function optionalConfig(ctx: RunContext, storeFlag: string | undefined): Promise<Config | null> {
  if (storeFlag !== undefined && ctx.globals.configPath === undefined) return null;
  try {
    return await loadConfig({ configPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
  } catch (error) {
    if (isBalanceError(error) && error.code === 'NO_CONFIG' && ctx.globals.configPath === undefined) return null;
    throw error;
  }
}

/** Open the store a command names that must already exist: `read` never writes, `write` (prune) may. */
export async function openExisting(
  ctx: RunContext,
  storeFlag: string | undefined,
  access: 'read' | 'write' = 'read',
): Promise<{ db: Db; config: Config | null }> {
  const config = await optionalConfig(ctx, storeFlag);
  const target = await targetFor(ctx, storeFlag, config);
  return { db: await openTarget(ctx, target, access), config };
}

/**
 * The sandbox's accounts (loopback and its published keys) are for trying the tool: they never
 * land in the default store, which is for real money, unless a store is named (--store, or
 * history.store, which `sandbox --write-config` sets beside its config).
 */
export function refuseSandboxInDefaultStore(flag: string | undefined, config: Config, accounts: ResolvedAccount[]): void {
  if (flag !== undefined || config.history?.store !== undefined) return;
  const sandbox = accounts.filter(isSandboxAccount).map((a) => a.name);
  if (sandbox.length === 0) return;
  const names = sandbox.map((n) => `'${n}'`).join(', ');
  throw new ConfigError(
    `${names} ${sandbox.length === 1 ? 'is an account' : 'are accounts'} of the local sandbox, which is not recorded in the default history store`,
    {
      hint: 'give --store <file> (or history.store in that config) to record the sandbox apart from real money',
    },
  );
}
