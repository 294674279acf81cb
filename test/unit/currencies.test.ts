import { describe, expect, it } from 'vitest';
import { canonicalCurrency, canonicalNetwork, fiatMinorUnits } from '../../src/core/currencies.js';

describe('canonicalCurrency', () => {
  it.each([
    ['USDT_TRC20', undefined, 'USDT', 'tron'],
    ['usdttrc20', undefined, 'USDT', 'tron'],
    ['USDTTRC20', undefined, 'USDT', 'tron'],
    ['USDT', 'tron', 'USDT', 'tron'],
    ['usdterc20', undefined, 'USDT', 'ethereum'],
    ['USDT_ERC20', undefined, 'USDT', 'ethereum'],
    ['USDTPOLYGON', undefined, 'USDT', 'polygon'],
    ['USDTBSC', undefined, 'USDT', 'bsc'],
    ['USDTARB', undefined, 'USDT', 'arbitrum'],
    ['USDCERC20', undefined, 'USDC', 'ethereum'],
    ['USDC', 'polygon', 'USDC', 'polygon'],
    // Swipelux states the network beside a bare token code (v1 wallets; v3 account networks).
    ['USDC', 'ethereum', 'USDC', 'ethereum'],
    ['USDT', 'Polygon', 'USDT', 'polygon'],
    ['USDC', 'base', 'USDC', 'base'],
    ['USDC', 'arbitrum', 'USDC', 'arbitrum'],
    ['USDC', 'optimism', 'USDC', 'optimism'],
    ['USDC', 'bsc', 'USDC', 'bsc'],
    ['USDC', 'avalanche', 'USDC', 'avalanche'],
    ['usdt', 'ETH', 'USDT', 'ethereum'],
    ['btc', undefined, 'BTC', 'bitcoin'],
    ['BTC', 'bitcoin', 'BTC', 'bitcoin'],
    ['ETH', 'ethereum', 'ETH', 'ethereum'],
    // Cryptofuse: v2 keys with the blockchain beside them, v3 / withdrawal codes.
    ['btc', 'BTC', 'BTC', 'bitcoin'],
    ['eth', 'ETH', 'ETH', 'ethereum'],
    ['trx', 'TRX', 'TRX', 'tron'],
    ['USDTTRC20', 'TRX', 'USDT', 'tron'],
    ['usdcerc20', undefined, 'USDC', 'ethereum'],
    ['USDCPOLYGON', undefined, 'USDC', 'polygon'],
    ['USDTSOL', undefined, 'USDT', 'solana'],
    ['USD', undefined, 'USD', null],
    ['ngn', undefined, 'NGN', null],
    ['GHS', undefined, 'GHS', null],
  ])('%s (network %s) → %s on %s', (code, network, currency, expectedNetwork) => {
    expect(canonicalCurrency(code, network)).toEqual({ currency, network: expectedNetwork });
  });

  it('passes unknown codes through upper-cased with no network', () => {
    expect(canonicalCurrency('zzcoin')).toEqual({ currency: 'ZZCOIN', network: null });
  });

  it('maps chain aliases to canonical networks', () => {
    expect(canonicalNetwork('TRX')).toBe('tron');
    expect(canonicalNetwork('MATIC')).toBe('polygon');
    expect(canonicalNetwork('somechain')).toBe('somechain');
    expect(canonicalNetwork(null)).toBeNull();
  });

  it('knows fiat minor units', () => {
    expect(fiatMinorUnits('USD')).toBe(2);
    expect(fiatMinorUnits('JPY')).toBe(0);
    expect(fiatMinorUnits('KWD')).toBe(3);
    expect(fiatMinorUnits('BTC')).toBeNull();
  });
});
