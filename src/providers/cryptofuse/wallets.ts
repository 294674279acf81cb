// Which wallets an account reads: the configured `wallets` (and v3 `externalIds`), or — when the
// account lists neither — every wallet the key can see, from GET /wallets/ paged by limit/offset.
// Three list shapes are documented (providers/README.md §4.5, CURRENT-APIS.md §3.2):
//   {"result": {"wallets": [{"id": "550e…", "name": "Trading Wallet", "created_at": "…"}], "total": 2, "limit": 5, "offset": 0}}
//   [{"id": "550e…", "name": "Trading Wallet", "blockchain": "…", "balance": 0.5, …}]   (bare array)
//   {"accounts": [{"id": "550e…", "name": "…", "external_id": "…", "wallet_id": "w_…", "balances":
//     [{"currency": "USDTTRC20", "amount": "1000.00", "pending_amount": "50.00", "available_balance": "950.00"}]}], "total": 1}
// The last (the newer docs) embeds each wallet's balances: they are used as they are, so
// enumeration and balances take one call. The docs disagree on the trailing slash: GET /wallets/
// is sent, a redirect that only drops the slash is followed once, and a 404 tries /wallets.
import { BadResponseError, BalanceError, ConfigError } from '../../core/errors.js';
import { whoLabel } from '../kit/request.js';
import { arr, listSetting, obj, optInt, optStr, ShapeError } from '../kit/shape.js';
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

/** The documented maximum page size. */
const PAGE_SIZE = 100;
/** At most this many pages (5,000 wallets) are listed; more is reported, never silently cut. */
const MAX_PAGES = 50;

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

function readPage(body: unknown): { rows: unknown[]; path: string; total: number | null } {
  if (Array.isArray(body)) return { rows: body, path: '$', total: null };
  const root = obj(body, '$');
  if (root.result === undefined && Array.isArray(root.accounts)) {
    return { rows: root.accounts, path: '$.accounts', total: optInt(root.total, '$.total', 9) };
  }
  const result = obj(root.result, '$.result');
  return { rows: arr(result.wallets, '$.result.wallets'), path: '$.result.wallets', total: optInt(result.total, '$.result.total', 9) };
}

export interface Listing {
  targets: WalletTarget[];
  /** Set when the list could not be read to its end; the wallets found so far are still read. */
  error: BalanceError | null;
}

export async function listWallets(adapter: ProviderAdapter, ctx: AdapterContext): Promise<Listing> {
  const seen = new Map<string, WalletTarget>();
  let offset = 0;
  let listPath = '/wallets/';
  for (let page = 0; page < MAX_PAGES; page++) {
    const call = (path: string) => authedCall(adapter, ctx, {
      method: 'GET',
      path,
      query: { limit: String(PAGE_SIZE), offset: String(offset) },
      resource: 'the wallet list',
      followSlashRedirect: true,
    });
    let body: unknown;
    try {
      body = await call(listPath);
    } catch (error) {
      // Servers that only know the slash-less path (older docs) and do not redirect answer 404.
      if (!(page === 0 && error instanceof BalanceError && error.code === 'NOT_FOUND')) throw error;
      listPath = '/wallets';
      body = await call(listPath);
    }
    const { rows, path, total } = readPage(body);
    const before = seen.size;
    rows.forEach((row, i) => {
      const item = obj(row, `${path}[${i}]`);
      const id = readId(item.id, `${path}[${i}].id`);
      if (!id) throw new ShapeError(`${path}[${i}].id`, 'expected a wallet id');
      if (seen.has(id)) return;
      const target: WalletTarget = { by: 'wallet_id', id, name: optStr(item.name, `${path}[${i}].name`) };
      // Shaped like a v3 balance answer, so the one parser reads it (and its errors name the wallet).
      if (Array.isArray(item.balances)) target.embedded = { account: item, balances: item.balances };
      seen.set(id, target);
    });
    offset += rows.length;
    // A list that stops short of its own total (an empty page at offset 3 of 5) is an incomplete
    // read, never a complete one: the missing wallets might hold the funds.
    if (rows.length === 0 && total !== null && offset < total) {
      return { targets: [...seen.values()], error: listError(ctx, `ended at offset ${offset} before its own total of ${total}`) };
    }
    const done = rows.length === 0 || (total !== null ? offset >= total : rows.length < PAGE_SIZE);
    if (done) return { targets: [...seen.values()], error: null };
    if (seen.size === before) {
      return { targets: [...seen.values()], error: listError(ctx, `repeated the same wallets at offset ${offset - rows.length}`) };
    }
  }
  return { targets: [...seen.values()], error: listError(ctx, `has more than ${seen.size} wallets; only the first ${seen.size} were read`) };
}

function listError(ctx: AdapterContext, what: string): BalanceError {
  return new BadResponseError(`${whoLabel(ctx)}: the wallet list ${what}`, {
    code: 'WALLET_LIST_INCOMPLETE',
    hint: `list the wallets to read under accounts.${ctx.account.name}.wallets`,
  });
}
