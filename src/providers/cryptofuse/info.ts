// Cryptofuse: what the rest of the tool needs to know about it without loading the adapter.
// @see https://docs.cryptofuse.io/api-reference/wallets/wallet-balance
import type { ProviderInfo } from '../kit/info.js';

/** The balance API shapes (docs/providers.md); `config init` and the config accept these. */
const API_VERSIONS = ['v1', 'v2', 'v3'];

export const CRYPTOFUSE_INFO: ProviderInfo<'cryptofuse'> = {
  id: 'cryptofuse',
  displayName: 'Cryptofuse',
  docsUrl: 'https://docs.cryptofuse.io/api-reference/wallets/wallet-balance',
  defaultBaseUrl: 'https://api.cryptofuse.io',
  accountFields: {
    apiVersion: { kind: 'enum', values: API_VERSIONS, description: 'balance endpoint shape' },
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
  init: {
    account: 'cryptofuse',
    example: '--account casino --api-version v3',
    flags: ['wallets', 'apiVersion'],
    defaultApiVersion: 'v3',
    apiVersions: {
      v1: 'GET /wallets/balances (the oldest docs)',
      v2: 'POST /wallets/balance, USD values per balance',
      v3: 'POST /wallets/balances/, by wallet or external id (current)',
    },
    askMissing: async (given, ask) => {
      const apiVersion = given.apiVersion ?? (await ask.version('Cryptofuse balance API', 'v3'));
      const wallets = given.wallets ?? (await ask.ids('Cryptofuse wallet ids (comma-separated; empty reads every wallet)', 'wallets', { apiVersion }));
      return { apiVersion, wallets };
    },
  },
  sandboxCredentials: { apiKey: 'cf_sandbox_key_00000000000000001', clientId: 'cf_sandbox_client', clientSecret: 'cf_sandbox_client_secret_000001' },
};
