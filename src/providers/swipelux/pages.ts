// Swipelux's lists, each described for the kit's paginator (which alone decides where a list
// ends; anything but a clear end is LIST_INCOMPLETE):
//   v3: GET /v3/customers, /v3/customers/{id}/accounts → {data: [...], nextCursor, hasMore}
//   v1: GET /v1/customers?limit&offset&page → {customers, totalCount, hasMore} | {customers,
//       pagination: {…}} | a bare array (three documented shapes, providers/README.md §3.4). The
//       docs' table pages by offset, their schema by page; both are sent while every page so far
//       had the same size (then they agree). After an uneven page only offset is sent: a server
//       that pages by page number then repeats itself, which is reported, instead of skipping.
//   v1: GET /v1/customers/{id}/wallets → {wallets: [...]}, and a customer's balances
//       {customerId, totalBalance, wallets: [...]}: one page each.
import { readList, type Listing, type PagePosition } from '../kit/paginator.js';
import { arr, obj, optStr, str } from '../kit/shape.js';
import { getJson, type Job } from './common.js';

function hint(job: Job): string {
  return `list the ids to read under accounts.${job.ctx.account.name} (customers, wallets)`;
}

/** The wallet id of either documented style ({walletId, network} or {id, chain}). */
export function walletIdOf(wallet: Record<string, unknown>, path: string, fallbackId?: string): string {
  const id = optStr(wallet.walletId, `${path}.walletId`) ?? optStr(wallet.id, `${path}.id`) ?? fallbackId;
  if (id) return id;
  const olderStyle = 'network' in wallet || !('chain' in wallet);
  return str(undefined, olderStyle ? `${path}.walletId` : `${path}.id`);
}

/** A v3 list (customers, or one customer's accounts), every cursor page. */
export function v3List(job: Job, path: string, what: string): Promise<Listing> {
  return readList(job.ctx, {
    what,
    paging: 'cursor',
    hint: hint(job),
    fetch: (query) => getJson(job, path, query),
    rows: (body) => ({ rows: arr(obj(body, '$').data, '$.data'), path: '$.data' }),
    idOf: (row, at) => idText(obj(row, at).id, `${at}.id`),
  });
}

/** An id as the list wrote it (an empty one is the paginator's to refuse), or a shape error. */
function idText(value: unknown, path: string): string {
  return typeof value === 'string' ? value : str(value, path);
}

/** v1 customers by limit/offset, whichever of the three documented shapes the server answers. */
export function v1Customers(job: Job): Promise<Listing> {
  return readList(job.ctx, {
    what: 'the customer list',
    paging: 'offset',
    hint: hint(job),
    query: (at: PagePosition) => ({ limit: String(at.limit), offset: String(at.offset), ...(at.uniform ? { page: String(at.page) } : {}) }),
    fetch: (query) => getJson(job, '/v1/customers', query),
    rows: (body) => (Array.isArray(body) ? { rows: body, path: '$' } : { rows: arr(obj(body, '$').customers, '$.customers'), path: '$.customers' }),
    idOf: (row, at) => {
      const item = obj(row, at);
      return item.id !== undefined ? idText(item.id, `${at}.id`) : idText(item.customerId, `${at}.customerId`);
    },
  });
}

/** A body's `wallets` (one page): each wallet named once, its paging signals saying it is whole. */
export function walletList(job: Job, body: Record<string, unknown>, what: string): Promise<Listing> {
  return readList(job.ctx, {
    what,
    paging: 'single',
    hint: hint(job),
    fetch: () => Promise.resolve(body),
    rows: () => ({ rows: arr(body.wallets, '$.wallets'), path: '$.wallets' }),
    idOf: (row, at) => walletIdOf(obj(row, at), at),
  });
}
