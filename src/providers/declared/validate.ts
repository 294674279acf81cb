// Validating the config's `providers:` section into DeclaredProviders (declaration.ts). Every
// problem names its path and what was expected; a declaration with any problem is left out (its
// accounts then fail validation too, naming the unknown provider), so the config is refused whole
// with exit 3 before anything is sent.
import { createHash } from 'node:crypto';
import { parseDuration } from '../../core/duration.js';
import { parseUserDecimal } from '../../core/money.js';
import { CURRENCY_CODE, DECLARED_ID } from '../../core/names.js';
import { baseUrlProblem } from '../../http/url-policy.js';
import { AUTH_TYPES, DEFAULT_CONCURRENCY, DEFAULT_POLL_INTERVAL_MS, DEFAULT_RATE_LIMIT, type DeclaredAuth, type DeclaredProvider } from './declaration.js';
import { describe, QUERY_NAME, Reader } from './reader.js';
import { readBalances } from './validate-balances.js';

const KEYS = ['displayName', 'docsUrl', 'baseUrl', 'auth', 'mode', 'rateLimit', 'concurrency', 'pollInterval', 'balances', 'errors', 'withdrawals'];
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
/** Headers the HTTP client sets itself; a declaration may not replace them. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'connection', 'transfer-encoding', 'accept-encoding']);

/**
 * The declarations of `raw` (the `providers:` value), each checked; `builtIn` are the ids a
 * declaration may not take. Problems are pushed to `problems`.
 */
export function validateDeclarations(raw: unknown, builtIn: readonly string[], problems: string[]): DeclaredProvider[] {
  if (raw === undefined) return [];
  const section = Reader.of(raw, 'providers', problems, 'a mapping of provider ids to declarations');
  if (!section) return [];
  const declared: DeclaredProvider[] = [];
  for (const [id, value] of Object.entries(section.value)) {
    const path = `providers.${id}`;
    if (builtIn.includes(id)) {
      problems.push(`${path}: '${id}' is a built-in provider; declare yours under another id (accounts then name it in provider:)`);
      continue;
    }
    if (!DECLARED_ID.test(id)) {
      problems.push(`${path}: provider ids may use lower-case letters, digits, '_' and '-' (at most 40), starting with a letter`);
      continue;
    }
    const before = problems.length;
    const provider = validateOne(id, value, path, problems);
    if (provider && problems.length === before) declared.push(provider);
  }
  return declared;
}

