// Which series a history query covers: --account / --provider on the stored identities, --currency
// with the same grammar as `balances` (a symbol, or a provider code that pins the network), applied
// by the shared filter to stand-in balances so the two can never disagree. Series come in a stable
// order — account name, provider, mode, then currency, network, wallet — so one account's series
// are together (the queries read them account by account).
import { filterBalances } from '../api/fetch.js';
import { makeBalance, type BalanceIdentity, type Mode } from '../core/balance.js';
import { num, text, type Db } from './store/db.js';

export interface SeriesInfo extends BalanceIdentity {
  id: number;
  /** The account identity (`accounts.id`) the series belongs to. */
  accountId: number;
  mode: Mode | null;
}

export interface SeriesFilter {
  accounts: string[];
  provider: string | undefined;
  currencies: string[];
}

const compare = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

function order(a: SeriesInfo, b: SeriesInfo): number {
  return (
    compare(a.account, b.account) ||
    compare(a.provider, b.provider) ||
    compare(a.mode, b.mode) ||
    compare(a.currency, b.currency) ||
    compare(a.network, b.network) ||
    compare(a.wallet, b.wallet) ||
    compare(a.providerCurrency, b.providerCurrency) ||
    a.id - b.id
  );
}

export async function selectSeries(db: Db, filter: SeriesFilter): Promise<SeriesInfo[]> {
  const rows = await db.all(
    `SELECT s.id, s.account_id, a.name, a.provider, a.mode, s.wallet, s.currency, s.network, s.provider_currency
       FROM series s JOIN accounts a ON a.id = s.account_id`,
  );
  const all: SeriesInfo[] = rows.map((r) => ({
    id: num(r.id),
    accountId: num(r.account_id),
    account: String(r.name),
    provider: String(r.provider),
    mode: r.mode === 'live' || r.mode === 'test' ? r.mode : null,
    wallet: text(r.wallet),
    currency: String(r.currency),
    network: text(r.network),
    providerCurrency: String(r.provider_currency),
  }));
  const picked = all
    .filter((s) => (filter.accounts.length === 0 || filter.accounts.includes(s.account)) && (filter.provider === undefined || filter.provider === s.provider))
    .sort(order);
  if (filter.currencies.length === 0) return picked;
  const standIns = picked.map((s) =>
    // A stand-in only for the currency filter: the stored provider id is carried, not checked.
    makeBalance({
      account: s.account,
      provider: s.provider,
      mode: null,
      wallet: s.wallet,
      currency: s.currency,
      network: s.network,
      providerCurrency: s.providerCurrency,
      raw: null,
      scale: 0,
    }),
  );
  const kept = new Set(filterBalances(standIns, { currencies: filter.currencies }));
  return picked.filter((_, i) => kept.has(standIns[i] as never));
}

/** Consecutive runs of series of one account identity (they come together in `selectSeries` order). */
export function byAccount(series: SeriesInfo[]): SeriesInfo[][] {
  const groups: SeriesInfo[][] = [];
  for (const s of series) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.accountId === s.accountId) last.push(s);
    else groups.push([s]);
  }
  return groups;
}
