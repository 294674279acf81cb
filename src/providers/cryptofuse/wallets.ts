// Which wallets an account reads: the configured `wallets` (and v3 `externalIds`), or — when the
// account lists neither — every wallet the key can see, from GET /wallets/ paged by limit/offset
// through the kit's paginator (a list that stops short of its `total`, repeats a wallet or goes on
// past 50 pages is LIST_INCOMPLETE).
// Three list shapes are documented (providers/README.md §4.5, CURRENT-APIS.md §3.2):
//   {"result": {"wallets": [{"id": "550e…", "name": "Trading Wallet", "created_at": "…"}], "total": 2, "limit": 5, "offset": 0}}
//   [{"id": "550e…", "name": "Trading Wallet", "blockchain": "…", "balance": 0.5, …}]   (bare array)
//   {"accounts": [{"id": "550e…", "name": "…", "external_id": "…", "wallet_id": "w_…", "balances":
//     [{"currency": "USDTTRC20", "amount": "1000.00", "pending_amount": "50.00", "available_balance": "950.00"}]}], "total": 1}
// The last (the newer docs) embeds each wallet's balances: they are used as they are, so
// enumeration and balances take one call. The docs disagree on the trailing slash: GET /wallets/
// is sent, a redirect that only drops the slash is followed once, and a 404 tries /wallets.
import { BalanceError, ConfigError } from '../../core/errors.js';
import { readList } from '../kit/paginator.js';
import { arr, listSetting, obj, optStr, ShapeError } from '../kit/shape.js';
import type { AdapterContext, ProviderAdapter } from '../kit/adapter.js';
import { authedCall } from './auth.js';
import { readId } from './shapes.js';

export type ApiVersion = 'v1' | 'v2' | 'v3';

export interface WalletTarget {
  /** The request field that names it: wallet_id, or (v3 only) external_id. */
  by: 'wallet_id' | 'external_id';
  id: string;
  /** The name the wallet list gave, used when a balance response carries none. */
  name: string | null;
  /** The list's own balance body for this wallet (newer list shape), read instead of a balance call. */
  embedded?: unknown;
}

export function apiVersionOf(ctx: AdapterContext): ApiVersion {
  const value = ctx.account.settings.apiVersion;
  // v3 is what the current docs describe; v1 and v2 are the older pages.
  return value === 'v1' || value === 'v2' ? value : 'v3';
}

/** The configured targets, or null when the account lists none and wallets must be enumerated. */
export function configuredTargets(ctx: AdapterContext, version: ApiVersion): WalletTarget[] | null {
  const wallets = listSetting(ctx.account.settings.wallets);
  const externalIds = listSetting(ctx.account.settings.externalIds);
  if (externalIds.length > 0 && version !== 'v3') {
    throw new ConfigError(`accounts.${ctx.account.name}.externalIds needs apiVersion v3 (the ${version} balance call takes wallet ids only)`, {
      hint: `set accounts.${ctx.account.name}.apiVersion: v3, or list wallet ids under wallets`,
    });
  }
  if (wallets.length === 0 && externalIds.length === 0) return null;
  return [
    ...wallets.map((id): WalletTarget => ({ by: 'wallet_id', id, name: null })),
    ...externalIds.map((id): WalletTarget => ({ by: 'external_id', id, name: null })),
  ];
}

/** A list page of any documented shape: its rows, and where its total is (`result`). */
function listPage(body: unknown): { rows: unknown[]; path: string; envelopes?: Array<{ at: string; value: unknown }> } {
  if (Array.isArray(body)) return { rows: body, path: '$' };
  const root = obj(body, '$');
  if (root.result === undefined && Array.isArray(root.accounts)) return { rows: root.accounts, path: '$.accounts' };
  const result = obj(root.result, '$.result');
  return { rows: arr(result.wallets, '$.result.wallets'), path: '$.result.wallets', envelopes: [{ at: '$.result', value: result }] };
}

export interface Listing {
  targets: WalletTarget[];
  /** Set when the list could not be read to a clear end (LIST_INCOMPLETE); the wallets found are still read. */
  error: BalanceError | null;
}

/** Every wallet the key can see, through the kit's paginator (limit/offset; the end is its call). */
export async function listWallets(adapter: ProviderAdapter, ctx: AdapterContext): Promise<Listing> {
  let listPath = '/wallets/';
  let first = true;
  const call = (path: string, query: Record<string, string>) =>
    authedCall(adapter, ctx, { method: 'GET', path, query, resource: 'the wallet list', followSlashRedirect: true });
  const listing = await readList(ctx, {
    what: 'the wallet list',
    paging: 'offset',
    hint: `list the wallets to read under accounts.${ctx.account.name}.wallets`,
    async fetch(query) {
      try {
        return await call(listPath, query);
      } catch (error) {
        // Servers that only know the slash-less path (older docs) and do not redirect answer 404.
        if (!(first && error instanceof BalanceError && error.code === 'NOT_FOUND')) throw error;
        listPath = '/wallets';
        return await call(listPath, query);
      } finally {
        first = false;
      }
    },
    rows: listPage,
    idOf: (row, at) => {
      const id = readId(obj(row, at).id, `${at}.id`);
      if (!id) throw new ShapeError(`${at}.id`, 'expected a wallet id');
      return id;
    },
  });
  const targets = listing.entries.map(({ id, row, path }): WalletTarget => {
    const item = obj(row, path);
    const target: WalletTarget = { by: 'wallet_id', id: id ?? '', name: optStr(item.name, `${path}.name`) };
    // Shaped like a v3 balance answer, so the one parser reads it (and its errors name the wallet).
    if (Array.isArray(item.balances)) target.embedded = { account: item, balances: item.balances };
    return target;
  });
  return { targets, error: listing.error };
}
