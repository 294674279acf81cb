// The one paginator (src/providers/kit): a list ends only where it clearly ends. Each rule is
// varied over every spelling and value a provider might send, and over each paging style; the
// provider-level tests (test/providers/lists.test.ts) run the same rules through the emulators.
import { LosslessNumber } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { findSignals, judgePage, type Paging } from '../../src/providers/kit/page-signals.js';
import { readList, type ListSpec } from '../../src/providers/kit/paginator.js';
import { segmentProblem } from '../../src/providers/kit/path-segment.js';
import type { AdapterContext } from '../../src/providers/kit/adapter.js';
import { PROVIDERS } from '../../src/providers/catalog.js';

const n = (text: string) => new LosslessNumber(text);
const judge = (body: unknown, paging: Paging, rows = 1, read = rows) => judgePage(findSignals(body), paging, rows, read);
const MORE_SPELLINGS = ['hasMore', 'has_more', 'hasNext', 'has_next', 'hasNextPage', 'has_next_page'];
const ENVELOPES = [null, 'pagination', 'meta', 'paging', 'page_info', 'pageInfo'];
/** `{key: value}` at the top of the page or inside an envelope. */
const at = (envelope: string | null, fields: Record<string, unknown>) => (envelope === null ? fields : { [envelope]: fields });

describe('hasMore, in every spelling and envelope', () => {
  const cases = MORE_SPELLINGS.flatMap((key) => ENVELOPES.map((envelope) => [key, envelope] as const));

  it.each(cases)('%s in %s: true goes on, false ends', (key, envelope) => {
    expect(judge(at(envelope, { [key]: true }), 'offset')).toEqual({ next: 'more', cursor: null });
    expect(judge(at(envelope, { [key]: false }), 'offset')).toEqual({ next: 'end' });
    expect(judge(at(envelope, { [key]: false }), 'cursor')).toEqual({ next: 'end' });
  });

  it.each(cases)('%s in %s: "true", "false", 1, 0, null, "" and objects are not a clear answer', (key, envelope) => {
    for (const value of ['true', 'false', n('1'), n('0'), null, '', 'yes', {}, []]) {
      for (const paging of ['cursor', 'offset', 'page', 'single'] as const) {
        const verdict = judge(at(envelope, { [key]: value, nextCursor: 'c_2' }), paging);
        expect(verdict.next, `${key}=${JSON.stringify(value)} ${paging}`).toBe('incomplete');
      }
    }
    const where = envelope === null ? `$.${key}` : `$.${envelope}.${key}`;
    expect(judge(at(envelope, { [key]: 'true' }), 'cursor')).toEqual({ next: 'incomplete', why: `says ${where}: "true" (a string), not true or false` });
  });

  it('two spellings that disagree are not a clear answer', () => {
    expect(judge({ hasMore: false, pagination: { has_more: true } }, 'offset')).toEqual({
      next: 'incomplete',
      why: 'contradicts itself ($.hasMore: false, $.pagination.has_more: true)',
    });
    expect(judge({ hasMore: true, meta: { hasMore: true }, nextCursor: 'c' }, 'cursor')).toEqual({ next: 'more', cursor: 'c' });
  });
});

describe('cursors', () => {
  it.each(['nextCursor', 'next_cursor', 'nextPageToken', 'next_page_token'])('%s: a string goes on, null ends', (key) => {
    expect(judge({ [key]: 'c_2' }, 'cursor')).toEqual({ next: 'more', cursor: 'c_2' });
    expect(judge({ pagination: { [key]: 'c_2' } }, 'cursor')).toEqual({ next: 'more', cursor: 'c_2' });
    expect(judge({ [key]: null }, 'cursor')).toEqual({ next: 'end' });
  });

  it.each([[''], [n('2')], [{}], [true]])('a cursor of %j is not a clear answer', (value) => {
    expect(judge({ nextCursor: value }, 'cursor').next).toBe('incomplete');
  });

  it('hasMore true without a cursor, or false with one, is incomplete', () => {
    expect(judge({ hasMore: true, nextCursor: null }, 'cursor')).toEqual({ next: 'incomplete', why: 'says it has more ($.hasMore) but gives no next cursor' });
    expect(judge({ hasMore: false, nextCursor: 'c_2' }, 'cursor')).toEqual({ next: 'incomplete', why: 'says $.hasMore: false but gives a next cursor' });
  });

  it('a cursor list that says nothing about the rest is incomplete; a link alone is never followed', () => {
    expect(judge({ data: [] }, 'cursor')).toEqual({ next: 'incomplete', why: 'says neither whether more follow nor where (no hasMore, no next cursor)' });
    expect(judge({ links: { next: 'https://elsewhere.example/p2' } }, 'cursor')).toEqual({
      next: 'incomplete',
      why: 'links its next page ($.links.next) but gives no cursor; links are not followed',
    });
    expect(judge({ links: { next: null } }, 'cursor')).toEqual({ next: 'end' });
  });
});

