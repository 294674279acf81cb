// The three documented Cryptofuse wallet-balance responses. The parser recognizes each by its
// structure, never by the configured apiVersion, so a tenant answering an older shape still works.
//
// v1, GET /wallets/balances?wallet_id=… (doc page 003):
//   {"result": {"id": "550e…", "name": "Trading Wallet",
//               "balances": [{"currency": "usdterc20", "amount": "500.75", "pendingAmount": "100.00"}]}}
//   The page contradicts itself: its table calls `amount` the available balance, its notes say
//   available = amount − pendingAmount and that pending funds cannot be withdrawn. Only the second
//   reading is consistent (and matches v3, where amount is the total), so amount = total and
//   available = amount − pendingAmount: 500.75 − 100.00 → available 400.75.
// v2, POST /wallets/balance (doc page 004): balances keyed by lower-case code, JSON numbers:
//   {"wallet_id": "550e…", "wallet_name": "Player Account", "balances": {"btc": {"available": 0.025,
//    "pending": 0.01, "total": 0.035, "usd_value": 1421.75, "address": "…", "blockchain": "BTC",
//    "last_transaction_at": "2025-04-28T09:12:33.456Z"}}, "total_usd_value": 3121.75, "last_updated": "…"}
// v3, POST /wallets/balances/ (current docs): strings or numbers:
//   {"account": {"id": "550e…", "name": "Player 12345", "external_id": "player-12345", "wallet_id": "w_…"},
//    "balances": [{"currency": "USDTTRC20", "amount": "500.00", "pending_amount": "100.00", "available_balance": "400.00"}]}
// Figures that do not add up are not judged here: the sanity boundary (core/sanity.ts) does it.
import type { BalanceInput } from '../../core/balance.js';
import { canonicalCurrency } from '../../core/currencies.js';
import { isLosslessNumber } from '../../core/json.js';
import type { Decimal } from '../../core/money.js';
import { amount, arr, isObject, obj, optAmount, optStr, optTimestamp, scaleOf, ShapeError, str } from '../kit/shape.js';

/** A balance as parsed, before account, provider, mode and wallet are attached. */
export type ParsedBalance = Omit<BalanceInput, 'account' | 'provider' | 'mode' | 'wallet' | 'walletName'>;

export interface WalletBalances {
  walletId: string | null;
  walletName: string | null;
  balances: ParsedBalance[];
  /** The wallet's USD total as the provider computed it (v2 total_usd_value). */
  reportedUsd: Decimal | null;
  /** Things worth saying on stderr about this response. */
  notices: string[];
}

/** Ids are strings in every documented shape; a number is accepted as its text. */
export function readId(value: unknown, path: string): string | null {
  if (isLosslessNumber(value)) return value.value;
  const text = optStr(value, path);
  return text === '' ? null : text;
}

export function parseWalletBalances(body: unknown): WalletBalances {
  const root = obj(body, '$');
  if (isObject(root.result)) {
    const result = root.result;
    return listShape(result.balances, '$.result.balances', readId(result.id, '$.result.id'), optStr(result.name, '$.result.name'));
  }
  if (Array.isArray(root.balances)) {
    // v3; `account` is documented, but a bare balances list is read the same way.
    const account = root.account === undefined ? {} : obj(root.account, '$.account');
    const id = readId(account.id, '$.account.id') ?? readId(account.wallet_id, '$.account.wallet_id');
    return listShape(root.balances, '$.balances', id, optStr(account.name, '$.account.name'));
  }
  if (isObject(root.balances)) return keyedShape(root);
  throw new ShapeError('$', 'expected a wallet balance: result.balances (v1), a balances object (v2) or account + balances (v3)');
}

/** v1 and v3: a list of {currency, amount (= total), pending, available?}. */
function listShape(value: unknown, path: string, walletId: string | null, walletName: string | null): WalletBalances {
  const balances = arr(value, path).map((row, i): ParsedBalance => {
    const at = `${path}[${i}]`;
    const item = obj(row, at);
    const code = str(item.currency, `${at}.currency`);
    const total = amount(item.amount, `${at}.amount`);
    const pendingKey = item.pendingAmount !== undefined ? 'pendingAmount' : 'pending_amount';
    const pending = optAmount(item[pendingKey], `${at}.${pendingKey}`);
    const available = optAmount(item.available_balance, `${at}.available_balance`);
    const network = optStr(item.network ?? item.blockchain, `${at}.network`);
    return {
      ...canonicalCurrency(code, network),
      providerCurrency: code,
      total: total.value,
      pending: pending?.value ?? null,
      available: available?.value ?? null,
      fields: { total: 'amount', ...(pending ? { pending: pendingKey } : {}), ...(available ? { available: 'available_balance' } : {}) },
      scale: scaleOf(total, pending, available),
      raw: row,
    };
  });
  return { walletId, walletName, balances, reportedUsd: null, notices: [] };
}

/** v2: {code: {available, pending, total, usd_value, blockchain, last_transaction_at, …}}. */
function keyedShape(root: Record<string, unknown>): WalletBalances {
  const lastUpdated = optTimestamp(root.last_updated, '$.last_updated');
  const balances = Object.entries(obj(root.balances, '$.balances')).map(([code, row]): ParsedBalance => {
    const at = `$.balances.${code}`;
    const item = obj(row, at);
    const available = optAmount(item.available, `${at}.available`);
    const pending = optAmount(item.pending, `${at}.pending`);
    const total = optAmount(item.total, `${at}.total`);
    if (!available && !pending && !total) throw new ShapeError(at, 'expected available, pending or total');
    return {
      ...canonicalCurrency(code, optStr(item.blockchain, `${at}.blockchain`)),
      providerCurrency: code,
      available: available?.value ?? null,
      pending: pending?.value ?? null,
      total: total?.value ?? null,
      fields: { available: 'available', pending: 'pending', total: 'total' },
      usdValue: optAmount(item.usd_value, `${at}.usd_value`)?.value ?? null,
      updatedAt: optTimestamp(item.last_transaction_at, `${at}.last_transaction_at`) ?? lastUpdated,
      scale: scaleOf(available, pending, total),
      raw: row,
    };
  });
  return {
    walletId: readId(root.wallet_id, '$.wallet_id'),
    walletName: optStr(root.wallet_name, '$.wallet_name'),
    balances,
    reportedUsd: optAmount(root.total_usd_value, '$.total_usd_value')?.value ?? null,
    notices: [],
  };
}
