// The line format of `history export` and `history import` (schema/history-export.v1.json): one
// JSON object per line, one account read per line, in time order per account:
//   {"at":"2026-11-02T09:00:00.000Z","account":"syncpay","provider":"syncpay","mode":"live",
//    "error":null,"balances":[…as balances --json shows them…],"gone":[{wallet,currency,…}]}
// It is the change log itself: `balances` lists what this read recorded (every balance on an
// account's first line, then those whose figures changed), a balance not listed kept its figures,
// and `gone` names those that disappeared. A line listing every balance (e.g. written from a
// `balances --json` cron file) imports the same: unchanged figures add nothing. The store keeps no
// wallet name, rate, source or update time, so those are null in an export.
import type { Mode } from '../core/balance.js';
import { stringifyOutputJson } from '../core/json.js';
import type { Figures, StoredBalance } from './figures.js';
import type { SeriesIdentity } from './store/series-key.js';

export interface TransferLine {
  at: number;
  account: string;
  provider: string;
  mode: Mode | null;
  error: string | null;
  balances: StoredBalance[];
  gone: SeriesIdentity[];
}

function balanceJson(line: Pick<TransferLine, 'account' | 'provider' | 'mode'>, s: SeriesIdentity, f: Figures) {
  return {
    account: line.account, provider: line.provider, mode: line.mode, wallet: s.wallet, walletName: null,
    currency: s.currency, network: s.network, providerCurrency: s.providerCurrency,
    available: f.available, pending: f.pending, total: f.total, usdValue: f.usdValue, usdRate: null, usdSource: null, updatedAt: null,
  };
}

export function formatLine(line: TransferLine): string {
  return `${stringifyOutputJson(
    {
      at: new Date(line.at).toISOString(),
      account: line.account,
      provider: line.provider,
      mode: line.mode,
      error: line.error,
      balances: line.balances.map((b) => balanceJson(line, b.identity, b.figures)),
      gone: line.gone.map((g) => ({ wallet: g.wallet, currency: g.currency, network: g.network, providerCurrency: g.providerCurrency })),
    },
    0,
  )}\n`;
}
