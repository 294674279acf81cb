// What one page of a list says about the rest, and the one rule that judges it: anything but a
// clear end is an incomplete list. Pure functions, so the rule is tested (and mutation-tested)
// without a server; paginator.ts runs them page by page.
//
// Signals are looked up under every spelling providers use, at the top of the page and in its
// usual envelopes (`pagination`, `meta`, `paging`, `page_info`, `links`, and any the caller
// adds, e.g. Cryptofuse's `result`):
//   more      hasMore, has_more, hasNext, has_next, hasNextPage, has_next_page — JSON true or false
//             only: "true", 1, 0 or null are not a clear answer
//   cursor    nextCursor, next_cursor, nextPageToken, next_page_token — a non-empty string, or null
//   link      next, next_page_url, nextPageUrl — a URL or null; never followed (it could send the
//             key elsewhere), so a list that only links to its next page cannot be read on
//   total     total, totalCount, total_count, totalItems, total_items — a whole JSON number
import { isLosslessNumber } from '../../core/json.js';
import { isObject } from './shape.js';

const MORE_KEYS = ['hasMore', 'has_more', 'hasNext', 'has_next', 'hasNextPage', 'has_next_page'];
const CURSOR_KEYS = ['nextCursor', 'next_cursor', 'nextPageToken', 'next_page_token'];
const LINK_KEYS = ['next', 'next_page_url', 'nextPageUrl'];
const TOTAL_KEYS = ['total', 'totalCount', 'total_count', 'totalItems', 'total_items'];
const ENVELOPES = ['pagination', 'meta', 'paging', 'page_info', 'pageInfo', 'links'];

/** One signal as the page spelled it: where (`$.pagination.has_more`) and its raw value. */
export interface Signal {
  at: string;
  value: unknown;
}

export interface PageSignals {
  more: Signal[];
  cursor: Signal[];
  link: Signal[];
  total: Signal[];
}

/**
 * How the list asks for its next page: by a cursor the page gives, by offset or page number, or
 * not at all (an endpoint documented as one page: it may only say it is complete).
 */
export type Paging = 'cursor' | 'offset' | 'page' | 'single';

export type Verdict = { next: 'end' } | { next: 'more'; cursor: string | null } | { next: 'incomplete'; why: string };

/** Every paging signal of a page body. `envelopes` adds containers by path, e.g. `$.result`. */
export function findSignals(body: unknown, envelopes: Array<{ at: string; value: unknown }> = []): PageSignals {
  const signals: PageSignals = { more: [], cursor: [], link: [], total: [] };
  if (!isObject(body)) return signals;
  const containers = [{ at: '$', value: body as unknown }, ...ENVELOPES.map((key) => ({ at: `$.${key}`, value: body[key] })), ...envelopes];
  for (const { at, value } of containers) {
    if (!isObject(value)) continue;
    const pick = (keys: string[], into: Signal[]) => {
      for (const key of keys) if (key in value) into.push({ at: `${at}.${key}`, value: value[key] });
    };
    pick(MORE_KEYS, signals.more);
    pick(CURSOR_KEYS, signals.cursor);
    pick(LINK_KEYS, signals.link);
    pick(TOTAL_KEYS, signals.total);
  }
  return signals;
}

