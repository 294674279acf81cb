// `config check --explain ACCOUNT`: one request for the first page of a declared provider's
// balance list, and what each path of the declaration finds in it — the records, the paging
// signals and the rule's verdict on them, each record's wallet and rows, each row field by field
// (the value found, what it reads as, or why it cannot be read) — so a user can get a declaration
// right in minutes. The mapping is the adapter's own (mapping.ts), not a second one.
import { stringify } from 'lossless-json';
import { forTerminal } from '../../core/sanitize.js';
import { formatAmount, type Balance } from '../../core/balance.js';
import type { AdapterContext, ExplainedField, ExplainedRecord, Explanation, ProviderAdapter } from '../kit/adapter.js';
import { judgePage } from '../kit/page-signals.js';
import { PAGE_SIZE } from '../kit/paginator.js';
import { buildUrl } from '../kit/request.js';
import { ShapeError } from '../kit/shape.js';
import type { DeclaredProvider, FieldName } from './declaration.js';
import { locationText, selectList, selectOne } from './jsonpath.js';
import { mapRow, modeOf, readRow, recordRows, type RecordNode } from './mapping.js';
import { call, pageQuery, pageSignals } from './request.js';

/** Records and rows shown; the counts still cover all of the page. */
const SHOWN_RECORDS = 5;
const SHOWN_ROWS = 10;

export async function explainFirstPage(adapter: ProviderAdapter, d: DeclaredProvider, ctx: AdapterContext): Promise<Explanation> {
  const { balances: spec } = d;
  const first = { limit: spec.paginate?.pageSize ?? PAGE_SIZE, offset: 0, page: 1, cursor: null, uniform: true };
  const query = { ...spec.query, ...(spec.paginate ? pageQuery(spec.paginate, first) : {}) };
  const url = buildUrl('http://x', spec.path, query);
  const request = `GET ${spec.path}${url.search}`;
  const body = await call(adapter, d, ctx, { method: 'GET', path: spec.path, query, headers: {}, resource: `the balance list ${spec.path}` });
  const problems: string[] = [];
  let records: RecordNode[] = [];
  try {
    records = selectList(spec.records, body, '$').map((n) => ({ value: n.value, at: `$${locationText(n.location)}` }));
  } catch (error) {
    problems.push(problemText(error));
  }
  const verdict = judgePage(pageSignals(spec.paginate, body), spec.paginate?.type ?? 'single', records.length, records.length);
  const paging =
    verdict.next === 'end'
      ? 'end: the list is complete in this page'
      : verdict.next === 'more'
        ? `more: the next page is asked for${verdict.cursor ? ` with cursor ${forTerminal(verdict.cursor, 40)}` : ''}`
        : `incomplete: the list ${verdict.why}`;
  const mode = modeOf(d, ctx);
  let balances = 0;
  const shown: ExplainedRecord[] = [];
  for (const [i, record] of records.entries()) {
    const explained = explainRecord(d, ctx, record, mode);
    balances += explained.balances;
    problems.push(...explained.problems);
    if (i < SHOWN_RECORDS) shown.push(explained.record);
  }
  return { request, records: { path: spec.records.text, found: records.length }, paging, shown, balances, problems: [...new Set(problems)] };
}

function explainRecord(
  d: DeclaredProvider,
  ctx: AdapterContext,
  record: RecordNode,
  mode: ReturnType<typeof modeOf>,
): { record: ExplainedRecord; balances: number; problems: string[] } {
  const explained: ExplainedRecord = { at: record.at, wallet: null, walletName: null, rows: 0, shown: [], problem: null };
  let rows: RecordNode[];
  try {
    const found = recordRows(d, record);
    Object.assign(explained, { wallet: found.wallet, walletName: found.walletName, rows: found.rows.length });
    rows = found.rows;
  } catch (error) {
    explained.problem = problemText(error);
    return { record: explained, balances: 0, problems: [explained.problem] };
  }
  const problems: string[] = [];
  let balances = 0;
  for (const [i, row] of rows.entries()) {
    let mapped: Balance | null = null;
    try {
      mapped = mapRow(d, ctx, row, mode, explained.wallet, explained.walletName);
      balances++;
    } catch (error) {
      // Every field's problem, not only the first that stopped the row.
      const fields = readRow(d, row).problems.map(([, e]) => e.message);
      problems.push(...(fields.length > 0 ? fields : [problemText(error)]));
    }
    if (i < SHOWN_ROWS) explained.shown.push({ at: row.at, fields: explainFields(d, row, mapped) });
  }
  return { record: explained, balances, problems };
}

const FIELDS: FieldName[] = ['currency', 'network', 'available', 'pending', 'total', 'usdValue', 'usdRate', 'networkFee', 'decimals', 'updatedAt'];

function explainFields(d: DeclaredProvider, row: RecordNode, mapped: Balance | null): ExplainedField[] {
  const fields: ExplainedField[] = [];
  const scale = d.balances.scale;
  const paths = { ...d.balances.fields, ...(scale !== null && typeof scale !== 'number' ? { scale } : {}) };
  const problems = new Map(readRow(d, row).problems.map(([name, error]) => [name, error.problem]));
  for (const name of [...FIELDS, 'scale' as const]) {
    const path = paths[name];
    if (!path) continue;
    let found: string | null = null;
    let problem = problems.get(name) ?? null;
    try {
      const value = selectOne(path, row.value, row.at);
      found = value === undefined ? null : forTerminal(stringify(value) ?? 'a value JSON cannot write', 80);
    } catch (error) {
      problem = problemText(error);
    }
    fields.push({ name, path: path.text, found, reads: problem === null && mapped ? readsAs(name, mapped) : null, problem });
  }
  return fields;
}

/** What the tool made of a field, as `balances --json` would show it. */
function readsAs(name: FieldName | 'scale', b: Balance): string | null {
  switch (name) {
    case 'currency':
      return `${b.currency} (provider code ${b.providerCurrency})`;
    case 'network':
      return b.network;
    case 'available':
    case 'pending':
    case 'total':
      return formatAmount(b[name], b.scale) ?? 'unknown';
    case 'usdValue':
    case 'usdRate':
    case 'networkFee':
      return b[name]?.toFixed() ?? null;
    case 'decimals':
      return b.assetDecimals === null ? null : String(b.assetDecimals);
    case 'updatedAt':
      return b.updatedAt;
    case 'scale':
      return String(b.scale);
  }
}

function problemText(error: unknown): string {
  if (error instanceof ShapeError) return error.message;
  throw error;
}
