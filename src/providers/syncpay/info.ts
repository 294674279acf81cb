// SyncPay (the older API of what is now Bachs): what the rest of the tool needs to know about it
// without loading the adapter.
// @see https://docs.usesyncpay.com/syncpay-api-documentation/get-account-balances
import type { ProviderInfo, WithdrawalFacts } from '../kit/info.js';

/**
 * SyncPay publishes a minimum table in its docs (no endpoint) and "crypto up to 8 decimals". A
 * currency outside the table has an unknown minimum, which makes can-withdraw answer "unknown"
 * (fail closed) until the config states one. Bachs has neither, so it follows these too.
 */
export const SYNCPAY_WITHDRAWALS: WithdrawalFacts = {
  documentedMinimums: { USD: '10', NGN: '5000', GHS: '50', KES: '500', USDT_TRC20: '10', USDT_ERC20: '50' },
  maxCryptoDecimals: 8,
};

export const SYNCPAY_INFO: ProviderInfo<'syncpay'> = {
  id: 'syncpay',
  displayName: 'SyncPay',
  docsUrl: 'https://docs.usesyncpay.com/syncpay-api-documentation/get-account-balances',
  defaultBaseUrl: 'https://api.usesyncpay.com',
  accountFields: {},
  credentials: [['apiKey']],
  // No number is published; the docs ask for no more than one balance poll per 10 s.
  minPollIntervalMs: 10_000,
  modeHints: {
    keyPrefixes: [
      ['sk_test_', 'test'],
      ['sk_live_', 'live'],
    ],
  },
  concurrency: 2,
  withdrawals: SYNCPAY_WITHDRAWALS,
  init: { account: 'syncpay', example: '--account payouts --key-env SYNCPAY_API_KEY', flags: [] },
  sandboxCredentials: { apiKey: 'sk_test_syncpaysandbox000000000001' },
};
