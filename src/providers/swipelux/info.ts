// Swipelux: what the rest of the tool needs to know about it without loading the adapter.
// @see https://docs.swipelux.com/balances
import type { ProviderInfo } from '../info.js';
import { swipeluxAccountRule } from './account-rule.js';

export const SWIPELUX_INFO: ProviderInfo = {
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
  accountRule: swipeluxAccountRule,
  credentials: [['apiKey']],
  // No limit is documented (no 429 in the v3 problem catalog).
  minPollIntervalMs: 5_000,
  keyModePrefixes: { test: 'sk.sbx.', live: 'sk.live.' },
  concurrency: 4,
  // No minimum is documented: the balance alone limits a withdrawal.
  withdrawals: {},
  initExample: '--account treasury --wallet wal_abc123',
  sandboxCredentials: { apiKey: 'sk.sbx.swipeluxsandbox0000000001' },
};
