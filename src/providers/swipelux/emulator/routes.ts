// Swipelux emulator routes beyond the Balances page: v1 customer list and customer-scoped wallets,
// v3 customers and accounts with cursor pages ({data, nextCursor, hasMore}; the cursor is the next
// offset, opaque to clients). Each returns null when the path is not its own.
import { stringify } from 'lossless-json';
import type { MountRequest, MountResponse } from '../../kit/mount.js';
import type { SwipeluxExtraState } from './data.js';

export type Problem = (status: number, code: string, title: string, detail: string) => MountResponse;

const json = (body: unknown): MountResponse => ({ status: 200, body: stringify(body) ?? '' });

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function page<T>(state: SwipeluxExtraState, req: MountRequest, items: T[], from: number): { slice: T[]; next: number | null } {
  const limit = Math.min(state.maxPageSize, Math.max(1, Number(req.query.get('limit') ?? 20) || 20));
  const slice = items.slice(from, from + limit);
  return { slice, next: from + slice.length < items.length ? from + slice.length : null };
}

/** `hasMore` as the paging style spells it. */
function more(state: SwipeluxExtraState, value: boolean): unknown {
  if (state.pagingStyle === 'hasMore-as-string') return String(value);
  return state.pagingStyle === 'hasMore-as-number' ? Number(value) : value;
}

function cursorPage<T>(state: SwipeluxExtraState, req: MountRequest, items: T[]): MountResponse {
  const from = Number(req.query.get('cursor')?.replace(/^c_/, '') ?? 0) || 0;
  const { slice, next } = page(state, req, items, from);
  const nextCursor = next === null ? null : `c_${next}`;
  if (state.pagingStyle === 'snake-case') return json({ data: slice, pagination: { next_cursor: nextCursor, has_more: next !== null } });
  return json({ data: slice, nextCursor, hasMore: more(state, next !== null) });
}

export function swipeluxRoutes(state: SwipeluxExtraState, problem: Problem): (req: MountRequest) => MountResponse | null {
  const customerMissing = () => problem(404, 'customer_not_found', 'Customer not found', 'The customer does not exist in the current API-key environment.');
  const notFound = (what: string) =>
    problem(404, 'not_found', `${what} not found`, `The ${what.toLowerCase()} does not exist in the current API-key environment.`);
  return (req) => {
    const parts = req.path.split('/').slice(1).map(decoded);
    if (parts.some((p) => p === null)) return notFound('Resource');
    const [version, collection, customer, sub, id] = parts as string[];
    if (collection !== 'customers' || parts.length > 5) return null;
    if (version === 'v1') {
      if (customer === undefined) {
        const from = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
        const { slice, next } = page(state, req, state.customerList, from);
        const total = state.customerList.length + (state.pagingStyle === 'total-short' ? 1 : 0);
        if (state.pagingStyle === 'snake-case') return json({ customers: slice, pagination: { total_count: total, has_more: next !== null } });
        return json({ customers: slice, totalCount: total, hasMore: more(state, next !== null) });
      }
      if (sub !== 'wallets') return null;
      const wallets = state.customerWallets.get(customer);
      if (!wallets) return customerMissing();
      if (id === undefined) return json({ wallets });
      const wallet = wallets.find((w) => w.id === id);
      return wallet ? json(wallet) : notFound('Wallet');
    }
    if (version !== 'v3') return null;
    if (customer === undefined) return cursorPage(state, req, state.v3Customers);
    if (sub !== 'accounts') return null;
    const accounts = state.v3Accounts.get(customer);
    if (!accounts) return customerMissing();
    if (id === undefined) return cursorPage(state, req, accounts);
    const account = accounts.find((a) => a.id === id);
    return account ? json({ data: account }) : notFound('Account');
  };
}
