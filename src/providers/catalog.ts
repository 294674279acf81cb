// What the rest of the tool needs to know about each provider without loading its adapter:
// display name, docs, default host, extra config keys, credentials and documented limits.
// Config validation, --help and completion read this; adapters live in src/providers/<id>.ts.
import type { ProviderId } from '../core/provider-ids.js';
import type { ProviderInfo } from './info.js';
import { BACHS_INFO } from './bachs/info.js';

export { PROVIDER_IDS, isProviderId, type ProviderId } from '../core/provider-ids.js';
export type { RateLimit } from '../http/rate-limiter.js';
export type { FieldSpec, ProviderInfo } from './info.js';

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  'flow-payments': {
    id: 'flow-payments',
    displayName: 'Flow Payments',
    docsUrl: 'https://flow-payments-docs.pages.dev/api-reference/balances',
    defaultBaseUrl: 'https://api.flow-payments.com/api',
    accountFields: {},
    credentials: [['apiKey']],
    // "30 requests/minute per API token" (authorization page).
    rateLimit: { requests: 30, windowMs: 60_000 },
    minPollIntervalMs: 2_000,
    keyModePrefixes: { test: 'sk_test_', live: 'sk_live_' },
    concurrency: 4,
  },
  syncpay: {
    id: 'syncpay',
    displayName: 'SyncPay',
    docsUrl: 'https://docs.usesyncpay.com/syncpay-api-documentation/get-account-balances',
    defaultBaseUrl: 'https://api.usesyncpay.com',
    accountFields: {},
    credentials: [['apiKey']],
    // No number is published; the docs ask for no more than one balance poll per 10 s.
    minPollIntervalMs: 10_000,
    keyModePrefixes: { test: 'sk_test_', live: 'sk_live_' },
    concurrency: 2,
  },
  bachs: BACHS_INFO,
  swipelux: {
    id: 'swipelux',
    displayName: 'Swipelux',
    docsUrl: 'https://docs.swipelux.com/balances',
    // The newer docs (and v3) use platform.swipelux.com for the same /v1 paths; wallet.swipelux.com
    // is the older host. README "Providers" explains the choice; baseUrl overrides it.
    defaultBaseUrl: 'https://platform.swipelux.com',
    accountFields: {
      apiVersion: { kind: 'enum', values: ['v1', 'v3'], description: 'v1 wallets and customers (default) or v3 accounts' },
      wallets: { kind: 'stringList', description: 'v1: wallet ids (wal_… or cus_…/wal_…); v3: cus_…/acc_… accounts; every customer is read when no ids are given' },
      customers: { kind: 'stringList', description: 'customer ids (cus_…/biz_…) to read' },
    },
    credentials: [['apiKey']],
    // No limit is documented (no 429 in the v3 problem catalog).
    minPollIntervalMs: 5_000,
    keyModePrefixes: { test: 'sk.sbx.', live: 'sk.live.' },
    concurrency: 4,
  },
  cryptofuse: {
    id: 'cryptofuse',
    displayName: 'Cryptofuse',
    docsUrl: 'https://docs.cryptofuse.io/api-reference/wallets/wallet-balance',
    defaultBaseUrl: 'https://api.cryptofuse.io',
    accountFields: {
      apiVersion: { kind: 'enum', values: ['v1', 'v2', 'v3'], description: 'balance endpoint shape' },
      wallets: { kind: 'stringList', description: 'wallet ids; all wallets are listed when omitted' },
      externalIds: { kind: 'stringList', description: 'v3 only: accounts by your external_id' },
      clientId: { kind: 'secret', description: 'OAuth client id (instead of apiKey)' },
      clientSecret: { kind: 'secret', description: 'OAuth client secret (instead of apiKey)' },
    },
    credentials: [['apiKey'], ['clientId', 'clientSecret']],
    // v0.9 docs: 100/min per key (current docs list 429 without numbers).
    rateLimit: { requests: 100, windowMs: 60_000 },
    minPollIntervalMs: 1_000,
    concurrency: 4,
  },
};
