// Validate a parsed config file and turn it into a typed Config. Every problem is collected (with
// its path, e.g. `accounts.flow-main.apiKey`) and reported at once, so a user fixes the file in
// one pass instead of one error per run.
import { ConfigError } from '../core/errors.js';
import { parseUserDecimal, type Decimal } from '../core/money.js';
import { didYouMean } from '../core/suggest.js';
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE, CURRENCY_CODE } from '../core/names.js';
import { PROVIDERS, PROVIDER_IDS, isProviderId } from '../providers/catalog.js';
import { validateAlerts } from './alerts.js';
import { validateHistory } from './history.js';
import { checkField, checkKeys, describeValue, isPlainObject, type FieldSpec } from './fields.js';
import { parseDuration } from '../core/duration.js';
import type { AccountConfig, CacheSettings, Config, ConfigOrigin } from './types.js';

export const TOP_LEVEL_KEYS = ['accounts', 'rates', 'minimums', 'reserves', 'decimals', 'pegged', 'alerts', 'cache', 'history'];

export const COMMON_ACCOUNT_FIELDS: Record<string, FieldSpec> = {
  provider: { kind: 'enum', values: PROVIDER_IDS },
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

  const accounts: AccountConfig[] = [];
  if (raw.accounts === undefined) problems.push(`accounts: missing; expected a mapping of account names to settings`);
  else if (!isPlainObject(raw.accounts)) problems.push(`accounts: expected a mapping of account names, got ${describeValue(raw.accounts)}`);
  else {
    if (Object.keys(raw.accounts).length === 0) problems.push('accounts: is empty; expected at least one account');
    for (const [name, value] of Object.entries(raw.accounts)) {
      const account = validateAccount(name, value, problems);
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
  return { filePath, origin, accounts, rates, minimums, reserves, decimals, pegged, ...(cache ? { cache } : {}), ...(history ? { history } : {}), alerts };
}

function validateAccount(name: string, value: unknown, problems: string[]): AccountConfig | null {
  const path = `accounts.${name}`;
  if (!ACCOUNT_NAME.test(name)) {
    problems.push(`${path}: account names may use ${ACCOUNT_NAME_RULE}`);
    return null;
  }
  if (!isPlainObject(value)) {
    problems.push(`${path}: expected a mapping with at least 'provider', got ${describeValue(value)}`);
    return null;
  }
  if (typeof value.provider !== 'string') {
    problems.push(`${path}.provider: missing; expected one of ${PROVIDER_IDS.join(', ')}`);
    return null;
  }
  if (!isProviderId(value.provider)) {
    problems.push(`${path}.provider: "${value.provider}" is not a known provider; expected one of ${PROVIDER_IDS.join(', ')}${didYouMean(value.provider, PROVIDER_IDS)}`);
    return null;
  }
  const info = PROVIDERS[value.provider];
  const fields = { ...COMMON_ACCOUNT_FIELDS, ...info.accountFields };
  const before = problems.length;
  checkKeys(value, Object.keys(fields), `${path}.`, problems);
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

function checkCredentials(
  value: Record<string, unknown>,
  shapes: ReadonlyArray<ReadonlyArray<string>>,
  path: string,
  problems: string[],
): void {
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
  const alternatives = shapes.map((shape) =>
    shape[0] === 'apiKey' ? 'apiKey (e.g. apiKey: ${MY_KEY}) or apiKeyFile' : shape.join(' + '),
  );
  problems.push(`${path}: no credentials; expected ${alternatives.join(', or ')}`);
}

function decimalMap(value: unknown, path: string, problems: string[]): Map<string, Decimal> {
  const result = new Map<string, Decimal>();
  if (value === undefined) return result;
  if (!isPlainObject(value)) {
    problems.push(`${path}: expected a mapping of currency to decimal string, got ${describeValue(value)}`);
    return result;
  }
  for (const [currency, amount] of Object.entries(value)) {
    const itemPath = `${path}.${currency}`;
    if (!CURRENCY_CODE.test(currency)) {
      problems.push(`${itemPath}: "${currency}" is not a currency code; expected e.g. USDT or NGN`);
      continue;
    }
    const before = problems.length;
    checkField({ kind: 'decimal', positive: true }, amount, itemPath, problems);
    const parsed = typeof amount === 'string' ? parseUserDecimal(amount) : null;
    if (problems.length === before && parsed) result.set(currency.toUpperCase(), parsed);
  }
  return result;
}

/** `minimums:` and `reserves:`: account → currency code → a quoted positive amount. */
function amountsPerAccount(value: unknown, section: string, accountNames: string[], problems: string[]): Map<string, Map<string, Decimal>> {
  const result = new Map<string, Map<string, Decimal>>();
  if (value === undefined) return result;
  if (!isPlainObject(value)) {
    problems.push(`${section}: expected a mapping of account name to { CURRENCY: "amount" }, got ${describeValue(value)}`);
    return result;
  }
  for (const [account, perCurrency] of Object.entries(value)) {
    if (accountNames.length > 0 && !accountNames.includes(account)) {
      problems.push(`${section}.${account}: no account named '${account}'${didYouMean(account, accountNames)}`);
      continue;
    }
    result.set(account, decimalMap(perCurrency, `${section}.${account}`, problems));
  }
  return result;
}

/** Decimals are a count, not money, so a bare number is fine: a whole number 0–36 (or quoted). */
const DECIMALS = /^(0|[1-9][0-9]?)$/;

function validateDecimals(value: unknown, accountNames: string[], problems: string[]): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  if (value === undefined) return result;
  if (!isPlainObject(value)) {
    problems.push(`decimals: expected a mapping of account name to { CURRENCY: decimals }, got ${describeValue(value)}`);
    return result;
  }
  for (const [account, perCurrency] of Object.entries(value)) {
    const path = `decimals.${account}`;
    if (accountNames.length > 0 && !accountNames.includes(account)) {
      problems.push(`${path}: no account named '${account}'${didYouMean(account, accountNames)}`);
      continue;
    }
    if (!isPlainObject(perCurrency)) {
      problems.push(`${path}: expected a mapping of currency code to decimals, e.g. { USDTPOLYGON: 6 }, got ${describeValue(perCurrency)}`);
      continue;
    }
    const map = new Map<string, number>();
    for (const [currency, count] of Object.entries(perCurrency)) {
      if (!CURRENCY_CODE.test(currency)) {
        problems.push(`${path}.${currency}: "${currency}" is not a currency code; expected e.g. USDT or USDTPOLYGON`);
        continue;
      }
      const text = typeof count === 'number' ? String(count) : typeof count === 'string' ? count.trim() : null;
      if (text === null || !DECIMALS.test(text) || Number(text) > 36) {
        problems.push(`${path}.${currency}: expected a whole number of decimals from 0 to 36, got ${typeof count === 'string' ? `"${count}"` : describeValue(count)}`);
        continue;
      }
      map.set(currency.toUpperCase(), Number(text));
    }
    result.set(account, map);
  }
  return result;
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
  const ms = typeof maxAge === 'string' ? parseDuration(maxAge) : null;
  if (ms === null) {
    const got = maxAge === undefined ? 'nothing' : typeof maxAge === 'string' ? `"${maxAge}"` : describeValue(maxAge);
    problems.push(`cache.maxAge: expected a duration such as 30s or 2m, got ${got}`);
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
