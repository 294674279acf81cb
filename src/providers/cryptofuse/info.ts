// Cryptofuse: what the rest of the tool needs to know about it without loading the adapter.
// @see https://docs.cryptofuse.io/api-reference/wallets/wallet-balance
import type { ProviderInfo } from '../info.js';

export const CRYPTOFUSE_INFO: ProviderInfo = {
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
  // Limits are served by /withdrawal/available-currencies/ (the adapter's withdrawalRules); when
  // that cannot be read the minimum is unknown and the config's `minimums:` decides.
  withdrawals: {},
  initExample: '--account casino --api-version v3',
  sandboxCredentials: { apiKey: 'cf_sandbox_key_00000000000000001', clientId: 'cf_sandbox_client', clientSecret: 'cf_sandbox_client_secret_000001' },
};
