// The Bachs account `demo` and `sandbox --write-config` point at this emulator: SyncPay's current
// API; the sk_sandbox_ key makes it mode test.
import { BACHS_INFO } from '../info.js';

export function bachsDemoAccounts(base: string): Record<string, Record<string, unknown>> {
  return { bachs: { provider: 'bachs', baseUrl: base, apiKey: BACHS_INFO.sandboxCredentials.apiKey } };
}
