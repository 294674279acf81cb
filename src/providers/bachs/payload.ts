// The balance payload SyncPay and Bachs share (Bachs kept SyncPay's field names):
//   {"account_id": "org_…", "balances": [{"currency": "USD", "available_balance": "95178.20",
//    "pending_balance": "0.00"}], "total_balance_usd": "95221.29", "pending_settlements_by_day": []}
// SyncPay adds `success: true`; Bachs adds `pending_settlements_by_day`, which is not read: its item
// shape is undocumented and the pending figures it would split by day are already in the rows.
// Each record's `raw` is its balance row, as for every provider. total = available + pending; `total_balance_usd` is kept
// for reconciliation. The balance call is not paged (OpenAPI); the rows still go through the kit's
// paginator as one page, so a body that says more follow is LIST_INCOMPLETE, never a silent cut.
import { makeBalance, type Mode } from '../../core/balance.js';
import { canonicalCurrency } from '../../core/currencies.js';
import { readList } from '../kit/paginator.js';
import { amount, arr, obj, optAmount, scaleOf, str } from '../kit/shape.js';
import type { AdapterContext, AdapterResult, ReportedTotal } from '../kit/adapter.js';

export async function parseAccountBalances(ctx: AdapterContext, body: Record<string, unknown>, mode: Mode | null): Promise<AdapterResult> {
  const listing = await readList(ctx, {
    what: 'the balance list',
    paging: 'single',
    hint: 'the provider may have started paging its balances; --debug shows the response',
    fetch: () => Promise.resolve(body),
    rows: () => ({ rows: arr(body.balances, '$.balances'), path: '$.balances' }),
  });
  const balances = listing.entries.map(({ row, path }) => {
    const item = obj(row, path);
    const code = str(item.currency, `${path}.currency`);
    const available = amount(item.available_balance, `${path}.available_balance`);
    const pending = amount(item.pending_balance, `${path}.pending_balance`);
    return makeBalance({
      account: ctx.account.name,
      provider: ctx.info.id,
      mode,
      ...canonicalCurrency(code),
      providerCurrency: code,
      available: available.value,
      pending: pending.value,
      fields: { available: 'available_balance', pending: 'pending_balance' },
      scale: scaleOf(available, pending),
      raw: row,
    });
  });
  const reportedUsd = listing.error ? null : optAmount(body.total_balance_usd, '$.total_balance_usd');
  const reported: ReportedTotal[] = reportedUsd
    ? [{ account: ctx.account.name, provider: ctx.info.id, scope: 'account', scopeId: null, currency: 'USD', amount: reportedUsd.value, wallets: null }]
    : [];
  return { balances, reported, errors: listing.error ? [listing.error] : [], notices: [] };
}
