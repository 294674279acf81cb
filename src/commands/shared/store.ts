// Finding and opening the history store for a command: `--store` first, then the config's
// `history.store`, then the XDG default. The reading commands (history, changes, prune) need no
// config when --store is given, and fall back to the default store when there is no config at all.
import type { Config } from '../../config/types.js';
import { isBalanceError } from '../../core/errors.js';
import type { Db } from '../../history/store/db.js';
import { openStore, storeTarget, type StoreTarget } from '../../history/store/open.js';
import { loadConfig } from '../../config/index.js';
import type { RunContext } from './context.js';
import { CLI_OPTION_NAMES } from '../../core/option-names.js';

export async function targetFor(ctx: RunContext, flag: string | undefined, config: Config | null): Promise<StoreTarget> {
  const target = storeTarget({ flag, configured: config?.history?.store, configFile: config?.filePath, env: ctx.env, cwd: ctx.cwd });
  if (target.kind === 'postgres') {
    // The password is a secret like an API key: never in any output, whatever the driver says.
    const password = safeUrl(target.url)?.password;
    if (password) {
      ctx.runtime.redactor.register(password);
      ctx.runtime.redactor.register(decodeURIComponent(password));
    }
  }
  return target;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
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

/** Open the store a reading command names (never creating one). */
export async function openForReading(ctx: RunContext, storeFlag: string | undefined): Promise<{ db: Db; config: Config | null }> {
  const config = await optionalConfig(ctx, storeFlag);
  const target = await targetFor(ctx, storeFlag, config);
  return { db: await openStore(target, false), config };
}
