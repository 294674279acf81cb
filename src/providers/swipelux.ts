// Swipelux v1: GET {base}/v1/wallets/{walletId}/balance and GET {base}/v1/customers/{customerId}/balances,
// header X-API-Key (sk.sbx.… sandbox keys, sk.live.… live keys). One call per configured id.
// @see https://docs.swipelux.com/balances
//
// Trimmed samples (docs):
//   wallet:   {"walletId": "wal_abc123", "network": "polygon", "lastUpdated": "2024-01-15T10:30:00Z",
//              "balances": [{"currency": "USDC", "amount": "1250.50", "decimals": 6}, …]}
//   customer: {"customerId": "cus_abc123", "totalBalance": {"amount": "2500.75", "currency": "USD"},
//              "wallets": [{"walletId": "wal_poly_001", "network": "polygon", "address": "0x…",
//                           "balances": [{"currency": "USDC", "amount": "1250.50"}]}, …]}
//   legacy "wallet-infrastructure" guide, same customer path: {"balance": 48.5} (USD net worth).
// Errors (v3 docs; v1 bodies are undocumented): problem+json {type, title, status, code, detail, …}.
// No pending/available split is documented: available = total = amount, pending null (unknown).
import { makeBalance, type Balance, type Mode } from '../core/balance.js';
import { canonicalCurrency } from '../core/currencies.js';
import { BadResponseError, isBalanceError, type BalanceError } from '../core/errors.js';
import { formatDecimal, parseAmount } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import { PROVIDERS } from './catalog.js';
import { callJson, modeFromKeyPrefix, whoLabel } from './request.js';
import { amount, arr, badShapeError, isObject, listSetting, obj, optInt, optStr, optText, optTimestamp, ShapeError, str } from './shape.js';
import type { AdapterContext, AdapterResult, ProviderAdapter, ReportedTotal } from './types.js';

type Part = Omit<AdapterResult, 'errors'>;

/** One configured id being read: what every request and message needs to know. */
interface Job {
  adapter: ProviderAdapter;
  ctx: AdapterContext;
  mode: Mode | null;
  id: string;
  /** "wallet wal_abc123", for 403/404 messages. */
  resource: string;
}

interface WalletInfo {
  wallet: string;
  network: string | null;
  updatedAt: string | null;
}

/** One wallet's `balances` rows → records; `path` names the rows for shape errors. */
function walletBalances(job: Job, info: WalletInfo, rows: unknown[], path: string): Balance[] {
  const { ctx } = job;
  return rows.map((row, i) => {
    const at = `${path}[${i}]`;
    const item = obj(row, at);
    const code = str(item.currency, `${at}.currency`);
    const value = amount(item.amount, `${at}.amount`);
    return makeBalance({
      account: ctx.account.name,
      provider: ctx.info.id,
      mode: job.mode,
      wallet: info.wallet,
      ...canonicalCurrency(code, info.network),
      providerCurrency: code,
      available: value.value,
      total: value.value,
      pending: null,
      // `decimals` is token metadata (6 for USDC), not a scale to apply: "1250.50" is in whole units.
      assetDecimals: optInt(item.decimals, `${at}.decimals`),
      fields: { available: 'amount', total: 'amount' },
      updatedAt: info.updatedAt,
      scale: value.scale,
      raw: row,
    });
  });
}

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

/** GET a path with the key; the legacy shape is recognized before the documented shape is read. */
async function get(job: Job, path: string): Promise<Record<string, unknown>> {
  const { ctx } = job;
  const headers = { 'x-api-key': ctx.account.credentials.apiKey ?? '' };
  const raw = await callJson(job.adapter, ctx, { method: 'GET', path, headers, resource: job.resource });
  const legacy = legacyShape(ctx, job.resource, raw);
  if (legacy) throw legacy;
  return obj(raw, '$');
}

async function readWallet(job: Job): Promise<Part> {
  const body = await get(job, `/v1/wallets/${encodeURIComponent(job.id)}/balance`);
  const info = {
    wallet: optStr(body.walletId, '$.walletId') ?? job.id,
    network: optStr(body.network, '$.network'),
    updatedAt: optTimestamp(body.lastUpdated, '$.lastUpdated'),
  };
  return { balances: walletBalances(job, info, arr(body.balances, '$.balances'), '$.balances'), reported: [], notices: [] };
}

