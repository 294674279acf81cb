// One line of a `history import` file, checked before anything is written: every field the format
// has (transfer-format.ts), of its type, amounts as plain decimal strings, a time in UTC, no
// balance twice. A bad line is a usage error naming its line number (exit 2); the import then
// writes nothing at all.
import { BALANCE_JSON_FIELDS, type Mode } from '../core/balance.js';
import { UsageError } from '../core/errors.js';
import { type Figures, type StoredBalance } from './figures.js';
import { seriesKey, type SeriesIdentity } from './store/series-key.js';
import type { TransferLine } from './transfer-format.js';

const LINE_KEYS = new Set(['at', 'account', 'provider', 'mode', 'error', 'balances', 'gone']);
/** The keys `balances --json` writes for a balance; only the identity and amounts are kept. */
const BALANCE_KEYS = new Set<string>([...BALANCE_JSON_FIELDS, 'inconsistent']);
const IDENTITY_KEYS = new Set(['wallet', 'currency', 'network', 'providerCurrency']);
const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Milliseconds of an ISO 8601 UTC time, or null unless it names a real moment (no Feb 30, no 24:00). */
export function utcMillis(text: string): number | null {
  if (!UTC_TIME.test(text)) return null;
  // Digits read in place: an import checks millions of these.
  const digits = (from: number, count: number) => {
    let value = 0;
    for (let i = from; i < from + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
    return value;
  };
  const [y, mo, d, h, mi, s] = [digits(0, 4), digits(5, 2), digits(8, 2), digits(11, 2), digits(14, 2), digits(17, 2)];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
  if (y < 1970 || d < 1 || d > days || h > 23 || mi > 59 || s > 59) return null;
  const fraction = text.length > 20 ? digits(20, text.length - 21) * 10 ** (24 - text.length) : 0;
  return Date.UTC(y, mo - 1, d, h, mi, s, fraction);
}
const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
/** Names and codes the store keeps: anything but NUL (PostgreSQL refuses it), within reason. */
const MAX_NAME = 1000;

/** The one rule for a name or code, on every path a line can take (the fast one included). */
function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= MAX_NAME && !value.includes('\u0000');
}

export class LineError extends UsageError {}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : `a ${typeof value}`;
}

/**
 * The commonest line by far — a read that changed nothing — in the exact shape export writes, with
 * names free of escapes: read without JSON.parse (an import of a year reads millions of them).
 * Anything else, or anything this does not fully match, takes the general path below.
 */
const UNCHANGED =
  /^\{"at":"([^"\\\u0000-\u001f]+)","account":"([^"\\\u0000-\u001f]+)","provider":"([^"\\\u0000-\u001f]+)","mode":(null|"live"|"test"),"error":(null|"[^"\\\u0000-\u001f]+"),"balances":\[\],"gone":\[\]\}$/;

function unchangedLine(text: string): TransferLine | null {
  const m = UNCHANGED.exec(text);
  if (m === null) return null;
  const [, when, account, provider, mode, error] = m as unknown as [string, string, string, string, string, string];
  const at = utcMillis(when);
  const errorCode = error === 'null' ? null : error.slice(1, -1);
  // Anything the general path would refuse goes there, so its message names the field.
  if (at === null || !isName(account) || !isName(provider) || (errorCode !== null && !isName(errorCode))) return null;
  return {
    at,
    account,
    provider,
    mode: mode === 'null' ? null : mode === '"live"' ? 'live' : 'test',
    error: errorCode,
    balances: [],
    gone: [],
  };
}

