// The adapter of every declared provider: the declaration (declaration.ts) says where the balances
// are and how the list pages; the provider kit does everything else exactly as for a built-in
// provider — requests through the one client (retries, Retry-After, pacing, proxies, the redactor,
// https or loopback only, no redirect followed), the lossless parse, the one paginator (anything but
// a clear end is LIST_INCOMPLETE), and the same mapping of HTTP statuses to errors and exit codes.
import { BadResponseError } from '../../core/errors.js';
import { forTerminal } from '../../core/sanitize.js';
import type { AdapterContext, AdapterResult, ErrorDetail, ProviderAdapter, ReportedTotal } from '../kit/adapter.js';
import type { ProviderInfo } from '../kit/info.js';
import { readList } from '../kit/paginator.js';
import { optAmount, ShapeError, str } from '../kit/shape.js';
import type { DeclaredProvider } from './declaration.js';
import { explainFirstPage } from './explain.js';
import { locationText, selectList, selectOne, type JsonPath } from './jsonpath.js';
import { idText, mapRecord, modeOf, type RecordNode } from './mapping.js';
import { call, pageQuery, pageSignals } from './request.js';

export function declaredAdapter(d: DeclaredProvider, info: ProviderInfo): ProviderAdapter {
  const adapter: ProviderAdapter = {
    info,
    errorDetail: (body) => errorDetail(d, body),
    fetchBalances: (ctx) => fetchBalances(adapter, d, ctx),
    explain: (ctx) => explainFirstPage(adapter, d, ctx),
  };
  return adapter;
}

async function fetchBalances(adapter: ProviderAdapter, d: DeclaredProvider, ctx: AdapterContext): Promise<AdapterResult> {
  const { balances: spec } = d;
  const paging = spec.paginate;
  let firstPage: unknown;
  try {
    const listing = await readList(ctx, {
      what: 'the balance list',
      paging: paging?.type ?? 'single',
      hint: `check providers.${d.id}.balances.paginate; config check --explain ${ctx.account.name} shows what the first page holds`,
      ...(paging ? { pageSize: paging.pageSize } : {}),
      query: (at) => ({ ...spec.query, ...(paging ? pageQuery(paging, at) : {}) }),
      fetch: async (query) => {
        const body = await call(adapter, d, ctx, { method: 'GET', path: spec.path, query, headers: {}, resource: `the balance list ${spec.path}` });
        firstPage ??= body;
        return body;
      },
      rows: (body) => ({
        rows: selectList(spec.records, body, '$').map((node): RecordNode => ({ value: node.value, at: `$${locationText(node.location)}` })),
        path: '$',
      }),
      signals: (body) => pageSignals(paging, body),
      ...(spec.wallet ? { idOf: (row: unknown) => walletId(spec.wallet?.id as JsonPath, row as RecordNode), idsInPaths: false } : {}),
    });
    const mode = modeOf(d, ctx);
    const balances = listing.entries.flatMap(({ row }) => mapRecord(d, ctx, row as RecordNode, mode));
    const reported = listing.error ? [] : reportedTotal(d, ctx, firstPage);
    return { balances, reported, errors: listing.error ? [listing.error] : [], notices: [] };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new BadResponseError(`${d.displayName} sent a response for account '${ctx.account.name}' that does not match its declaration: ${error.message}`, {
      code: 'BAD_SHAPE',
      hint: `check providers.${d.id}.balances; config check --explain ${ctx.account.name} shows what the first page maps to`,
    });
  }
}

function walletId(path: JsonPath, record: RecordNode): string {
  return str(idText(selectOne(path, record.value, record.at)), `${record.at}${path.text.slice(1)}`);
}

function reportedTotal(d: DeclaredProvider, ctx: AdapterContext, body: unknown): ReportedTotal[] {
  if (!d.balances.totalUsd) return [];
  const amount = optAmount(selectOne(d.balances.totalUsd, body, '$'), `$${d.balances.totalUsd.text.slice(1)}`);
  return amount ? [{ account: ctx.account.name, provider: d.id, scope: 'account', scopeId: null, currency: 'USD', amount: amount.value, wallets: null }] : [];
}

/** The provider's code and message from an error body, where the declaration says; best effort, never a second failure. */
function errorDetail(d: DeclaredProvider, body: unknown): ErrorDetail {
  const text = (path: JsonPath | null): string | undefined => {
    if (!path) return undefined;
    try {
      const raw = idText(selectOne(path, body, '$'));
      return typeof raw === 'string' && raw.trim() !== '' ? forTerminal(raw, 200) : undefined;
    } catch {
      return undefined;
    }
  };
  return { code: text(d.errors.code), message: text(d.errors.message) };
}
