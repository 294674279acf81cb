// Turn credential templates into values, before any request is sent:
//  - `${VAR}` comes from the environment; every unset or empty variable is reported by name at once.
//  - `apiKeyFile` reads the key from a file (relative paths are relative to the config file).
//  - A literal secret in a file that group or others can read is refused, like ssh refuses keys.
// Every resolved value is registered for redaction; no value ever appears in a message.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { fileTrustProblem, readTrustedFile } from '../core/safe-file.js';
import { MIN_SECRET_LENGTH, type Redactor } from '../core/secrets.js';
import { PLACEHOLDER } from './fields.js';
import type { AccountConfig, Config, Credentials, ResolvedAccount } from './types.js';

/** Keys and secrets are opaque tokens: surrounding whitespace (a trailing newline) is trimmed, inner whitespace or control characters are refused. */
const BAD_INNER = /[\s\u0000-\u001f\u007f]/;

/**
 * Fields whose value is a secret. A secret shorter than MIN_SECRET_LENGTH cannot be redacted without
 * mangling ordinary words, so it is refused. clientId is an identifier, not a secret: any length is
 * accepted, and it is still redacted (with the Basic pair) when it is long enough.
 */
const SECRET_FIELDS = new Set(['apiKey', 'apiKeyFile', 'clientSecret']);

/** Does the config file itself hold a literal secret (not a ${VAR} and not a key file)? */
function hasLiteralSecret(account: AccountConfig): boolean {
  return [account.secrets.apiKey, account.secrets.clientSecret].some((value) => value !== undefined && !value.includes('${'));
}

