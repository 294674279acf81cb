// The Swipelux account `demo` and `sandbox --write-config` point at this emulator.
import { SWIPELUX_INFO } from '../info.js';

export function swipeluxDemoAccounts(base: string): Record<string, Record<string, unknown>> {
  return {
    swipelux: { provider: 'swipelux', baseUrl: base, apiKey: SWIPELUX_INFO.sandboxCredentials.apiKey, wallets: ['wal_abc123'], customers: ['cus_abc123'] },
  };
}