describe('what an unclear signal is said to be', () => {
  it.each([
    [{ hasMore: null }, 'says $.hasMore: null, not true or false'],
    [{ hasMore: n('1') }, 'says $.hasMore: 1 (a number), not true or false'],
    [{ hasMore: [] }, 'says $.hasMore: a list, not true or false'],
    [{ meta: { has_more: {} } }, 'says $.meta.has_more: an object, not true or false'],
    [{ nextCursor: true }, 'says $.nextCursor: true, not a cursor or null'],
    [{ hasMore: true, next_cursor: false }, 'says $.next_cursor: false, not a cursor or null'],
    [{ nextCursor: '' }, 'says $.nextCursor: "" (a string), not a cursor or null'],
    [{ hasMore: false, links: { next: n('2') } }, 'says $.links.next: 2 (a number), not a link or null'],
    [{ next_page_url: '' }, 'says $.next_page_url: "" (a string), not a link or null'],
    [{ nextCursor: 'c_2', total: 'ten' }, 'says $.total: "ten" (a string), not a whole number'],
    [{ hasMore: `t${'x'.repeat(60)}` }, `says $.hasMore: "t${'x'.repeat(39)}" (a string), not true or false`],
  ])('%j: %s', (body, why) => {
    expect(judge(body, 'cursor')).toEqual({ next: 'incomplete', why });
  });

  it('a page that is not an object has no signals', () => {
    for (const body of [null, 'text', n('3'), [{ hasMore: true }]]) expect(findSignals(body)).toEqual({ more: [], cursor: [], link: [], total: [] });
  });
});

describe('next links', () => {
  it.each(['next', 'next_page_url', 'nextPageUrl'])('%s: a cursor list that only links its next page is incomplete; null ends it', (key) => {
    expect(judge({ [key]: 'https://api.example/p2' }, 'cursor')).toEqual({
      next: 'incomplete',
      why: `links its next page ($.${key}) but gives no cursor; links are not followed`,
    });
    expect(judge({ [key]: null }, 'cursor')).toEqual({ next: 'end' });
  });

  it('hasMore false beside a next link contradicts it', () => {
    for (const paging of ['cursor', 'offset', 'page'] as const) {
      expect(judge({ hasMore: false, links: { next: 'https://api.example/p2' } }, paging)).toEqual({
        next: 'incomplete',
        why: 'says $.hasMore: false but links a next page',
      });
    }
  });
});

