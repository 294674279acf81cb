import type { Balance } from '../../core/balance.js';
import type { BalanceError } from '../../core/errors.js';
import type { ResolvedAccount } from '../../core/account.js';
import type { ReportedTotal } from '../../core/totals.js';
import type { WithdrawalRule } from '../../core/withdrawal-limits.js';
import type { HttpSettings } from '../../http/client.js';
import type { ProviderInfo } from './info.js';

// Declared in the domain layer (src/core), which must not import providers; re-exported for adapters.
export type { ReportedTotal, WithdrawalRule };

export interface AdapterResult {
  balances: Balance[];
  reported: ReportedTotal[];
  /** Failures of part of the account (one wallet of many); the rest still counts. */
  errors: BalanceError[];
  /** Things worth saying on stderr that are not failures (e.g. a legacy response shape). */
  notices: string[];
}

export interface AdapterContext {
  account: ResolvedAccount;
  info: ProviderInfo;
  /** The account's baseUrl or the provider's documented host, without a trailing slash. */
  baseUrl: string;
  http: HttpSettings;
  /** Whether zero balances are wanted (false with --hide-zero). */
  includeZero: boolean;
}

/** What an adapter extracts from a provider error body for messages. */
export interface ErrorDetail {
  code?: string | undefined;
  message?: string | undefined;
}

export interface ProviderAdapter {
  info: ProviderInfo;
  /** Pull the provider's own code/message out of an error body (any documented form). */
  errorDetail(body: unknown): ErrorDetail;
  /**
   * Optional: whether a failed answer is worth another attempt, when its body says so (Swipelux's
   * problem+json `retryable`); undefined leaves the decision to the status.
   */
  retryable?(status: number, body: unknown): boolean | undefined;
  fetchBalances(ctx: AdapterContext): Promise<AdapterResult>;
  /**
   * Optional: withdrawal limits the provider serves from an endpoint (Cryptofuse
   * /withdrawal/available-currencies/). Static documented tables live in src/core instead.
   */
  withdrawalRules?(ctx: AdapterContext): Promise<WithdrawalRule[]>;
  /**
   * Optional: what the first page of the balance list maps to, path by path, for `config check
   * --explain` (declared providers, whose mapping the user writes).
   */
  explain?(ctx: AdapterContext): Promise<Explanation>;
}

/** One figure or name of a row: the path it is read at, the value found there, and how it reads. */
export interface ExplainedField {
  name: string;
  path: string;
  /** The value at the path as the provider sent it (JSON text, cut); null when the path selects nothing. */
  found: string | null;
  /** What the tool reads from it ("1.500000"), or why it cannot (`problem`). */
  reads: string | null;
  problem: string | null;
}

export interface ExplainedRecord {
  at: string;
  wallet: string | null;
  walletName: string | null;
  /** Balance rows in the record (1 when the record is the row). */
  rows: number;
  /** The first rows, each field by field. */
  shown: Array<{ at: string; fields: ExplainedField[] }>;
  problem: string | null;
}

export interface Explanation {
  /** The request of the first page, e.g. `GET /v2/wallets?status=active&limit=100`. */
  request: string;
  records: { path: string; found: number };
  /** What the first page says about the next: `end`, `more`, or why the list would be incomplete. */
  paging: string;
  /** The first records, each with its rows. */
  shown: ExplainedRecord[];
  /** Balances the first page maps to without a problem. */
  balances: number;
  problems: string[];
}

export function emptyResult(): AdapterResult {
  return { balances: [], reported: [], errors: [], notices: [] };
}
