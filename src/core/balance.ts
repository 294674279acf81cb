// The normalized balance record (docs/dev/principles.md "Normalized balance"): one per account × wallet ×
// currency. Decimal inside; `toBalanceJson` gives the schemaVersion 1 shape with decimal strings.
import { Decimal, exactMinus, exactPlus, formatDecimal } from './money.js';

export type Mode = 'live' | 'test';

/** The figures the sanity boundary (core/sanity.ts) checks. */
export type Figure = 'available' | 'pending' | 'total' | 'networkFee';

/** A figure that breaks an invariant: the provider's field, its value as reported, and what is wrong. */
export interface Inconsistency {
  field: string;
  value: string;
  problem: string;
}

/**
 * What names one balance: its account and provider, the wallet, and the currency on its network
 * with the provider's own code. Listings apart from the figures (an inconsistent balance in
 * totals, a history series) carry exactly these.
 */
export interface BalanceIdentity {
  account: string;
  provider: string;
  wallet: string | null;
  currency: string;
  network: string | null;
  providerCurrency: string;
}

/** Only the identity fields of a balance or series, in their JSON key order. */
export function balanceIdentity(b: BalanceIdentity): BalanceIdentity {
  return { account: b.account, provider: b.provider, wallet: b.wallet, currency: b.currency, network: b.network, providerCurrency: b.providerCurrency };
}

export interface Balance extends BalanceIdentity {
  /** The provider's id: a key of the registry (src/providers/catalog.ts). */
  provider: string;
  mode: Mode | null;
  walletName: string | null;
  /** null = unknown, never "zero". */
  available: Decimal | null;
  pending: Decimal | null;
  total: Decimal | null;
  usdValue: Decimal | null;
  usdRate: Decimal | null;
  usdSource: string | null;
  updatedAt: string | null;
  /** The provider's item, kept for the library API (null when read from the cache); never printed. */
  raw: unknown;
  /** Fraction digits the provider wrote, so amounts print back exactly as reported. */
  scale: number;
  /** Fee the provider charges per withdrawal, in this same asset (Flow `network_fee`), if known. */
  networkFee: Decimal | null;
  /** Decimals the asset allows (Flow/Swipelux `decimals`), if the provider states them. */
  assetDecimals: number | null;
  /** The provider's own name of each figure it reported (`pendingAmount`), so notices name it. */
  fields?: Partial<Record<Figure, string>>;
  /**
   * Set only by the sanity boundary when a figure breaks an invariant: the balance is still shown,
   * but never summed into a total and never the ground for a yes.
   */
  inconsistent?: Inconsistency[];
}

export type BalanceInput = Omit<
  Balance,
  'available' | 'pending' | 'total' | 'usdValue' | 'usdRate' | 'usdSource' | 'scale' | 'networkFee' | 'assetDecimals' | 'updatedAt' | 'walletName' | 'wallet'
> & {
  available?: Decimal | null;
  pending?: Decimal | null;
  total?: Decimal | null;
  usdValue?: Decimal | null;
  usdRate?: Decimal | null;
  usdSource?: string | null;
  scale: number;
  networkFee?: Decimal | null;
  assetDecimals?: number | null;
  updatedAt?: string | null;
  wallet?: string | null;
  walletName?: string | null;
};

/**
 * Build a balance, deriving whichever of available / pending / total is missing from the other
 * two (exactly), so every adapter states only what its provider reports.
 */
export function makeBalance(input: BalanceInput): Balance {
  let available = input.available ?? null;
  const pending = input.pending ?? null;
  let total = input.total ?? null;
  if (total === null && available !== null && pending !== null) total = exactPlus(available, pending);
  else if (available === null && total !== null && pending !== null) available = exactMinus(total, pending);
  // Pending is never derived from total − available: Flow reports total = available and no
  // pending figure at all, and unknown must stay null rather than become a false zero.
  return {
    account: input.account,
    provider: input.provider,
    mode: input.mode,
    wallet: input.wallet ?? null,
    walletName: input.walletName ?? null,
    currency: input.currency,
    network: input.network,
    providerCurrency: input.providerCurrency,
    available,
    pending,
    total,
    usdValue: input.usdValue ?? null,
    usdRate: input.usdRate ?? null,
    usdSource: input.usdSource ?? (input.usdValue || input.usdRate ? input.provider : null),
    updatedAt: input.updatedAt ?? null,
    raw: input.raw,
    scale: input.scale,
    networkFee: input.networkFee ?? null,
    assetDecimals: input.assetDecimals ?? null,
    ...(input.fields ? { fields: input.fields } : {}),
  };
}

/** What --hide-zero leaves out: every amount is zero or unknown. */
export function isZeroOrUnknown(b: Balance): boolean {
  return [b.available, b.pending, b.total].every((v) => v === null || v.isZero());
}

/** An amount as the provider would write it: at least the provider's own number of decimals. */
export function formatAmount(value: Decimal | null, scale: number): string | null {
  return value === null ? null : formatDecimal(value, scale);
}

/** USD values: full precision in machine output, and always at least cents ("550.00", "0.28"). */
export function formatUsd(value: Decimal | null): string | null {
  return value === null ? null : formatDecimal(value, 2);
}

type AmountKey = 'available' | 'pending' | 'total' | 'usdValue' | 'usdRate';
type InternalKey = 'raw' | 'scale' | 'networkFee' | 'assetDecimals' | 'fields';

/** The JSON form: the same fields minus internals, with amounts as decimal strings. */
export type BalanceJson = Omit<Balance, AmountKey | InternalKey> & Record<AmountKey, string | null>;

/**
 * The fields of a balance's JSON record, in their contract order (inconsistent aside: it appears
 * only on inconsistent records). The CSV columns and what `history import` accepts are this list.
 */
export const BALANCE_JSON_FIELDS = [
  'account',
  'provider',
  'mode',
  'wallet',
  'walletName',
  'currency',
  'network',
  'providerCurrency',
  'available',
  'pending',
  'total',
  'usdValue',
  'usdRate',
  'usdSource',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof BalanceJson>;

/** The schemaVersion 1 record: key order and field names are a contract (docs/json.md). */
export function toBalanceJson(b: Balance): BalanceJson {
  return {
    account: b.account,
    provider: b.provider,
    mode: b.mode,
    wallet: b.wallet,
    walletName: b.walletName,
    currency: b.currency,
    network: b.network,
    providerCurrency: b.providerCurrency,
    available: formatAmount(b.available, b.scale),
    pending: formatAmount(b.pending, b.scale),
    total: formatAmount(b.total, b.scale),
    usdValue: formatUsd(b.usdValue),
    usdRate: b.usdRate === null ? null : formatDecimal(b.usdRate),
    usdSource: b.usdSource,
    updatedAt: b.updatedAt,
    // Only on inconsistent records, so every other document keeps its exact shape.
    ...(b.inconsistent ? { inconsistent: b.inconsistent.map((i) => ({ ...i })) } : {}),
  };
}

export { Decimal };
