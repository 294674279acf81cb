// Canonical currencies: every provider code maps to a symbol plus a network, so that SyncPay
// `USDT_TRC20`, Cryptofuse `usdttrc20` and Flow `USDT` on chain `tron` all become USDT on tron.
// Fiat has network null. Unknown codes pass through (upper-cased, network null) rather than fail:
// a provider adding a coin must not break the tool.

export interface CanonicalCurrency {
  currency: string;
  network: string | null;
}

/** Chain names and aliases (token standards, tickers) → our canonical network names. */
const NETWORK_ALIASES: Record<string, string> = {
  bitcoin: 'bitcoin',
  btc: 'bitcoin',
  ethereum: 'ethereum',
  eth: 'ethereum',
  erc20: 'ethereum',
  tron: 'tron',
  trx: 'tron',
  trc20: 'tron',
  bsc: 'bsc',
  bep20: 'bsc',
  bnb: 'bsc',
  binance: 'bsc',
  polygon: 'polygon',
  matic: 'polygon',
  pol: 'polygon',
  solana: 'solana',
  sol: 'solana',
  spl: 'solana',
  arbitrum: 'arbitrum',
  arb: 'arbitrum',
  base: 'base',
  optimism: 'optimism',
  op: 'optimism',
  avalanche: 'avalanche',
  avax: 'avalanche',
  avaxc: 'avalanche',
  litecoin: 'litecoin',
  ltc: 'litecoin',
  dogecoin: 'dogecoin',
  doge: 'dogecoin',
  ripple: 'ripple',
  xrp: 'ripple',
  cardano: 'cardano',
  ada: 'cardano',
  ton: 'ton',
};

/** Native coins: their own chain is implied when a provider gives no other network. */
const NATIVE_COINS: Record<string, string> = {
  BTC: 'bitcoin',
  ETH: 'ethereum',
  TRX: 'tron',
  BNB: 'bsc',
  SOL: 'solana',
  MATIC: 'polygon',
  POL: 'polygon',
  LTC: 'litecoin',
  DOGE: 'dogecoin',
  XRP: 'ripple',
  ADA: 'cardano',
  AVAX: 'avalanche',
  TON: 'ton',
};

/** Tokens that appear glued to a network suffix (`USDTTRC20`, `usdcerc20`, `USDTPOLYGON`). */
const TOKENS = ['USDT', 'USDC', 'DAI', 'BUSD', 'TUSD', 'PYUSD', 'EURC', 'WBTC', 'WETH'];

/**
 * ISO 4217 fiat codes with their minor units (decimals allowed). Intl knows these too, but it also
 * accepts any three letters (it would call "BTC" a currency with 2 decimals), so we keep the list.
 */
const FIAT_MINOR_UNITS: Record<string, number> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  JPY: 0,
  CNY: 2,
  HKD: 2,
  SGD: 2,
  INR: 2,
  KRW: 0,
  BRL: 2,
  MXN: 2,
  ARS: 2,
  CLP: 0,
  COP: 2,
  PEN: 2,
  ZAR: 2,
  NGN: 2,
  GHS: 2,
  KES: 2,
  TZS: 2,
  UGX: 0,
  RWF: 0,
  XOF: 0,
  XAF: 0,
  EGP: 2,
  MAD: 2,
  TRY: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  ILS: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  RON: 2,
  BGN: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  ISK: 0,
  UAH: 2,
  RUB: 2,
  KZT: 2,
  PHP: 2,
  IDR: 2,
  MYR: 2,
  THB: 2,
  VND: 0,
  PKR: 2,
  BDT: 2,
  LKR: 2,
  NPR: 2,
  TWD: 2,
  ZMW: 2,
  MWK: 2,
  BWP: 2,
  NAD: 2,
  ETB: 2,
  XAG: 0,
  GEL: 2,
  AMD: 2,
  AZN: 2,
  UZS: 2,
  DZD: 2,
  TND: 3,
  LYD: 3,
  IQD: 3,
};

export function isFiat(symbol: string): boolean {
  return Object.hasOwn(FIAT_MINOR_UNITS, symbol.toUpperCase());
}

/** Decimals a fiat amount may carry (USD 2, JPY 0, KWD 3); null for anything not fiat. */
export function fiatMinorUnits(symbol: string): number | null {
  return FIAT_MINOR_UNITS[symbol.toUpperCase()] ?? null;
}

/** A provider's chain/network/blockchain name → canonical network, or the lower-cased input. */
export function canonicalNetwork(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const key = name.trim().toLowerCase();
  if (key === '') return null;
  return NETWORK_ALIASES[key] ?? key;
}

/**
 * Map a provider currency code (and, when the provider states it, the network) to canonical form.
 * Handles `USDT_TRC20`, `usdttrc20`, `USDTPOLYGON`, `USDT-ERC20`, `btc`, fiat codes, and bare tokens.
 */
export function canonicalCurrency(code: string, network?: string | null): CanonicalCurrency {
  const upper = code.trim().toUpperCase();
  const statedNetwork = canonicalNetwork(network);

  const separated = /^([A-Z0-9]+)[_\-.\s]([A-Z0-9]+)$/.exec(upper);
  if (separated) {
    const [, symbol = upper, suffix = ''] = separated;
    const suffixNetwork = NETWORK_ALIASES[suffix.toLowerCase()];
    if (suffixNetwork) return { currency: symbol, network: statedNetwork ?? suffixNetwork };
  }

  for (const token of TOKENS) {
    if (upper.length > token.length && upper.startsWith(token)) {
      const suffixNetwork = NETWORK_ALIASES[upper.slice(token.length).toLowerCase()];
      if (suffixNetwork) return { currency: token, network: statedNetwork ?? suffixNetwork };
    }
  }

  if (isFiat(upper)) return { currency: upper, network: null };
  if (statedNetwork) return { currency: upper, network: statedNetwork };
  return { currency: upper, network: NATIVE_COINS[upper] ?? null };
}

/** Every network name and alias we know (tron, trc20, ethereum, erc20, …). */
export function knownNetworkNames(): string[] {
  return Object.keys(NETWORK_ALIASES);
}

/** Every canonical symbol we know by name, for "did you mean" suggestions. */
export function knownSymbols(): string[] {
  return [...new Set([...TOKENS, ...Object.keys(NATIVE_COINS), ...Object.keys(FIAT_MINOR_UNITS)])];
}