export function checkConfigFilePermissions(config: Config): void {
  if (!config.filePath || !config.accounts.some(hasLiteralSecret)) return;
  const fd = openSync(config.filePath, 'r');
  try {
    const problem = fileTrustProblem(config.filePath, fstatSync(fd), { secret: true });
    if (problem) {
      throw new ConfigError(`refusing to use the literal API key in ${config.filePath}: ${problem}`, {
        code: 'UNSAFE_PERMISSIONS',
        hint: 'or move the key out of the file: apiKey: ${MY_KEY} or apiKeyFile: <path>',
      });
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Resolve the credentials of the given accounts; collects every problem before throwing. Every
 * credential is registered in `redactor` (the run's), so no output of that run can show it.
 */
export function resolveAccounts(config: Config, accounts: AccountConfig[], env: NodeJS.ProcessEnv, redactor: Redactor): ResolvedAccount[] {
  checkConfigFilePermissions(config);
  const all = accounts.map((account) => resolveOne(config, account, env, redactor));
  const problems = all.flatMap((r) => r.problems);
  if (problems.length > 0) throw credentialError(config, problems, [...new Set(all.flatMap((r) => r.missingVars))]);
  return all.map((r) => r.resolved);
}

export type AccountResolution = { ok: true; account: ResolvedAccount } | { ok: false; account: AccountConfig; error: ConfigError };

/**
 * Each account on its own: an unset ${VAR} or unreadable key file fails only its account (the
 * caller reports it like any other account failure, exit 3) and the others are still read. A
 * config file that is unsafe as a whole still throws.
 */
export function resolveEachAccount(config: Config, accounts: AccountConfig[], env: NodeJS.ProcessEnv, redactor: Redactor): AccountResolution[] {
  checkConfigFilePermissions(config);
  return accounts.map((account) => {
    const { resolved, problems, missingVars } = resolveOne(config, account, env, redactor);
    if (problems.length === 0) return { ok: true, account: resolved };
    const error = credentialError(config, problems, missingVars, account.name);
    error.account = account.name;
    error.provider = account.provider;
    return { ok: false, account, error };
  });
}

/**
 * Resolutions as the read pipeline takes them: every account in order (one that failed, without
 * credentials: it is never called) and each failure by account name.
 */
export function splitResolutions(resolutions: AccountResolution[]): { accounts: ResolvedAccount[]; unresolved: Map<string, ConfigError> } {
  return {
    accounts: resolutions.map((r) => (r.ok ? r.account : { ...r.account, credentials: {} })),
    unresolved: new Map(resolutions.flatMap((r) => (r.ok ? [] : [[r.account.name, r.error] as const]))),
  };
}

function credentialError(config: Config, problems: string[], vars: string[], account?: string): ConfigError {
  const whose = account === undefined ? '' : ` (account '${account}')`;
  const message =
    vars.length > 0 && vars.length === problems.length
      ? `environment variable${vars.length > 1 ? 's' : ''} ${vars.join(', ')} ${vars.length > 1 ? 'are' : 'is'} not set or empty${whose}`
      : `cannot resolve the credentials${account === undefined ? '' : ` of account '${account}'`} in ${config.filePath ?? 'the config'}`;
  return new ConfigError(message, {
    code: vars.length > 0 ? 'UNSET_VARIABLE' : 'CREDENTIALS',
    problems,
    ...(vars.length > 0 ? { hint: `export ${vars[0]}=… (or use apiKeyFile) before running` } : {}),
  });
}

function resolveOne(
  config: Config,
  account: AccountConfig,
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
): { resolved: ResolvedAccount; problems: string[]; missingVars: string[] } {
  const problems: string[] = [];
  const missingVars = new Set<string>();
  const credentials: Credentials = {};
  const path = `accounts.${account.name}`;
  const expand = (field: string, template: string): string | undefined => {
    let unresolved = false;
    const value = template.replace(PLACEHOLDER, (_, name: string) => {
      const fromEnv = env[name];
      if (fromEnv === undefined || fromEnv.trim() === '') {
        missingVars.add(name);
        problems.push(`${path}.${field}: \${${name}} is ${fromEnv === undefined ? 'not set' : 'empty'}`);
        unresolved = true;
        return '';
      }
      return fromEnv;
    });
    return unresolved ? undefined : value;
  };
  const accept = (field: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') problems.push(`${path}.${field}: is empty`);
    else if (BAD_INNER.test(trimmed)) problems.push(`${path}.${field}: contains whitespace or control characters (value not shown)`);
    else if (SECRET_FIELDS.has(field) && trimmed.length < MIN_SECRET_LENGTH) {
      problems.push(`${path}.${field}: is shorter than ${MIN_SECRET_LENGTH} characters, too short to keep out of output (value not shown)`);
    } else return trimmed;
    return undefined;
  };

  const { apiKey, apiKeyFile, clientId, clientSecret } = account.secrets;
  if (apiKey !== undefined) credentials.apiKey = accept('apiKey', expand('apiKey', apiKey));
  if (apiKeyFile !== undefined) {
    const file = expand('apiKeyFile', apiKeyFile);
    if (file !== undefined) {
      const read = readKeyFile(file, config.filePath);
      if (read.problem === undefined) credentials.apiKey = accept('apiKeyFile', read.key);
      else if (read.unsafe) problems.push(`${path}.apiKeyFile: refusing to read the key from ${read.path}: ${read.problem}`);
      else problems.push(`${path}.apiKeyFile: ${read.path} ${read.problem}`);
    }
  }
  if (clientId !== undefined) credentials.clientId = accept('clientId', expand('clientId', clientId));
  if (clientSecret !== undefined) credentials.clientSecret = accept('clientSecret', expand('clientSecret', clientSecret));
  for (const value of Object.values(credentials)) if (value) redactor.register(value);
  if (credentials.clientId && credentials.clientSecret) redactor.registerBasicAuth(credentials.clientId, credentials.clientSecret);
  return { resolved: { ...account, credentials }, problems, missingVars: [...missingVars] };
}

export interface KeyFileRead {
  /** The file's full path (relative paths are relative to the config file's directory). */
  path: string;
  key?: string;
  /** Why no key was read: "does not exist", "its mode 0644 lets group or others read it; …". */
  problem?: string;
  /** The problem is that the file is unsafe to trust, not that it is missing or unreadable. */
  unsafe?: boolean;
}

/** Read a key file: refused by type before it is opened (a FIFO would hang), then by owner and mode. Never throws. */
export function readKeyFile(file: string, configPath: string | null): KeyFileRead {
  const path = resolvePath(configPath ? dirname(configPath) : process.cwd(), file);
  const read = readTrustedFile(path, { secret: true });
  if ('text' in read) return { path, key: read.text };
  return read.unsafe ? { path, problem: read.problem, unsafe: true } : { path, problem: read.problem };
}