async function readCustomer(job: Job): Promise<Part> {
  const { ctx, id } = job;
  const body = await get(job, `/v1/customers/${encodeURIComponent(id)}/balances`);
  const balances: Balance[] = [];
  const walletIds: string[] = [];
  arr(body.wallets, '$.wallets').forEach((entry, i) => {
    const path = `$.wallets[${i}]`;
    const wallet = obj(entry, path);
    // Customer wallets carry no lastUpdated (and their rows no decimals).
    const info = { wallet: str(wallet.walletId, `${path}.walletId`), network: optStr(wallet.network, `${path}.network`), updatedAt: null };
    walletIds.push(info.wallet);
    balances.push(...walletBalances(job, info, arr(wallet.balances, `${path}.balances`), `${path}.balances`));
  });
  const reported: ReportedTotal[] = [];
  const notices: string[] = [];
  if (body.totalBalance !== undefined && body.totalBalance !== null) {
    const total = obj(body.totalBalance, '$.totalBalance');
    const value = amount(total.amount, '$.totalBalance.amount');
    const currency = str(total.currency, '$.totalBalance.currency');
    // Reconciliation compares USD figures only; another base currency is mentioned, never mislabelled.
    if (currency.toUpperCase() === 'USD') {
      reported.push({ account: ctx.account.name, provider: ctx.info.id, scope: 'customer', scopeId: id, currency: 'USD', amount: value.value, wallets: walletIds });
    } else {
      notices.push(`${whoLabel(ctx)}: ${job.resource}'s total is in ${forTerminal(currency, 16)}, not USD; it is not used to reconcile totals`);
    }
  }
  return { balances, reported, notices };
}

/**
 * Read one id; its failure becomes an entry in `errors` so a 404 (or an odd body) for one wallet
 * or customer does not hide the others. Bugs (non-BalanceError, non-shape) still fail the account.
 */
async function isolated(job: Job, read: (job: Job) => Promise<Part>): Promise<Part & { error?: BalanceError }> {
  const { ctx, resource } = job;
  try {
    return await read(job);
  } catch (error) {
    const empty = { balances: [], reported: [], notices: [] };
    if (isBalanceError(error)) return { ...empty, error };
    if (!(error instanceof ShapeError)) throw error;
    return { ...empty, error: badShapeError(ctx.info.displayName, ctx.account.name, error, resource) };
  }
}

export const swipelux: ProviderAdapter = {
  info: PROVIDERS.swipelux,

  // problem+json: {"code": "forbidden", "title": "Forbidden", "detail": "API key is missing required
  // permission: balances:read"}. v1 bodies are undocumented, so common fallbacks are read too.
  errorDetail(body) {
    if (!isObject(body)) return {};
    const nested = isObject(body.error) ? body.error : {};
    return {
      code: optText(body.code) ?? optText(nested.code),
      message: optText(body.detail) ?? optText(body.title) ?? optText(body.message) ?? optText(nested.message) ?? optText(body.error),
    };
  },

  async fetchBalances(ctx) {
    const mode = modeFromKeyPrefix(ctx, 'sk.sbx.', 'sk.live.');
    // Every id at once: the shared limiter keeps at most `concurrency` requests in flight per key.
    const job = (kind: string, id: string): Job => ({ adapter: this, ctx, mode, id, resource: `${kind} ${forTerminal(id, 80)}` });
    const parts = await Promise.all([
      ...listSetting(ctx.account.settings.wallets).map((id) => isolated(job('wallet', id), readWallet)),
      ...listSetting(ctx.account.settings.customers).map((id) => isolated(job('customer', id), readCustomer)),
    ]);
    // A wallet listed on its own and inside a listed customer is counted once (the wallet call,
    // which comes first and carries decimals and lastUpdated), so totals are not doubled.
    const owner = new Map<string, number>();
    parts.forEach((part, i) => part.balances.forEach((b) => b.wallet !== null && !owner.has(b.wallet) && owner.set(b.wallet, i)));
    // A bad key fails every id the same way: say it once.
    const errors = new Map<string, BalanceError>();
    for (const part of parts) if (part.error) errors.set(`${part.error.code} ${part.error.message}`, part.error);
    return {
      balances: parts.flatMap((part, i) => part.balances.filter((b) => b.wallet === null || owner.get(b.wallet) === i)),
      reported: parts.flatMap((part) => part.reported),
      errors: [...errors.values()],
      notices: parts.flatMap((part) => part.notices),
    };
  },
};