describe('totals', () => {
  it.each(['total', 'totalCount', 'total_count', 'totalItems', 'total_items'])(
    '%s: reached ends, short goes on, exceeded or short-but-ended is incomplete',
    (key) => {
      expect(judge({ [key]: n('5') }, 'offset', 2, 5)).toEqual({ next: 'end' });
      expect(judge({ [key]: n('5') }, 'offset', 2, 3)).toEqual({ next: 'more', cursor: null });
      expect(judge({ [key]: n('5') }, 'offset', 2, 6)).toEqual({ next: 'incomplete', why: 'has 6 entries, more than its own total of 5' });
      expect(judge({ [key]: n('5'), hasMore: false }, 'offset', 2, 3)).toEqual({ next: 'incomplete', why: 'ended after 3 entries, before its own total of 5' });
      expect(judge({ [key]: n('5') }, 'offset', 0, 3)).toEqual({ next: 'incomplete', why: 'ended after 3 entries, before its own total of 5' });
      expect(judge({ pagination: { [key]: n('5') } }, 'cursor', 1, 3)).toEqual({ next: 'incomplete', why: 'ended after 3 entries, before its own total of 5' });
      expect(judge({ [key]: n('5') }, 'single', 3, 3)).toEqual({ next: 'incomplete', why: 'ended after 3 entries, before its own total of 5' });
      expect(judge({ [key]: n('5'), hasMore: true }, 'single', 3, 3)).toEqual({
        next: 'incomplete',
        why: 'says more follow ($.hasMore) but is documented as one page; it was not read further',
      });
    },
  );

  it.each([
    ['"5"', '5'],
    ['-1', n('-1')],
    ['2.5', n('2.5')],
    ['null', null],
  ])('a total of %s is not a clear answer', (_, value) => {
    expect(judge({ total: value }, 'offset').next).toBe('incomplete');
  });

  it('hasMore true after the total was reached contradicts it', () => {
    expect(judge({ hasMore: true, total: n('3') }, 'offset', 1, 3)).toEqual({
      next: 'incomplete',
      why: 'says $.hasMore: true but already gave its total of 3',
    });
  });
});

describe('pages without signals', () => {
  it("offset and page lists go on to an empty page (a short page may be the server's own page size)", () => {
    for (const paging of ['offset', 'page'] as const) {
      expect(judge([], paging, 7, 7), paging).toEqual({ next: 'more', cursor: null });
      expect(judge([], paging, 0, 7), paging).toEqual({ next: 'end' });
    }
  });

  it('offset lists advance themselves past a next link (never following it); an empty page that says more is incomplete', () => {
    expect(judge({ next: 'https://api.example/wallets?offset=100' }, 'offset', 100, 100)).toEqual({ next: 'more', cursor: null });
    expect(judge({ hasMore: true }, 'offset', 0, 100)).toEqual({ next: 'incomplete', why: 'says it has more ($.hasMore) but sent an empty page' });
  });

  it('a one-page list ends unless it says more follow', () => {
    expect(judge({ data: [] }, 'single')).toEqual({ next: 'end' });
    expect(judge({ data: [], links: { next: 'https://api.example/balances?page=2' } }, 'single').next).toBe('incomplete');
    expect(judge({ data: [], meta: { total: n('40') } }, 'single', 15, 15).next).toBe('incomplete');
  });
});

describe('path segments', () => {
  it.each([
    ['', 'is empty'],
    ['.', 'is a path step, not an id'],
    ['..', 'is a path step, not an id'],
    ['a/b', 'contains a slash'],
    ['a\\b', 'contains a slash'],
    ['a%2Fb', 'contains % (an encoded character)'],
    ['%2e%2e', 'contains % (an encoded character)'],
    ['a?b=1', 'contains ? or #'],
    ['a#b', 'contains ? or #'],
    ['a\u0000b', 'contains control or invisible characters'],
    ['a\nb', 'contains control or invisible characters'],
    ['wal\u202eevil', 'contains control or invisible characters'],
    ['wal\u200b1', 'contains control or invisible characters'],
  ])('%j %s', (id, problem) => {
    expect(segmentProblem(id)).toBe(problem);
  });

  it.each([['cus_abc123'], ['550e8400-e29b-41d4-a716-446655440000'], ['...'], ['a.b'], ['odd id'], ['a:b+c']])('%j is a segment', (id) => {
    expect(segmentProblem(id)).toBeNull();
  });
});

const ctx = { account: { name: 'acct' }, info: PROVIDERS.swipelux } as unknown as AdapterContext;

