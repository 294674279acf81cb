// The one paginator every provider's list reads go through (customers, wallets, accounts, balance
// rows, withdrawal currencies): it asks for page after page, and ends only where the list clearly
// ends (page-signals.ts judges each page). Anything else — an unclear or contradictory signal, a
// list that stops short of its own total, a repeated cursor, an entry named twice, more pages
// than the bound — ends the read with LIST_INCOMPLETE (exit 6): what was read still counts, the
// account's answer is incomplete (history does not call the unread entries gone, can-withdraw
// never says no on it). Every entry's id passes the path-segment check before anyone requests it.
//
// A provider describes its list (how to ask for a page, where its rows and id are); it never
// decides when the list ends.
import { BadResponseError, type BalanceError } from '../../core/errors.js';
import { forTerminal } from '../../core/sanitize.js';
import type { AdapterContext } from './adapter.js';
import { entries as count, findSignals, judgePage, type PageSignals, type Paging } from './page-signals.js';
import { segmentProblem } from './path-segment.js';
import { whoLabel } from './request.js';

export type { Paging } from './page-signals.js';

/** Rows asked for per page (the most our providers document), and the bound on pages. */
export const PAGE_SIZE = 100;
export const MAX_PAGES = 50;

/** Where the next request starts. `uniform`: every page so far had as many rows as the first. */
export interface PagePosition {
  limit: number;
  offset: number;
  /** 1-based. */
  page: number;
  cursor: string | null;
  uniform: boolean;
}

export interface ListSpec {
  /** What is listed, for messages: "the customer list", "the account list of customer cus_1". */
  what: string;
  paging: Paging;
  /** Where to look when the list is incomplete, e.g. "list the ids under accounts.x.wallets". */
  hint: string;
  pageSize?: number;
  maxPages?: number;
  /** The query of one page request (default: limit plus offset, page or cursor as `paging` says). */
  query?: (at: PagePosition) => Record<string, string>;
  /** Request one page; the parsed body. */
  fetch(query: Record<string, string>): Promise<unknown>;
  /** The page's rows (and the JSON path they were at), and envelopes holding its signals. */
  rows(body: unknown): { rows: unknown[]; path: string; envelopes?: Array<{ at: string; value: unknown }> };
  /**
   * The page's paging signals where the provider states them (a provider declared in a config
   * names its paths); default: every spelling findSignals knows. The rule judging them is the same.
   */
  signals?: (body: unknown) => PageSignals;
  /**
   * An entry's identity, from its row (throws a ShapeError when it has none): each id passes the
   * path-segment check and may appear once. Lists of balance rows have none (one row per currency
   * is the sanity boundary's rule, which marks duplicates instead of dropping them).
   */
  idOf?: (row: unknown, path: string) => string;
  /**
   * false: the ids name entries but are never put in a request path (a declared provider's wallet
   * ids), so only their uniqueness is checked, not the path-segment rule. Default true.
   */
  idsInPaths?: boolean;
}

export interface ListEntry {
  id: string | null;
  row: unknown;
  /** The JSON path of the row in its page, for shape errors. */
  path: string;
}

export interface Listing {
  entries: ListEntry[];
  /** Set when the list could not be read to a clear end (code LIST_INCOMPLETE). */
  error: BalanceError | null;
}

function defaultQuery(paging: Paging, at: PagePosition): Record<string, string> {
  if (paging === 'single') return {};
  const limit = String(at.limit);
  if (paging === 'cursor') return at.cursor === null ? { limit } : { limit, cursor: at.cursor };
  return paging === 'page' ? { limit, page: String(at.page) } : { limit, offset: String(at.offset) };
}

export function listIncomplete(ctx: AdapterContext, what: string, why: string, hint: string): BalanceError {
  return new BadResponseError(`${whoLabel(ctx)}: ${what} ${why}`, { code: 'LIST_INCOMPLETE', hint, account: ctx.account.name, provider: ctx.info.id });
}

/** Read a list to its clear end (or say why not): its entries, each seen once. */
export async function readList(ctx: AdapterContext, spec: ListSpec): Promise<Listing> {
  const limit = spec.pageSize ?? PAGE_SIZE;
  const maxPages = spec.paging === 'single' ? 1 : (spec.maxPages ?? MAX_PAGES);
  const at: PagePosition = { limit, offset: 0, page: 1, cursor: null, uniform: true };
  const entries = new Map<string | number, ListEntry>();
  const repeated = new Set<string>();
  const cursors = new Set<string>();
  let firstRows: number | null = null;
  let skipped: string | null = null;
  const done = (why: string | null): Listing => {
    // An entry named twice is read from neither place: which one is true cannot be told.
    for (const id of repeated) entries.delete(id);
    const problem = why ?? skipped;
    return { entries: [...entries.values()], error: problem === null ? null : listIncomplete(ctx, spec.what, problem, spec.hint) };
  };

  for (let pages = 1; ; pages++) {
    const body = await spec.fetch((spec.query ?? ((p) => defaultQuery(spec.paging, p)))(at));
    const { rows, path, envelopes } = spec.rows(body);
    rows.forEach((row, i) => {
      if (!spec.idOf) return void entries.set(entries.size, { id: null, row, path: `${path}[${i}]` });
      const id = spec.idOf(row, `${path}[${i}]`);
      if (entries.has(id) || repeated.has(id)) return void repeated.add(id);
      const problem = spec.idsInPaths === false ? null : segmentProblem(id);
      if (problem === null) entries.set(id, { id, row, path: `${path}[${i}]` });
      else skipped ??= `names an entry that cannot be read safely ("${forTerminal(id, 40)}" ${problem}); it was skipped`;
    });
    at.offset += rows.length;
    firstRows ??= rows.length;
    at.uniform &&= rows.length === firstRows;
    if (repeated.size > 0) {
      const [id = ''] = repeated;
      return done(`names "${forTerminal(id, 40)}" more than once (page ${pages}); the list is not stable, so neither entry is used`);
    }
    const verdict = judgePage(spec.signals ? spec.signals(body) : findSignals(body, envelopes), spec.paging, rows.length, at.offset);
    if (verdict.next === 'end') return done(null);
    if (verdict.next === 'incomplete') return done(verdict.why);
    if (pages >= maxPages) return done(`has more than ${maxPages} pages; only the first ${count(at.offset)} were read`);
    if (verdict.cursor !== null) {
      if (cursors.has(verdict.cursor)) return done(`repeated the cursor ${forTerminal(verdict.cursor, 40)}`);
      cursors.add(verdict.cursor);
    }
    at.cursor = verdict.cursor;
    at.page += 1;
  }
}
