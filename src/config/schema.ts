// Validate a parsed config file and turn it into a typed Config. Every problem is collected (with
// its path, e.g. `accounts.flow-main.apiKey`) and reported at once, so a user fixes the file in
// one pass instead of one error per run.
import { ConfigError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE } from '../core/names.js';
import { PROVIDER_IDS } from '../providers/catalog.js';
import { declaredEntry } from '../providers/declared/home.js';
import { validateDeclarations } from '../providers/declared/validate.js';
import { ProviderRegistry } from '../providers/registry.js';
import { validateAlerts } from './alerts.js';
import { amountsPerAccount, decimalMap, validateDecimals } from './currency-maps.js';
import { validateHistory } from './history.js';
import { checkField, checkKeys, describeValue, isPlainObject, type FieldSpec } from './fields.js';
import { checkDuration } from '../core/duration.js';
import type { AccountConfig, CacheSettings, Config, ConfigOrigin } from './types.js';

export const TOP_LEVEL_KEYS = ['providers', 'accounts', 'rates', 'minimums', 'reserves', 'decimals', 'pegged', 'alerts', 'cache', 'history'];

export const COMMON_ACCOUNT_FIELDS: Record<string, FieldSpec> = {
  apiKey: { kind: 'secret' },
  apiKeyFile: { kind: 'secret' },
  baseUrl: { kind: 'url' },
  mode: { kind: 'enum', values: ['live', 'test'] },
};

export function validateConfig(raw: unknown, filePath: string | null, origin: ConfigOrigin): Config {
  const where = filePath ?? 'built-in config';
  const problems: string[] = [];
  if (!isPlainObject(raw)) {
    throw new ConfigError(`invalid config ${where}: expected a mapping with an 'accounts' section, got ${describeValue(raw)}`);
  }
  checkKeys(raw, TOP_LEVEL_KEYS, '', problems);
  // Declarations first: the accounts below may name them.
  const providers = new ProviderRegistry(validateDeclarations(raw.providers, PROVIDER_IDS, problems).map(declaredEntry));
  const declaredRaw = isPlainObject(raw.providers) ? Object.keys(raw.providers) : [];

  const accounts: AccountConfig[] = [];
  if (raw.accounts === undefined) problems.push(`accounts: missing; expected a mapping of account names to settings`);
  else if (!isPlainObject(raw.accounts)) problems.push(`accounts: expected a mapping of account names, got ${describeValue(raw.accounts)}`);
  else {
    if (Object.keys(raw.accounts).length === 0) problems.push('accounts: is empty; expected at least one account');
    for (const [name, value] of Object.entries(raw.accounts)) {
      const account = validateAccount(name, value, providers, declaredRaw, problems);
      if (account) accounts.push(account);
    }
  }
  const accountNames = accounts.map((a) => a.name);
  const rates = decimalMap(raw.rates, 'rates', problems);
  const minimums = amountsPerAccount(raw.minimums, 'minimums', accountNames, problems);
  const reserves = amountsPerAccount(raw.reserves, 'reserves', accountNames, problems);
  const decimals = validateDecimals(raw.decimals, accountNames, problems);
  const pegged = validatePegged(raw.pegged, problems);
  const cache = validateCache(raw.cache, problems);
  const alerts = validateAlerts(raw.alerts, accountNames, problems);
  const history = validateHistory(raw.history, problems);

  if (problems.length > 0) {
    throw new ConfigError(`invalid config ${where}`, { problems, hint: 'see .balancerc.example for every option' });
  }
  return {
    filePath,
    origin,
    accounts,
    providers,
    rates,
    minimums,
    reserves,
    decimals,
    pegged,
    ...(cache ? { cache } : {}),
    ...(history ? { history } : {}),
    alerts,
  };
}

