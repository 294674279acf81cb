// Read the balances of each wallet target with the configured API version's request, a few at a
// time (the shared limiter also keeps every credential under the documented 100 requests/minute).
//
// Failures are sorted by what they say about the account. A wallet the provider does not know
// (404), a request it rejects (400) or a body we cannot read concerns that wallet only: it is
// recorded and the other wallets still count. Anything else (401/403, 429 after retries, 5xx,
// timeouts) would fail every remaining wallet the same way, so no further wallets are started.
import { makeBalance, type Balance } from '../../core/balance.js';
import { BalanceError } from '../../core/errors.js';
import { badShapeError, ShapeError } from '../kit/shape.js';
import type { AdapterContext, AdapterResult, ProviderAdapter, ReportedTotal } from '../kit/adapter.js';
import { authedCall, type CryptofuseCall } from './auth.js';
import { parseWalletBalances, type WalletBalances } from './shapes.js';
import type { ApiVersion, WalletTarget } from './wallets.js';

const WALLET_SCOPED = new Set(['NOT_FOUND', 'REJECTED', 'BAD_SHAPE']);

function describeTarget(target: WalletTarget): string {
  return target.by === 'wallet_id' ? `wallet ${target.id}` : `external_id ${target.id}`;
}

/** The balance request of each documented API version. */
export function balanceCall(version: ApiVersion, target: WalletTarget, includeZero: boolean): CryptofuseCall {
  const resource = describeTarget(target);
  if (version === 'v1') return { method: 'GET', path: '/wallets/balances', query: { wallet_id: target.id }, resource };
  if (version === 'v2') {
    // --hide-zero and the provider's own filter agree: zero rows are asked for only when shown.
    return { method: 'POST', path: '/wallets/balance', json: { wallet_id: target.id, include_zero_balances: includeZero }, resource };
  }
  return { method: 'POST', path: '/wallets/balances/', json: { [target.by]: target.id }, resource };
}

async function readWallet(adapter: ProviderAdapter, ctx: AdapterContext, version: ApiVersion, target: WalletTarget): Promise<AdapterResult> {
  // The newer wallet list already carried this wallet's balances: no second call.
  const body = target.embedded ?? (await authedCall(adapter, ctx, balanceCall(version, target, ctx.includeZero)));
  let parsed: WalletBalances;
  try {
    parsed = parseWalletBalances(body);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw badShapeError(
      ctx.info.displayName,
      ctx.account.name,
      error,
      describeTarget(target),
      'the provider may have changed its API; check apiVersion, and --debug shows the request',
    );
  }
  const wallet = parsed.walletId ?? (target.by === 'wallet_id' ? target.id : null);
  const balances: Balance[] = parsed.balances.map((b) =>
    makeBalance({
      ...b,
      account: ctx.account.name,
      provider: ctx.info.id,
      mode: ctx.account.mode,
      wallet,
      walletName: parsed.walletName ?? target.name,
    }),
  );
  const reported: ReportedTotal[] = parsed.reportedUsd
    ? [
        {
          account: ctx.account.name,
          provider: ctx.info.id,
          scope: 'wallet',
          scopeId: wallet,
          currency: 'USD',
          amount: parsed.reportedUsd,
          wallets: wallet === null ? null : [wallet],
        },
      ]
    : [];
  return { balances, reported, errors: [], notices: parsed.notices };
}

/** Run `work` over items with at most `limit` at once; a false result stops new items from starting. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<boolean>): Promise<void> {
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      const index = next++;
      if (!(await work(items[index] as T, index))) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function readWallets(adapter: ProviderAdapter, ctx: AdapterContext, version: ApiVersion, targets: WalletTarget[]): Promise<AdapterResult> {
  // Dense, so that filter() also sees the slots of wallets never started (a sparse array skips them).
  const results: Array<AdapterResult | BalanceError | undefined> = Array.from({ length: targets.length }, () => undefined);
  let fatal: unknown = null;
  await eachLimited(targets, ctx.info.concurrency, async (target, index) => {
    try {
      results[index] = await readWallet(adapter, ctx, version, target);
      return true;
    } catch (error) {
      if (error instanceof BalanceError && WALLET_SCOPED.has(error.code)) {
        results[index] = error;
        return true;
      }
      fatal ??= error;
      return false;
    }
  });
  const read = results.filter((r): r is AdapterResult => r !== undefined && !(r instanceof BalanceError));
  const walletErrors = results.filter((r): r is BalanceError => r instanceof BalanceError);
  const merged: AdapterResult = {
    balances: read.flatMap((r) => r.balances),
    reported: read.flatMap((r) => r.reported),
    errors: walletErrors,
    notices: read.flatMap((r) => r.notices),
  };
  if (fatal !== null) {
    // Nothing was read (or it is a bug): the account fails as a whole, like any other adapter's.
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what a wallet read threw, as it was
    if (!(fatal instanceof BalanceError) || (read.length === 0 && walletErrors.length === 0)) throw fatal;
    merged.errors.push(fatal);
    const unread = results.filter((r) => r === undefined).length;
    merged.notices.push(`${unread} of ${targets.length} wallets of account '${ctx.account.name}' were not read because of its ${fatal.code} error`);
  }
  return merged;
}