function shown(value: unknown): string {
  if (isLosslessNumber(value)) return `${value.value} (a number)`;
  if (typeof value === 'string') return `"${value.slice(0, 40)}" (a string)`;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

/** The one value several spellings agree on, or why they do not (a problem string). */
function agreed<T>(signals: Signal[], read: (value: unknown) => T | undefined, expected: string): { value: T | undefined } | string {
  let found: { value: T; at: string } | undefined;
  for (const signal of signals) {
    const value = read(signal.value);
    if (value === undefined) return `says ${signal.at}: ${shown(signal.value)}, not ${expected}`;
    if (found && found.value !== value) return `contradicts itself (${found.at}: ${String(found.value)}, ${signal.at}: ${String(value)})`;
    found ??= { value, at: signal.at };
  }
  return { value: found?.value };
}

const asBoolean = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
/** A cursor or link: a non-empty string, or null for "none"; anything else is unclear. */
const asPointer = (v: unknown) => (v === null ? null : typeof v === 'string' && v !== '' ? v : undefined);
const asCount = (v: unknown) => (isLosslessNumber(v) && /^\d{1,15}$/.test(v.value) ? Number(v.value) : undefined);

/** The page's signals, each read once all its spellings agree; or why they cannot be read. */
interface Read {
  hasMore: boolean | undefined;
  cursor: string | null | undefined;
  link: string | null | undefined;
  total: number | undefined;
}

function readSignals(signals: PageSignals): Read | string {
  const more = agreed(signals.more, asBoolean, 'true or false');
  const cursor = agreed(signals.cursor, asPointer, 'a cursor or null');
  const link = agreed(signals.link, asPointer, 'a link or null');
  const total = agreed(signals.total, asCount, 'a whole number');
  if (typeof more === 'string') return more;
  if (typeof cursor === 'string') return cursor;
  if (typeof link === 'string') return link;
  if (typeof total === 'string') return total;
  return { hasMore: more.value, cursor: cursor.value, link: link.value, total: total.value };
}

const incomplete = (why: string): Verdict => ({ next: 'incomplete', why });

/** "1 entry", "3 entries". */
export const entries = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

/**
 * Judge one page. `rows` is this page's row count, `read` the rows of every page so far (this one
 * included). The list ends only when every signal present agrees nothing follows; a list with no
 * signal at all ends on an empty page (offset and page lists) or in its one page (`single`); a
 * cursor list must say where it goes.
 */
export function judgePage(signals: PageSignals, paging: Paging, rows: number, read: number): Verdict {
  const page = readSignals(signals);
  if (typeof page === 'string') return incomplete(page);
  const { hasMore, cursor, link, total } = page;
  const moreAt = signals.more[0]?.at ?? 'hasMore';
  const short = total !== undefined && read < total;
  const beforeTotal = `ended after ${entries(read)}, before its own total of ${total}`;

  if (total !== undefined && read > total) return incomplete(`has ${entries(read)}, more than its own total of ${total}`);
  if (hasMore === false && cursor) return incomplete(`says ${moreAt}: false but gives a next cursor`);
  if (hasMore === false && link) return incomplete(`says ${moreAt}: false but links a next page`);
  if (hasMore === false && short) return incomplete(beforeTotal);
  if (hasMore === true && total !== undefined && !short) return incomplete(`says ${moreAt}: true but already gave its total of ${total}`);

  const wantsMore = hasMore === true || Boolean(cursor) || Boolean(link) || short;
  if (!wantsMore) {
    const saysEnd = hasMore === false || cursor === null || link === null || total !== undefined;
    if (saysEnd || paging === 'single') return { next: 'end' };
    if (paging === 'cursor') return incomplete('says neither whether more follow nor where (no hasMore, no next cursor)');
    return rows === 0 ? { next: 'end' } : { next: 'more', cursor: null };
  }
  if (paging === 'single' && short && hasMore !== true && !cursor && !link) return incomplete(beforeTotal);
  if (paging === 'single')
    return incomplete(
      `says more follow (${signals.more[0]?.at ?? signals.cursor[0]?.at ?? signals.link[0]?.at ?? signals.total[0]?.at}) but is documented as one page; it was not read further`,
    );
  if (paging === 'cursor') {
    if (cursor) return { next: 'more', cursor };
    if (link) return incomplete(`links its next page (${signals.link[0]?.at}) but gives no cursor; links are not followed`);
    return incomplete(hasMore === true ? `says it has more (${moreAt}) but gives no next cursor` : beforeTotal);
  }
  if (rows === 0) return incomplete(hasMore === true ? `says it has more (${moreAt}) but sent an empty page` : beforeTotal);
  return { next: 'more', cursor: null };
}
