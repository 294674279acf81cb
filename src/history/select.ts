// Which series a history query covers: --account / --provider on the stored names, --currency with
// the same grammar as `balances` (a symbol, or a provider code that pins the network), applied by
// the shared filter to stand-in balances so the two can never disagree.
import { filterBalances } from '../api/fetch.js';
import { makeBalance, type BalanceIdentity } from '../core/balance.js';
import { num, text, type Db } from './store/db.js';

export interface SeriesInfo extends BalanceIdentity {
  id: number;
  accountId: number;
}

export interface SeriesFilter {
  accounts: string[];
  provider: string | undefined;
  currencies: string[];
}

export async function selectSeries(db: Db, filter: SeriesFilter): Promise<SeriesInfo[]> {
  const rows = await db.all(
    `SELECT s.id, s.account_id, a.name, a.provider, s.wallet, s.currency, s.network, s.provider_currency
       FROM series s JOIN accounts a ON a.id = s.account_id ORDER BY a.name, s.currency, s.network, s.wallet, s.id`,
  );
  const all: SeriesInfo[] = rows.map((r) => ({
    id: num(r.id),
    accountId: num(r.account_id),
    account: String(r.name),
    provider: String(r.provider),
    wallet: text(r.wallet),
    currency: String(r.currency),
    network: text(r.network),
    providerCurrency: String(r.provider_currency),
  }));
  const picked = all.filter(
    (s) => (filter.accounts.length === 0 || filter.accounts.includes(s.account)) && (filter.provider === undefined || filter.provider === s.provider),
  );
  if (filter.currencies.length === 0) return picked;
  const standIns = picked.map((s) =>
    // A stand-in only for the currency filter: the stored provider id is carried, not checked.
    makeBalance({ account: s.account, provider: s.provider, mode: null, wallet: s.wallet, currency: s.currency, network: s.network, providerCurrency: s.providerCurrency, raw: null, scale: 0 }),
  );
  const kept = new Set(filterBalances(standIns, { currencies: filter.currencies }));
  return picked.filter((_, i) => kept.has(standIns[i] as never));
}

/** SQL `IN (?, ?, …)` for a list of ids (never empty: callers return early on no series). */
export function inList(ids: number[]): string {
  return `(${ids.map(() => '?').join(', ')})`;
}