function validateAccount(name: string, value: unknown, providers: ProviderRegistry, declaredRaw: string[], problems: string[]): AccountConfig | null {
  const path = `accounts.${name}`;
  if (!ACCOUNT_NAME.test(name)) {
    problems.push(`${path}: account names may use ${ACCOUNT_NAME_RULE}`);
    return null;
  }
  if (!isPlainObject(value)) {
    problems.push(`${path}: expected a mapping with at least 'provider', got ${describeValue(value)}`);
    return null;
  }
  const ids = providers.ids;
  if (typeof value.provider !== 'string') {
    problems.push(`${path}.provider: missing; expected one of ${ids.join(', ')}`);
    return null;
  }
  if (!providers.has(value.provider)) {
    // A declaration with problems is not in the registry; its own lines say what to fix.
    if (declaredRaw.includes(value.provider)) return null;
    problems.push(`${path}.provider: "${value.provider}" is not a known provider; expected one of ${ids.join(', ')}${didYouMean(value.provider, ids)}`);
    return null;
  }
  const info = providers.info(value.provider);
  const fields = { ...COMMON_ACCOUNT_FIELDS, ...info.accountFields };
  const before = problems.length;
  checkKeys(value, ['provider', ...Object.keys(fields)], `${path}.`, problems);
  for (const [key, spec] of Object.entries(fields)) {
    if (value[key] !== undefined) checkField(spec, value[key], `${path}.${key}`, problems);
  }
  checkCredentials(value, info.credentials, path, problems);
  // A provider's rule over several keys (e.g. Swipelux ids) lives in its info.
  const ruleProblem = info.accountRule?.(value) ?? null;
  if (ruleProblem) problems.push(`${path}: ${ruleProblem}`);
  if (problems.length > before) return null;

  const secrets: AccountConfig['secrets'] = {};
  for (const key of ['apiKey', 'apiKeyFile', 'clientId', 'clientSecret'] as const) {
    if (typeof value[key] === 'string') secrets[key] = value[key];
  }
  const settings: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(info.accountFields)) {
    const raw = value[key];
    if (raw === undefined || key in secrets) continue;
    // Id lists are trimmed and each id kept once, so no adapter reads (and counts) a wallet twice.
    settings[key] = spec.kind === 'stringList' && Array.isArray(raw) ? [...new Set(raw.map((id) => String(id).trim()))] : raw;
  }
  return {
    name,
    provider: info.id,
    baseUrl: typeof value.baseUrl === 'string' ? value.baseUrl.replace(/\/+$/, '') : null,
    mode: value.mode === 'live' || value.mode === 'test' ? value.mode : null,
    secrets,
    settings,
  };
}

function checkCredentials(value: Record<string, unknown>, shapes: ReadonlyArray<ReadonlyArray<string>>, path: string, problems: string[]): void {
  if (value.apiKey !== undefined && value.apiKeyFile !== undefined) {
    problems.push(`${path}: set either apiKey or apiKeyFile, not both`);
    return;
  }
  const has = (key: string) => value[key] !== undefined || (key === 'apiKey' && value.apiKeyFile !== undefined);
  if (shapes.some((shape) => shape.every(has))) return;
  const partial = shapes.find((shape) => shape.some(has));
  if (partial) {
    const missing = partial.filter((key) => !has(key));
    problems.push(`${path}: ${missing.join(' and ')} missing; ${partial.join(' and ')} go together`);
    return;
  }
  const alternatives = shapes.map((shape) => (shape[0] === 'apiKey' ? 'apiKey (e.g. apiKey: ${MY_KEY}) or apiKeyFile' : shape.join(' + ')));
  problems.push(`${path}: no credentials; expected ${alternatives.join(', or ')}`);
}

function validateCache(value: unknown, problems: string[]): CacheSettings | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) {
    problems.push(`cache: expected a mapping such as { maxAge: 30s }, got ${describeValue(value)}`);
    return undefined;
  }
  checkKeys(value, ['maxAge'], 'cache.', problems);
  const maxAge = value.maxAge;
  // A bare number is refused like everywhere else: `30` could mean seconds or milliseconds.
  const ms = typeof maxAge === 'string' ? checkDuration(maxAge, { zero: true }) : null;
  if (typeof ms !== 'number') {
    const got = maxAge === undefined ? 'nothing' : typeof maxAge === 'string' ? `"${maxAge}"` : describeValue(maxAge);
    problems.push(
      typeof ms === 'string' && !ms.startsWith('is not') ? `cache.maxAge: ${got} ${ms}` : `cache.maxAge: expected a duration such as 30s or 2m, got ${got}`,
    );
    return undefined;
  }
  return { maxAgeMs: ms };
}

function validatePegged(value: unknown, problems: string[]): Set<string> {
  const result = new Set<string>();
  if (value === undefined) return result;
  checkField({ kind: 'stringList' }, value, 'pegged', problems);
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'string') result.add(item.toUpperCase());
  }
  return result;
}
