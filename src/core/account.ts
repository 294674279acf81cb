// The account model: one configured account, its resolved credentials, and what one read of it
// produced. Declared here, in the domain layer, because providers, config, cache and the read
// pipeline all use it (config/types.ts re-exports the config side).
import type { Balance, Mode } from './balance.js';
import type { BalanceError } from './errors.js';
import type { ReportedTotal } from './totals.js';

export interface AccountConfig {
  name: string;
  /** The provider's id: a key of the registry (src/providers/catalog.ts). */
  provider: string;
  /** Explicit baseUrl, or null for the provider's documented host. */
  baseUrl: string | null;
  /** Explicit mode override; null lets the adapter infer it (key prefix, host). */
  mode: Mode | null;
  /** Credential fields as written: literal values or ${VAR} templates. */
  secrets: { apiKey?: string; apiKeyFile?: string; clientId?: string; clientSecret?: string };
  /** Provider-specific settings (wallets, customers, apiVersion, …), already validated. */
  settings: Record<string, unknown>;
}

export interface Credentials {
  apiKey?: string;
  clientId?: string;
  clientSecret?: string;
}

export interface ResolvedAccount extends AccountConfig {
  credentials: Credentials;
}

/** What one read of one account produced: a failure is an outcome too, never an exception. */
export interface AccountOutcome {
  account: string;
  provider: string;
  balances: Balance[];
  reported: ReportedTotal[];
  errors: BalanceError[];
  notices: string[];
  ms: number;
  /**
   * The mode its setup tells (config `mode`, a sandbox host, the key's prefix), so an account
   * that reports no balance — a failed read — keeps its mode. Absent on outcomes from before it.
   */
  mode?: Mode | null;
}

/** The outcome of an account that was never called: its credentials could not be resolved. */
export function notCalledOutcome(account: Pick<AccountConfig, 'name' | 'provider'>, error: BalanceError): AccountOutcome {
  return { account: account.name, provider: account.provider, balances: [], reported: [], errors: [error], notices: [], ms: 0 };
}

/** Every account's figures side by side, in the order of the outcomes. */
export interface OutcomesSummary {
  balances: Balance[];
  reported: ReportedTotal[];
  errors: BalanceError[];
  notices: string[];
  outcomes: AccountOutcome[];
}

export function summarizeOutcomes(outcomes: AccountOutcome[]): OutcomesSummary {
  return {
    balances: outcomes.flatMap((o) => o.balances),
    reported: outcomes.flatMap((o) => o.reported),
    errors: outcomes.flatMap((o) => o.errors),
    notices: outcomes.flatMap((o) => o.notices),
    outcomes,
  };
}
