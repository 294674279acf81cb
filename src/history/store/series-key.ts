// A balance's identity within its account's history, as the `series.key` column holds it: every
// field that tells two balances of one account apart. Two Flow balances `USDC` and `USDC_ERC20`
// both on ethereum differ by their provider code; two wallets by their wallet id.
export interface SeriesIdentity {
  wallet: string | null;
  currency: string;
  network: string | null;
  providerCurrency: string;
}

export function seriesKey(s: SeriesIdentity): string {
  return JSON.stringify([s.wallet, s.currency, s.network, s.providerCurrency]);
}
