// Swipelux: what the rest of the tool needs to know about it without loading the adapter.
// @see https://docs.swipelux.com/balances
import type { ProviderInfo } from '../kit/info.js';
import { swipeluxAccountRule, swipeluxAccountRuleSchema } from './account-rule.js';

export const SWIPELUX_INFO: ProviderInfo<'swipelux'> = {
  id: 'swipelux',
  displayName: 'Swipelux',
  docsUrl: 'https://docs.swipelux.com/balances',
  // The newer docs (and v3) use platform.swipelux.com for the same /v1 paths; wallet.swipelux.com
  // is the older host. docs/providers.md explains the choice; baseUrl overrides it.
  defaultBaseUrl: 'https://platform.swipelux.com',
  accountFields: {
    apiVersion: { kind: 'enum', values: ['v1', 'v3'], description: 'v1 wallets and customers (default) or v3 accounts' },
    wallets: {
      kind: 'stringList',
      pathSegments: true,
      description: 'v1: wallet ids (wal_… or cus_…/wal_…); v3: cus_…/acc_… accounts; every customer is read when no ids are given',
    },
    customers: { kind: 'stringList', pathSegments: true, description: 'customer ids (cus_…/biz_…) to read' },
  },
  accountRule: swipeluxAccountRule,
  accountRuleSchema: swipeluxAccountRuleSchema,
  credentials: [['apiKey']],
  // No limit is documented (no 429 in the v3 problem catalog).
  minPollIntervalMs: 5_000,
  // Swipelux's own starter app names the sandbox host (their OpenAPI `servers`).
  modeHints: {
    hosts: { 'platform.sbx.swipelux.com': 'test' },
    keyPrefixes: [
      ['sk.sbx.', 'test'],
      ['sk.live.', 'live'],
    ],
  },
  concurrency: 4,
  // No minimum is documented: the balance alone limits a withdrawal.
  withdrawals: {},
  init: {
    account: 'swipelux',
    example: '--account treasury --wallet wal_abc123',
    flags: ['wallets', 'customers', 'apiVersion'],
    apiVersions: { v1: 'wallets and customers (wal_…, cus_…)', v3: 'accounts (cus_…/acc_…)' },
    // No apiVersion is written unless v3 is chosen: v1 is what an account without one reads.
    // Either id flag settles the ids; without both, no ids at all reads every customer of the key
    // (bounded enumeration), which the last question says. v3 reads accounts through their
    // customer, so its ids are customerId/accountId pairs (the config's rule checks each answer).
    askMissing: async (given, ask) => {
      if (given.wallets || given.customers) return {};
      const apiVersion = given.apiVersion ?? (await ask.version('Swipelux API', 'v1'));
      const version = apiVersion === 'v1' ? {} : { apiVersion };
      const wallets = await ask.ids(
        apiVersion === 'v3'
          ? 'Swipelux accounts to read (cus_…/acc_…, comma-separated; empty for none)'
          : 'Swipelux wallet ids to read (wal_… or cus_…/wal_…, comma-separated; empty for none)',
        'wallets',
        version,
      );
      const none = wallets.length === 0 ? 'empty reads every customer' : 'empty for none';
      const customers = await ask.ids(`Swipelux customer ids to read (cus_…/biz_…, comma-separated; ${none})`, 'customers', { ...version, wallets });
      return { ...version, wallets, customers };
    },
  },
  sandboxCredentials: { apiKey: 'sk.sbx.swipeluxsandbox0000000001' },
};
