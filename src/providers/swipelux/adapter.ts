// Swipelux: balances over the v1 wallet and customer endpoints (both documented styles) or the
// v3 accounts API, with header X-API-Key (sk.sbx.… sandbox keys, sk.live.… live keys).
// @see https://docs.swipelux.com/balances, https://docs.swipelux.com/concepts/wallets,
//      https://docs.swipelux.com/integration/accounts
//
// What is read (docs/providers.md):
//   apiVersion v1 (default)  wallets: wal_…            GET /v1/wallets/{id}/balance
//                            wallets: cus_…/wal_…      GET /v1/customers/{c}/wallets/{w}
//                            customers: cus_…          GET /v1/customers/{id}/balances
//                            neither: every customer   GET /v1/customers, then …/{id}/wallets
//   apiVersion v3            wallets: cus_…/acc_…      GET /v3/customers/{c}/accounts/{a}
//                            customers: cus_…          GET /v3/customers/{id}/accounts (all pages)
//                            neither: every customer   GET /v3/customers, then their accounts
// Errors (v3 docs; v1 bodies are undocumented): problem+json {type, title, status, code, detail,
// correlationId, retryable}. `retryable` overrides our status-based retry choice.
import type { Balance } from '../../core/balance.js';
import type { Decimal } from '../../core/money.js';
import type { BalanceError } from '../../core/errors.js';
import { forTerminal } from '../../core/sanitize.js';
import { SWIPELUX_INFO } from './info.js';
import { setupMode } from '../account-mode.js';
import { isObject, listSetting, optText } from '../kit/shape.js';
import type { ProviderAdapter } from '../kit/adapter.js';
import { isolated, type Job, type PartRead } from './common.js';
import { v1Customers, v3List } from './pages.js';
import { readCustomer, readCustomerWallet, readCustomerWallets, readWallet } from './v1.js';
import { readAccount, readCustomerAccounts } from './v3.js';

type Version = 'v1' | 'v3';

/** "wallet wal_1 of customer cus_1", "account acc_1 of customer cus_1", "wallet wal_1". */
function describeWallet(version: Version, id: string): string {
  const [customer, wallet] = id.split('/');
  const kind = version === 'v3' ? 'account' : 'wallet';
  return wallet === undefined ? `${kind} ${forTerminal(id, 80)}` : `${kind} ${forTerminal(wallet, 80)} of customer ${forTerminal(customer ?? '', 80)}`;
}

/** No ids configured: every customer the key can see (bounded; an incomplete list is an error). */
async function enumerate(
  version: Version,
  job: (resource: string, id: string) => Job,
): Promise<{ reads: Array<Promise<PartRead>>; error: BalanceError | null }> {
  const lister = job('the customer list', '');
  const listing = version === 'v3' ? await v3List(lister, '/v3/customers', 'the customer list') : await v1Customers(lister);
  const read = version === 'v3' ? readCustomerAccounts : readCustomerWallets;
  // Every id passed the paginator's path-segment check: it is safe in /…/customers/{id}/….
  const ids = listing.entries.map((entry) => entry.id ?? '');
  return { reads: ids.map((id) => isolated(job(`customer ${forTerminal(id, 80)}`, id), read)), error: listing.error };
}

/** What a read says about one wallet, to tell two reads of it apart: codes and figures. */
function walletView(balances: Balance[]): string {
  const figure = (value: Decimal | null) => (value === null ? '-' : value.toString());
  return balances
    .map((b) => `${b.providerCurrency} ${figure(b.available)} ${figure(b.pending)} ${figure(b.total)}`)
    .sort()
    .join('\n');
}

/**
 * A wallet listed on its own and inside a listed customer is counted once (the wallet call, which
 * comes first and carries decimals and lastUpdated), so totals are not doubled — when both reads
 * agree. When they disagree, both are kept: the sanity boundary then marks the repeated currencies
 * and neither read decides (core/duplicates.ts), instead of the first one silently winning.
 */
function countEachWalletOnce(parts: PartRead[]): Balance[] {
  const views = new Map<string, Map<number, Balance[]>>();
  parts.forEach((part, i) => {
    for (const b of part.balances) {
      if (b.wallet === null) continue;
      const byPart = views.get(b.wallet) ?? new Map<number, Balance[]>();
      views.set(b.wallet, byPart);
      const records = byPart.get(i);
      if (records) records.push(b);
      else byPart.set(i, [b]);
    }
  });
  const kept = new Set<string>();
  for (const [wallet, byPart] of views) {
    const [first, ...others] = [...byPart];
    if (!first) continue;
    kept.add(`${first[0]} ${wallet}`);
    const owner = walletView(first[1]);
    for (const [i, records] of others) if (walletView(records) !== owner) kept.add(`${i} ${wallet}`);
  }
  return parts.flatMap((part, i) => part.balances.filter((b) => b.wallet === null || kept.has(`${i} ${b.wallet}`)));
}

export const swipelux: ProviderAdapter = {
  info: SWIPELUX_INFO,

  // problem+json: {"code": "forbidden", "title": "Forbidden", "detail": "API key is missing required
  // permission: balances:read"}. v1 bodies are undocumented, so common fallbacks are read too.
  errorDetail(body) {
    if (!isObject(body)) return {};
    const nested = isObject(body.error) ? body.error : {};
    return {
      code: optText(body.code) ?? optText(nested.code),
      message: optText(body.detail) ?? optText(body.title) ?? optText(body.message) ?? optText(nested.message) ?? optText(body.error),
    };
  },

  // The problem's own word on retrying beats our guess from the status.
  retryable(_status, body) {
    return isObject(body) && typeof body.retryable === 'boolean' ? body.retryable : undefined;
  },

  async fetchBalances(ctx) {
    const version: Version = ctx.account.settings.apiVersion === 'v3' ? 'v3' : 'v1';
    // Config `mode`, else the sandbox host, else the key prefix (info.ts modeHints).
    const mode = setupMode(ctx.account, ctx.info);
    const job = (resource: string, id: string): Job => ({ adapter: this, ctx, mode, id, resource });
    const wallets = listSetting(ctx.account.settings.wallets);
    const customers = listSetting(ctx.account.settings.customers);
    let reads: Array<Promise<PartRead>>;
    let listError: BalanceError | null = null;
    const notices: string[] = [];
    if (wallets.length + customers.length > 0) {
      // Every id at once: the shared limiter keeps at most `concurrency` requests in flight per key.
      const walletRead = (id: string) => (!id.includes('/') ? readWallet : version === 'v3' ? readAccount : readCustomerWallet);
      reads = [
        ...wallets.map((id) => isolated(job(describeWallet(version, id), id), walletRead(id))),
        ...customers.map((id) => isolated(job(`customer ${forTerminal(id, 80)}`, id), version === 'v3' ? readCustomerAccounts : readCustomer)),
      ];
    } else {
      ({ reads, error: listError } = await enumerate(version, job));
      if (reads.length === 0 && !listError) notices.push(`Swipelux account '${ctx.account.name}' has no customers`);
    }
    const parts = await Promise.all(reads);
    const balances = countEachWalletOnce(parts);
    // A bad key fails every id the same way: say it once.
    const errors = new Map<string, BalanceError>();
    for (const error of [...parts.map((p) => p.error), listError]) if (error) errors.set(`${error.code} ${error.message}`, error);
    return {
      balances,
      reported: parts.flatMap((part) => part.reported),
      errors: [...errors.values()],
      notices: [...notices, ...parts.flatMap((part) => part.notices)],
    };
  },
};
