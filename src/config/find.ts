// Where the config comes from, in order (README "Configuration"): --config, $BALANCE_CONFIG,
// .balancerc / .balancerc.json / .balancerc.yaml / .balancerc.yml from the working directory up,
// then $XDG_CONFIG_HOME/balance/config.yaml (default ~/.config/balance/config.yaml).
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { ConfigOrigin } from './types.js';

export const RC_NAMES = ['.balancerc', '.balancerc.json', '.balancerc.yaml', '.balancerc.yml'];
const GLOBAL_NAMES = ['config.yaml', 'config.yml', 'config.json'];

export interface FoundConfig {
  path: string;
  origin: ConfigOrigin;
  /** Human explanation of why this file was picked, for `config check`. */
  reason: string;
}

export interface FindOptions {
  explicitPath?: string | undefined;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export function globalConfigDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/')) return join(env.XDG_CONFIG_HOME, 'balance');
  const home = env.HOME || safeHomedir();
  return home ? join(home, '.config', 'balance') : null;
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
  if (options.explicitPath !== undefined) {
    return explicit(resolve(cwd, options.explicitPath), 'flag', '--config');
  }
  if (env.BALANCE_CONFIG) return explicit(resolve(cwd, env.BALANCE_CONFIG), 'env', '$BALANCE_CONFIG');

  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of RC_NAMES) {
      const candidate = join(dir, name);
      if (isFile(candidate)) {
        const where = dir === resolve(cwd) ? 'the working directory' : `a parent of the working directory (${dir})`;
        return { path: candidate, origin: 'search', reason: `found ${name} in ${where}` };
      }
    }
    if (dirname(dir) === dir) break;
  }

  const globalDir = globalConfigDir(env);
  if (globalDir) {
    for (const name of GLOBAL_NAMES) {
      const candidate = join(globalDir, name);
      if (isFile(candidate)) return { path: candidate, origin: 'global', reason: `found the user config ${candidate}` };
    }
  }
  throw new ConfigError('no config found', {
    code: 'NO_CONFIG',
    problems: [
      'looked for: --config <path>, $BALANCE_CONFIG,',
      `  ${RC_NAMES.join(', ')} in ${resolve(cwd)} and its parents,`,
      `  ${globalDir ? join(globalDir, 'config.yaml') : '$XDG_CONFIG_HOME/balance/config.yaml (no HOME set)'}`,
    ],
    hint: 'run `balance-inspector config init` to write one (or `balance-inspector demo` to try the sandbox first)',
  });
}

function explicit(path: string, origin: ConfigOrigin, via: string): FoundConfig {
  if (!existsSync(path)) {
    throw new ConfigError(`config file not found: ${path} (from ${via})`, { code: 'NO_CONFIG' });
  }
  if (!isFile(path)) throw new ConfigError(`config path is not a file: ${path} (from ${via})`, { code: 'NO_CONFIG' });
  return { path, origin, reason: `given by ${via}` };
}
