// Where withdrawal minimums and allowed decimals come from, for `can-withdraw` (the generic logic;
// each provider's own facts are in src/providers/<id>/info.ts, `withdrawals`, passed in here):
//  - config `minimums:` overrides everything;
//  - a provider may publish a minimum table in its docs (SyncPay, and Bachs after it). A currency
//    outside it has an unknown minimum, and an unknown minimum makes the answer "unknown" (fail
//    closed) until the user states one in the config;
//  - a provider may serve its limits (Cryptofuse's /withdrawal/available-currencies/ with min and
//    max); when they cannot be read the minimum is unknown (the config's `minimums:` then decides,
//    the maximum goes unchecked);
//  - a provider that documents neither (Flow, Swipelux) has no minimum to check.
import type { Balance } from './balance.js';
import { fiatMinorUnits } from './currencies.js';
import { codeIdentity } from './duplicates.js';
import { Decimal } from './money.js';

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

export type MinimumSource = 'config' | 'provider-docs' | 'provider-api' | 'none';

export interface MinimumInfo {
  minimum: Decimal | null;
  source: MinimumSource;
  /** The most one withdrawal may be, when the provider serves it (Cryptofuse max_withdrawal). */
  maximum: Decimal | null;
  /** Why the answer is a known no (withdrawals not enabled for the currency). */
  blocker: string | null;
  /** Why the answer cannot be decided (minimum unknown or unreadable), with the fix. */
  unknown: string | null;
  /** Something the answer could not check, said alongside a yes. */
  note: string | null;
}

/** What a provider's docs say about withdrawals; {} when they say nothing. */
export interface WithdrawalFacts {
  /** Minimum per provider currency code (upper case), as decimal text, from a table in the docs. */
  documentedMinimums?: Readonly<Record<string, string>>;
  /** The most decimals a crypto amount may have, when the docs cap it. */
  maxCryptoDecimals?: number;
}

/** The provider a balance belongs to, as the withdrawal checks need it. */
export interface WithdrawalProvider {
  /** Display name, for messages. */
  name: string;
  withdrawals: WithdrawalFacts;
}

export interface ProviderRules {
  /** Rules served by the provider's API, or null when the endpoint could not be read. */
  rules: WithdrawalRule[] | null;
}

const NOTHING = { maximum: null, blocker: null, unknown: null, note: null };

function setMinimumHint(b: Balance): string {
  return `set minimums.${b.account}.${b.providerCurrency} in the config`;
}

/**
 * An amount the config states for this balance, per account and currency (`minimums:`,
 * `reserves:`): under its provider code first, else its canonical symbol; null when none.
 */
export function configuredFor(b: Balance, perCurrency: Map<string, Decimal> | undefined): Decimal | null {
  return perCurrency?.get(b.providerCurrency.toUpperCase()) ?? perCurrency?.get(b.currency) ?? null;
}

export function minimumFor(
  b: Balance,
  configMinimums: Map<string, Decimal> | undefined,
  providerRules: ProviderRules | undefined,
  provider: WithdrawalProvider,
): MinimumInfo {
  const providerName = provider.name;
  const configured = configuredFor(b, configMinimums);
  const fromConfig = configured === null ? null : { ...NOTHING, minimum: configured, source: 'config' as const };

  if (providerRules?.rules) {
    // Served limits: the maximum always counts; the config may override only the minimum.
    // Every rule that names this balance, never the first of several (core/duplicates.ts).
    const matching = providerRules.rules.filter(
      (r) => codeIdentity(r.providerCurrency) === codeIdentity(b.providerCurrency) || (r.currency === b.currency && r.network === b.network),
    );
    // A limit that broke an invariant is the reason wherever it stands; else several limits disagree.
    const broken = matching.find((r) => r.inconsistent)?.inconsistent;
    if (broken) {
      return {
        ...NOTHING,
        minimum: configured,
        source: fromConfig ? 'config' : 'provider-api',
        unknown: `inconsistent limits: ${providerName} reported ${broken} for ${b.providerCurrency} in '${b.account}'`,
      };
    }
    if (matching.length > 1) {
      return {
        ...NOTHING,
        minimum: configured,
        source: fromConfig ? 'config' : 'provider-api',
        unknown: `inconsistent limits: ${providerName} lists ${matching.length} limits for ${b.providerCurrency} in '${b.account}'`,
      };
    }
    const [rule] = matching;
    if (!rule) {
      return {
        ...NOTHING,
        minimum: configured,
        source: fromConfig ? 'config' : 'provider-api',
        blocker: `not withdrawable: ${providerName} does not list ${b.providerCurrency} among the currencies '${b.account}' can withdraw`,
      };
    }
    const minimum = configured ?? rule.minimum;
    if (minimum === null) {
      return {
        ...NOTHING,
        minimum: null,
        source: 'none',
        maximum: rule.maximum,
        unknown: `unknown minimum: ${providerName} states no minimum for ${b.providerCurrency}; ${setMinimumHint(b)}`,
      };
    }
    return { ...NOTHING, minimum, source: fromConfig ? 'config' : 'provider-api', maximum: rule.maximum };
  }
  if (fromConfig) {
    return providerRules ? { ...fromConfig, note: `${providerName} withdrawal limits could not be read; maximum not checked` } : fromConfig;
  }
  if (providerRules) {
    // The endpoint exists but could not be read (OAuth-only per the docs): a check that cannot be made.
    return { ...NOTHING, minimum: null, source: 'none', unknown: `unknown minimum: ${providerName} withdrawal limits could not be read; ${setMinimumHint(b)}` };
  }
  const table = provider.withdrawals.documentedMinimums;
  if (table) {
    const documented = table[b.providerCurrency.toUpperCase()];
    if (documented) return { ...NOTHING, minimum: new Decimal(documented), source: 'provider-docs' };
    return {
      ...NOTHING,
      minimum: null,
      source: 'none',
      unknown: `unknown minimum: ${providerName} publishes no minimum for ${b.providerCurrency}; ${setMinimumHint(b)}`,
    };
  }
  // No minimum documented (Flow, Swipelux): the balance alone limits the withdrawal.
  return { ...NOTHING, minimum: null, source: 'none' };
}

/** Decimals commonly allowed for crypto assets, used when the provider does not state them. */
const CRYPTO_DECIMALS: Record<string, number> = {
  BTC: 8,
  ETH: 18,
  LTC: 8,
  DOGE: 8,
  TRX: 6,
  SOL: 9,
  BNB: 18,
  XRP: 6,
  ADA: 6,
  USDT: 6,
  USDC: 6,
};

/**
 * How many decimals an amount of this balance's currency may have, or null when unknown. The
 * config's `decimals:` (per account and currency) wins over what the provider states.
 */
export function allowedDecimals(b: Balance, provider: WithdrawalProvider, configDecimals?: Map<string, number>): number | null {
  const configured = configDecimals?.get(b.providerCurrency.toUpperCase()) ?? configDecimals?.get(b.currency);
  if (configured !== undefined) return configured;
  if (b.assetDecimals !== null) return b.assetDecimals;
  const fiat = fiatMinorUnits(b.currency);
  if (fiat !== null && b.network === null) return fiat;
  // A documented cap (SyncPay: "crypto up to 8 decimals") bounds the common value.
  const cap = provider.withdrawals.maxCryptoDecimals;
  if (cap !== undefined) return Math.min(cap, CRYPTO_DECIMALS[b.currency] ?? cap);
  return CRYPTO_DECIMALS[b.currency] ?? null;
}
