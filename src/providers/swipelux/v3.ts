// Swipelux v3 accounts (public-docs integration/accounts.mdx, migrate-to-v3 §1.7/§2.4):
//   GET /v3/customers/{customerId}/accounts → {"data": [Account], "nextCursor": "…"|null, "hasMore": bool}
//   GET /v3/customers/{customerId}/accounts/{accountId} → {"data": Account}
//   Account: {"id": "acc_1", "type": "wallet"|"bank", "status": "ready"|"provisioning"|…, "currency":
//     "USDC", "network": "base", "label": "…", "balances": [{"currency": "USDC", "available": "250.00",
//     "pending": "0"}]} — every amount a decimal string.
// One record per account balance: wallet = account id, walletName = label, network from the
// account. `pending` comes only from a third-party SDK: when absent it is unknown (null), and so
// is the total (available + unknown); values then rest on `available`. An account still being
// provisioned has no balances yet: it yields no record and is no error.
import { makeBalance, type Balance } from '../../core/balance.js';
import { canonicalCurrency } from '../../core/currencies.js';
import { pathSegment } from '../kit/path-segment.js';
import { amount, arr, obj, optAmount, optStr, optTimestamp, scaleOf, str } from '../kit/shape.js';
import { getJson, type Job, type Part, type PartRead } from './common.js';
import { v3List } from './pages.js';

export function accountBalances(job: Job, value: unknown, path: string): Balance[] {
  const { ctx } = job;
  const account = obj(value, path);
  if (account.status === 'provisioning' || account.balances === undefined || account.balances === null) return [];
  const id = str(account.id, `${path}.id`);
  const network = optStr(account.network, `${path}.network`);
  const walletName = optStr(account.label, `${path}.label`);
  const updatedAt = optTimestamp(account.updatedAt, `${path}.updatedAt`);
  return arr(account.balances, `${path}.balances`).map((row, i) => {
    const at = `${path}.balances[${i}]`;
    const item = obj(row, at);
    const code = str(item.currency, `${at}.currency`);
    const available = amount(item.available, `${at}.available`);
    const pending = optAmount(item.pending, `${at}.pending`);
    return makeBalance({
      account: ctx.account.name,
      provider: ctx.info.id,
      mode: job.mode,
      wallet: id,
      walletName,
      ...canonicalCurrency(code, network),
      providerCurrency: code,
      available: available.value,
      pending: pending?.value ?? null,
      fields: { available: 'available', ...(pending ? { pending: 'pending' } : {}) },
      updatedAt,
      scale: scaleOf(available, pending),
      raw: row,
    });
  });
}

/** `cus_…/acc_…`: one account. */
export async function readAccount(job: Job): Promise<Part> {
  const [customer = '', account = ''] = job.id.split('/');
  const body = obj(await getJson(job, `/v3/customers/${pathSegment(customer)}/accounts/${pathSegment(account)}`), '$');
  return { balances: accountBalances(job, body.data, '$.data'), reported: [], notices: [] };
}

/** A customer: every account on every page; a list cut short is an error, its pages still count. */
export async function readCustomerAccounts(job: Job): Promise<PartRead> {
  const listing = await v3List(job, `/v3/customers/${pathSegment(job.id)}/accounts`, `the account list of ${job.resource}`);
  const balances = listing.entries.flatMap(({ row, path }) => accountBalances(job, row, path));
  return { balances, reported: [], notices: [], ...(listing.error ? { error: listing.error } : {}) };
}
