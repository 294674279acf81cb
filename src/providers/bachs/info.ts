// Bachs, SyncPay's current API (the Bachs site sends its docs link to docs.usesyncpay.com and the
// balance payload keeps SyncPay's field names). What the rest of the tool needs to know about it
// without loading the adapter: hosts, key prefixes and the documented request limit.
// @see https://docs.bachs.io (its OpenAPI: `servers`, `responses.TooManyRequests`)
import type { ProviderInfo } from '../kit/info.js';
import { SYNCPAY_WITHDRAWALS } from '../syncpay/info.js';

export const BACHS_HOSTS = {
  live: 'https://api.bachs.io',
  test: 'https://sandbox-api.bachs.io',
} as const;

/** Key prefix → mode. `sk_test_` is SyncPay's older sandbox prefix, which Bachs SDKs still map to the sandbox. */
export const BACHS_KEY_MODES: ReadonlyArray<readonly [prefix: string, mode: 'live' | 'test']> = [
  ['sk_sandbox_', 'test'],
  ['sk_test_', 'test'],
  ['sk_live_', 'live'],
];

export const BACHS_INFO: ProviderInfo<'bachs'> = {
  id: 'bachs',
  displayName: 'Bachs',
  docsUrl: 'https://docs.bachs.io',
  // The host follows the key (sk_sandbox_ → sandbox, sk_live_ → production); this is the
  // production host, used only for messages when no key decides (see hosts.ts).
  defaultBaseUrl: BACHS_HOSTS.live,
  accountFields: {},
  credentials: [['apiKey']],
  // 429 text: "Standard tier allows 100 requests per minute per API key". X-RateLimit-* headers,
  // when the server sends them, pace tighter (http/rate-limit-headers.ts).
  rateLimit: { requests: 100, windowMs: 60_000 },
  minPollIntervalMs: 1_000,
  concurrency: 2,
  // No minimum endpoint or table of its own: SyncPay's documented table and decimals apply.
  withdrawals: SYNCPAY_WITHDRAWALS,
  // The key picks the host (hosts.ts), so the key alone tells the mode.
  modeHints: { keyPrefixes: BACHS_KEY_MODES },
  init: { account: 'bachs', example: '--account bachs --key-env BACHS_API_KEY', flags: [] },
  // An sk_sandbox_ key, so the host and mode follow it to the sandbox.
  sandboxCredentials: { apiKey: 'sk_sandbox_bachssandbox0000000000001' },
};