/** A list served from `pages` (one body per request, the last repeated), recording the queries. */
function served(pages: unknown[], spec: Partial<ListSpec> = {}) {
  const queries: Array<Record<string, string>> = [];
  const list: ListSpec = {
    what: 'the test list',
    paging: 'cursor',
    hint: 'list the ids',
    fetch: (query) => {
      queries.push(query);
      return Promise.resolve(pages[Math.min(queries.length - 1, pages.length - 1)]);
    },
    rows: (body) => ({ rows: (body as { data: unknown[] }).data, path: '$.data' }),
    idOf: (row) => (row as { id: string }).id,
    ...spec,
  };
  return { queries, read: () => readList(ctx, list) };
}
const ids = (...list: string[]) => list.map((id) => ({ id }));

describe('readList', () => {
  it('follows a cursor to its end, asking with limit and cursor', async () => {
    const list = served([
      { data: ids('a', 'b'), nextCursor: 'c1', hasMore: true },
      { data: ids('c'), nextCursor: null, hasMore: false },
    ]);
    const listing = await list.read();
    expect([listing.entries.map((e) => e.id), listing.error]).toEqual([['a', 'b', 'c'], null]);
    expect(list.queries).toEqual([{ limit: '100' }, { limit: '100', cursor: 'c1' }]);
  });

  it('the first unclear page ends the read: what came before counts, the error says why (LIST_INCOMPLETE, exit 6)', async () => {
    const list = served([
      { data: ids('a'), nextCursor: 'c1', hasMore: 'true' },
      { data: ids('b'), hasMore: false },
    ]);
    const listing = await list.read();
    expect(listing.entries.map((e) => e.id)).toEqual(['a']);
    expect([listing.error?.code, listing.error?.exitCode, listing.error?.message, listing.error?.hint]).toEqual([
      'LIST_INCOMPLETE',
      6,
      'Swipelux for account \'acct\': the test list says $.hasMore: "true" (a string), not true or false',
      'list the ids',
    ]);
    expect(list.queries).toHaveLength(1);
  });

  it('a repeated cursor ends the read instead of looping', async () => {
    const list = served([
      { data: ids('a'), nextCursor: 'c1' },
      { data: ids('b'), nextCursor: 'c1' },
    ]);
    const listing = await list.read();
    expect([listing.entries.map((e) => e.id), listing.error?.message]).toEqual([
      ['a', 'b'],
      "Swipelux for account 'acct': the test list repeated the cursor c1",
    ]);
    expect(list.queries).toHaveLength(2);
  });

  it.each([
    [
      'on the next page',
      [
        { data: ids('a', 'b'), nextCursor: 'c1' },
        { data: ids('b', 'c'), nextCursor: null },
      ],
      ['a', 'c'],
      2,
    ],
    ['on the same page', [{ data: ids('a', 'b', 'a'), nextCursor: null }], ['b'], 1],
    [
      'on a page that repeats the last one',
      [
        { data: ids('a'), nextCursor: 'c1' },
        { data: ids('a'), nextCursor: 'c2' },
      ],
      [],
      2,
    ],
  ])('an entry named twice (%s) is read from neither place', async (_, pages, left, page) => {
    const listing = await served(pages).read();
    expect(listing.entries.map((e) => e.id)).toEqual(left);
    expect(listing.error?.message).toMatch(new RegExp(`names "(a|b)" more than once \\(page ${page}\\); the list is not stable, so neither entry is used$`));
  });

  it('stops at the page bound and says how much was read', async () => {
    let i = 0;
    const list = served([], { pageSize: 2, maxPages: 3, fetch: () => Promise.resolve({ data: ids(`x${i++}`, `x${i++}`), nextCursor: `c${i}` }) });
    const listing = await list.read();
    expect([listing.entries.length, listing.error?.message]).toEqual([
      6,
      "Swipelux for account 'acct': the test list has more than 3 pages; only the first 6 entries were read",
    ]);
  });

  it('offset lists advance by the rows received; page lists by page number', async () => {
    const offset = served([ids('a', 'b'), ids('c'), []], { paging: 'offset', rows: (body) => ({ rows: body as unknown[], path: '$' }) });
    expect((await offset.read()).entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(offset.queries).toEqual([
      { limit: '100', offset: '0' },
      { limit: '100', offset: '2' },
      { limit: '100', offset: '3' },
    ]);
    const page = served([ids('a'), ids('b'), []], { paging: 'page', pageSize: 1, rows: (body) => ({ rows: body as unknown[], path: '$' }) });
    expect((await page.read()).entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(page.queries).toEqual([
      { limit: '1', page: '1' },
      { limit: '1', page: '2' },
      { limit: '1', page: '3' },
    ]);
  });

  it.each([[''], ['.'], ['..'], ['a/b'], ['%2F'], ['x?y'], ['x#y'], ['a\u0000']])(
    'an enumerated id %j is never requested: skipped, and the list is incomplete',
    async (bad) => {
      const listing = await served([{ data: [{ id: 'ok1' }, { id: bad }, { id: 'ok2' }], nextCursor: null }]).read();
      expect(listing.entries.map((e) => e.id)).toEqual(['ok1', 'ok2']);
      expect(listing.error?.code).toBe('LIST_INCOMPLETE');
      expect(listing.error?.message).toContain('names an entry that cannot be read safely');
      expect(listing.error?.message).not.toMatch(/[\u0000]/);
    },
  );

  it('a provider that states where its signals are is judged by the same rule', async () => {
    const signals = (body: unknown) => {
      const page = body as { state: { more: unknown; after: unknown } };
      return { more: [{ at: '$.state.more', value: page.state.more }], cursor: [{ at: '$.state.after', value: page.state.after }], link: [], total: [] };
    };
    const clear = served(
      [
        { data: ids('a'), state: { more: true, after: 'k1' } },
        { data: ids('b'), state: { more: false, after: null } },
      ],
      { signals },
    );
    expect(await clear.read()).toMatchObject({ entries: [{ id: 'a' }, { id: 'b' }], error: null });
    const unclear = await served([{ data: ids('a'), state: { more: 'yes', after: 'k1' } }], { signals }).read();
    expect(unclear.error?.message).toBe('Swipelux for account \'acct\': the test list says $.state.more: "yes" (a string), not true or false');
  });

  it("tells the query whether every page so far was as long as the first (a server's own page size shows as a shorter first page)", async () => {
    const seenUniform: boolean[] = [];
    const query = (p: { offset: number; page: number; uniform: boolean }) => {
      seenUniform.push(p.uniform);
      return { offset: String(p.offset), ...(p.uniform ? { page: String(p.page) } : {}) };
    };
    const list = served([ids('a', 'b'), ids('c', 'd'), ids('e'), ids('f', 'g'), []], {
      paging: 'offset',
      query,
      rows: (body) => ({ rows: body as unknown[], path: '$' }),
    });
    expect((await list.read()).entries.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(seenUniform).toEqual([true, true, true, false, false]);
    expect(list.queries).toEqual([{ offset: '0', page: '1' }, { offset: '2', page: '2' }, { offset: '4', page: '3' }, { offset: '5' }, { offset: '7' }]);
  });

  it('each row is named by its path in its own page, for the id and for later shape errors', async () => {
    const paths: string[] = [];
    const list = served(
      [
        { data: ids('a', 'b'), nextCursor: 'c1' },
        { data: ids('c'), nextCursor: null },
      ],
      {
        idOf: (row, path) => (paths.push(path), (row as { id: string }).id),
      },
    );
    const listing = await list.read();
    expect(paths).toEqual(['$.data[0]', '$.data[1]', '$.data[0]']);
    expect(listing.entries.map((e) => [e.id, e.path])).toEqual([
      ['a', '$.data[0]'],
      ['b', '$.data[1]'],
      ['c', '$.data[0]'],
    ]);
  });

  it('rows without identity (balance rows) are all kept, duplicates included: the sanity boundary judges those', async () => {
    const list = served([{ data: [{ c: 'USD' }, { c: 'USD' }] }], { paging: 'single', idOf: undefined });
    const listing = await list.read();
    expect([listing.entries.map((e) => [e.id, e.path]), listing.error]).toEqual([
      [
        [null, '$.data[0]'],
        [null, '$.data[1]'],
      ],
      null,
    ]);
    expect(list.queries).toEqual([{}]);
  });
});
