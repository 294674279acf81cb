// What `config check` finds, as data: the config file and why it was chosen, each account's
// credentials (variable names and key-file modes, never values), and what one call to each
// account showed. Formatting lives in src/format/doctor.ts; the run in src/commands/config/check.ts.
import { statSync } from 'node:fs';
import { readKeyFile } from '../config/resolve.js';
import type { AccountConfig, Config, ConfigOrigin } from '../config/types.js';
import { setupMode } from '../providers/account-mode.js';
import type { ProviderInfo } from '../providers/kit/info.js';
import { PLACEHOLDER } from '../config/fields.js';
import type { AccountOutcome } from '../core/account.js';
import { combinedExitCode, ExitCode, isBalanceError, type BalanceError } from '../core/errors.js';

export interface ProblemJson {
  code: string;
  message: string;
  /** Detail lines (every config problem, with its path). */
  problems: string[];
  hint: string | null;
  exitCode: number;
}

export interface CredentialCheck {
  field: 'apiKey' | 'apiKeyFile' | 'clientId' | 'clientSecret';
  source: 'env' | 'file' | 'literal';
  /** The environment variable's name (source env). */
  variable: string | null;
  /** The key file's absolute path (source file). */
  path: string | null;
  /** "set", "not set", "empty"; "readable, mode 0600" or what is wrong; "literal value". */
  status: string;
  ok: boolean;
}

export interface AccountCheck {
  account: string;
  provider: string;
  mode: 'test' | 'live' | null;
  credentials: CredentialCheck[];
  /** False when the credentials could not be resolved: the provider was not called. */
  called: boolean;
  /** null: not called, or the answer does not tell. */
  reachable: boolean | null;
  authOk: boolean | null;
  latencyMs: number | null;
  /** Balance records seen (null when not called). */
  balances: number | null;
  currencies: string[];
  errors: ProblemJson[];
  exitCode: number;
}

export interface ConfigCheck {
  path: string | null;
  origin: ConfigOrigin | null;
  /** Why this file was chosen (FoundConfig.reason). */
  reason: string | null;
  /** The file's permission bits, e.g. "0600". */
  mode: string | null;
  accounts: number | null;
  error: ProblemJson | null;
}

export interface DoctorReport {
  config: ConfigCheck;
  accounts: AccountCheck[];
  exitCode: number;
  /** How each account's requests go out, when a proxy variable is set: `route` for people, `proxy` for JSON. */
  routes?: Array<{ account: string; route: string; proxy: ProxyJson }>;
}

/**
 * config check --json, per account when a proxy variable is set: whether its requests use a proxy,
 * which (scheme://host:port, never credentials) and from which variable; else why not.
 */
export interface ProxyJson {
  used: boolean;
  url: string | null;
  variable: string | null;
  /** Why no proxy: "no proxy set", "loopback", "NO_PROXY", or "invalid" (see error). */
  reason: string | null;
  error: string | null;
}

export function problemJson(error: unknown): ProblemJson {
  if (!isBalanceError(error)) throw error;
  return {
    code: error.code,
    message: error.message,
    problems: (error as BalanceError & { problems?: string[] }).problems ?? [],
    hint: error.hint ?? null,
    exitCode: error.exitCode,
  };
}

export function fileMode(path: string): string | null {
  try {
    return (statSync(path).mode & 0o777).toString(8).padStart(4, '0');
  } catch {
    return null;
  }
}

/** Variable names and their state ("set" / "not set" / "empty"), key files and their modes. */
export function inspectCredentials(config: Config, account: AccountConfig, env: NodeJS.ProcessEnv): CredentialCheck[] {
  const checks: CredentialCheck[] = [];
  const varState = (name: string) => (env[name] === undefined ? 'not set' : env[name].trim() === '' ? 'empty' : 'set');
  for (const field of ['apiKey', 'apiKeyFile', 'clientId', 'clientSecret'] as const) {
    const template = account.secrets[field];
    if (template === undefined) continue;
    const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
    for (const name of names) {
      const status = varState(name);
      checks.push({ field, source: 'env', variable: name, path: null, status, ok: status === 'set' });
    }
    if (field !== 'apiKeyFile') {
      if (names.length === 0) checks.push({ field, source: 'literal', variable: null, path: null, status: 'literal value', ok: true });
      continue;
    }
    if (names.some((name) => varState(name) !== 'set')) continue;
    // The same reading and checks as when the key is used; the key itself is dropped here.
    const { path, problem } = readKeyFile(
      template.replace(PLACEHOLDER, (_, n: string) => env[n] ?? ''),
      config.filePath,
    );
    const status = problem ?? `readable, mode ${fileMode(path) ?? '?'}`;
    checks.push({ field, source: 'file', variable: null, path, status, ok: problem === undefined });
  }
  return checks;
}

/** An account whose credentials could not be resolved: reported, not called. */
export function notCalled(account: AccountConfig, credentials: CredentialCheck[], error: unknown): AccountCheck {
  const problem = problemJson(error);
  return {
    account: account.name,
    provider: account.provider,
    mode: account.mode,
    credentials,
    called: false,
    reachable: null,
    authOk: null,
    latencyMs: null,
    balances: null,
    currencies: [],
    errors: [problem],
    exitCode: problem.exitCode,
  };
}

const NOT_REACHED = new Set(['UNREACHABLE', 'TIMEOUT']);
const AUTH_REFUSED = new Set(['AUTH_FAILED', 'FORBIDDEN']);

/** What one call showed: reachable when anything answered, auth ok when an answer got past the key check. */
export function fromOutcome(
  account: AccountConfig,
  credentials: CredentialCheck[],
  outcome: AccountOutcome,
  info: Pick<ProviderInfo, 'defaultBaseUrl' | 'modeHints'>,
): AccountCheck {
  const errors = outcome.errors.map(problemJson);
  const seen = outcome.balances.length;
  const answered =
    seen > 0 ||
    errors.length === 0 ||
    errors.some((e) => e.exitCode === ExitCode.refused || e.exitCode === ExitCode.badResponse || e.code === 'RATE_LIMITED' || e.code === 'PROVIDER_ERROR');
  const keyAccepted = seen > 0 || errors.length === 0 || errors.some((e) => e.exitCode === ExitCode.badResponse || e.code === 'NOT_FOUND');
  return {
    account: account.name,
    provider: account.provider,
    // A failed call reports no balance to take the mode from; the setup (host, key prefix) may still tell it.
    mode: outcome.balances.find((b) => b.mode !== null)?.mode ?? setupMode(account, info),
    credentials,
    called: true,
    reachable: answered ? true : errors.some((e) => NOT_REACHED.has(e.code)) ? false : null,
    authOk: errors.some((e) => AUTH_REFUSED.has(e.code)) ? false : keyAccepted ? true : null,
    latencyMs: outcome.ms,
    balances: seen,
    currencies: [...new Set(outcome.balances.map((b) => b.currency))],
    errors,
    exitCode: combinedExitCode(errors.map((e) => e.exitCode)),
  };
}

export function reportExitCode(config: ConfigCheck, accounts: AccountCheck[]): number {
  return combinedExitCode([config.error?.exitCode ?? 0, ...accounts.map((a) => a.exitCode)]);
}
