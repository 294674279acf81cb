/// <reference types="node" preserve="true" />
// (The declarations use Node's AbortSignal and process.env types; the package depends on
// @types/node and this reference finds it wherever npm put it, so a TypeScript project without
// @types/node of its own compiles against them.)
// The library API: `import { loadConfig, fetchBalances, totals, canWithdraw, planPayouts } from 'balance-inspector'`.
// The CLI is built on these same functions (src/commands/*). Nothing here prints; failures are
// thrown as the BalanceError classes below (per-account failures are returned in `errors`).
//
// A runtime holds what calls can share: the secrets to redact, the pacing per credential, OAuth
// tokens and pooled sockets. Pass `{ runtime }` to fetchBalances / canWithdraw to share them
// across calls (one token request, one pacing per key) and close it when done; without one, each
// call creates its own and closes its sockets before it returns, so nothing is left open.
import { validateConfig } from './config/schema.js';
import type { Config } from './config/types.js';

export { loadConfig, type LoadConfigOptions, type LoadedConfig } from './config/index.js';
export { fetchBalances, type FetchBalancesOptions, type BalancesResult, type CacheReport, type AccountSource } from './api/fetch.js';
export { totals, parseTolerance, type TotalsOptions } from './api/totals.js';
export { createRuntime, type Runtime, type RuntimeOptions } from './http/runtime.js';
export { canWithdraw, parseWithdrawalQuery, type WithdrawalQuery, type WithdrawalDecision } from './api/can-withdraw.js';
export { planPayouts, type PayoutInput, type PlanPayoutsOptions, type PlanDocument, type PayoutJson, type CommitmentJson } from './api/plan-payouts.js';

export {
  BalanceError,
  UsageError,
  ConfigError,
  RefusedError,
  UnavailableError,
  BadResponseError,
  InterruptedError,
  InternalError,
  ExitCode,
  isBalanceError,
  type ErrorCode,
} from './core/errors.js';
export { Decimal } from './core/money.js';
export { toBalanceJson, type Balance, type BalanceJson, type Mode } from './core/balance.js';
export type { AccountConfig, CacheSettings, Config, ConfigOrigin, ResolvedAccount } from './config/types.js';
export type { AccountOutcome } from './core/account.js';
export type { GroupBy, Totals, TotalsGroup, UnpricedBalance, ReconciliationRow } from './core/totals.js';
export type { CandidateCheck, WithdrawalRequest } from './core/withdrawal.js';
export type { MinimumInfo, MinimumSource } from './core/withdrawal-limits.js';
export type { ReportedTotal, WithdrawalRule } from './providers/kit/adapter.js';

/**
 * A config from a plain object (the shape of a config file) instead of a file: validated the
 * same way, every problem reported at once in a ConfigError. `${VAR}` placeholders resolve from
 * `env` when balances are fetched.
 */
export function parseConfig(raw: unknown): Config {
  return validateConfig(raw, null, 'builtin');
}
