// The config entry points used by commands and the library API.
import { UsageError } from '../core/errors.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../core/option-names.js';
import { didYouMean } from '../core/suggest.js';
import { findConfig, type FoundConfig } from './find.js';
import { loadConfigFile } from './load.js';
import { resolveAccounts, resolveEachAccount, splitResolutions } from './resolve.js';
import { validateConfig } from './schema.js';
import type { AccountConfig, Config } from './types.js';

export type { AccountConfig, Config, ResolvedAccount } from './types.js';

export interface LoadConfigOptions {
  /** Explicit path (the --config flag). */
  configPath?: string | undefined;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How errors name the options (the CLI passes its flags; default: these options' keys). */
  names?: Pick<OptionNames, 'configPath'>;
}

export interface LoadedConfig extends Config {
  found: FoundConfig;
}

/** Find, read and validate the config (credentials are not resolved yet). */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const found = findConfig({
    explicitPath: options.configPath,
    ...(options.names ? { names: options.names } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const raw = await loadConfigFile(found.path);
  return { ...validateConfig(raw, found.path, found.origin), found };
}

export interface AccountSelection {
  accounts?: string[] | undefined;
  provider?: string | undefined;
  /** How errors name the two (the CLI passes its flags; default: these keys). */
  names?: Pick<OptionNames, 'accounts' | 'provider'>;
}

/** Apply --account / --provider; unknown names are usage errors with a suggestion. */
export function selectAccounts(config: Config, given: AccountSelection): AccountConfig[] {
  // A provider id in any case, as the CLI takes it (`--provider Syncpay`), declared ids too.
  const selection = given.provider === undefined ? given : { ...given, provider: config.providers.idIgnoringCase(given.provider) ?? given.provider };
  const said = selection.names ?? LIBRARY_OPTION_NAMES;
  const names = config.accounts.map((a) => a.name);
  for (const name of selection.accounts ?? []) {
    if (!names.includes(name)) {
      throw new UsageError(`unknown account '${name}'${didYouMean(name, names)}`, `configured accounts: ${names.join(', ')}`);
    }
  }
  const ids = config.providers.ids;
  if (selection.provider !== undefined && !config.providers.has(selection.provider)) {
    throw new UsageError(`unknown provider '${selection.provider}'${didYouMean(selection.provider, ids)}`, `providers: ${ids.join(', ')}`);
  }
  const chosen = config.accounts.filter(
    (a) => (!selection.accounts?.length || selection.accounts.includes(a.name)) && (selection.provider === undefined || a.provider === selection.provider),
  );
  if (chosen.length === 0) {
    throw new UsageError(
      `no configured account matches ${said.provider} ${selection.provider}${selection.accounts?.length ? ` and ${said.accounts} ${selection.accounts.join(', ')}` : ''}`,
    );
  }
  return chosen;
}

export { resolveAccounts, resolveEachAccount, splitResolutions, validateConfig, findConfig };
