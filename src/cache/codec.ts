// How one account's balances are written to and read back from the cache file. Amounts are exact
// decimal strings (never JSON numbers); the provider's raw item is not kept (it is the provider's
// data, not ours to persist). Reading is strict: anything unexpected makes the entry unusable, so a
// damaged or hand-edited file can cost a fetch but can never feed a wrong figure.
import { formatAmount, type Balance } from '../core/balance.js';
import { formatDecimal, parseUserDecimal, type Decimal } from '../core/money.js';
import { mapStrings } from '../core/secrets.js';
import type { AccountOutcome } from '../core/account.js';
import type { ReportedTotal } from '../core/totals.js';

export interface CacheEntry {
  account: string;
  provider: string;
  /** ISO time the provider was asked. */
  fetchedAt: string;
  balances: Record<string, unknown>[];
  reported: Record<string, unknown>[];
  notices: string[];
}

const dec = (value: Decimal | null) => (value === null ? null : formatDecimal(value));

/** The entry to store; `redact` runs over every string in it (a wallet name may echo the key). */
export function encodeOutcome(outcome: AccountOutcome, fetchedAt: Date, redact: (text: string) => string): CacheEntry {
  return mapStrings(plainEntry(outcome, fetchedAt), redact);
}

function plainEntry(outcome: AccountOutcome, fetchedAt: Date): CacheEntry {
  return {
    account: outcome.account,
    provider: outcome.provider,
    fetchedAt: fetchedAt.toISOString(),
    balances: outcome.balances.map((b) => ({
      account: b.account,
      provider: b.provider,
      mode: b.mode,
      wallet: b.wallet,
      walletName: b.walletName,
      currency: b.currency,
      network: b.network,
      providerCurrency: b.providerCurrency,
      // As the provider wrote them ("1250.50"), exactly.
      available: formatAmount(b.available, b.scale),
      pending: formatAmount(b.pending, b.scale),
      total: formatAmount(b.total, b.scale),
      usdValue: dec(b.usdValue),
      usdRate: dec(b.usdRate),
      usdSource: b.usdSource,
      updatedAt: b.updatedAt,
      scale: b.scale,
      networkFee: dec(b.networkFee),
      assetDecimals: b.assetDecimals,
    })),
    reported: outcome.reported.map((r) => ({ ...r, amount: formatDecimal(r.amount) })),
    notices: outcome.notices,
  };
}

class Invalid extends Error {}

/** The largest scale or decimals figure a cache entry may hold. */
const MAX_SCALE = 100;

/** A reader over one untrusted record: each getter throws Invalid when the field has the wrong type. */
function fields(record: unknown) {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Invalid('not an object');
  const r = record as Record<string, unknown>;
  const str = (k: string): string => (typeof r[k] === 'string' ? r[k] : fail(k));
  const optStr = (k: string): string | null => (r[k] === null ? null : str(k));
  // Scales and decimals are small (providers use up to 18); a huge one would make formatting blow up.
  const int = (k: string): number => (Number.isSafeInteger(r[k]) && (r[k] as number) >= 0 && (r[k] as number) <= MAX_SCALE ? (r[k] as number) : fail(k));
  const amount = (k: string): Decimal | null => {
    const text = optStr(k);
    if (text === null) return null;
    return parseUserDecimal(text) ?? fail(k);
  };
  const strList = (k: string): string[] => (Array.isArray(r[k]) && (r[k] as unknown[]).every((s) => typeof s === 'string') ? (r[k] as string[]) : fail(k));
  return { r, str, optStr, int, amount, strList };
}

function fail(key: string): never {
  throw new Invalid(`bad ${key}`);
}

function decodeBalance(record: unknown, expectedProvider: string): Balance {
  const { str, optStr, int, amount, r } = fields(record);
  const mode = optStr('mode');
  if (mode !== null && mode !== 'live' && mode !== 'test') fail('mode');
  const provider = str('provider');
  if (provider !== expectedProvider) fail('provider');
  return {
    account: str('account'),
    provider,
    mode,
    wallet: optStr('wallet'),
    walletName: optStr('walletName'),
    currency: str('currency'),
    network: optStr('network'),
    providerCurrency: str('providerCurrency'),
    available: amount('available'),
    pending: amount('pending'),
    total: amount('total'),
    usdValue: amount('usdValue'),
    usdRate: amount('usdRate'),
    usdSource: optStr('usdSource'),
    updatedAt: optStr('updatedAt'),
    raw: null,
    scale: int('scale'),
    networkFee: amount('networkFee'),
    assetDecimals: r.assetDecimals === null ? null : int('assetDecimals'),
  };
}

function decodeReported(record: unknown): ReportedTotal {
  const { str, optStr, amount, r } = fields(record);
  const scope = str('scope');
  if (scope !== 'account' && scope !== 'wallet' && scope !== 'customer') fail('scope');
  if (r.currency !== 'USD') fail('currency');
  const value = amount('amount') ?? fail('amount');
  const wallets = r.wallets === null ? null : fields(r).strList('wallets');
  return { account: str('account'), provider: str('provider'), scope, scopeId: optStr('scopeId'), currency: 'USD', amount: value, wallets };
}

export interface DecodedEntry {
  outcome: AccountOutcome;
  fetchedAt: Date;
}

/** The entry as an outcome, or a reason it cannot be used. */
export function decodeEntry(record: unknown, expected: { account: string; provider: string }): DecodedEntry | { problem: string } {
  try {
    const { str, strList, r } = fields(record);
    if (str('account') !== expected.account || str('provider') !== expected.provider) return { problem: 'entry belongs to another account' };
    const fetchedAt = new Date(str('fetchedAt'));
    if (Number.isNaN(fetchedAt.getTime())) fail('fetchedAt');
    if (!Array.isArray(r.balances) || !Array.isArray(r.reported)) fail('balances');
    const balances = r.balances.map((b) => decodeBalance(b, expected.provider));
    if (balances.some((b) => b.account !== expected.account)) fail('balances');
    const outcome: AccountOutcome = {
      account: expected.account,
      provider: expected.provider,
      balances,
      reported: r.reported.map(decodeReported),
      errors: [],
      notices: strList('notices'),
      ms: 0,
    };
    return { outcome, fetchedAt };
  } catch (error) {
    // Whatever is wrong with a cached entry costs a fetch, never the run (no exit 70 for a bad file).
    return { problem: `malformed entry (${error instanceof Invalid ? error.message : 'unreadable value'})` };
  }
}
