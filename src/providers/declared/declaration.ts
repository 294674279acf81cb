// A provider declared in the config (`providers:`), as validate.ts turns it into data the adapter
// runs: every path compiled, every default filled in. docs/providers-declared.md is the
// reference for the YAML side.
import type { RateLimit } from '../../http/rate-limiter.js';
import type { JsonPath } from './jsonpath.js';

/** How the account's credential goes on each request. */
export type DeclaredAuth =
  | { type: 'bearer' }
  /** `name: <prefix><apiKey>`, e.g. `X-Api-Key: …` or `Authorization: Token …`. */
  | { type: 'header'; name: string; prefix: string }
  /** `?<name>=<apiKey>` on every request. */
  | { type: 'query'; name: string }
  /** HTTP Basic: clientId:clientSecret, or the apiKey as user name with an empty password. */
  | { type: 'basic' }
  /**
   * OAuth 2.0 client credentials: a token from `tokenUrl` (a path under the account's base URL,
   * or a URL of its own), sent as a Bearer token; client id and secret by Basic auth or in the form.
   */
  | { type: 'oauth2'; tokenUrl: string; scope: string | null; clientAuth: 'basic' | 'body' };

export type AuthType = DeclaredAuth['type'];
export const AUTH_TYPES: readonly AuthType[] = ['bearer', 'header', 'query', 'basic', 'oauth2'];

/** How the balance list asks for its next page; the paginator of the provider kit decides when it ends. */
export interface DeclaredPaging {
  type: 'cursor' | 'page' | 'offset';
  /** The query parameter carrying the cursor, the page number or the offset. */
  param: string;
  /** Where a page gives the next cursor (cursor lists). */
  next: JsonPath | null;
  hasMore: JsonPath | null;
  /** Where a page gives the list's total number of records. */
  total: JsonPath | null;
  /** The query parameter asking for a page size, if the provider takes one. */
  limitParam: string | null;
  pageSize: number;
  /** The number of the first page (page lists): 1, or 0 for zero-based APIs. */
  firstPage: number;
}

/** The figures and names of one balance row, each a path evaluated on the row. */
export interface DeclaredFields {
  currency: JsonPath;
  network: JsonPath | null;
  available: JsonPath;
  pending: JsonPath | null;
  total: JsonPath | null;
  usdValue: JsonPath | null;
  usdRate: JsonPath | null;
  networkFee: JsonPath | null;
  /** The decimals the asset allows (for can-withdraw), not the scale of the amounts. */
  decimals: JsonPath | null;
  updatedAt: JsonPath | null;
}

export type FieldName = keyof DeclaredFields;

export interface DeclaredBalances {
  path: string;
  query: Record<string, string>;
  paginate: DeclaredPaging | null;
  /** Evaluated on each page: one node per record (a wallet, or a balance row). */
  records: JsonPath;
  /** Evaluated on each record. */
  wallet: { id: JsonPath; name: JsonPath | null } | null;
  /** Evaluated on each record: its balance rows; none: the record is the row. */
  rows: JsonPath | null;
  fields: DeclaredFields;
  /** Amounts are whole numbers of minor units: the number of decimals, fixed or a path on the row. */
  scale: number | JsonPath | null;
  /** The provider's USD total of the account, on the first page (reconciliation in `total`). */
  totalUsd: JsonPath | null;
}

export interface DeclaredProvider {
  id: string;
  displayName: string;
  docsUrl: string;
  baseUrl: string;
  auth: DeclaredAuth;
  keyPrefixes: { live: string | null; test: string | null };
  rateLimit: RateLimit;
  concurrency: number;
  minPollIntervalMs: number;
  balances: DeclaredBalances;
  errors: { message: JsonPath | null; code: JsonPath | null };
  withdrawals: {
    minimums: Record<string, string> | null;
    decimals: Record<string, number>;
    maxCryptoDecimals: number | null;
  };
  /** A one-way hash of the declaration as written (the cache keys entries by it). */
  fingerprint: string;
}

/** A declaration that states no limit is paced like this: 60 requests a minute, two at once. */
export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 60, windowMs: 60_000 };
export const DEFAULT_CONCURRENCY = 2;
export const DEFAULT_POLL_INTERVAL_MS = 10_000;
export const DEFAULT_PAGE_SIZE = 100;
