// Where withdrawal minimums and allowed decimals come from, for `can-withdraw`:
//  - config `minimums:` overrides everything;
//  - SyncPay publishes a table in its docs (no endpoint): USD 10, NGN 5 000, GHS 50, KES 500,
//    USDT_TRC20 10, USDT_ERC20 50. A currency outside it has an unknown minimum, and an unknown
//    minimum is a "no" (fail closed) until the user states one in the config;
//  - Cryptofuse serves /withdrawal/available-currencies/ (used when reachable);
//  - Flow and Swipelux document no minimum at all, so there is nothing to check.
import type { Balance } from './balance.js';
import { fiatMinorUnits } from './currencies.js';
import { Decimal } from './money.js';

/** A withdrawal limit the provider publishes for one of its currencies (for can-withdraw). */
export interface WithdrawalRule {
  providerCurrency: string;
  currency: string;
  network: string | null;
  minimum: Decimal | null;
  maximum: Decimal | null;
}

export type MinimumSource = 'config' | 'provider-docs' | 'provider-api' | 'none';

export interface MinimumInfo {
  minimum: Decimal | null;
  source: MinimumSource;
  /** Why no yes is possible (unknown minimum, withdrawals not enabled). */
  blocker: string | null;
  /** Something the answer could not check, said alongside a yes. */
  note: string | null;
}

const SYNCPAY_MINIMUMS: Record<string, string> = {
  USD: '10', NGN: '5000', GHS: '50', KES: '500', USDT_TRC20: '10', USDT_ERC20: '50',
};

export interface ProviderRules {
  /** Rules served by the provider's API, or null when the endpoint could not be read. */
  rules: WithdrawalRule[] | null;
}

export function minimumFor(
  b: Balance,
  configMinimums: Map<string, Decimal> | undefined,
  providerRules: ProviderRules | undefined,
  providerName: string,
): MinimumInfo {
  const configured = configMinimums?.get(b.providerCurrency.toUpperCase()) ?? configMinimums?.get(b.currency);
  if (configured) return { minimum: configured, source: 'config', blocker: null, note: null };

  if (b.provider === 'syncpay') {
    const documented = SYNCPAY_MINIMUMS[b.providerCurrency.toUpperCase()];
    if (documented) return { minimum: new Decimal(documented), source: 'provider-docs', blocker: null, note: null };
    return {
      minimum: null,
      source: 'none',
      blocker: `unknown minimum: ${providerName} publishes no minimum for ${b.providerCurrency}; set minimums.${b.account}.${b.providerCurrency} in the config`,
      note: null,
    };
  }
  if (providerRules?.rules) {
    const rule = providerRules.rules.find(
      (r) => r.providerCurrency.toUpperCase() === b.providerCurrency.toUpperCase() || (r.currency === b.currency && r.network === b.network),
    );
    if (!rule) {
      return {
        minimum: null,
        source: 'provider-api',
        blocker: `not withdrawable: ${providerName} does not list ${b.providerCurrency} among the currencies '${b.account}' can withdraw`,
        note: null,
      };
    }
    return { minimum: rule.minimum, source: 'provider-api', blocker: null, note: null };
  }
  if (providerRules) {
    // The endpoint exists but could not be read (it is OAuth-only per the docs): best effort.
    return { minimum: null, source: 'none', blocker: null, note: `${providerName} withdrawal minimums could not be read; minimum not checked` };
  }
  // Flow and Swipelux document no minimum: the balance alone limits the withdrawal.
  return { minimum: null, source: 'none', blocker: null, note: null };
}

/** Decimals commonly allowed for crypto assets, used when the provider does not state them. */
const CRYPTO_DECIMALS: Record<string, number> = {
  BTC: 8, ETH: 18, LTC: 8, DOGE: 8, TRX: 6, SOL: 9, BNB: 18, XRP: 6, ADA: 6,
  USDT: 6, USDC: 6,
};

/** How many decimals an amount of this balance's currency may have, or null when unknown. */
export function allowedDecimals(b: Balance): number | null {
  if (b.assetDecimals !== null) return b.assetDecimals;
  const fiat = fiatMinorUnits(b.currency);
  if (fiat !== null && b.network === null) return fiat;
  // SyncPay documents "crypto up to 8 decimals".
  if (b.provider === 'syncpay') return Math.min(8, CRYPTO_DECIMALS[b.currency] ?? 8);
  return CRYPTO_DECIMALS[b.currency] ?? null;
}
