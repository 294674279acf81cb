// The `balances:` part of a declaration: the endpoint, how it pages, and where each figure is.
import { DEFAULT_PAGE_SIZE, type DeclaredBalances, type DeclaredFields, type DeclaredPaging } from './declaration.js';
import type { JsonPath } from './jsonpath.js';
import { describe, QUERY_NAME, Reader } from './reader.js';

/** A request path under the base URL: `/`-separated segments of URL path characters, no `.`/`..` step. */
const REQUEST_PATH = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+\/?$/;

const FIELD_KEYS = ['currency', 'network', 'available', 'pending', 'total', 'usdValue', 'usdRate', 'networkFee', 'decimals', 'updatedAt'] as const;
const KEYS = ['path', 'query', 'paginate', 'records', 'wallet', 'rows', 'scale', 'totalUsd', ...FIELD_KEYS];

export function readBalances(d: Reader): DeclaredBalances | null {
  const b = d.child('balances', 'a mapping with at least path, records, currency and available', true);
  if (!b) return null;
  b.allowKeys(KEYS);
  const path = b.string('path', { required: "the balance endpoint's path, e.g. /v1/balances" });
  if (path !== null && (!REQUEST_PATH.test(path) || path.split('/').some((s) => s === '.' || s === '..'))) {
    b.problem('path', `expected a path such as /v1/balances (no query string, no . or .. step), got ${describe(path)}`);
  }
  const query = readQuery(b);
  const paginate = readPaging(b);
  const records = b.jsonPath('records', 'the records of a page, e.g. $.data[*]');
  const walletSection = b.child('wallet', 'a mapping such as { id: $.id, name: $.label }');
  walletSection?.allowKeys(['id', 'name']);
  const walletId = walletSection?.jsonPath('id', 'the wallet id of a record, e.g. $.id') ?? null;
  const wallet = walletId ? { id: walletId, name: walletSection?.jsonPath('name') ?? null } : null;
  const rows = b.jsonPath('rows');
  const fields = readFields(b);
  const scale = readScale(b);
  const totalUsd = b.jsonPath('totalUsd');
  if (path === null || query === null || paginate === undefined || records === null || fields === null || scale === undefined || (walletSection && !wallet))
    return null;
  return { path, query, paginate, records, wallet, rows, fields, scale, totalUsd };
}

function readQuery(b: Reader): Record<string, string> | null {
  const section = b.child('query', 'a mapping of query parameters, e.g. { status: active }');
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(section?.value ?? {})) {
    if (!QUERY_NAME.test(name)) section?.problem(name, 'is not a query parameter name (letters, digits, _ . ~ - [ ])');
    else if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value))) query[name] = String(value);
    else section?.problem(name, `expected a string, got ${describe(value)}`);
  }
  return b.problems.some((p) => p.startsWith(`${b.at('query')}.`)) ? null : query;
}

/** undefined: a problem was recorded; null: the endpoint is one page. */
function readPaging(b: Reader): DeclaredPaging | null | undefined {
  const p = b.child('paginate', 'a mapping such as { type: cursor, param: cursor, next: $.next_cursor, hasMore: $.has_more }');
  if (!p) return b.has('paginate') ? undefined : null;
  const type = p.oneOf('type', ['cursor', 'page', 'offset'] as const, null);
  p.allowKeys(['type', 'param', 'next', 'hasMore', 'total', 'limitParam', 'pageSize', ...(type === 'page' ? ['firstPage'] : [])]);
  const param = p.has('param') ? p.string('param', { pattern: QUERY_NAME, expected: 'a query parameter name' }) : type;
  const next = p.jsonPath('next', type === 'cursor' ? 'the next cursor on a page, e.g. $.next_cursor' : undefined);
  const hasMore = p.jsonPath('hasMore');
  const total = p.jsonPath('total');
  const limitParam = p.has('limitParam') ? p.string('limitParam', { pattern: QUERY_NAME, expected: 'a query parameter name' }) : null;
  const pageSize = p.int('pageSize', 1, 1000);
  const firstPage = p.int('firstPage', 0, 1);
  if (type !== 'cursor' && p.has('next'))
    p.problem('next', `only cursor lists give a next cursor; a ${type ?? '…'} list asks by ${type === 'page' ? 'page number' : 'offset'}`);
  if (type === null || param === null || (type === 'cursor' && next === null) || (p.has('limitParam') && limitParam === null)) return undefined;
  return { type, param, next, hasMore, total, limitParam, pageSize: pageSize ?? DEFAULT_PAGE_SIZE, firstPage: firstPage ?? 1 };
}

function readFields(b: Reader): DeclaredFields | null {
  const path = (key: (typeof FIELD_KEYS)[number], required?: string): JsonPath | null => b.jsonPath(key, required);
  const fields = {
    currency: path('currency', 'the currency code of a row, e.g. $.currency'),
    network: path('network'),
    available: path('available', 'the available amount of a row, e.g. $.available'),
    pending: path('pending'),
    total: path('total'),
    usdValue: path('usdValue'),
    usdRate: path('usdRate'),
    networkFee: path('networkFee'),
    decimals: path('decimals'),
    updatedAt: path('updatedAt'),
  };
  const { currency, available } = fields;
  return currency && available ? { ...fields, currency, available } : null;
}

/** undefined: a problem was recorded; null: amounts are decimals as written. */
function readScale(b: Reader): number | JsonPath | null | undefined {
  const value = b.value.scale;
  if (value === undefined) return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim())))
    return b.int('scale', 0, 36, 'a whole number of decimals') ?? undefined;
  return b.jsonPath('scale') ?? undefined;
}
