// What the store keeps of a balance at a moment: its figures as exact decimal text, and whether it
// existed then (present = 0: it disappeared). A balance's row is written only when these differ
// from its previous row, compared as text: "10.50" then "10.5" is a new row (the provider changed
// how it writes the amount), though `changes` compares values and calls it no move.
import { formatAmount, formatUsd, type Balance } from '../core/balance.js';
import { seriesKey, type SeriesIdentity } from './store/series-key.js';

export interface Figures {
  present: 0 | 1;
  available: string | null;
  pending: string | null;
  total: string | null;
  usdValue: string | null;
}

export const ABSENT: Figures = { present: 0, available: null, pending: null, total: null, usdValue: null };

/** One balance as the store takes it: its identity within the account and its figures. */
export interface StoredBalance {
  identity: SeriesIdentity;
  key: string;
  figures: Figures;
}

export function storedBalance(b: Balance): StoredBalance {
  const identity = { wallet: b.wallet, currency: b.currency, network: b.network, providerCurrency: b.providerCurrency };
  return {
    identity,
    key: seriesKey(identity),
    figures: {
      present: 1,
      available: formatAmount(b.available, b.scale),
      pending: formatAmount(b.pending, b.scale),
      total: formatAmount(b.total, b.scale),
      usdValue: formatUsd(b.usdValue),
    },
  };
}

export function sameFigures(a: Figures, b: Figures): boolean {
  return a.present === b.present && a.available === b.available && a.pending === b.pending && a.total === b.total && a.usdValue === b.usdValue;
}

/** How a balance is named in a message: "USDC on ethereum (USDC_ERC20) in wallet w1". */
export function describeBalance(s: SeriesIdentity): string {
  const network = s.network === null ? '' : ` on ${s.network}`;
  const code = s.providerCurrency === s.currency ? '' : ` (${s.providerCurrency})`;
  const wallet = s.wallet === null ? '' : ` in wallet ${s.wallet}`;
  return `${s.currency}${network}${code}${wallet}`;
}
