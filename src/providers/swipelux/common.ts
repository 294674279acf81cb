// What every Swipelux read shares: the job (one configured id or one enumerated customer), the
// GET with X-API-Key, wallet rows → records, and per-id isolation of failures.
import { makeBalance, type Balance, type Mode } from '../../core/balance.js';
import { canonicalCurrency } from '../../core/currencies.js';
import { isBalanceError, type BalanceError } from '../../core/errors.js';
import { callJson } from '../kit/request.js';
import { amount, badShapeError, obj, optInt, ShapeError, str } from '../kit/shape.js';
import type { AdapterContext, AdapterResult, ProviderAdapter } from '../kit/adapter.js';

export type Part = Omit<AdapterResult, 'errors'>;
/** A read's records, and its error when it could only read part (a list cut short). */
export type PartRead = Part & { error?: BalanceError };
export const EMPTY_PART: Part = { balances: [], reported: [], notices: [] };

/** One id being read: what every request and message needs to know. */
export interface Job {
  adapter: ProviderAdapter;
  ctx: AdapterContext;
  mode: Mode | null;
  id: string;
  /** "wallet wal_abc123", for 403/404 messages. */
  resource: string;
}

export interface WalletInfo {
  wallet: string;
  walletName?: string | null;
  network: string | null;
  updatedAt: string | null;
}

/** GET a path with the key; the raw (lossless) body. */
export function getJson(job: Job, path: string, query?: Record<string, string>): Promise<unknown> {
  const headers = { 'x-api-key': job.ctx.account.credentials.apiKey ?? '' };
  return callJson(job.adapter, job.ctx, { method: 'GET', path, headers, resource: job.resource, ...(query ? { query } : {}) });
}

/** v1 wallet `balances` rows ({currency, amount (string or JSON number), decimals?}) → records. */
export function walletBalances(job: Job, info: WalletInfo, rows: unknown[], path: string): Balance[] {
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
      walletName: info.walletName ?? null,
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
 * Read one id; its failure becomes an entry in `errors` so a 404 (or an odd body) for one wallet
 * or customer does not hide the others. Bugs (non-BalanceError, non-shape) still fail the account.
 */
export async function isolated(job: Job, read: (job: Job) => Promise<PartRead>): Promise<PartRead> {
  const { ctx, resource } = job;
  try {
    return await read(job);
  } catch (error) {
    if (isBalanceError(error)) return { ...EMPTY_PART, error };
    if (!(error instanceof ShapeError)) throw error;
    return { ...EMPTY_PART, error: badShapeError(ctx.info.displayName, ctx.account.name, error, resource) };
  }
}
