// Where the config comes from, in order (docs/configuration.md): --config, $BALANCE_CONFIG,
// .balancerc / .balancerc.json / .balancerc.yaml / .balancerc.yml from the working directory up,
// then $XDG_CONFIG_HOME/balance-inspector/config.yaml (default ~/.config/balance-inspector/), then
// the user config's old folder ~/.config/balance/ (still read, with a warning to move it).
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { USER_DIR_NAME } from '../core/names.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../core/option-names.js';
import { ownedBySomeoneElse } from '../core/safe-file.js';
import type { ConfigOrigin } from './types.js';

export const RC_NAMES = ['.balancerc', '.balancerc.json', '.balancerc.yaml', '.balancerc.yml'];
const GLOBAL_NAMES = ['config.yaml', 'config.yml', 'config.json'];
/** Where releases before 0.1.0 kept the user config (now USER_DIR_NAME, like the cache and history). */
const OLD_CONFIG_DIR_NAME = 'balance';

export interface FoundConfig {
  path: string;
  origin: ConfigOrigin;
  /** Human explanation of why this file was picked, for `config check`. */
  reason: string;
  /** Likely configs where the search never looks (one warning line each); empty with --config. */
  strays: string[];
}

/** The search order, for --help (docs/configuration.md says the same). */
export { SEARCH_ORDER_HELP } from './search-order.js';

export interface FindOptions {
  explicitPath?: string | undefined;
  /** How messages name the explicit path's option (the CLI: --config; default: configPath). */
  names?: Pick<OptionNames, 'configPath'>;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export function globalConfigDir(env: NodeJS.ProcessEnv = process.env): string | null {
  return configHomeDir(env, USER_DIR_NAME);
}

function configHomeDir(env: NodeJS.ProcessEnv, name: string): string | null {
  if (env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/')) return join(env.XDG_CONFIG_HOME, name);
  const home = env.HOME || safeHomedir();
  return home ? join(home, '.config', name) : null;
}

/** The first user config file in `dir`, if any. */
function userConfigIn(dir: string | null): string | null {
  if (dir === null) return null;
  return GLOBAL_NAMES.map((name) => join(dir, name)).find(isFile) ?? null;
}

function safeHomedir(): string | null {
  try {
    return homedir() || null;
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findConfig(options: FindOptions = {}): FoundConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const configPath = (options.names ?? LIBRARY_OPTION_NAMES).configPath;
  if (options.explicitPath !== undefined) {
    return explicit(resolve(cwd, options.explicitPath), 'flag', configPath);
  }
  if (env.BALANCE_CONFIG) return explicit(resolve(cwd, env.BALANCE_CONFIG), 'env', '$BALANCE_CONFIG');

  // Like git's safe.directory: the search never enters a directory owned by another user (a shared
  // parent such as /tmp is root's and is searched), and skips a file another user owns there, so a
  // planted .balancerc cannot choose where your keys are sent. Your own unsafe file is refused later.
  for (let dir = resolve(cwd); !ownedBySomeoneElse(dir); dir = dirname(dir)) {
    for (const name of RC_NAMES) {
      const candidate = join(dir, name);
      if (isFile(candidate) && !ownedBySomeoneElse(candidate)) {
        const where = dir === resolve(cwd) ? 'the working directory' : `a parent of the working directory (${dir})`;
        return { path: candidate, origin: 'search', reason: `found ${name} in ${where}`, strays: strayConfigs(cwd, env, candidate) };
      }
    }
    if (dirname(dir) === dir) break;
  }

  const globalDir = globalConfigDir(env);
  const user = userConfigIn(globalDir);
  if (user) return { path: user, origin: 'global', reason: `found the user config ${user}`, strays: strayConfigs(cwd, env, user) };
  // The old folder is still read, so an upgrade never loses the config; a warning says where it goes.
  const old = userConfigIn(configHomeDir(env, OLD_CONFIG_DIR_NAME));
  if (old && globalDir) {
    return { path: old, origin: 'global', reason: `found the user config in its old folder ${old}`, strays: strayConfigs(cwd, env, old) };
  }
  throw new ConfigError('no config found', {
    code: 'NO_CONFIG',
    problems: [
      `looked for: ${configPath}, $BALANCE_CONFIG,`,
      `  ${RC_NAMES.join(', ')} in ${resolve(cwd)} and its parents,`,
      `  ${globalDir ? join(globalDir, 'config.yaml') : `$XDG_CONFIG_HOME/${USER_DIR_NAME}/config.yaml (no HOME set)`}`,
      ...strayConfigs(cwd, env, null),
    ],
    hint: 'run `balance-inspector config init` to write one (or `balance-inspector demo` to try the sandbox first)',
  });
}

function explicit(path: string, origin: ConfigOrigin, via: string): FoundConfig {
  if (!existsSync(path)) {
    throw new ConfigError(`config file not found: ${path} (from ${via})`, { code: 'NO_CONFIG' });
  }
  if (!isFile(path)) throw new ConfigError(`config path is not a file: ${path} (from ${via})`, { code: 'NO_CONFIG' });
  return { path, origin, reason: `given by ${via}`, strays: [] };
}

/**
 * Configs people write where the search never looks, each said in one line so a config that is
 * ignored is never ignored without a word: a user config in the old folder (~/.config/balance/)
 * — read, with a line saying where it goes, unless the new folder has one too — and ~/.balancerc*
 * from a working directory outside HOME (cron's is usually /), which the upward search cannot reach.
 */
export function strayConfigs(cwd: string, env: NodeJS.ProcessEnv, used: string | null): string[] {
  const home = env.HOME || safeHomedir();
  const userDir = globalConfigDir(env);
  const oldDir = configHomeDir(env, OLD_CONFIG_DIR_NAME);
  if (!home || !userDir || !oldDir) return [];
  const userConfig = join(userDir, 'config.yaml');
  const lines: string[] = [];
  for (const name of GLOBAL_NAMES) {
    const path = join(oldDir, name);
    if (!isFile(path)) continue;
    const moveIt = `move it to ${join(userDir, name)} (config, cache and history now share the folder name ${USER_DIR_NAME})`;
    if (path === used) lines.push(`${path} is the user config's old folder, still read for now; ${moveIt}`);
    else if (userConfigIn(userDir) !== null) lines.push(`${path} is not read: the user config is ${userConfigIn(userDir)}; merge it there and remove it`);
  }
  const fromHome = relative(home, resolve(cwd));
  if (fromHome.startsWith('..') || isAbsolute(fromHome)) {
    for (const name of RC_NAMES) {
      const path = join(home, name);
      if (path !== used && isFile(path))
        lines.push(
          `${path} is not read from ${resolve(cwd)} (outside ${home}, so the search never reaches it); pass --config ${path} or move it to ${userConfig}`,
        );
    }
  }
  return lines;
}
