// Swipelux v1 reads. Two styles are documented and both are read:
//  - the Balances page: GET /v1/wallets/{walletId}/balance and GET /v1/customers/{id}/balances
//      wallet:   {"walletId": "wal_abc123", "network": "polygon", "lastUpdated": "2024-01-15T10:30:00Z",
//                 "balances": [{"currency": "USDC", "amount": "1250.50", "decimals": 6}, …]}
//      customer: {"customerId": "cus_abc123", "totalBalance": {"amount": "2500.75", "currency": "USD"},
//                 "wallets": [{"walletId": "wal_poly_001", "network": "polygon", "balances": [...]}, …]}
//  - the customer-scoped endpoints Swipelux's own client uses (concepts/wallets page):
//      GET /v1/customers/{id}/wallets → {"wallets": [Wallet]}; …/wallets/{walletId} → Wallet, where
//      Wallet = {"id": "wal_…", "address": "0x…", "chain": "polygon", "balances": [{"amount": "2450.00"
//      or 2450.00, "currency": "USDC"}]} (amount typed string | number: numbers are read losslessly).
//  - the older guide's {"balance": 48.5} on the customer path (a USD net worth; see legacyShape).
// No pending/available split is documented: available = total = amount, pending null (unknown).
import type { Balance } from '../../core/balance.js';
import { BadResponseError, type BalanceError } from '../../core/errors.js';
import { formatDecimal, parseAmount } from '../../core/money.js';
import { forTerminal } from '../../core/sanitize.js';
import { whoLabel } from '../kit/request.js';
import { pathSegment } from '../kit/path-segment.js';
import { amount, arr, isObject, obj, optStr, optTimestamp, str } from '../kit/shape.js';
import type { AdapterContext, ReportedTotal } from '../kit/adapter.js';
import { getJson, walletBalances, type Job, type Part, type PartRead } from './common.js';
import { walletIdOf, walletList } from './pages.js';

/**
 * The older guide's `{"balance": 48.5}`: a USD net worth with no per-currency balances. This is an
 * error (exit 6, code LEGACY_SHAPE), not just a notice: a notice would leave the run "complete"
 * with exit 0 while this customer's balances are silently missing, and a cron snapshot or payout
 * script would take the partial picture for the whole. The figure is still shown, exactly.
 */
function legacyShape(ctx: AdapterContext, resource: string, body: unknown): BalanceError | null {
  if (!isObject(body) || !('balance' in body) || 'balances' in body || 'wallets' in body) return null;
  const parsed = parseAmount(body.balance);
  const figure = 'error' in parsed ? 'a figure that is not a decimal' : `${formatDecimal(parsed.value)} USD`;
  const otherHost = ctx.baseUrl === ctx.info.defaultBaseUrl ? '' : `, or try the default host ${ctx.info.defaultBaseUrl}`;
  return new BadResponseError(
    `${ctx.info.displayName} answered the older wallet-infrastructure shape for ${resource} of account '${ctx.account.name}': only a net worth (${figure}), no per-currency balances`,
    { code: 'LEGACY_SHAPE', hint: `read its wallets by id instead (accounts.${ctx.account.name}.wallets)${otherHost}` },
  );
}

/** GET with the legacy shape recognized before the documented shape is read. */
async function get(job: Job, path: string): Promise<Record<string, unknown>> {
  const raw = await getJson(job, path);
  const legacy = legacyShape(job.ctx, job.resource, raw);
  if (legacy) throw legacy;
  return obj(raw, '$');
}

/** One wallet object of either style ({walletId, network} or {id, chain}) → records. */
function walletObject(job: Job, value: unknown, path: string, fallbackId?: string): Balance[] {
  const wallet = obj(value, path);
  const id = walletIdOf(wallet, path, fallbackId);
  const info = {
    wallet: id,
    network: optStr(wallet.network, `${path}.network`) ?? optStr(wallet.chain, `${path}.chain`),
    updatedAt: optTimestamp(wallet.lastUpdated, `${path}.lastUpdated`),
  };
  // An empty wallet may come as balances: [] or (customer-scoped style) without balances at all.
  const rows = wallet.balances === undefined || wallet.balances === null ? [] : arr(wallet.balances, `${path}.balances`);
  return walletBalances(job, info, rows, `${path}.balances`);
}

/** `wal_…`: GET /v1/wallets/{id}/balance (Balances page). */
export async function readWallet(job: Job): Promise<Part> {
  const body = await get(job, `/v1/wallets/${pathSegment(job.id)}/balance`);
  return { balances: walletObject(job, body, '$', job.id), reported: [], notices: [] };
}

/** `cus_…/wal_…`: GET /v1/customers/{customerId}/wallets/{walletId}, a bare Wallet. */
export async function readCustomerWallet(job: Job): Promise<Part> {
  const [customer = '', wallet = ''] = job.id.split('/');
  const body = await get(job, `/v1/customers/${pathSegment(customer)}/wallets/${pathSegment(wallet)}`);
  return { balances: walletObject(job, body, '$', wallet), reported: [], notices: [] };
}

/** An enumerated customer: GET /v1/customers/{id}/wallets → {wallets: [Wallet]}. */
export async function readCustomerWallets(job: Job): Promise<PartRead> {
  const body = await get(job, `/v1/customers/${pathSegment(job.id)}/wallets`);
  const listing = await walletList(job, body, `the wallet list of ${job.resource}`);
  const balances = listing.entries.flatMap((w) => walletObject(job, w.row, w.path));
  return { balances, reported: [], notices: [], ...(listing.error ? { error: listing.error } : {}) };
}

/** A configured customer: GET /v1/customers/{id}/balances, with its USD total for reconciliation. */
export async function readCustomer(job: Job): Promise<PartRead> {
  const { ctx, id } = job;
  const body = await get(job, `/v1/customers/${pathSegment(id)}/balances`);
  const listing = await walletList(job, body, `the wallets of ${job.resource}`);
  const balances: Balance[] = listing.entries.flatMap((w) => walletObject(job, w.row, w.path));
  const walletIds = listing.entries.map((w) => w.id ?? '');
  const reported: ReportedTotal[] = [];
  const notices: string[] = [];
  if (listing.error) return { balances, reported, notices, error: listing.error };
  // The customer's own total is compared only with a whole list of its wallets.
  if (body.totalBalance !== undefined && body.totalBalance !== null) {
    const total = obj(body.totalBalance, '$.totalBalance');
    const value = amount(total.amount, '$.totalBalance.amount');
    const currency = str(total.currency, '$.totalBalance.currency');
    // Reconciliation compares USD figures only; another base currency is mentioned, never mislabelled.
    if (currency.toUpperCase() === 'USD') {
      reported.push({
        account: ctx.account.name,
        provider: ctx.info.id,
        scope: 'customer',
        scopeId: id,
        currency: 'USD',
        amount: value.value,
        wallets: walletIds,
      });
    } else {
      notices.push(`${whoLabel(ctx)}: ${job.resource}'s total is in ${forTerminal(currency, 16)}, not USD; it is not used to reconcile totals`);
    }
  }
  return { balances, reported, notices };
}
