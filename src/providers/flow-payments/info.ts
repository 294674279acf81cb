// Flow Payments: what the rest of the tool needs to know about it without loading the adapter.
// @see https://flow-payments-docs.pages.dev/api-reference/balances
import type { ProviderInfo } from '../kit/info.js';

export const FLOW_PAYMENTS_INFO: ProviderInfo<'flow-payments'> = {
  id: 'flow-payments',
  displayName: 'Flow Payments',
  docsUrl: 'https://flow-payments-docs.pages.dev/api-reference/balances',
  defaultBaseUrl: 'https://api.flow-payments.com/api',
  accountFields: {},
  credentials: [['apiKey']],
  // "30 requests/minute per API token" (authorization page).
  rateLimit: { requests: 30, windowMs: 60_000 },
  minPollIntervalMs: 2_000,
  modeHints: {
    hosts: { 'api-staging.flow-payments.com': 'test', 'api.flow-payments.com': 'live' },
    keyPrefixes: [
      ['sk_test_', 'test'],
      ['sk_live_', 'live'],
    ],
  },
  concurrency: 4,
  // No minimum is documented: the balance alone limits a withdrawal.
  withdrawals: {},
  init: { account: 'flow', example: '--account flow-main --key-env FLOW_API_KEY', flags: [] },
  sandboxCredentials: { apiKey: 'sk_test_flowsandbox00000000000001' },
};
