// Swipelux: what the rest of the tool needs to know about it without loading the adapter.
// @see https://docs.swipelux.com/balances
import type { ProviderInfo } from '../info.js';
import { swipeluxAccountRule } from './account-rule.js';

export const SWIPELUX_INFO: ProviderInfo = {
  id: 'swipelux',
  displayName: 'Swipelux',
  docsUrl: 'https://docs.swipelux.com/balances',
  // The newer docs (and v3) use platform.swipelux.com for the same /v1 paths; wallet.swipelux.com
  // is the older host. docs/providers.md explains the choice; baseUrl overrides it.
  defaultBaseUrl: 'https://platform.swipelux.com',
  accountFields: {
    apiVersion: { kind: 'enum', values: ['v1', 'v3'], description: 'v1 wallets and customers (default) or v3 accounts' },
    wallets: { kind: 'stringList', description: 'v1: wallet ids (wal_… or cus_…/wal_…); v3: cus_…/acc_… accounts; every customer is read when no ids are given' },
    customers: { kind: 'stringList', description: 'customer ids (cus_…/biz_…) to read' },
  },
  accountRule: swipeluxAccountRule,
  credentials: [['apiKey']],
  // No limit is documented (no 429 in the v3 problem catalog).
  minPollIntervalMs: 5_000,
  keyModePrefixes: { test: 'sk.sbx.', live: 'sk.live.' },
  concurrency: 4,
  // No minimum is documented: the balance alone limits a withdrawal.
  withdrawals: {},
  init: {
    example: '--account treasury --wallet wal_abc123',
    flags: ['apiVersion', 'wallets', 'customers'],
    // No default written: an account without apiVersion is read with v1.
    apiVersions: { v1: 'wallets and customers (wal_…, cus_…)', v3: 'accounts (cus_…/acc_…)' },
    // Either id flag settles the ids; without both, no ids at all reads every customer of the key
    // (bounded enumeration), which the second question says.
    askMissing: async (given, ask) => {
      const apiVersion = given.apiVersion ?? (await ask.version('Swipelux API', 'v1'));
      if (given.wallets || given.customers) return { apiVersion };
      const wallets = await ask.ids(
        apiVersion === 'v3'
          ? 'Swipelux accounts to read (cus_…/acc_…, comma-separated; empty for none)'
          : 'Swipelux wallet ids to read (wal_… or cus_…/wal_…, comma-separated; empty for none)',
        'wallets',
        { apiVersion },
      );
      const none = wallets.length === 0 ? 'empty reads every customer' : 'empty for none';
      const customers = await ask.ids(`Swipelux customer ids to read (cus_…/biz_…, comma-separated; ${none})`, 'customers', { apiVersion, wallets });
      return { apiVersion, wallets, customers };
    },
  },
  sandboxCredentials: { apiKey: 'sk.sbx.swipeluxsandbox0000000001' },
};
