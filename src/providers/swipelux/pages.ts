// Enumerating Swipelux lists, bounded like Cryptofuse's wallet list: at most MAX_PAGES pages of
// PAGE_SIZE; a list that does not end within them, repeats itself, or says "more" without a way
// to get it is an error (WALLET_LIST_INCOMPLETE-style), never a silent cut.
//   v3: GET /v3/customers, /v3/customers/{id}/accounts → {data: [...], nextCursor, hasMore}
//   v1: GET /v1/customers?limit&offset&page → {customers, totalCount, hasMore} | {customers,
//       pagination: {…}} | a bare array (three documented shapes, providers/README.md §3.4). The
//       docs' table pages by offset, their schema by page; both are sent while every page so far
//       was full (then they agree). After a short page only offset is sent: a server that pages
//       by page number then repeats itself, which is reported, instead of skipping customers.
import { BadResponseError, type BalanceError } from '../../core/errors.js';
import { whoLabel } from '../kit/request.js';
import { arr, isObject, obj, optInt, optStr } from '../kit/shape.js';
import type { AdapterContext } from '../kit/adapter.js';
import { getJson, type Job } from './common.js';

export const PAGE_SIZE = 100;
export const MAX_PAGES = 50;

export interface Listing {
  items: Array<{ row: unknown; path: string }>;
  /** Set when the list could not be read to its end; the items found so far still count. */
  error: BalanceError | null;
}

export function listError(ctx: AdapterContext, list: string, what: string): BalanceError {
  return new BadResponseError(`${whoLabel(ctx)}: ${list} ${what}`, {
    code: 'LIST_INCOMPLETE',
    hint: `list the ids to read under accounts.${ctx.account.name} (customers, wallets)`,
  });
}

/** Follow a v3 cursor list to its end (or to the bound). */
export async function followCursor(job: Job, path: string, list: string): Promise<Listing> {
  const items: Listing['items'] = [];
  const cursors = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string> = { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) };
    const body = obj(await getJson(job, path, query), '$');
    arr(body.data, '$.data').forEach((row, i) => items.push({ row, path: `$.data[${i}]` }));
    const next = optStr(body.nextCursor, '$.nextCursor');
    const more = body.hasMore === true || (body.hasMore === undefined && Boolean(next));
    if (!more) return { items, error: null };
    if (!next) return { items, error: listError(job.ctx, list, 'says it has more (hasMore) but gives no nextCursor') };
    if (cursors.has(next)) return { items, error: listError(job.ctx, list, `repeated the cursor ${next.slice(0, 40)}`) };
    cursors.add(next);
    cursor = next;
  }
  return { items, error: listError(job.ctx, list, `has more than ${MAX_PAGES} pages; only the first ${items.length} entries were read`) };
}

/** v1 customers by limit/offset, whichever of the three documented shapes the server answers. */
export async function v1Customers(job: Job): Promise<{ ids: string[]; error: BalanceError | null }> {
  const ids: string[] = [];
  const seen = new Set<string>();
  const list = 'the customer list';
  let pagesFull = true;
  for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
    const query = { limit: String(PAGE_SIZE), offset: String(offset), ...(pagesFull ? { page: String(page + 1) } : {}) };
    const raw = await getJson(job, '/v1/customers', query);
    const body = Array.isArray(raw) ? { customers: raw } : obj(raw, '$');
    const rows = arr(body.customers, Array.isArray(raw) ? '$' : '$.customers');
    const before = seen.size;
    rows.forEach((row, i) => {
      const item = obj(row, `$.customers[${i}]`);
      const id = optStr(item.id, `$.customers[${i}].id`) ?? optStr(item.customerId, `$.customers[${i}].customerId`);
      if (id && !seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    });
    offset += rows.length;
    pagesFull &&= rows.length === PAGE_SIZE;
    const pagination = isObject(body.pagination) ? body.pagination : {};
    const hasMore = body.hasMore ?? pagination.hasMore ?? pagination.has_more;
    const total = optInt(body.totalCount ?? pagination.total ?? pagination.totalCount, '$.totalCount', 9);
    const done = rows.length === 0 || hasMore === false || (hasMore !== true && (total !== null ? offset >= total : rows.length < PAGE_SIZE));
    if (done || Array.isArray(raw)) return { ids, error: null };
    if (seen.size === before) return { ids, error: listError(job.ctx, list, `repeated the same customers at offset ${offset - rows.length}`) };
  }
  return { ids, error: listError(job.ctx, list, `has more than ${ids.length} customers; only the first ${ids.length} were read`) };
}
