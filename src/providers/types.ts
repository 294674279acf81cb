import type { Balance } from '../core/balance.js';
import type { BalanceError } from '../core/errors.js';
import type { Decimal } from '../core/money.js';
import type { ResolvedAccount } from '../config/types.js';
import type { HttpSettings } from '../http/client.js';
import type { ProviderInfo } from './catalog.js';

/** A total the provider computes itself, kept so `total` can reconcile ours against it. */
export interface ReportedTotal {
  account: string;
  provider: string;
  /** What the figure covers: the whole account, one wallet, or one customer. */
  scope: 'account' | 'wallet' | 'customer';
  scopeId: string | null;
  currency: 'USD';
  amount: Decimal;
  /** Balances (by wallet id, or all of the account when null) that the figure should equal. */
  wallets: string[] | null;
}

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

/** A withdrawal limit the provider publishes for one of its currencies (for can-withdraw). */
export interface WithdrawalRule {
  providerCurrency: string;
  currency: string;
  network: string | null;
  minimum: Decimal | null;
  maximum: Decimal | null;
  /** Set by the sanity boundary when the limits break an invariant (a negative minimum). */
  inconsistent?: string;
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
}

export function emptyResult(): AdapterResult {
  return { balances: [], reported: [], errors: [], notices: [] };
}
