// Build normalized balances directly for unit tests of the pure cores.
import { makeBalance, type Balance } from '../../src/core/balance.js';
import { Decimal, parseAmount } from '../../src/core/money.js';

export function balance(
  fields: Partial<Omit<Balance, 'available' | 'pending' | 'total' | 'usdValue' | 'usdRate' | 'networkFee'>> & {
    available?: string | null;
    pending?: string | null;
    total?: string | null;
    usdValue?: string | null;
    usdRate?: string | null;
    networkFee?: string | null;
  },
): Balance {
  const dec = (v: string | null | undefined) => (v === undefined || v === null ? v : new Decimal(v));
  const scales = [fields.available, fields.pending, fields.total].map((v) => {
    const parsed = v ? parseAmount(v) : null;
    return parsed && 'scale' in parsed ? parsed.scale : 0;
  });
  return makeBalance({
    account: fields.account ?? 'acct',
    provider: fields.provider ?? 'syncpay',
    mode: fields.mode ?? null,
    currency: fields.currency ?? 'USD',
    network: fields.network ?? null,
    providerCurrency: fields.providerCurrency ?? fields.currency ?? 'USD',
    wallet: fields.wallet ?? null,
    available: dec(fields.available),
    pending: dec(fields.pending),
    total: dec(fields.total),
    usdValue: dec(fields.usdValue),
    usdRate: dec(fields.usdRate),
    usdSource: fields.usdSource ?? null,
    networkFee: dec(fields.networkFee),
    assetDecimals: fields.assetDecimals ?? null,
    scale: Math.max(...scales),
    ...(fields.fields ? { fields: fields.fields } : {}),
    raw: {},
  });
}