export function parseLine(text: string, n: number): TransferLine {
  const quick = unchangedLine(text);
  if (quick !== null) return quick;
  const fail = (what: string): never => {
    throw new LineError(
      `line ${n}: ${what}`,
      'history import takes the lines history export writes (docs/commands/history.md "`history export` and `history import`")',
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('not a JSON object');
  }
  if (!isObject(value)) return fail(`expected a JSON object, got ${describe(value)}`);
  const unknown = Object.keys(value).find((k) => !LINE_KEYS.has(k));
  if (unknown !== undefined) return fail(`unknown field "${unknown}"`);

  const name = (v: unknown, field: string, nullable = false): string | null => {
    if (v === null && nullable) return null;
    if (!isName(v)) return fail(`${field}: expected a name${nullable ? ' or null' : ''}, got ${describe(v)}`);
    return v;
  };
  if (typeof value.at !== 'string' || !UTC_TIME.test(value.at))
    return fail(`at: expected an ISO 8601 UTC time such as 2026-11-02T09:00:00.000Z, got ${describe(value.at)}`);
  const at = utcMillis(value.at) ?? fail(`at: ${value.at} is not a real moment (since 1970)`);
  const account = name(value.account, 'account') as string;
  const provider = name(value.provider, 'provider') as string;
  if (value.mode !== null && value.mode !== 'live' && value.mode !== 'test') return fail(`mode: expected "live", "test" or null, got ${describe(value.mode)}`);
  const mode: Mode | null = value.mode;
  const error = value.error === undefined ? null : name(value.error, 'error', true);
  const line = { account, provider, mode };

  if (!Array.isArray(value.balances)) return fail(`balances: expected an array, got ${describe(value.balances)}`);
  const balances = value.balances.map((b, i) => balanceOf(b, `balances[${i}]`, line, fail));
  const gone =
    value.gone === undefined
      ? []
      : Array.isArray(value.gone)
        ? value.gone.map((g, i) => identityOf(g, `gone[${i}]`, IDENTITY_KEYS, fail))
        : fail(`gone: expected an array, got ${describe(value.gone)}`);
  if (error !== null && gone.length > 0) fail('a read that failed (error is set) cannot tell that a balance is gone');
  const seen = new Map<string, string>();
  for (const [key, where] of [...balances.map((b, i) => [b.key, `balances[${i}]`]), ...gone.map((g, i) => [seriesKey(g), `gone[${i}]`])] as Array<
    [string, string]
  >) {
    const before = seen.get(key);
    if (before !== undefined) fail(`${where} is the same balance as ${before} (same wallet, currency, network and provider code)`);
    seen.set(key, where);
  }
  return { at, account, provider, mode, error, balances, gone };
}

function identityOf(value: unknown, where: string, keys: Set<string>, fail: (what: string) => never): SeriesIdentity {
  if (!isObject(value)) return fail(`${where}: expected an object, got ${describe(value)}`);
  const unknown = Object.keys(value).find((k) => !keys.has(k));
  if (unknown !== undefined) fail(`${where}: unknown field "${unknown}"`);
  const text = (field: string, nullable: boolean): string | null => {
    const v = value[field] === undefined && nullable ? null : value[field];
    if (v === null && nullable) return null;
    if (!isName(v)) return fail(`${where}.${field}: expected a name${nullable ? ' or null' : ''}, got ${describe(v)}`);
    return v;
  };
  return {
    wallet: text('wallet', true),
    currency: text('currency', false) as string,
    network: text('network', true),
    providerCurrency: text('providerCurrency', false) as string,
  };
}

function balanceOf(
  value: unknown,
  where: string,
  line: { account: string; provider: string; mode: Mode | null },
  fail: (what: string) => never,
): StoredBalance {
  const identity = identityOf(value, where, BALANCE_KEYS, fail);
  const b = value as Json;
  for (const field of ['account', 'provider', 'mode'] as const) {
    if (b[field] !== undefined && b[field] !== line[field])
      fail(`${where}.${field} is ${describe(b[field])}, but the line's ${field} is ${describe(line[field])}`);
  }
  const amount = (field: string): string | null => {
    const v = b[field] ?? null;
    if (v === null) return null;
    if (typeof v !== 'string' || !PLAIN_DECIMAL.test(v))
      return fail(`${where}.${field}: expected a decimal string such as "1250.50" or null, got ${describe(v)}`);
    return v;
  };
  const figures: Figures = { present: 1, available: amount('available'), pending: amount('pending'), total: amount('total'), usdValue: amount('usdValue') };
  return { identity, key: seriesKey(identity), figures };
}
