// The schemaVersion 1 documents (README "JSON output"). Amounts are strings; nothing else is.
import { toBalanceJson, type Balance } from '../core/balance.js';
import type { BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';

export interface ErrorJson {
  account: string | null;
  provider: string | null;
  code: string;
  message: string;
}

export function errorsJson(errors: BalanceError[]): ErrorJson[] {
  return errors.map((e) => ({ account: e.account ?? null, provider: e.provider ?? null, code: e.code, message: e.message }));
}

export function balancesJson(balances: Balance[], errors: BalanceError[], generatedAt: Date): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    generatedAt: generatedAt.toISOString(),
    complete: errors.length === 0,
    balances: balances.map(toBalanceJson),
    errors: errorsJson(errors),
  })}\n`;
}