function validateOne(id: string, value: unknown, path: string, problems: string[]): DeclaredProvider | null {
  const d = Reader.of(value, path, problems, 'a mapping with at least baseUrl, auth and balances');
  if (!d) return null;
  d.allowKeys(KEYS);
  const baseUrl = d.string('baseUrl', { required: "the API's base URL, e.g. https://api.example.com" });
  if (baseUrl !== null) {
    const problem = baseUrlProblem(baseUrl);
    if (problem) d.problem('baseUrl', problem);
  }
  const docsUrl = d.string('docsUrl', { pattern: /^https:\/\//, expected: 'an https:// URL' });
  const auth = readAuth(d);
  const balances = readBalances(d);
  const errors = d.child('errors', 'a mapping such as { message: $.error.message }');
  errors?.allowKeys(['message', 'code']);
  const minPoll = d.string('pollInterval', { expected: 'a duration such as 10s or 1m' });
  const pollMs = minPoll === null ? DEFAULT_POLL_INTERVAL_MS : parseDuration(minPoll);
  if (pollMs === null) d.problem('pollInterval', `expected a duration such as 10s or 1m, got ${describe(minPoll)}`);
  const rest = {
    displayName: d.string('displayName') ?? id,
    keyPrefixes: readModes(d),
    rateLimit: readRateLimit(d),
    concurrency: d.int('concurrency', 1, 8) ?? DEFAULT_CONCURRENCY,
    withdrawals: readWithdrawals(d),
    errors: { message: errors?.jsonPath('message') ?? null, code: errors?.jsonPath('code') ?? null },
  };
  if (!auth || !balances || baseUrl === null) return null;
  return {
    id,
    ...rest,
    docsUrl: docsUrl ?? '',
    baseUrl: baseUrl.replace(/\/+$/, ''),
    auth,
    minPollIntervalMs: pollMs ?? DEFAULT_POLL_INTERVAL_MS,
    balances,
    fingerprint: createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32),
  };
}

function readAuth(d: Reader): DeclaredAuth | null {
  const auth = d.child('auth', `a mapping such as { type: bearer } (type: ${AUTH_TYPES.join(' | ')})`, true);
  if (!auth) return null;
  const type = auth.oneOf('type', AUTH_TYPES, null);
  const keys: Record<string, string[]> = { bearer: [], header: ['name', 'prefix'], query: ['name'], basic: [], oauth2: ['tokenUrl', 'scope', 'clientAuth'] };
  auth.allowKeys(['type', ...(keys[type ?? ''] ?? [])]);
  switch (type) {
    case 'bearer':
    case 'basic':
      return { type };
    case 'header': {
      const name = auth.string('name', { required: 'the header carrying the key, e.g. X-Api-Key', pattern: HEADER_NAME, expected: 'an HTTP header name' });
      if (name !== null && RESERVED_HEADERS.has(name.toLowerCase()))
        auth.problem('name', `${name} is set by the HTTP client itself; name the header the provider reads the key from`);
      const prefix = auth.value.prefix === undefined ? '' : auth.string('prefix', { expected: 'the text before the key, e.g. "Token "' });
      return name === null || prefix === null ? null : { type, name, prefix };
    }
    case 'query': {
      const name = auth.string('name', {
        required: 'the query parameter carrying the key, e.g. api_key',
        pattern: QUERY_NAME,
        expected: 'a query parameter name',
      });
      return name === null ? null : { type, name };
    }
    case 'oauth2': {
      const tokenUrl = auth.string('tokenUrl', { required: 'the token endpoint: a path under the base URL (/oauth/token) or a URL' });
      if (tokenUrl !== null && !tokenUrl.startsWith('/')) {
        const problem = baseUrlProblem(tokenUrl);
        if (problem) auth.problem('tokenUrl', problem);
      } else if (tokenUrl !== null && !/^(\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+\/?$/.test(tokenUrl)) {
        auth.problem('tokenUrl', `expected a path such as /oauth/token, got ${describe(tokenUrl)}`);
      }
      const scope = auth.value.scope === undefined ? null : auth.string('scope', { expected: 'the scopes to ask for, e.g. "balances:read"' });
      const clientAuth = auth.oneOf('clientAuth', ['basic', 'body'] as const, 'basic');
      return tokenUrl === null || clientAuth === null ? null : { type, tokenUrl, scope, clientAuth };
    }
    default:
      return null;
  }
}

function readModes(d: Reader): DeclaredProvider['keyPrefixes'] {
  const mode = d.child('mode', 'a mapping such as { live: { keyPrefix: nk_live_ }, test: { keyPrefix: nk_test_ } }');
  mode?.allowKeys(['live', 'test']);
  const prefix = (which: 'live' | 'test') => {
    const side = mode?.child(which, 'a mapping such as { keyPrefix: nk_live_ }');
    side?.allowKeys(['keyPrefix']);
    return side?.string('keyPrefix', { required: `the prefix of ${which} keys` }) ?? null;
  };
  const live = prefix('live');
  const test = prefix('test');
  if (live !== null && test !== null && (live.startsWith(test) || test.startsWith(live))) {
    mode?.problem(null, `the live and test key prefixes overlap ('${live}', '${test}'), so a key's mode could not be told`);
  }
  return { live, test };
}

function readRateLimit(d: Reader): DeclaredProvider['rateLimit'] {
  const limit = d.child('rateLimit', 'a mapping such as { requests: 60, perSeconds: 60 }');
  if (!limit) return DEFAULT_RATE_LIMIT;
  limit.allowKeys(['requests', 'perSeconds']);
  const requests = limit.int('requests', 1, 100_000);
  const seconds = limit.int('perSeconds', 1, 86_400);
  if (!limit.has('requests') || !limit.has('perSeconds')) limit.problem(null, 'expected both requests and perSeconds, e.g. { requests: 60, perSeconds: 60 }');
  return requests !== null && seconds !== null ? { requests, windowMs: seconds * 1000 } : DEFAULT_RATE_LIMIT;
}

function readWithdrawals(d: Reader): DeclaredProvider['withdrawals'] {
  const section = d.child('withdrawals', 'a mapping such as { minimums: { USDT: "10" }, decimals: { USDT: 6 } }');
  section?.allowKeys(['minimums', 'decimals', 'maxCryptoDecimals']);
  const minimumsSection = section?.child('minimums', 'a mapping of currency code to a minimum, e.g. { USDT: "10" }');
  const minimums: Record<string, string> = {};
  for (const [code, value] of Object.entries(minimumsSection?.value ?? {})) {
    if (!CURRENCY_CODE.test(code)) minimumsSection?.problem(code, 'is not a currency code; expected e.g. USDT or USDT_TRC20');
    else if (typeof value !== 'string' || parseUserDecimal(value)?.isNegative() !== false) {
      minimumsSection?.problem(
        code,
        `expected a decimal string such as "10", got ${describe(value)}${typeof value === 'number' ? ' (quote it, so no digits are lost)' : ''}`,
      );
    } else minimums[code.toUpperCase()] = value.trim();
  }
  const decimalsSection = section?.child('decimals', 'a mapping of currency code to decimals, e.g. { USDT: 6 }');
  const decimals: Record<string, number> = {};
  for (const code of Object.keys(decimalsSection?.value ?? {})) {
    if (!CURRENCY_CODE.test(code)) decimalsSection?.problem(code, 'is not a currency code; expected e.g. USDT or USDT_TRC20');
    else {
      const n = decimalsSection?.int(code, 0, 36, 'a whole number of decimals');
      if (n !== null && n !== undefined) decimals[code.toUpperCase()] = n;
    }
  }
  return { minimums: minimumsSection ? minimums : null, decimals, maxCryptoDecimals: section?.int('maxCryptoDecimals', 0, 36) ?? null };
}
