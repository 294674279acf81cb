// One balance's withdrawal decision built the way can-withdraw builds it, for the rule tests
// (test/unit/withdrawal-rules*.test.ts): a USDT balance no rule stands in the way of, served
// limits, and `decide`, which returns what a user sees (status, reasons, notes).
import type { Balance } from '../../src/core/balance.js';
import type { BalanceFunds } from '../../src/core/balance-funds.js';
import { Decimal } from '../../src/core/money.js';
import { checkCandidate, type WithdrawalRequest } from '../../src/core/withdrawal.js';
import { minimumFor, type ProviderRules, type WithdrawalProvider } from '../../src/core/withdrawal-limits.js';
import { balance } from './balances.js';

/** A provider that documents nothing about withdrawals (like Flow and Swipelux). */
export const PLAIN: WithdrawalProvider = { name: 'Plain', withdrawals: {} };
/** A provider with a documented minimum table and a decimals cap (like SyncPay). */
export const TABLED: WithdrawalProvider = { name: 'Tabled', withdrawals: { documentedMinimums: { USD: '10', USDT_TRC20: '20' }, maxCryptoDecimals: 4 } };

export function request(input: string, amount: string, network: string | null = null): WithdrawalRequest {
  const dot = amount.indexOf('.');
  return { input, currency: input.toUpperCase(), network, amount: new Decimal(amount), amountDecimals: dot === -1 ? 0 : amount.length - dot - 1 };
}

/** USDT on tron with 6 allowed decimals, 100.00 available: no other rule in the way. */
export const usdt = (fields: Partial<Parameters<typeof balance>[0]> = {}) =>
  balance({
    account: 'acct',
    currency: 'USDT',
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available: '100.00',
    pending: '0.00',
    assetDecimals: 6,
    networkFee: '0',
    ...fields,
  });

/** Limits as a provider serves them; each defaults to USDT_TRC20 (USDT on tron). */
export const rules = (
  ...list: Array<{ code?: string; currency?: string; network?: string | null; min?: string | null; max?: string | null; inconsistent?: string }>
): ProviderRules => ({
  rules: list.map((r) => ({
    providerCurrency: r.code ?? 'USDT_TRC20',
    currency: r.currency ?? 'USDT',
    network: r.network === undefined ? 'tron' : r.network,
    minimum: r.min === undefined || r.min === null ? null : new Decimal(r.min),
    maximum: r.max === undefined || r.max === null ? null : new Decimal(r.max),
    ...(r.inconsistent ? { inconsistent: r.inconsistent } : {}),
  })),
});

/** The decision on one balance, as can-withdraw makes it; `funds`: what a run committed, the reserve. */
export function decide(
  b: Balance,
  amount: string,
  options: {
    config?: Record<string, string>;
    served?: ProviderRules;
    provider?: WithdrawalProvider;
    decimals?: Record<string, number>;
    input?: string;
    funds?: BalanceFunds;
  } = {},
) {
  const provider = options.provider ?? PLAIN;
  const config = options.config ? new Map(Object.entries(options.config).map(([k, v]) => [k, new Decimal(v)])) : undefined;
  const minimum = minimumFor(b, config, options.served, provider);
  const decimals = options.decimals ? new Map(Object.entries(options.decimals)) : undefined;
  const check = checkCandidate(b, request(options.input ?? b.currency, amount), minimum, provider, decimals, options.funds);
  return { status: check.status, ok: check.ok, reasons: check.reasons, notes: check.notes, check };
}
